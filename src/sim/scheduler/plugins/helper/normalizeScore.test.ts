// Ports TestDefaultNormalizeScore from pkg/scheduler/framework/plugins/helper/normalize_score_test.go.
import { describe, expect, it } from 'vitest';
import { MaxNodeScore } from '../../framework/interface';
import { defaultNormalizeScore } from './normalizeScore';

describe('defaultNormalizeScore', () => {
  it.each([
    { name: 'scores are scaled so that the highest becomes 100', reverse: false, scores: [1, 2, 3, 4], expected: [25, 50, 75, 100] },
    { name: 'reversed scores put the highest raw score at 0', reverse: true, scores: [1, 2, 3, 4], expected: [75, 50, 25, 0] },
    { name: 'scaling truncates towards zero', reverse: false, scores: [1000, 10, 20, 30], expected: [100, 1, 2, 3] },
    { name: 'reversed truncated scores are subtracted from 100', reverse: true, scores: [1000, 10, 20, 30], expected: [0, 99, 98, 97] },
    { name: 'equal scores all become 100', reverse: false, scores: [1, 1, 1, 1], expected: [100, 100, 100, 100] },
    { name: 'scores far below the highest truncate to 0', reverse: false, scores: [1000, 1, 1, 1], expected: [100, 0, 0, 0] },
    { name: 'a zero raw score becomes 100 when reversed', reverse: true, scores: [0, 1, 1, 1], expected: [100, 0, 0, 0] },
    { name: 'all-zero scores stay zero', reverse: false, scores: [0, 0, 0, 0], expected: [0, 0, 0, 0] },
    { name: 'all-zero scores become 100 when reversed', reverse: true, scores: [0, 0, 0, 0], expected: [100, 100, 100, 100] },
  ])('$name', ({ reverse, scores, expected }) => {
    const list = scores.map((score, i) => ({ name: `node${i}`, score }));
    expect(defaultNormalizeScore(MaxNodeScore, reverse, list)).toBeNull();
    expect(list.map((s) => s.score)).toEqual(expected);
  });
});
