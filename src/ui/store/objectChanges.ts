import type { KindObjects } from './kindObjects';

/**
 * ObjectChange is what one store update did to one kind: the kind's mirror it started from, and the keys it upserted
 * or deleted. Consumers that keep something derived from a kind (the graph's pods by node) update only those keys:
 * rescanning the ~2,500 pods of the UI benchmark after every update cost more than the update's own changes.
 */
export interface ObjectChange {
  /** Compared by identity only (see KindObjects): the kind's mirror as the update found it. */
  before: KindObjects<unknown> | undefined;
  keys: readonly string[];
}

/**
 * changedKeys lists the keys whose objects may differ between what a consumer derived from `seen` (the mirror it
 * last looked at, holding `known` keys) and `current`: the update's own keys when `seen` is the mirror the update
 * started from, or else (the consumer skipped an update, or there is no record of one, as after `ready`) every key
 * the consumer knows and every current key. The consumer keeps its own keys: the mirror it last saw shares its map
 * with the current one.
 */
export function changedKeys(seen: KindObjects<unknown> | undefined, current: KindObjects<unknown> | undefined, change: ObjectChange | undefined, known: Iterable<string>): Iterable<string> {
  if (change && change.before === seen) return change.keys;
  return new Set([...known, ...(current?.byKey.keys() ?? [])]);
}
