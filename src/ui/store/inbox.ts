import type { Pod } from 'kubernetes-types/core/v1';
import type { Action, KubeObject, ObjectRef } from '../../sim/index';
import { parseText, textAt } from '../../worker/packedTexts';
import { ACTION_WINDOW, EVENT_WINDOW, type BatchMessage, type WorkerMessage } from '../../worker/protocol';
import type { EventRecord } from './eventLog';
import { SharedParts, sharePod } from './sharedParts';

/** How long the inbox may spend decoding objects each time the page is idle. */
export const DECODE_BUDGET_MS = 4;

/**
 * A call that decoded for this long leaves the store update to the next call, in a later frame: decoding a slice and
 * then rendering the update made the longest frames of a rollout.
 */
export const DECODED_ALONE_MS = 1;

/**
 * How long decoded objects wait for the rest of the worker's batch before the store gets them anyway. Each store
 * update that touches the graph re-renders its cards and re-layerizes the whole React Flow viewport (10-20 ms in
 * the UI benchmark): updating once per batch did better than once per slice of decoding.
 */
export const HOLD_MS = 250;

/**
 * After a store update, the next one waits PACE times as long as the update's own work (reducing it and React's
 * render and commit) took, and at most MAX_PAUSE_MS. A rollout of 2,000 pods at 100x changed every node card on
 * each update: 30-60 ms of script and as much again of style, layout and paint, ten times a second. Paced, the page
 * spends a bounded share of its time on updates (plus as much again drawing them); a small change still shows at
 * once, and a large one a little later.
 */
export const PACE = 8;
export const MAX_PAUSE_MS = 1000;

/**
 * While the cluster plays, store updates come at most this often. At 100x the worker sent a batch every tick
 * (100 ms; now every third: POST_EVERY_TICKS in src/worker/simHost.ts); updating the store for each one decoded
 * every pod version in between, and the decoded pods, replaced a tick later, were promoted and collected by a major
 * garbage collection every 2-3 s (each one 4-5 long frames in the UI benchmark). A quarter of a second per update
 * still shows a rollout move, and a newer version replaces an older one before anyone parses it. Paused, what a Step
 * or another command did shows at once.
 */
export const MIN_INTERVAL_MS = 250;

/**
 * An update holds at most this many objects and Events together. A larger one brings its objects first (what the
 * graph draws), then its actions and Events (what the timeline shows) in updates of at most this many Events: the
 * 17,000 Events of a 2,000-pod rollout, indexed and listed in the same update as its pods were drawn, made one
 * 80-100 ms task.
 */
export const UPDATE_SIZE = 2000;

/** InboxLimits are the inbox's budgets; the defaults are the constants above. */
export interface InboxLimits {
  budgetMs: number;
  decodedAloneMs: number;
  holdMs: number;
  pace: number;
  minIntervalMs: number;
  updateSize: number;
}

/** InboxClock is how the inbox meets the page. */
export interface InboxClock {
  /** Calls back when the page is idle, once per frame at most. */
  whenIdle(run: () => void): void;
  /** Calls back once the work a store update started is done (React renders in a microtask after the update). */
  afterUpdate(run: () => void): void;
  /** Whether the page is still drawing the last update in later frames (the graph redraws a few node cards a frame). */
  drawing(): boolean;
  now(): number;
}

