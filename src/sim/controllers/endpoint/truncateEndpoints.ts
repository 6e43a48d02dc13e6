// Mirrors truncateEndpoints, addressSubset and capacityAnnotationSetCorrectly of
// pkg/controller/endpoint/endpoints_controller.go: an Endpoints holds at most 1000 addresses.
import type { EndpointSubset } from 'kubernetes-types/core/v1';
import { ENDPOINTS_OVER_CAPACITY } from '../endpointslice/wellKnown';

/** MAX_CAPACITY is maxCapacity: the most addresses the controller writes into one Endpoints. */
export const MAX_CAPACITY = 1000;

function countAddresses(subsets: readonly EndpointSubset[]): { ready: number; notReady: number } {
  let [ready, notReady] = [0, 0];
  for (const s of subsets) {
    ready += (s.addresses ?? []).length;
    notReady += (s.notReadyAddresses ?? []).length;
  }
  return { ready, notReady };
}

/**
 * truncateEndpoints cuts the subsets to MAX_CAPACITY addresses, in place, and says whether it had to. Ready addresses
 * are kept first; each subset keeps a share proportional to its size, rounded up, so the last one may get less.
 */
export function truncateEndpoints(subsets: EndpointSubset[]): boolean {
  const { ready, notReady } = countAddresses(subsets);
  if (ready + notReady <= MAX_CAPACITY) return false;
  const truncateReady = ready > MAX_CAPACITY;
  const max = truncateReady ? MAX_CAPACITY : MAX_CAPACITY - ready;
  const numTotal = truncateReady ? ready : notReady;
  let canBeAdded = max;
  subsets.forEach((subset, i) => {
    const numInSubset = (truncateReady ? subset.addresses : subset.notReadyAddresses)?.length ?? 0;
    const toBeAdded = Math.min(Math.ceil((numInSubset / numTotal) * max), canBeAdded);
    // Empty lists are left out, as Go's omitempty leaves them out of the written object.
    const { addresses: _a, notReadyAddresses: _n, ...rest } = subset;
    if (truncateReady) {
      const addresses = (subset.addresses ?? []).slice(0, toBeAdded);
      subsets[i] = { ...(addresses.length > 0 ? { addresses } : {}), ...rest };
      canBeAdded -= addresses.length;
    } else {
      const notReadyAddresses = (subset.notReadyAddresses ?? []).slice(0, toBeAdded);
      subsets[i] = { ...(subset.addresses ? { addresses: subset.addresses } : {}), ...(notReadyAddresses.length > 0 ? { notReadyAddresses } : {}), ...rest };
      canBeAdded -= notReadyAddresses.length;
    }
  });
  return true;
}

/** capacityAnnotationSetCorrectly: under capacity and without the over-capacity annotation. */
export function capacityAnnotationSetCorrectly(annotations: Readonly<Record<string, string>> | undefined, subsets: readonly EndpointSubset[]): boolean {
  const { ready, notReady } = countAddresses(subsets);
  if (ready + notReady > MAX_CAPACITY) return false;
  return annotations?.[ENDPOINTS_OVER_CAPACITY] === undefined;
}
