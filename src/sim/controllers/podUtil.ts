// Mirrors pkg/api/v1/pod/util.go (GetPodReadyCondition, IsPodReady, IsPodAvailable) and IsPodTerminal; only what
// the workload controllers read.
import type { Pod, PodCondition } from 'kubernetes-types/core/v1';
import type { OwnerReference } from 'kubernetes-types/meta/v1';
import type { VirtualMs } from '../clock/virtualClock';
import { parseTime } from '../clock/timeFormat';

/** PodFacts are what the workload controllers read of a pod on every sync, for every pod. */
export interface PodFacts {
  readonly ready: boolean;
  /** The Ready condition's lastTransitionTime, parsed. */
  readonly readySince: VirtualMs | undefined;
  /** Phase Succeeded or Failed. */
  readonly terminal: boolean;
  readonly deletionTimestamp: string | undefined;
  /** The owner reference with controller=true. */
  readonly controllerRef: OwnerReference | undefined;
  readonly namespace: string | undefined;
  /** spec.nodeName, '' while unscheduled. */
  readonly nodeName: string;
}

/**
 * Stored pods are deep-frozen (only the store freezes objects), so what is read of one never changes: remember it
 * per pod object. A ReplicaSet of thousands of pods is synced after nearly every pod change.
 */
const factsCache = new WeakMap<Pod, PodFacts>();

/** podFacts reads a pod's facts (once per stored pod object). */
export function podFacts(pod: Pod): PodFacts {
  let facts = factsCache.get(pod);
  if (facts === undefined) {
    facts = readFacts(pod);
    if (Object.isFrozen(pod)) factsCache.set(pod, facts);
  }
  return facts;
}

function readFacts(pod: Pod): PodFacts {
  const readyCondition = readyConditionOf(pod);
  let controllerRef: OwnerReference | undefined;
  const refs = pod.metadata?.ownerReferences ?? [];
  for (let i = 0; i < refs.length && !controllerRef; i++) if (refs[i].controller === true) controllerRef = refs[i];
  return {
    ready: readyCondition?.status === 'True',
    readySince: parseTime(readyCondition?.lastTransitionTime),
    terminal: isPodTerminal(pod),
    deletionTimestamp: pod.metadata?.deletionTimestamp,
    controllerRef,
    namespace: pod.metadata?.namespace,
    nodeName: pod.spec?.nodeName ?? '',
  };
}

/**
 * readyConditionOf finds the first condition of type Ready. Scanning a pod's few conditions costs less than looking
 * its facts up, and far less than reading them for a pod version seen once (watch handlers see every version).
 */
function readyConditionOf(pod: Pod): PodCondition | undefined {
  const conditions = pod.status?.conditions;
  if (!conditions) return undefined;
  for (let i = 0; i < conditions.length; i++) if (conditions[i].type === 'Ready') return conditions[i];
  return undefined;
}

/** getPodReadyCondition returns the pod's Ready condition, if the kubelet has reported one. */
export function getPodReadyCondition(pod: Pod): PodCondition | undefined {
  return readyConditionOf(pod);
}

/** isPodReady is true when the pod's Ready condition is True. */
export function isPodReady(pod: Pod): boolean {
  return readyConditionOf(pod)?.status === 'True';
}

/** podReadyTime is when a ready pod last became Ready, or undefined when not ready or never stamped. */
export function podReadyTime(pod: Pod): VirtualMs | undefined {
  const facts = podFacts(pod);
  return facts.ready ? facts.readySince : undefined;
}

/**
 * isPodAvailable: a pod is available once it has been Ready for minReadySeconds. As upstream, the comparison is
 * strict (readySince + minReadySeconds must be before now) and a Ready condition without a transition time only
 * counts when minReadySeconds is 0.
 */
export function isPodAvailable(pod: Pod, minReadySeconds: number, now: VirtualMs): boolean {
  const facts = podFacts(pod);
  if (!facts.ready) return false;
  if (minReadySeconds === 0) return true;
  return facts.readySince !== undefined && facts.readySince + minReadySeconds * 1000 < now;
}

/** isPodTerminal is true for pods that finished: phase Succeeded or Failed. */
export function isPodTerminal(pod: Pod): boolean {
  const phase = pod.status?.phase;
  return phase === 'Succeeded' || phase === 'Failed';
}
