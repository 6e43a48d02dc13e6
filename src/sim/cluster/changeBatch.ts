import { keyOf, type KubeObject, type ObjectRef } from '../api/object';
import type { VirtualMs } from '../clock/virtualClock';
import type { Action, WatchEvent } from '../store/types';

/** ChangeBatch is what changed since the previous batch: whole objects upserted, deleted ones by reference. */
export interface ChangeBatch {
  time: VirtualMs;
  upserted: KubeObject[];
  deleted: ObjectRef[];
  actions: Action[];
}

/**
 * ChangeCollector folds watch events into the next batch, keeping only the latest version of each object, so a
 * host sends what changed and never the whole world.
 */
export class ChangeCollector {
  private readonly upserted = new Map<string, KubeObject>();
  private readonly deleted = new Map<string, ObjectRef>();

  add(event: WatchEvent): void {
    const key = keyOf(event.object);
    if (event.type === 'DELETED') {
      this.upserted.delete(key);
      const m = event.object.metadata;
      this.deleted.set(key, { kind: event.object.kind, namespace: m.namespace ?? '', name: m.name ?? '' });
    } else {
      this.deleted.delete(key);
      this.upserted.set(key, event.object);
    }
  }

  isEmpty(): boolean {
    return this.upserted.size === 0 && this.deleted.size === 0;
  }

  take(time: VirtualMs, actions: Action[]): ChangeBatch {
    const batch = { time, upserted: [...this.upserted.values()], deleted: [...this.deleted.values()], actions };
    this.upserted.clear();
    this.deleted.clear();
    return batch;
  }
}
