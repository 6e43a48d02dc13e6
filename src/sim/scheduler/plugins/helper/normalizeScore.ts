// Mirrors pkg/scheduler/framework/plugins/helper/normalize_score.go.
import type { NodeScoreList, Status } from '../../framework/interface';

/**
 * defaultNormalizeScore generates a normalised score in [0, maxPriority] from the raw scores: each score is
 * scaled by maxPriority / (highest raw score), with integer division. With reverse, the scores are flipped
 * (maxPriority - score). When every raw score is 0 the result is 0, or maxPriority for every node when reverse.
 */
export function defaultNormalizeScore(maxPriority: number, reverse: boolean, scores: NodeScoreList): Status | null {
  let maxCount = 0;
  for (const s of scores) if (s.score > maxCount) maxCount = s.score;
  if (maxCount === 0) {
    if (reverse) for (const s of scores) s.score = maxPriority;
    return null;
  }
  for (const s of scores) {
    let score = Math.trunc((maxPriority * s.score) / maxCount);
    if (reverse) score = maxPriority - score;
    s.score = score;
  }
  return null;
}
