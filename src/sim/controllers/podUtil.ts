// Mirrors pkg/api/v1/pod/util.go (GetPodReadyCondition, IsPodReady, IsPodAvailable) and IsPodTerminal; only what
// the workload controllers read.
import type { Pod, PodCondition } from 'kubernetes-types/core/v1';
import type { VirtualMs } from '../clock/virtualClock';
import { parseTime } from '../clock/timeFormat';

/** getPodReadyCondition returns the pod's Ready condition, if the kubelet has reported one. */
export function getPodReadyCondition(pod: Pod): PodCondition | undefined {
  return pod.status?.conditions?.find((c) => c.type === 'Ready');
}

/** isPodReady is true when the pod's Ready condition is True. */
export function isPodReady(pod: Pod): boolean {
  return getPodReadyCondition(pod)?.status === 'True';
}

/** podReadyTime is when a ready pod last became Ready, or undefined when not ready or never stamped. */
export function podReadyTime(pod: Pod): VirtualMs | undefined {
  return isPodReady(pod) ? parseTime(getPodReadyCondition(pod)?.lastTransitionTime) : undefined;
}

/**
 * isPodAvailable: a pod is available once it has been Ready for minReadySeconds. As upstream, the comparison is
 * strict (readySince + minReadySeconds must be before now) and a Ready condition without a transition time only
 * counts when minReadySeconds is 0.
 */
export function isPodAvailable(pod: Pod, minReadySeconds: number, now: VirtualMs): boolean {
  if (!isPodReady(pod)) return false;
  if (minReadySeconds === 0) return true;
  const readySince = podReadyTime(pod);
  return readySince !== undefined && readySince + minReadySeconds * 1000 < now;
}

/** isPodTerminal is true for pods that finished: phase Succeeded or Failed. */
export function isPodTerminal(pod: Pod): boolean {
  return pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';
}
