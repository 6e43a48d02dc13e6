// Mirrors getPodsToDelete and getPodsRankedByRelatedPodsOnSameNode in pkg/controller/replicaset/replica_set.go;
// leaves out the SortingDeletionAgeRatio metric. Keeps, for narration, the comparison that chose each pod.
import type { Pod } from 'kubernetes-types/core/v1';
import type { VirtualMs } from '../../clock/virtualClock';
import { compareForDeletion, isPodActive, sortActivePodsWithRanks, type DeletionOrder, type RankedPod } from '../controllerUtils';

/** PodToDelete is a chosen pod, with the first pod that stays and the rule that separated them (if there was a sort). */
export interface PodToDelete<T extends Pod> {
  pod: T;
  ranked?: { self: RankedPod; kept: RankedPod; order: DeletionOrder | undefined };
}

/**
 * getPodsRankedByRelatedPodsOnSameNode ranks each pod by the number of active related pods (pods of every
 * ReplicaSet with the same owner) on its node, so that scale-down thins out the most crowded nodes first.
 */
export function getPodsRankedByRelatedPodsOnSameNode<T extends Pod>(podsToRank: readonly T[], relatedPods: readonly Pod[]): (RankedPod & { pod: T })[] {
  const podsOnNode = new Map<string, number>();
  for (const pod of relatedPods) {
    if (!isPodActive(pod)) continue;
    const node = pod.spec?.nodeName ?? '';
    podsOnNode.set(node, (podsOnNode.get(node) ?? 0) + 1);
  }
  return podsToRank.map((pod) => ({ pod, rank: podsOnNode.get(pod.spec?.nodeName ?? '') ?? 0 }));
}

/**
 * getPodsToDelete picks `diff` of `filteredPods` to delete, preferring pods in earlier stages of startup (see
 * ActivePodsWithRanks). When every pod goes there is nothing to choose and no sort.
 */
export function getPodsToDelete<T extends Pod>(filteredPods: readonly T[], relatedPods: readonly Pod[], diff: number, now: VirtualMs): PodToDelete<T>[] {
  if (diff >= filteredPods.length) return filteredPods.slice(0, diff).map((pod) => ({ pod }));
  const sorted = sortActivePodsWithRanks(getPodsRankedByRelatedPodsOnSameNode(filteredPods, relatedPods), now);
  const kept = sorted[diff];
  return sorted.slice(0, diff).map((self) => ({ pod: self.pod, ranked: { self, kept, order: compareForDeletion(self, kept, now) } }));
}
