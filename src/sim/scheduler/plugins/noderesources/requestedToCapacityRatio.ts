// Mirrors pkg/scheduler/framework/plugins/noderesources/requested_to_capacity_ratio.go.
import { MaxNodeScore } from '../../framework/interface';
import { buildBrokenLinearFunction, type FunctionShapePoint } from '../helper/shapeScore';
import type { ResourceSpec, Scorer } from './resourceAllocation';

const maxUtilization = 100;
/** MaxCustomPriorityScore is the max score of a user-given shape point (config.MaxCustomPriorityScore). */
export const MaxCustomPriorityScore = 10;

/** UtilizationShapePoint is a point of the user's shape: utilization 0..100 and score 0..10. */
export interface UtilizationShapePoint {
  utilization: number;
  score: number;
}

/**
 * requestedToCapacityRatioScorer scores nodes along the user's shape of utilization -> score; shape scores are
 * scaled from 0..10 to 0..MaxNodeScore.
 */
export function requestedToCapacityRatioScorer(
  resources: readonly ResourceSpec[],
  shape: readonly UtilizationShapePoint[],
): Scorer {
  const shapes: FunctionShapePoint[] = shape.map((p) => ({
    utilization: p.utilization,
    score: p.score * (MaxNodeScore / MaxCustomPriorityScore),
  }));
  return buildRequestedToCapacityRatioScorerFunction(shapes, resources);
}

function buildRequestedToCapacityRatioScorerFunction(
  shape: readonly FunctionShapePoint[],
  resources: readonly ResourceSpec[],
): Scorer {
  const rawScoringFunction = buildBrokenLinearFunction(shape);
  const resourceScoringFunction = (requested: number, capacity: number): number => {
    if (capacity === 0 || requested > capacity) return rawScoringFunction(maxUtilization);
    return rawScoringFunction(Math.trunc((requested * maxUtilization) / capacity));
  };
  return (requested, allocatable) => {
    let nodeScore = 0;
    let weightSum = 0;
    for (let i = 0; i < requested.length; i++) {
      if (allocatable[i] === 0) continue;
      const weight = resources[i].weight;
      const resourceScore = resourceScoringFunction(requested[i], allocatable[i]);
      // Only resources that score above 0 take part in the weighted average.
      if (resourceScore > 0) {
        nodeScore += resourceScore * weight;
        weightSum += weight;
      }
    }
    if (weightSum === 0) return 0;
    return goRound(nodeScore / weightSum);
  };
}

/** goRound is Go's math.Round: half away from zero (Math.round rounds half up, which differs below zero). */
function goRound(x: number): number {
  return x < 0 ? -Math.round(-x) : Math.round(x);
}