/** DecodedBatch is one store update: the objects decoded since the previous one, and what came with them. */
export interface DecodedBatch {
  type: 'batch';
  /** The newest batch's virtual time, once every object and Event up to it has reached the store; absent while some still wait. */
  time?: number;
  upserted: KubeObject[];
  /** Upserted Events, indexed but not parsed (see EventRecord): at most the newest EVENT_WINDOW since the previous update. */
  events: EventRecord[];
  /** `kind/namespace/name` of the objects that Events left out (older than those) were about. */
  touched: string[];
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
 * objects in one task blocked the page for a quarter of a second. The worker sends JSON text instead (packed bytes),
 * which the inbox keeps by key, so a newer version replaces an older one that was never decoded, and decodes a budget's
 * worth each time `whenIdle` calls it back, oldest change first, once the last update's pause (see PACE) is over.
 * Once it has caught up with the worker (or objects have waited HOLD_MS) it hands the store what it decoded as one
 * update, one React render. Events need no decoding: they wait as records, a newer version replacing an older one.
 * Other messages pass straight through; `ready` (a new cluster) also drops whatever of the old one still waits.
 */
export class Inbox {
  private readonly texts = new Map<string, Uint8Array>();
  /** Decoded Pods share what they hold alike (see SharedParts). */
  private readonly parts = new SharedParts();
  /** Decoded and waiting for the store: key → the object, or the reference of a deleted one. */
  private readonly decoded = new Map<string, { value: KubeObject | ObjectRef; deleted: boolean }>();
  /** Upserted Events waiting for the store, by `namespace/name`; their deletions wait in `decoded`. */
  private events = new Map<string, EventRecord>();
  /** Objects that Events dropped while waiting (see keepNewestEvents) were about. */
  private readonly touched = new Set<string>();
  /** How many Event deletions wait in `decoded`. */
  private deletedEvents = 0;
  private actions: Action[] = [];
  private latest: DecodedBatch['latest'];
  private time: number | undefined;
  private holdingSince: number | undefined;
  /** No store update before this time: the pause after the previous one. */
  private notBefore = -Infinity;
  /** Whether the cluster plays: only then are updates spaced (see MIN_INTERVAL_MS). */
  private playing = true;
  /** When the previous store update was handed over. */
  private updatedAt = -Infinity;
  private scheduled = false;
  /** The last call decoded for long enough that this one only hands the store what it decoded (see DECODED_ALONE_MS). */
  private handOver = false;

  private readonly limits: InboxLimits;

  constructor(
    private readonly deliver: (message: StoreMessage) => void,
    private readonly clock: InboxClock,
    limits: Partial<InboxLimits> = {},
  ) {
    this.limits = { budgetMs: DECODE_BUDGET_MS, decodedAloneMs: DECODED_ALONE_MS, holdMs: HOLD_MS, pace: PACE, minIntervalMs: MIN_INTERVAL_MS, updateSize: UPDATE_SIZE, ...limits };
  }

  /** waiting is how many objects are still to be decoded or handed to the store. */
  get waiting(): number {
    return this.texts.size + this.decoded.size + this.events.size;
  }

