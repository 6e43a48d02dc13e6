import type { Pod } from 'kubernetes-types/core/v1';

/**
 * NodeSlots are the places of one node's pods: each pod keeps the slot it took, and a newcomer takes the first free
 * one, so pods never jump around when others come and go. A store update moves only the pods it changed, instead of
 * placing every pod of the node again.
 */
export class NodeSlots {
  /** Slot → pod; a free slot is undefined. */
  private readonly placed: Array<Pod | undefined> = [];
  /** The store's key of each placed pod → its slot. */
  private readonly slotOf = new Map<string, number>();

  get size(): number {
    return this.slotOf.size;
  }

  /** join puts the pod of `key` in the first free slot. */
  join(key: string, pod: Pod): void {
    let slot = 0;
    while (this.placed[slot] !== undefined) slot++;
    this.placed[slot] = pod;
    this.slotOf.set(key, slot);
  }

  /** replace puts a newer version of the pod of `key` in its slot. */
  replace(key: string, pod: Pod): void {
    this.placed[this.slotOf.get(key)!] = pod;
  }

  /** leave frees the slot of `key`. */
  leave(key: string): void {
    const slot = this.slotOf.get(key);
    if (slot === undefined) return;
    this.slotOf.delete(key);
    this.placed[slot] = undefined;
    while (this.placed.length > 0 && this.placed[this.placed.length - 1] === undefined) this.placed.pop();
  }

  /** pods lists the placed pods in slot order. */
  pods(): Pod[] {
    return this.placed.filter((p): p is Pod => p !== undefined);
  }
}
