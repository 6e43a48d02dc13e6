/**
 * assignSlots keeps each pod in the slot it already had and gives new pods the first free slots, in the order
 * given. Pods therefore never jump around when others come and go.
 */
export function assignSlots(previous: ReadonlyMap<string, number>, keys: readonly string[]): Map<string, number> {
  const present = new Set(keys);
  const next = new Map<string, number>();
  const used = new Set<number>();
  for (const [key, slot] of previous) {
    if (present.has(key)) {
      next.set(key, slot);
      used.add(slot);
    }
  }
  let free = 0;
  for (const key of keys) {
    if (next.has(key)) continue;
    while (used.has(free)) free++;
    next.set(key, free);
    used.add(free);
  }
  return next;
}

/** compactSlots renumbers slots 0..n-1 in slot order, for when a box is redrawn from scratch. */
export function orderBySlot<T>(items: readonly T[], key: (item: T) => string, slots: ReadonlyMap<string, number>): T[] {
  return [...items].sort((a, b) => (slots.get(key(a)) ?? 0) - (slots.get(key(b)) ?? 0));
}
