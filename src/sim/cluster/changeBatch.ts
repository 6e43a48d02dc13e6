import type { KubeObject, ObjectRef } from '../api/object';
import type { VirtualMs } from '../clock/virtualClock';
import type { Action, WatchEvent } from '../store/types';

/** ChangeBatch is what changed since the previous batch: whole objects upserted, deleted ones by reference. */
export interface ChangeBatch {
  time: VirtualMs;
  upserted: KubeObject[];
  deleted: ObjectRef[];
  actions: Action[];
}

/** Slot stands for one object (kind, namespace and name) within a batch: the key of its entry in either map. */
type Slot = object;

/**
 * ChangeCollector folds watch events into the next batch, keeping only the latest version of each object, so a
 * host sends what changed and never the whole world.
 */
export class ChangeCollector {
  private readonly upserted = new Map<Slot, KubeObject>();
  private readonly deleted = new Map<Slot, ObjectRef>();
  /**
   * The slots of the batch's objects by kind, namespace, then name: every write comes here, and looking up the
   * object's own name strings (hashed already by the store) is cheaper than building and hashing a joined key.
   * Slots last one batch, so the two maps keep the order a joined key would give them.
   */
  private readonly slots = new Map<string, Map<string, Map<string, Slot>>>();

  add(event: WatchEvent): void {
    const slot = this.slot(event.object);
    if (event.type === 'DELETED') {
      this.upserted.delete(slot);
      const m = event.object.metadata;
      this.deleted.set(slot, { kind: event.object.kind, namespace: m.namespace ?? '', name: m.name ?? '' });
    } else {
      if (this.deleted.size > 0) this.deleted.delete(slot);
      this.upserted.set(slot, event.object);
    }
  }

  isEmpty(): boolean {
    return this.upserted.size === 0 && this.deleted.size === 0;
  }

  take(time: VirtualMs, actions: Action[]): ChangeBatch {
    const batch = { time, upserted: [...this.upserted.values()], deleted: [...this.deleted.values()], actions };
    this.upserted.clear();
    this.deleted.clear();
    this.slots.clear();
    return batch;
  }

  private slot(obj: KubeObject): Slot {
    let byNamespace = this.slots.get(obj.kind);
    if (!byNamespace) this.slots.set(obj.kind, (byNamespace = new Map()));
    const namespace = obj.metadata.namespace ?? '';
    let byName = byNamespace.get(namespace);
    if (!byName) byNamespace.set(namespace, (byName = new Map()));
    const name = obj.metadata.name ?? '';
    let slot = byName.get(name);
    if (!slot) byName.set(name, (slot = {}));
    return slot;
  }
}
