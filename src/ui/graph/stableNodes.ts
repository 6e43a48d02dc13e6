/**
 * Keeps React Flow node objects (and the pod lists inside them) identical from one worker batch to the next when
 * nothing they draw has changed. React Flow re-adopts, and its node wrapper re-renders, only the node objects that
 * are new (xyflow's adoptUserNodes compares by reference), so a batch that touches three nodes repaints three cards.
 */

/** sameItems: both lists hold the same objects in the same order. */
export function sameItems(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** keepLists returns `next`, with each list replaced by the previous one of the same key when it holds the same items. */
export function keepLists<T>(previous: ReadonlyMap<string, T[]>, next: Map<string, T[]>): Map<string, T[]> {
  for (const [key, list] of next) {
    const before = previous.get(key);
    if (before && sameItems(before, list)) next.set(key, before);
  }
  return next;
}

/** MemoCache remembers, per id, the inputs a value was built from and the value itself. */
export type MemoCache<V> = Map<string, { inputs: readonly unknown[]; value: V }>;

/**
 * memoById returns the value cached for `id` if it was built from the same inputs (compared one by one with ===),
 * else builds, caches and returns a new one. Call `prune` after a full pass to drop ids that are gone.
 */
export function memoById<V>(cache: MemoCache<V>, id: string, inputs: readonly unknown[], build: () => V): V {
  const hit = cache.get(id);
  if (hit && sameItems(hit.inputs, inputs)) return hit.value;
  const value = build();
  cache.set(id, { inputs, value });
  return value;
}

/** prune drops the cached ids not in `keep`. */
export function prune<V>(cache: MemoCache<V>, keep: ReadonlySet<string>): void {
  for (const id of cache.keys()) if (!keep.has(id)) cache.delete(id);
}
