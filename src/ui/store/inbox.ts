import type { Action, KubeObject, ObjectRef } from '../../sim/index';
import { ACTION_WINDOW, type BatchMessage, type WorkerMessage } from '../../worker/protocol';

/** How long the inbox may spend decoding objects each time the page is idle. */
export const DECODE_BUDGET_MS = 6;

/**
 * How long decoded objects wait for the rest of the worker's batch before the store gets them anyway. Each store
 * update that touches the graph re-renders its cards and re-layerizes the whole React Flow viewport (10-20 ms in
 * the UI benchmark): updating once per batch did better than once per slice of decoding.
 */
export const HOLD_MS = 250;

/** DecodedBatch is one store update: the objects decoded since the previous one, and what came with them. */
export interface DecodedBatch {
  type: 'batch';
  /** The newest batch's virtual time, once every object up to it is decoded; absent while some still wait. */
  time?: number;
  upserted: KubeObject[];
  deleted: ObjectRef[];
  /** Actions new since the previous update, oldest first, at most ACTION_WINDOW. */
  actions: Action[];
  /** The newest batch's actions and how many it narrated in all: what the last tick or step did. */
  latest?: { actions: Action[]; count: number };
}

/** StoreMessage is what the cluster store takes: worker messages, with batches decoded. */
export type StoreMessage = Exclude<WorkerMessage, BatchMessage> | DecodedBatch;

const refKey = (ref: ObjectRef) => `${ref.kind}/${ref.namespace}/${ref.name}`;

/**
 * Inbox stands between the worker and the store. A batch can carry 20 MB at 100x; receiving and decoding it as
 * objects in one task blocked the page for a quarter of a second. The worker sends JSON text instead, which the
 * inbox keeps by key, so a newer version replaces an older one that was never decoded, and decodes a budget's
 * worth each time `whenIdle` calls it back, oldest change first. Once it has caught up with the worker (or objects
 * have waited HOLD_MS) it hands the store what it decoded as one update, one React render. Other messages pass
 * straight through; `ready` (a new cluster) also drops whatever of the old one still waits.
 */
export class Inbox {
  private readonly texts = new Map<string, string>();
  /** Decoded and waiting for the store: key → the object, or the reference of a deleted one. */
  private readonly decoded = new Map<string, { value: KubeObject | ObjectRef; deleted: boolean }>();
  private actions: Action[] = [];
  private latest: DecodedBatch['latest'];
  private time: number | undefined;
  private holdingSince: number | undefined;
  private scheduled = false;

  constructor(
    private readonly deliver: (message: StoreMessage) => void,
    private readonly whenIdle: (run: () => void) => void,
    private readonly now: () => number,
    private readonly budgetMs = DECODE_BUDGET_MS,
    private readonly holdMs = HOLD_MS,
  ) {}

  /** waiting is how many objects are still to be decoded or handed to the store. */
  get waiting(): number {
    return this.texts.size + this.decoded.size;
  }

  push(message: WorkerMessage): void {
    if (message.type !== 'batch') {
      if (message.type === 'ready') this.clear();
      this.deliver(message);
      return;
    }
    for (let i = 0; i < message.keys.length; i++) this.texts.set(message.keys[i], message.upserted[i]);
    for (const ref of message.deleted) {
      const key = refKey(ref);
      this.texts.delete(key);
      this.decoded.set(key, { value: ref, deleted: true });
    }
    if (message.actions.length > 0) {
      this.actions.push(...message.actions);
      if (this.actions.length > ACTION_WINDOW) this.actions = this.actions.slice(-ACTION_WINDOW);
    }
    this.latest = { actions: message.actions, count: message.actionCount };
    this.time = message.time;
    if (!this.scheduled) this.again();
  }

  /** drain decodes what the budget allows, and hands the store everything decoded once caught up or held too long. */
  drain(): void {
    this.scheduled = false;
    if (this.time === undefined) return;
    const start = this.now();
    this.holdingSince ??= start;
    for (const [key, text] of this.texts) {
      this.texts.delete(key);
      this.decoded.set(key, { value: JSON.parse(text) as KubeObject, deleted: false });
      if (this.now() - start >= this.budgetMs) break;
    }
    const done = this.texts.size === 0;
    if (!done && this.now() - this.holdingSince < this.holdMs) return this.again();
    const upserted: KubeObject[] = [];
    const deleted: ObjectRef[] = [];
    for (const { value, deleted: gone } of this.decoded.values()) {
      if (gone) deleted.push(value as ObjectRef);
      else upserted.push(value as KubeObject);
    }
    this.deliver({ type: 'batch', time: done ? this.time : undefined, upserted, deleted, actions: this.actions, latest: this.latest });
    this.decoded.clear();
    this.actions = [];
    this.latest = undefined;
    this.holdingSince = undefined;
    if (done) this.time = undefined;
    else this.again();
  }

  private again(): void {
    this.scheduled = true;
    this.whenIdle(() => this.drain());
  }

  private clear(): void {
    this.texts.clear();
    this.decoded.clear();
    this.actions = [];
    this.latest = undefined;
    this.time = undefined;
    this.holdingSince = undefined;
  }
}
