// Mirrors Candidate and pickOneNodeForPreemption of pkg/scheduler/framework/preemption/preemption.go and
// MoreImportantPod / GetEarliestPodStartTime of pkg/scheduler/util/utils.go.
import type { Pod } from 'kubernetes-types/core/v1';
import { parseTime } from '../../../clock/timeFormat';
import type { VirtualMs } from '../../../clock/virtualClock';

/** Victims are the pods to preempt on a node and the number of PodDisruptionBudgets that would be violated. */
export interface Victims {
  pods: Pod[];
  numPDBViolations: number;
}

/** Candidate is a node on which the preemptor can be scheduled, with the victims to evict there. */
export interface Candidate {
  name: string;
  victims: Victims;
}

/** podPriority returns the pod's priority; a pod without one has priority 0. */
export function podPriority(pod: Pod): number {
  return pod.spec?.priority ?? 0;
}

/** getPodStartTime returns the pod's status.startTime, or `now` for a pod that has not started. */
export function getPodStartTime(pod: Pod, now: VirtualMs): VirtualMs {
  return parseTime(pod.status?.startTime) ?? now;
}

/**
 * moreImportantPod returns true when pod1 is more important than pod2: higher priority first, then the pod
 * that started earlier (it has run longer).
 */
export function moreImportantPod(pod1: Pod, pod2: Pod, now: VirtualMs): boolean {
  const p1 = podPriority(pod1);
  const p2 = podPriority(pod2);
  if (p1 !== p2) return p1 > p2;
  return getPodStartTime(pod1, now) < getPodStartTime(pod2, now);
}

/** getEarliestPodStartTime returns the earliest start time of the highest-priority victims. */
export function getEarliestPodStartTime(victims: Victims, now: VirtualMs): VirtualMs | undefined {
  if (victims.pods.length === 0) return undefined;
  let earliest = getPodStartTime(victims.pods[0], now);
  let maxPriority = podPriority(victims.pods[0]);
  for (const pod of victims.pods) {
    const priority = podPriority(pod);
    if (priority === maxPriority) {
      const start = getPodStartTime(pod, now);
      if (start < earliest) earliest = start;
    } else if (priority > maxPriority) {
      maxPriority = priority;
      earliest = getPodStartTime(pod, now);
    }
  }
  return earliest;
}

/** MaxInt32 is added to every priority in the sum so that negative priorities do not favour more victims. */
const MaxInt32 = 2147483647;

/**
 * pickOneNodeForPreemption chooses one node among the candidates (victims ordered by decreasing importance):
 *  1. a node with the minimum number of PDB violations;
 *  2. a node with the minimum highest-priority victim;
 *  3. ties broken by the sum of (priority + MaxInt32 + 1) of all victims;
 *  4. then the minimum number of victims;
 *  5. then the latest start time of the highest-priority victims;
 *  6. then the first such node.
 * Each criterion keeps the nodes with the best score and is applied only while more than one node is left.
 */
export function pickOneNodeForPreemption(nodesToVictims: Map<string, Victims>, now: VirtualMs): string {
  if (nodesToVictims.size === 0) return '';
  const victimsOf = (node: string) => nodesToVictims.get(node)!;
  const scoreFuncs: ((node: string) => number)[] = [
    (node) => -victimsOf(node).numPDBViolations,
    (node) => -podPriority(victimsOf(node).pods[0]),
    (node) => -victimsOf(node).pods.reduce((sum, p) => sum + podPriority(p) + MaxInt32 + 1, 0),
    (node) => -victimsOf(node).pods.length,
    (node) => getEarliestPodStartTime(victimsOf(node), now) ?? Number.MIN_SAFE_INTEGER,
  ];
  let allCandidates = [...nodesToVictims.keys()];
  for (const f of scoreFuncs) {
    let selected: string[] = [];
    let maxScore = -Infinity;
    for (const node of allCandidates) {
      const score = f(node);
      if (score > maxScore) {
        maxScore = score;
        selected = [];
      }
      if (score === maxScore) selected.push(node);
    }
    if (selected.length === 1) return selected[0];
    allCandidates = selected;
  }
  return allCandidates[0];
}
