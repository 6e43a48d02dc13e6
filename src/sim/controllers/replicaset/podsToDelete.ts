// Mirrors getPodsToDelete and getPodsRankedByRelatedPodsOnSameNode in pkg/controller/replicaset/replica_set.go;
// leaves out the SortingDeletionAgeRatio metric. Keeps, for narration, the comparison that chose each pod.
import type { Pod } from 'kubernetes-types/core/v1';
import type { VirtualMs } from '../../clock/virtualClock';
import { compareForDeletion, isPodActive, sortPodsForDeletion, type DeletionOrder, type RankedPod } from '../controllerUtils';
import { podFacts } from '../podUtil';

/** PodToDelete is a chosen pod, with the first pod that stays and the rule that separated them (if there was a sort). */
export interface PodToDelete<T extends Pod> {
  pod: T;
  ranked?: { self: RankedPod; kept: RankedPod; order: DeletionOrder | undefined };
}

/** ActivePodsOnNodes counts the active related pods on each node ('' for unassigned pods). */
export type ActivePodsOnNodes = ReadonlyMap<string, number>;

/** countActivePodsOnNodes counts the active pods among `relatedPods` per node. */
export function countActivePodsOnNodes(relatedPods: readonly Pod[]): ActivePodsOnNodes {
  const podsOnNode = new Map<string, number>();
  for (const pod of relatedPods) {
    if (!isPodActive(pod)) continue;
    const node = podFacts(pod).nodeName;
    podsOnNode.set(node, (podsOnNode.get(node) ?? 0) + 1);
  }
  return podsOnNode;
}

/**
 * getPodsToDelete picks `diff` of `filteredPods` to delete, preferring pods in earlier stages of startup (see
 * ActivePodsWithRanks). When every pod goes there is nothing to choose and no sort.
 */
export function getPodsToDelete<T extends Pod>(filteredPods: readonly T[], relatedPods: readonly Pod[], diff: number, now: VirtualMs): PodToDelete<T>[] {
  return getPodsToDeleteRanked(filteredPods, () => countActivePodsOnNodes(relatedPods), diff, now);
}

/** getPodsToDeleteRanked is getPodsToDelete with the related pods already counted per node (asked for only if needed). */
export function getPodsToDeleteRanked<T extends Pod>(filteredPods: readonly T[], podsOnNode: () => ActivePodsOnNodes, diff: number, now: VirtualMs): PodToDelete<T>[] {
  if (diff >= filteredPods.length) return filteredPods.slice(0, diff).map((pod) => ({ pod }));
  const counts = podsOnNode();
  // getPodsRankedByRelatedPodsOnSameNode: each pod ranks by the active related pods on its node.
  const sorted = sortPodsForDeletion(filteredPods, (node) => counts.get(node) ?? 0, now);
  const kept = sorted[diff];
  return sorted.slice(0, diff).map((self) => ({ pod: self.pod, ranked: { self, kept, order: compareForDeletion(self, kept, now) } }));
}
