// Remembers component-helpers PodRequests (api/core/v1/podResources.ts) for the pod of the current scheduling
// cycle. Not upstream: upstream computes the requests again at each step, as this did.
import type { Pod } from 'kubernetes-types/core/v1';
import { DefaultMemoryRequest, DefaultMilliCPURequest, podRequests, type ResourceAmounts } from '../../api/core/v1/podResources';

/** nonZeroOptions count a container's missing cpu and memory requests as 100m and 200Mi, as scoring does. */
const nonZeroOptions = { nonMissingContainerRequests: { cpu: DefaultMilliCPURequest, memory: DefaultMemoryRequest * 1000 } };

/**
 * The pod asked about last and its requests, plain and non-zero. A scheduling cycle asks for its pod's requests
 * five times (NodeResourcesFit PreFilter and PreScore, BalancedAllocation PreScore, the assumed pod's accounting).
 * Only frozen pods are remembered: the API server's objects, which never change.
 */
let lastPod: Pod | undefined;
let lastPlain: ResourceAmounts | undefined;
let lastNonZero: ResourceAmounts | undefined;

/**
 * cachedPodRequests is podRequests(pod) or, with nonZero, podRequests with missing cpu/memory requests counted as
 * 100m/200Mi. The answer may be shared: read it, never change it.
 */
export function cachedPodRequests(pod: Pod, nonZero: boolean): Readonly<ResourceAmounts> {
  if (!Object.isFrozen(pod)) return podRequests(pod, nonZero ? nonZeroOptions : {});
  if (pod !== lastPod) {
    lastPod = pod;
    lastPlain = undefined;
    lastNonZero = undefined;
  }
  if (nonZero) return (lastNonZero ??= podRequests(pod, nonZeroOptions));
  return (lastPlain ??= podRequests(pod, {}));
}
