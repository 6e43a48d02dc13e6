// Mirrors pkg/scheduler/framework/plugins/noderesources/least_allocated.go.
import { MaxNodeScore } from '../../framework/interface';
import type { ResourceSpec, Scorer } from './resourceAllocation';

/**
 * leastResourceScorer favors nodes with fewer requested resources: for each resource
 * (capacity - requested) * MaxNodeScore / capacity, then the weighted average (integer division).
 */
export function leastResourceScorer(resources: readonly ResourceSpec[]): Scorer {
  return (requested, allocatable) => {
    let nodeScore = 0;
    let weightSum = 0;
    for (let i = 0; i < requested.length; i++) {
      if (allocatable[i] === 0) continue;
      const weight = resources[i].weight;
      nodeScore += leastRequestedScore(requested[i], allocatable[i]) * weight;
      weightSum += weight;
    }
    return weightSum === 0 ? 0 : Math.trunc(nodeScore / weightSum);
  };
}

/** leastRequestedScore is the unused capacity on a scale of 0 to MaxNodeScore; 0 when capacity is 0 or overcommitted. */
function leastRequestedScore(requested: number, capacity: number): number {
  if (capacity === 0 || requested > capacity) return 0;
  return Math.trunc(((capacity - requested) * MaxNodeScore) / capacity);
}
