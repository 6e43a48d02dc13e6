import { describe, expect, it } from 'vitest';
import { humanDuration } from './humanDuration';

// Cases from apimachinery pkg/util/duration/duration_test.go TestHumanDuration.
describe('HumanDuration', () => {
  const s = 1000;
  const m = 60 * s;
  const h = 60 * m;
  const d = 24 * h;
  const y = 365 * d;
  it.each([
    [s, '1s'],
    [70 * s, '70s'],
    [190 * s, '3m10s'],
    [70 * m, '70m'],
    [47 * h, '47h'],
    [49 * h, '2d1h'],
    [(8 * 24 + 2) * h, '8d'],
    [367 * d, '367d'],
    [2 * y + 1 * d, '2y1d'],
    [8 * y + 2 * d, '8y'],
    [-1 * s, '0s'],
    [-2 * s, '<invalid>'],
    [0, '0s'],
    [600 * s, '10m'],
  ])('%d ms prints as %s', (ms, want) => {
    expect(humanDuration(ms)).toBe(want);
  });
});
