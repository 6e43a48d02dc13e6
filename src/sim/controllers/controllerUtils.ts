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
import { isPodTerminal, podFacts, podReadyTime } from './podUtil';

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
  const refs = obj.metadata?.ownerReferences;
  if (!refs) return undefined;
  for (let i = 0; i < refs.length; i++) if (refs[i].controller === true) return refs[i];
  return undefined;
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
  return pods.filter((pod) => podFacts(pod).controllerRef?.uid === controllerUid && selector.matches(pod.metadata?.labels));
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
  const pods = podInformer.byIndex(POD_CONTROLLER_UID_INDEX, owner.uid ?? '');
  if (includeOrphanedPods) pods.push(...podInformer.byIndex(POD_CONTROLLER_UID_INDEX, orphanPodIndexKeyForNamespace(owner.namespace ?? '')));
  return pods.filter((p) => podFacts(p).namespace === owner.namespace);
}

/**
 * activePodsOwnedBy is filterActivePods(filterPodsByOwner(podInformer, owner, false)) in one pass over the index,
 * without copying it: a ReplicaSet scaling down lists its thousands of pods on every sync.
 */
export function activePodsOwnedBy(podInformer: Informer<PodObject>, owner: ObjectMeta): PodObject[] {
  const active: PodObject[] = [];
  for (const pod of podInformer.indexed(POD_CONTROLLER_UID_INDEX, owner.uid ?? '')) {
    const facts = podFacts(pod);
    if (facts.namespace === owner.namespace && !facts.terminal && !facts.deletionTimestamp) active.push(pod);
  }
  return active;
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

/** NO_TIME stands for a missing timestamp among the deletion keys (a number, so the keys keep one shape). */
const NO_TIME = -Infinity;

/** DeletionKeys are what ActivePodsWithRanks.Less reads of one pod, read once so that a sort compares plain values. */
class DeletionKeys {
  /** spec.nodeName ('' while unassigned), to look up the pod's rank. */
  readonly nodeName: string;
  readonly unassigned: boolean;
  readonly phase: number;
  readonly ready: boolean;
  readonly cost: number;
  /** When a ready pod became Ready (NO_TIME when not ready or not stamped). */
  readonly readyTime: number;
  readonly restarts: number;
  readonly created: number;
  readonly uid: string;

  constructor(pod: Pod) {
    const facts = podFacts(pod);
    this.nodeName = facts.nodeName;
    this.unassigned = facts.nodeName === '';
    this.phase = PHASE_ORDINAL[pod.status?.phase ?? ''] ?? 0;
    this.ready = facts.ready;
    this.cost = getDeletionCostFromPodAnnotations(pod.metadata?.annotations);
    this.readyTime = facts.ready ? (facts.readySince ?? NO_TIME) : NO_TIME;
    this.restarts = maxContainerRestarts(pod);
    this.created = parseTime(pod.metadata?.creationTimestamp) ?? NO_TIME;
    this.uid = pod.metadata?.uid ?? '';
  }
}

/** Stored pods are deep-frozen (only the store freezes objects), so their keys are read once per pod object. */
const keysCache = new WeakMap<Pod, DeletionKeys>();

function deletionKeys(pod: Pod): DeletionKeys {
  let keys = keysCache.get(pod);
  if (keys === undefined) {
    keys = new DeletionKeys(pod);
    if (Object.isFrozen(pod)) keysCache.set(pod, keys);
  }
  return keys;
}

/**
 * compareForDeletion is ActivePodsWithRanks.Less with its reasoning kept: the first rule on which the two pods
 * differ decides, and the "lesser" pod is preferred for deletion. undefined means no rule separates them.
 */
export function compareForDeletion(x: RankedPod, y: RankedPod, now: VirtualMs): DeletionOrder | undefined {
  const [a, b] = [deletionKeys(x.pod), deletionKeys(y.pod)];
  // Assigned pods on different nodes are not separated by rule 1, so only "exactly one is unassigned" decides.
  if (a.unassigned !== b.unassigned) return { rule: 'unassigned', firstGoesFirst: a.unassigned };
  if (a.phase !== b.phase) return { rule: 'phase', firstGoesFirst: a.phase < b.phase };
  if (a.ready !== b.ready) return { rule: 'notReady', firstGoesFirst: !a.ready };
  if (a.cost !== b.cost) return { rule: 'deletionCost', firstGoesFirst: a.cost < b.cost };
  if (x.rank !== y.rank) return { rule: 'rank', firstGoesFirst: x.rank > y.rank };
  if (a.ready && b.ready && a.readyTime !== b.readyTime) return compareLogarithmic('readyTime', a.readyTime, b.readyTime, a.uid, b.uid, now);
  if (a.restarts !== b.restarts) return { rule: 'restarts', firstGoesFirst: a.restarts > b.restarts };
  if (a.created !== b.created) return compareLogarithmic('creationTime', a.created, b.created, a.uid, b.uid, now);
  return undefined;
}

/** activePodsWithRanksLess is ActivePodsWithRanks.Less: true when `a` should be deleted before `b`. */
export function activePodsWithRanksLess(a: RankedPod, b: RankedPod, now: VirtualMs): boolean {
  return compareForDeletion(a, b, now)?.firstGoesFirst ?? false;
}

/** sortActivePodsWithRanks returns the pods in deletion order (pods to delete first come first). */
export function sortActivePodsWithRanks<T extends RankedPod>(pods: readonly T[], now: VirtualMs): T[] {
  const entries = pods.map((p) => new SortEntry(p.pod, p.rank, deletionKeys(p.pod), now, p));
  entries.sort(orderForDeletion);
  return entries.map((e) => e.ranked as T);
}

/**
 * sortPodsForDeletion is sortActivePodsWithRanks for pods not yet ranked: each pod's rank is `rankOf` its node. The
 * entries it returns are the ranked pods, so that a scale-down of a few of thousands of pods allocates one object
 * per pod. The sort must stay a full stable sort: Less is no strict weak order (see compareForDeletion), so a
 * partial selection of the first few could choose other pods.
 */
export function sortPodsForDeletion<T extends Pod>(pods: readonly T[], rankOf: (nodeName: string) => number, now: VirtualMs): (RankedPod & { pod: T })[] {
  const entries = new Array<SortEntry>(pods.length);
  for (let i = 0; i < pods.length; i++) {
    const keys = deletionKeys(pods[i]);
    entries[i] = new SortEntry(pods[i], rankOf(keys.nodeName), keys, now, undefined);
  }
  entries.sort(orderForDeletion);
  return entries as unknown as (RankedPod & { pod: T })[];
}

/**
 * SortEntry is one ranked pod with its deletion keys and age buckets, flat so that comparing reads one object;
 * `ranked` is the caller's RankedPod, when it passed one. Keys and buckets are read once per sort, not twice per
 * comparison: a ReplicaSet may sort thousands of pods per sync. The comparison is `Less(a, b) ? -1 : Less(b, a) ? 1 : 0`.
 */
class SortEntry implements RankedPod {
  readonly unassigned: boolean;
  readonly phase: number;
  readonly ready: boolean;
  readonly cost: number;
  readonly readyTime: number;
  readonly readyBucket: number;
  readonly restarts: number;
  readonly created: number;
  readonly createdBucket: number;
  readonly uid: string;

  constructor(
    readonly pod: Pod,
    readonly rank: number,
    k: DeletionKeys,
    now: VirtualMs,
    readonly ranked: RankedPod | undefined,
  ) {
    this.unassigned = k.unassigned;
    this.phase = k.phase;
    this.ready = k.ready;
    this.cost = k.cost;
    this.readyTime = k.readyTime;
    this.readyBucket = k.readyTime === NO_TIME ? 0 : logarithmicRank(now - k.readyTime);
    this.restarts = k.restarts;
    this.created = k.created;
    this.createdBucket = k.created === NO_TIME ? 0 : logarithmicRank(now - k.created);
    this.uid = k.uid;
  }
}

function orderForDeletion(a: SortEntry, b: SortEntry): number {
  if (a.unassigned !== b.unassigned) return a.unassigned ? -1 : 1;
  if (a.phase !== b.phase) return a.phase < b.phase ? -1 : 1;
  if (a.ready !== b.ready) return a.ready ? 1 : -1;
  if (a.cost !== b.cost) return a.cost < b.cost ? -1 : 1;
  if (a.rank !== b.rank) return a.rank > b.rank ? -1 : 1;
  if (a.ready && b.ready && a.readyTime !== b.readyTime) return orderLogarithmic(a.readyTime, a.readyBucket, b.readyTime, b.readyBucket, a.uid, b.uid);
  if (a.restarts !== b.restarts) return a.restarts > b.restarts ? -1 : 1;
  if (a.created !== b.created) return orderLogarithmic(a.created, a.createdBucket, b.created, b.createdBucket, a.uid, b.uid);
  return 0;
}

/** orderLogarithmic is compareLogarithmic for two different times as a sort order, with the buckets precomputed. */
function orderLogarithmic(t1: number, bucket1: number, t2: number, bucket2: number, uid1: string, uid2: string): number {
  if (t1 === NO_TIME || t2 === NO_TIME) return t1 === NO_TIME ? -1 : 1;
  if (bucket1 !== bucket2) return bucket1 < bucket2 ? -1 : 1;
  return uid1 < uid2 ? -1 : uid1 > uid2 ? 1 : 0;
}

/**
 * compareLogarithmic compares two times by int(log2(now - t)) in nanoseconds, so pods of about the same age tie and
 * the uid picks one pseudo-randomly. A missing time counts as the newest.
 */
function compareLogarithmic(rule: DeletionRule, t1: number, t2: number, uid1: string, uid2: string, now: VirtualMs): DeletionOrder {
  if (t1 === NO_TIME || t2 === NO_TIME) return { rule, firstGoesFirst: t1 === NO_TIME };
  const rankDiff = logarithmicRank(now - t1) - logarithmicRank(now - t2);
  if (rankDiff === 0) return { rule, firstGoesFirst: uid1 < uid2, byUid: true };
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
