import { describe, expect, it } from 'vitest';
import { cardTrafficText, errorsText, rateText } from './trafficText';

const counters = (errors: Record<string, number>, total = 10, ratePerSecond = 12.46) => ({ total, success: total - Object.values(errors).reduce((a, b) => a + b, 0), errors, ratePerSecond });

describe('traffic text', () => {
  it.each([
    { name: 'a Service nobody called has no traffic', c: undefined, want: 'no traffic' },
    { name: 'a busy Service shows its rate and error count', c: counters({ '503': 2, timeout: 1 }), want: '12.5 req/s · 3 errors' },
    { name: 'a single error is singular', c: counters({ '404': 1 }), want: '12.5 req/s · 1 error' },
  ])('$name', ({ c, want }) => expect(cardTrafficText(c)).toBe(want));

  it.each([
    { name: 'no errors says so', c: counters({}), want: 'no errors' },
    { name: 'errors are listed by outcome', c: counters({ 'connection refused': 2, timeout: 3 }), want: '5 errors (connection refused ×2, timeout ×3)' },
  ])('$name', ({ c, want }) => expect(errorsText(c)).toBe(want));

  it('prints the rate with one decimal', () => {
    expect(rateText(counters({}, 5, 0.25))).toBe('0.3 req/s');
    expect(rateText(undefined)).toBe('0.0 req/s');
  });
});
