// Mirrors pkg/apis/core/v1/helper/qos/qos.go ComputePodQOS (GetPodQOS reads status.qosClass first); includes the
// pod-level resources branch (PodLevelResources, on by default since v1.34).
import type { Pod, PodSpec, ResourceRequirements } from 'kubernetes-types/core/v1';
import { Quantity, tryParseQuantity } from '../../resource/quantity';

export type PodQOSClass = 'Guaranteed' | 'Burstable' | 'BestEffort';

/** Only cpu and memory decide a pod's QoS class. */
const QOS_RESOURCES = ['cpu', 'memory'] as const;

type ResourceList = Readonly<Record<string, string | number>> | undefined;

/** addPositive adds each positive cpu/memory quantity of list into sums; returns the resources it found. */
function addPositive(sums: Map<string, Quantity>, list: ResourceList): Set<string> {
  const found = new Set<string>();
  for (const name of QOS_RESOURCES) {
    const q = list?.[name] === undefined ? undefined : tryParseQuantity(list[name]);
    if (!q || q.sign() <= 0) continue;
    found.add(name);
    const sum = sums.get(name);
    sums.set(name, sum ? sum.add(q) : q);
  }
  return found;
}

/**
 * getPodQOS is GetPodQOS: the QoS class recorded in status, else computePodQOS. Status wins because the class
 * is fixed at creation and must not move when resources are resized in place.
 */
export function getPodQOS(pod: Pod): PodQOSClass {
  return (pod.status?.qosClass as PodQOSClass | undefined) || computePodQOS(pod);
}

/**
 * computePodQOS is ComputePodQOS: BestEffort without any cpu/memory request or limit; Guaranteed when every
 * container (or the pod-level resources) limits both cpu and memory and the summed requests equal the summed
 * limits; Burstable otherwise.
 */
export function computePodQOS(pod: Pod): PodQOSClass {
  const requests = new Map<string, Quantity>();
  const limits = new Map<string, Quantity>();
  let isGuaranteed = true;
  // Pod-level resources (v1.32+) are newer than the kubernetes-types release Kubeplay builds against.
  const podResources = (pod.spec as (PodSpec & { resources?: ResourceRequirements }) | undefined)?.resources;
  if (podResources) {
    addPositive(requests, podResources.requests);
    if (Object.keys(podResources.limits ?? {}).length > 0) {
      const found = addPositive(limits, podResources.limits);
      if (!found.has('cpu') || !found.has('memory')) isGuaranteed = false;
    } else {
      isGuaranteed = false;
    }
  } else {
    for (const c of [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])]) {
      addPositive(requests, c.resources?.requests);
      const found = addPositive(limits, c.resources?.limits);
      if (!found.has('cpu') || !found.has('memory')) isGuaranteed = false;
    }
  }
  if (requests.size === 0 && limits.size === 0) return 'BestEffort';
  if (isGuaranteed) {
    for (const [name, req] of requests) {
      const lim = limits.get(name);
      if (!lim || lim.cmp(req) !== 0) {
        isGuaranteed = false;
        break;
      }
    }
  }
  return isGuaranteed && requests.size === limits.size ? 'Guaranteed' : 'Burstable';
}