  push(message: WorkerMessage): void {
    if (message.type !== 'batch') {
      if (message.type === 'ready') {
        this.clear();
        for (const obj of message.objects) if (obj.kind === 'Pod') sharePod(obj as Pod, this.parts);
      }
      if (message.type === 'status') this.playing = message.playing;
      this.deliver(message);
      return;
    }
    for (let i = 0; i < message.keys.length; i++) this.texts.set(message.keys[i], textAt(message.upserted, i));
    const { keys, involved, times, texts } = message.events;
    for (let i = 0; i < keys.length; i++) {
      this.events.set(keys[i], { key: keys[i], involved: involved[i], time: times[i], texts: texts.bytes, start: i === 0 ? 0 : texts.ends[i - 1], end: texts.ends[i] });
      // An Event created again after a deletion that still waits.
      if (this.deletedEvents > 0 && this.decoded.delete(`Event/${keys[i]}`)) this.deletedEvents--;
    }
    for (const key of message.events.touched) this.touched.add(key);
    if (this.events.size >= 2 * EVENT_WINDOW) this.keepNewestEvents();
    for (const ref of message.deleted) {
      const key = refKey(ref);
      this.texts.delete(key);
      if (ref.kind === 'Event') {
        this.events.delete(`${ref.namespace}/${ref.name}`);
        if (!this.decoded.has(key)) this.deletedEvents++;
      }
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

  /**
   * drain decodes what the budget allows, and hands the store everything decoded once caught up or held too long,
   * in the next call if this one decoded for DECODED_ALONE_MS or longer.
   * During the pause after an update it decodes nothing: texts wait, and a newer version replaces an older one
   * before anyone parsed it; objects parsed early would only wait, and be copied by every garbage collection.
   * The pause also lasts while the page still draws the last update, at most MAX_PAUSE_MS after it: an update's own
   * work ends with React's commit, but the graph redraws the node cards it changed a few a frame afterwards, and
   * updates handed over meanwhile came several times as often, each parsed, reduced and drawn in part for nothing.
   */
  drain(): void {
    this.scheduled = false;
    if (this.time === undefined) return;
    const now = () => this.clock.now();
    const start = now();
    if (start < this.notBefore || (this.playing && start - this.updatedAt < this.limits.minIntervalMs) || (this.clock.drawing() && start - this.updatedAt < MAX_PAUSE_MS)) return this.again();
    this.holdingSince ??= start;
    const handOver = this.handOver;
    this.handOver = false;
    if (!handOver) {
      for (const [key, text] of this.texts) {
        this.texts.delete(key);
        this.decoded.set(key, { value: this.decode(text), deleted: false });
        if (now() - start >= this.limits.budgetMs) break;
      }
    }
    const done = this.texts.size === 0;
    const updateAt = now();
    if (!handOver) {
      if (!done && updateAt - this.holdingSince < this.limits.holdMs) return this.again();
      if (updateAt - start >= this.limits.decodedAloneMs) {
        this.handOver = true;
        return this.again();
      }
    }
    const upserted: KubeObject[] = [];
    const deleted: ObjectRef[] = [];
    for (const { value, deleted: gone } of this.decoded.values()) {
      if (gone) deleted.push(value as ObjectRef);
      else upserted.push(value as KubeObject);
    }
    const { updateSize, pace } = this.limits;
    // A large update goes in two kinds: the objects (the graph) first; the Events and actions (the timeline) after.
    const split = this.decoded.size > 0 && this.decoded.size + this.events.size > updateSize;
    const events: EventRecord[] = [];
    if (!split) {
      for (const [key, record] of this.events) {
        if (events.length === updateSize) break;
        events.push(record);
        this.events.delete(key);
      }
    }
    const actions = split ? [] : this.actions;
    const caughtUp = done && !split && this.events.size === 0;
    const touched = split ? [] : [...this.touched];
    this.deliver({ type: 'batch', time: caughtUp ? this.time : undefined, upserted, events, deleted, touched, actions, latest: this.latest });
    this.updatedAt = updateAt;
    this.clock.afterUpdate(() => {
      const end = now();
      this.notBefore = end + Math.min(MAX_PAUSE_MS, pace * (end - updateAt));
    });
    this.decoded.clear();
    this.deletedEvents = 0;
    if (!split) {
      this.actions = [];
      this.touched.clear();
    }
    this.latest = undefined;
    this.holdingSince = undefined;
    if (caughtUp) this.time = undefined;
    else this.again();
  }

  /**
   * keepNewestEvents drops the waiting Events older than the newest EVENT_WINDOW, which the log would drop on
   * arrival; while the page paces its updates, a second of batches waits, and each record dropped at once dies young
   * instead of being promoted and compacted. It runs once twice that many wait, so its sort is paid once per window.
   */
  private keepNewestEvents(): void {
    const records = [...this.events.values()];
    // Ties of time: the later to arrive is the newer, as the log ranks them (records are in arrival order).
    const order = records.map((_, i) => i).sort((a, b) => records[b].time - records[a].time || b - a);
    for (const i of order.slice(EVENT_WINDOW)) this.touched.add(records[i].involved);
    const kept = new Set(order.slice(0, EVENT_WINDOW));
    this.events = new Map(records.filter((_, i) => kept.has(i)).map((r) => [r.key, r]));
  }

  private decode(text: Uint8Array): KubeObject {
    const obj = parseText<KubeObject>(text);
    if (obj.kind === 'Pod') sharePod(obj as Pod, this.parts);
    return obj;
  }

  private again(): void {
    this.scheduled = true;
    this.clock.whenIdle(() => this.drain());
  }

  private clear(): void {
    this.texts.clear();
    this.parts.clear();
    this.decoded.clear();
    this.deletedEvents = 0;
    this.events.clear();
    this.touched.clear();
    this.actions = [];
    this.latest = undefined;
    this.time = undefined;
    this.holdingSince = undefined;
    this.notBefore = -Infinity;
    this.updatedAt = -Infinity;
    this.handOver = false;
  }
}
