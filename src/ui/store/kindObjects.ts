import type { KubeObject } from '../../sim/index';

/**
 * KindObjects is the mirror of one kind: `namespace/name` → object, as the worker last reported it. The store
 * updates `byKey` in place and wraps it in a new KindObjects for every update that touches the kind, so selectors
 * see the change by identity. Copying the kind's record instead cost the UI benchmark a new 2,500-entry object per
 * update (about 1 ms, and 100-200 KB that outlived the young generation and waited for a major GC).
 * An older wrapper shares the map, which has moved on with the newest one: keep wrappers only to compare them.
 */
export interface KindObjects<T = KubeObject> {
  readonly byKey: ReadonlyMap<string, T>;
}

/** The mirror of a kind the cluster has none of. */
export const NO_OBJECTS: KindObjects<never> = { byKey: new Map<string, never>() };

/** objectList is a kind's objects, in the order the mirror first saw them. */
export function objectList<T>(kind: KindObjects<unknown> | undefined): T[] {
  return kind ? ([...kind.byKey.values()] as T[]) : [];
}
