import type { KubeObject, ObjectRef } from '../../sim/index';
import type { WorkerMessage } from '../../worker/protocol';

type Batch = Extract<WorkerMessage, { type: 'batch' }>;

/**
 * reassemble joins consecutive batch messages of the same virtual time, which are the parts of one tick the worker
 * split to keep each message small (see splitBatch in simHost.ts), back into one batch: later upserts and deletions
 * of an object win, and the actions are kept in order. Other messages pass through in order.
 */
export function reassemble(messages: readonly WorkerMessage[]): WorkerMessage[] {
  const out: WorkerMessage[] = [];
  for (let i = 0; i < messages.length; ) {
    const first = messages[i];
    let end = i + 1;
    if (first.type === 'batch') while (end < messages.length && isPartOf(messages[end], first.time)) end++;
    out.push(end - i > 1 ? join(messages.slice(i, end) as Batch[]) : first);
    i = end;
  }
  return out;
}

const isPartOf = (message: WorkerMessage, time: number) => message.type === 'batch' && message.time === time;

const keyOf = (kind: string, namespace: string | undefined, name: string | undefined) => `${kind}/${namespace ?? ''}/${name ?? ''}`;

function join(parts: readonly Batch[]): Batch {
  const upserted = new Map<string, KubeObject>();
  const deleted = new Map<string, ObjectRef>();
  for (const part of parts) {
    for (const obj of part.upserted) {
      const key = keyOf(obj.kind, obj.metadata.namespace, obj.metadata.name);
      deleted.delete(key);
      upserted.set(key, obj);
    }
    for (const ref of part.deleted) {
      const key = keyOf(ref.kind, ref.namespace, ref.name);
      upserted.delete(key);
      deleted.set(key, ref);
    }
  }
  return { type: 'batch', time: parts[0].time, upserted: [...upserted.values()], deleted: [...deleted.values()], actions: parts.flatMap((p) => p.actions) };
}

/**
 * MessageQueue hands worker messages to the store once the main thread is idle, all of those that arrived meanwhile
 * together, so that the parts of a tick make one store update and one React render instead of one per part.
 * `whenIdle` schedules the flush (requestIdleCallback with a timeout, in the page).
 */
export class MessageQueue {
  private pending: WorkerMessage[] = [];

  constructor(
    private readonly deliver: (message: WorkerMessage) => void,
    private readonly whenIdle: (flush: () => void) => void,
  ) {}

  push(message: WorkerMessage): void {
    if (this.pending.push(message) === 1) this.whenIdle(() => this.flush());
  }

  flush(): void {
    const messages = this.pending;
    this.pending = [];
    for (const message of reassemble(messages)) this.deliver(message);
  }
}
