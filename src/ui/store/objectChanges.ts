/**
 * ObjectChange is what one store update did to one kind: the kind's map it started from, and the keys it upserted
 * or deleted. Consumers that keep something derived from a kind (the graph's pods by node) update only those keys:
 * rescanning the ~2,500 pods of the UI benchmark after every update cost more than the update's own changes.
 */
export interface ObjectChange {
  /** Compared by identity only: `namespace/name` → object of the kind, as the update found it. */
  before: Readonly<Record<string, unknown>> | undefined;
  keys: readonly string[];
}

/**
 * changedKeys lists the keys whose objects may differ between `seen` (the map a consumer last derived from) and
 * `current`: the update's own keys when `seen` is the map the update started from, or else (the consumer skipped an
 * update, or there is no record of one, as after `ready`) every key of both.
 */
export function changedKeys(seen: object | undefined, current: object | undefined, change: ObjectChange | undefined): Iterable<string> {
  if (change && change.before === seen) return change.keys;
  return new Set([...Object.keys(seen ?? {}), ...Object.keys(current ?? {})]);
}
