// Mirrors k8s.io/endpointslice/util endpointset.go. Upstream's set is a Go map, so PopAny hands out endpoints in a
// random order; this one keeps insertion order (pods in namespace/name order) so that runs are reproducible.
import type { Endpoint } from 'kubernetes-types/discovery/v1';

/**
 * endpointKey is an endpoint's identity: its addresses, hostname and pod. Conditions, node and zone are not part of
 * it, so a change in readiness updates the endpoint in place instead of moving it to another slice.
 */
export function endpointKey(ep: Endpoint): string {
  let key = keys.get(ep);
  if (key === undefined) {
    key = JSON.stringify([[...ep.addresses].sort(), ep.hostname ?? '', ep.targetRef?.namespace ?? '', ep.targetRef?.name ?? '']);
    keys.set(ep, key);
  }
  return key;
}

/** Keys by endpoint: stored slices and the reconciler's pod cache hand out the same, never modified, objects. */
const keys = new WeakMap<Endpoint, string>();

/** EndpointSet holds desired endpoints by identity. */
export class EndpointSet {
  private readonly items = new Map<string, Endpoint>();

  insert(ep: Endpoint): void {
    this.items.set(endpointKey(ep), ep);
  }

  /** get returns the desired endpoint with the same identity as `ep`, if any. */
  get(ep: Endpoint): Endpoint | undefined {
    return this.items.get(endpointKey(ep));
  }

  delete(ep: Endpoint): void {
    this.items.delete(endpointKey(ep));
  }

  /** popAny takes the oldest endpoint out of the set. */
  popAny(): Endpoint | undefined {
    for (const [key, ep] of this.items) {
      this.items.delete(key);
      return ep;
    }
    return undefined;
  }

  get size(): number {
    return this.items.size;
  }
}
