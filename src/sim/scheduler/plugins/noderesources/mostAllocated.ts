// Mirrors pkg/scheduler/framework/plugins/noderesources/most_allocated.go.
import { MaxNodeScore } from '../../framework/interface';
import type { ResourceSpec, Scorer } from './resourceAllocation';

/**
 * mostResourceScorer favors nodes with most requested resources (bin packing): for each resource
 * requested * MaxNodeScore / capacity, then the weighted average (integer division).
 */
export function mostResourceScorer(resources: readonly ResourceSpec[]): Scorer {
  return (requested, allocatable) => {
    let nodeScore = 0;
    let weightSum = 0;
    for (let i = 0; i < requested.length; i++) {
      if (allocatable[i] === 0) continue;
      const weight = resources[i].weight;
      nodeScore += mostRequestedScore(requested[i], allocatable[i]) * weight;
      weightSum += weight;
    }
    return weightSum === 0 ? 0 : Math.trunc(nodeScore / weightSum);
  };
}

/**
 * mostRequestedScore is the used capacity on a scale of 0 to MaxNodeScore. `requested` may exceed `capacity`
 * because pods with no requests get minimum values; it is capped at capacity.
 */
function mostRequestedScore(requested: number, capacity: number): number {
  if (capacity === 0) return 0;
  if (requested > capacity) requested = capacity;
  return Math.trunc((requested * MaxNodeScore) / capacity);
}
