// Mirrors pkg/apis/core/v1/helper/qos/qos.go ComputePodQOS (GetPodQOS reads status.qosClass first); includes the
// pod-level resources branch (PodLevelResources, on by default since v1.34).
import type { Pod, PodSpec, ResourceRequirements } from 'kubernetes-types/core/v1';
import { type Quantity, tryParseQuantity } from '../../resource/quantity';

export type PodQOSClass = 'Guaranteed' | 'Burstable' | 'BestEffort';

type ResourceList = Readonly<Record<string, string | number>> | undefined;

/** ComputeSums holds the summed positive cpu and memory, the only resources that decide a pod's QoS class. */
interface ComputeSums {
  cpu: Quantity | undefined;
  memory: Quantity | undefined;
}

function positive(value: string | number | undefined): Quantity | undefined {
  if (value === undefined) return undefined;
  const q = tryParseQuantity(value);
  return q && q.sign() > 0 ? q : undefined;
}

/** addPositive adds the list's positive cpu and memory into sums; true when it had both. */
function addPositive(sums: ComputeSums, list: ResourceList): boolean {
  if (!list) return false;
  const cpu = positive(list.cpu);
  if (cpu) sums.cpu = sums.cpu ? sums.cpu.add(cpu) : cpu;
  const memory = positive(list.memory);
  if (memory) sums.memory = sums.memory ? sums.memory.add(memory) : memory;
  return cpu !== undefined && memory !== undefined;
}

/** sameAsLimit: a summed request that is set has an equal summed limit. */
function sameAsLimit(request: Quantity | undefined, limit: Quantity | undefined): boolean {
  return request === undefined || (limit !== undefined && limit.cmp(request) === 0);
}

const count = (sums: ComputeSums): number => (sums.cpu ? 1 : 0) + (sums.memory ? 1 : 0);

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
  // Two fields instead of maps by resource name: every pod is classified once, at creation.
  const requests: ComputeSums = { cpu: undefined, memory: undefined };
  const limits: ComputeSums = { cpu: undefined, memory: undefined };
  let isGuaranteed = true;
  // Pod-level resources (v1.32+) are newer than the kubernetes-types release Kubeplay builds against.
  const podResources = (pod.spec as (PodSpec & { resources?: ResourceRequirements }) | undefined)?.resources;
  if (podResources) {
    addPositive(requests, podResources.requests);
    if (Object.keys(podResources.limits ?? {}).length > 0) {
      if (!addPositive(limits, podResources.limits)) isGuaranteed = false;
    } else {
      isGuaranteed = false;
    }
  } else {
    for (const list of [pod.spec?.containers, pod.spec?.initContainers]) {
      for (const c of list ?? []) {
        addPositive(requests, c.resources?.requests);
        if (!addPositive(limits, c.resources?.limits)) isGuaranteed = false;
      }
    }
  }
  const requested = count(requests);
  if (requested === 0 && count(limits) === 0) return 'BestEffort';
  isGuaranteed &&= sameAsLimit(requests.cpu, limits.cpu) && sameAsLimit(requests.memory, limits.memory);
  return isGuaranteed && requested === count(limits) ? 'Guaranteed' : 'Burstable';
}
