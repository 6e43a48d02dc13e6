// The sentences the ReplicaSet controller writes into each API write's WriteContext.reason. Kubeplay's own: upstream
// only logs these decisions at klog V(2)-V(4).
import type { Pod } from 'kubernetes-types/core/v1';
import { formatLabelSelector } from '../../api/meta/v1/labelSelector';
import { getDeletionCostFromPodAnnotations, maxContainerRestarts, type DeletionOrder, type RankedPod } from '../controllerUtils';
import type { ReplicaSetLike, ReplicaSetStatus } from './conversion';

/** replicasText is "1 replica" / "3 replicas". */
function replicasText(n: number): string {
  return `${n} replica${n === 1 ? '' : 's'}`;
}

function owner(rs: ReplicaSetLike): string {
  return `${rs.kind} ${rs.metadata.name}`;
}

/**
 * createdPod: "created pod web-x7k2p for ReplicaSet web: it wants 3 replicas and has 1 (slow-start batch of 2)",
 * plus why the request waited, if it did ("; waited 50ms due to client-side throttling: ...").
 */
export function createdPod(rs: ReplicaSetLike, has: number, batchSize: number, throttling?: string): string {
  const waited = throttling ? `; ${throttling}` : '';
  return `created pod {name} for ${owner(rs)}: it wants ${replicasText(rs.spec.replicas)} and has ${has} (slow-start batch of ${batchSize}${waited})`;
}

/** deletedPod: "deleted pod web-x7k2p: ReplicaSet web wants 1 replica and has 3; chose the pod that is not ready". */
export function deletedPod(rs: ReplicaSetLike, podName: string, has: number, why: string, throttling?: string): string {
  const waited = throttling ? ` (${throttling})` : '';
  return `deleted pod ${podName}: ${owner(rs)} wants ${replicasText(rs.spec.replicas)} and has ${has}; ${why}${waited}`;
}

export function adoptedPod(rs: ReplicaSetLike, podName: string): string {
  return `adopted pod ${podName}: it had no controller and its labels match ${owner(rs)}'s selector ${formatLabelSelector(rs.spec.selector)}`;
}

export function releasedPod(rs: ReplicaSetLike, podName: string): string {
  return `released pod ${podName}: its labels no longer match ${owner(rs)}'s selector ${formatLabelSelector(rs.spec.selector)}`;
}

export function updatedStatus(rs: ReplicaSetLike, s: ReplicaSetStatus): string {
  const terminating = s.terminatingReplicas !== undefined ? `, terminatingReplicas ${s.terminatingReplicas}` : '';
  const failure = s.conditions?.find((c) => c.type === 'ReplicaFailure');
  const failed = failure ? `; ReplicaFailure ${failure.reason}: ${failure.message}` : '';
  return (
    `updated status of ${owner(rs)}: replicas ${s.replicas} (wants ${rs.spec.replicas}), fullyLabeledReplicas ${s.fullyLabeledReplicas ?? 0}, ` +
    `readyReplicas ${s.readyReplicas ?? 0}, availableReplicas ${s.availableReplicas ?? 0}${terminating}, observedGeneration ${s.observedGeneration}${failed}`
  );
}

/** ALL_PODS_GO explains a scale-down that deletes every pod, where upstream does not sort at all. */
export const ALL_PODS_GO = 'every pod goes, so none had to be chosen';

/**
 * whyChosen says which ActivePodsWithRanks rule put `victim` before `kept`, the first pod that stays. `order` is
 * their comparison; undefined means no rule separated them and the stable sort kept list order.
 */
export function whyChosen(victim: RankedPod, kept: RankedPod, order: DeletionOrder | undefined): string {
  if (!order || !order.firstGoesFirst) return `no rule separated it from ${nameOf(kept.pod)}, so the sort kept list order (by name)`;
  if (order.byUid) return `it ranked level with ${nameOf(kept.pod)} (${order.rule === 'readyTime' ? 'ready' : 'created'} within the same log2 time bucket), so the uid order decided`;
  switch (order.rule) {
    case 'unassigned':
      return 'chose a pod that is not yet scheduled to a node';
    case 'phase':
      return `chose a pod in phase ${victim.pod.status?.phase ?? 'Pending'} over one in phase ${kept.pod.status?.phase ?? 'Pending'}`;
    case 'notReady':
      return 'chose a pod that is not ready';
    case 'deletionCost':
      return `chose the pod with the lower pod-deletion-cost (${getDeletionCostFromPodAnnotations(victim.pod.metadata?.annotations)} vs ${getDeletionCostFromPodAnnotations(kept.pod.metadata?.annotations)})`;
    case 'rank':
      return `chose a pod on the more crowded node ${victim.pod.spec?.nodeName} (${victim.rank} related pods there vs ${kept.rank} on ${kept.pod.spec?.nodeName})`;
    case 'readyTime':
      return 'chose the pod that became ready most recently';
    case 'restarts':
      return `chose the pod whose containers restarted more (${maxContainerRestarts(victim.pod)} vs ${maxContainerRestarts(kept.pod)})`;
    case 'creationTime':
      return 'chose the newest pod';
  }
}

function nameOf(pod: Pod): string {
  return pod.metadata?.name ?? '';
}
