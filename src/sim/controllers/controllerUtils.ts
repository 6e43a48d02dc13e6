// Mirrors pkg/controller/controller_utils.go: active and terminating pod filters, the pod controller-UID index
// (FilterPodsByOwner), ActivePodsWithRanks (the scale-down order) and FindMinNextPodAvailabilityCheck. Leaves out
// the feature-gate switches: PodDeletionCost and LogarithmicScaleDown are on, as in current clusters.
import type { Pod } from 'kubernetes-types/core/v1';
import type { ObjectMeta, OwnerReference } from 'kubernetes-types/meta/v1';
import type { KubeObject } from '../api/object';
import type { VirtualMs } from '../clock/virtualClock';
import { parseTime } from '../clock/timeFormat';
import type { Informer } from '../client/informer';
import type { Selector } from '../api/meta/v1/labelSelector';
import { isPodReady, isPodTerminal, podReadyTime } from './podUtil';

/** PodObject is a Pod as the API server stores it. */
export type PodObject = Pod & KubeObject;

/** SLOW_START_INITIAL_BATCH_SIZE is the size of the first batch of creates in a slow start. */
export const SLOW_START_INITIAL_BATCH_SIZE = 1;

/** POD_DELETION_COST is the annotation that lets users say which pods of a ReplicaSet to delete first (lower goes first). */
export const POD_DELETION_COST = 'controller.kubernetes.io/pod-deletion-cost';

/** POD_CONTROLLER_UID_INDEX names the pod informer index by controller uid; orphans are indexed per namespace. */
export const POD_CONTROLLER_UID_INDEX = 'podControllerUID';
const ORPHAN_POD_INDEX_KEY = '_ORPHAN_POD';

/** getControllerOf returns the owner reference with controller=true (metav1.GetControllerOf). */
export function getControllerOf(obj: { metadata?: ObjectMeta }): OwnerReference | undefined {
  return obj.metadata?.ownerReferences?.find((ref) => ref.controller === true);
}

/** isPodActive: not finished (Succeeded/Failed) and not being deleted; only active pods count as replicas. */
export function isPodActive(pod: Pod): boolean {
  return !isPodTerminal(pod) && !pod.metadata?.deletionTimestamp;
}

/** isPodTerminating: being deleted but not yet finished. */
export function isPodTerminating(pod: Pod): boolean {
  return !isPodTerminal(pod) && pod.metadata?.deletionTimestamp !== undefined;
}

export function filterActivePods<T extends Pod>(pods: readonly T[]): T[] {
  return pods.filter(isPodActive);
}

export function filterTerminatingPods<T extends Pod>(pods: readonly T[]): T[] {
  return pods.filter(isPodTerminating);
}

/** filterClaimedPods keeps the pods controlled by `controllerUid` that still match its selector. */
export function filterClaimedPods<T extends Pod>(controllerUid: string | undefined, selector: Selector, pods: readonly T[]): T[] {
  return pods.filter((pod) => getControllerOf(pod)?.uid === controllerUid && selector.matches(pod.metadata?.labels));
}

function orphanPodIndexKeyForNamespace(namespace: string): string {
  return `${ORPHAN_POD_INDEX_KEY}/${namespace}`;
}

/** addPodControllerUIDIndexer indexes pods by their controller's uid, and orphans by namespace (AddPodControllerUIDIndexer). */
export function addPodControllerUIDIndexer(podInformer: Informer<PodObject>): void {
  podInformer.addIndexer(POD_CONTROLLER_UID_INDEX, (pod) => {
    const ref = getControllerOf(pod);
    return [ref?.uid ?? orphanPodIndexKeyForNamespace(pod.metadata.namespace ?? '')];
  });
}

/** filterPodsByOwner returns the pods an owner controls, then (optionally) the orphans of its namespace it could adopt. */
export function filterPodsByOwner(podInformer: Informer<PodObject>, owner: ObjectMeta, includeOrphanedPods: boolean): PodObject[] {
  const keys = [owner.uid ?? ''];
  if (includeOrphanedPods) keys.push(orphanPodIndexKeyForNamespace(owner.namespace ?? ''));
  return keys.flatMap((key) => podInformer.byIndex(POD_CONTROLLER_UID_INDEX, key)).filter((p) => p.metadata.namespace === owner.namespace);
}

/**
 * getDeletionCostFromPodAnnotations reads the pod-deletion-cost annotation as an int32. Absent or invalid values
 * (a leading "+", a leading zero on a positive number, not a number, out of int32 range) count as 0, because
 * ActivePodsWithRanks ignores the parse error.
 */
export function getDeletionCostFromPodAnnotations(annotations: Readonly<Record<string, string>> | undefined): number {
  const value = annotations?.[POD_DELETION_COST];
  if (value === undefined || !/^(-[0-9]+|0|[1-9][0-9]*)$/.test(value)) return 0;
  const cost = Number(value);
  return cost >= -(2 ** 31) && cost <= 2 ** 31 - 1 ? cost : 0;
}

/** RankedPod is a pod with its rank: how many active related pods share its node. */
export interface RankedPod {
  pod: Pod;
  rank: number;
}

/** DeletionRule names the rule of ActivePodsWithRanks.Less that separated two pods (numbered as upstream). */
export type DeletionRule =
  | 'unassigned' // 1. unassigned < assigned
  | 'phase' // 2. Pending < Unknown < Running
  | 'notReady' // 3. not ready < ready
  | 'deletionCost' // 4. lower pod-deletion-cost < higher
  | 'rank' // 5. more related pods on the same node < fewer
  | 'readyTime' // 6. ready more recently < ready longer (log2 buckets)
  | 'restarts' // 7. more container restarts < fewer
  | 'creationTime'; // 8. newer < older (log2 buckets)

/** DeletionOrder says which rule decided and whether the first pod goes before the second; byUid marks a log2-bucket tie broken by uid. */
export interface DeletionOrder {
  rule: DeletionRule;
  firstGoesFirst: boolean;
  byUid?: boolean;
}

const PHASE_ORDINAL: Readonly<Record<string, number>> = { Pending: 0, Unknown: 1, Running: 2 };

/**
 * compareForDeletion is ActivePodsWithRanks.Less with its reasoning kept: the first rule on which the two pods
 * differ decides, and the "lesser" pod is preferred for deletion. undefined means no rule separates them.
 */
export function compareForDeletion(a: RankedPod, b: RankedPod, now: VirtualMs): DeletionOrder | undefined {
  const [pa, pb] = [a.pod, b.pod];
  const [na, nb] = [pa.spec?.nodeName ?? '', pb.spec?.nodeName ?? ''];
  if (na !== nb && (na === '' || nb === '')) return { rule: 'unassigned', firstGoesFirst: na === '' };
  const [oa, ob] = [PHASE_ORDINAL[pa.status?.phase ?? ''] ?? 0, PHASE_ORDINAL[pb.status?.phase ?? ''] ?? 0];
  if (oa !== ob) return { rule: 'phase', firstGoesFirst: oa < ob };
  const [ra, rb] = [isPodReady(pa), isPodReady(pb)];
  if (ra !== rb) return { rule: 'notReady', firstGoesFirst: !ra };
  const [ca, cb] = [getDeletionCostFromPodAnnotations(pa.metadata?.annotations), getDeletionCostFromPodAnnotations(pb.metadata?.annotations)];
  if (ca !== cb) return { rule: 'deletionCost', firstGoesFirst: ca < cb };
  if (a.rank !== b.rank) return { rule: 'rank', firstGoesFirst: a.rank > b.rank };
  if (ra && rb) {
    const [ta, tb] = [podReadyTime(pa), podReadyTime(pb)];
    if (ta !== tb) return compareLogarithmic('readyTime', ta, tb, pa, pb, now);
  }
  const [xa, xb] = [maxContainerRestarts(pa), maxContainerRestarts(pb)];
  if (xa !== xb) return { rule: 'restarts', firstGoesFirst: xa > xb };
  const [ka, kb] = [parseTime(pa.metadata?.creationTimestamp), parseTime(pb.metadata?.creationTimestamp)];
  if (ka !== kb) return compareLogarithmic('creationTime', ka, kb, pa, pb, now);
  return undefined;
}

/** activePodsWithRanksLess is ActivePodsWithRanks.Less: true when `a` should be deleted before `b`. */
export function activePodsWithRanksLess(a: RankedPod, b: RankedPod, now: VirtualMs): boolean {
  return compareForDeletion(a, b, now)?.firstGoesFirst ?? false;
}

/** sortActivePodsWithRanks returns the pods in deletion order (pods to delete first come first). */
export function sortActivePodsWithRanks<T extends RankedPod>(pods: readonly T[], now: VirtualMs): T[] {
  return [...pods].sort((a, b) => (activePodsWithRanksLess(a, b, now) ? -1 : activePodsWithRanksLess(b, a, now) ? 1 : 0));
}

/**
 * compareLogarithmic compares two times by int(log2(now - t)) in nanoseconds, so pods of about the same age tie and
 * the uid picks one pseudo-randomly. A missing time counts as the newest.
 */
function compareLogarithmic(rule: DeletionRule, t1: VirtualMs | undefined, t2: VirtualMs | undefined, p1: Pod, p2: Pod, now: VirtualMs): DeletionOrder {
  if (t1 === undefined || t2 === undefined) return { rule, firstGoesFirst: t1 === undefined };
  const rankDiff = logarithmicRank(now - t1) - logarithmicRank(now - t2);
  if (rankDiff === 0) return { rule, firstGoesFirst: (p1.metadata?.uid ?? '') < (p2.metadata?.uid ?? ''), byUid: true };
  return { rule, firstGoesFirst: rankDiff < 0 };
}

function logarithmicRank(ageMs: number): number {
  return ageMs > 0 ? Math.floor(Math.log2(ageMs * 1e6)) : -1;
}

/** maxContainerRestarts is the highest restartCount among the pod's containers. */
export function maxContainerRestarts(pod: Pod): number {
  return Math.max(0, ...(pod.status?.containerStatuses ?? []).map((c) => c.restartCount));
}

/**
 * findMinNextPodAvailabilityCheck returns how long until the first Ready-but-not-yet-available pod becomes
 * available (just after readySince + minReadySeconds), or undefined when no pod is waiting for that.
 */
export function findMinNextPodAvailabilityCheck(pods: readonly Pod[], minReadySeconds: number, now: VirtualMs): VirtualMs | undefined {
  let min: VirtualMs | undefined;
  for (const pod of pods) {
    const readySince = podReadyTime(pod);
    if (minReadySeconds <= 0 || readySince === undefined) continue;
    // A pod is available once ready-since + minReadySeconds is strictly before now (IsPodAvailable), so the
    // check is due 1 ms after that instant.
    const next = readySince + minReadySeconds * 1000 - now + 1;
    if (next > 0 && (min === undefined || next < min)) min = next;
  }
  return min;
}
