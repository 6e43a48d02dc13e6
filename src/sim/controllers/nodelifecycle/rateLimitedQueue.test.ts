import { describe, expect, it } from 'vitest';
import { NeverRateLimiter, RateLimitedTimedQueue, TokenBucketRateLimiter } from './rateLimitedQueue';

/** drain runs try() at each time and returns `<time>ms <value>` for every value handed out. */
function drain(queue: RateLimitedTimedQueue, times: number[], fail: Set<string> = new Set()): string[] {
  const out: string[] = [];
  for (const t of times) {
    queue.try(t, (v) => {
      out.push(`${t}ms ${v.value}`);
      return fail.has(v.value) ? { done: false, wait: 50 } : { done: true, wait: 0 };
    });
  }
  return out;
}

describe('TokenBucketRateLimiter with burst 1', () => {
  it('accepts at once, then once per 1/qps seconds', () => {
    const limiter = new TokenBucketRateLimiter(0.1);
    expect([0, 9_999, 10_000, 15_000, 20_000].map((t) => limiter.tryAccept(t))).toEqual([true, false, true, false, true]);
    expect(limiter.availableAt()).toBe(30_000);
  });
});

describe('RateLimitedTimedQueue', () => {
  it('hands out one value per token, in the order added', () => {
    const q = new RateLimitedTimedQueue(new TokenBucketRateLimiter(0.1));
    q.add('node-1', 'u1', 0);
    q.add('node-2', 'u2', 0);
    expect(drain(q, [0, 100, 5_000, 10_000])).toEqual(['0ms node-1', '10000ms node-2']);
    expect(q.length).toBe(0);
  });

  it('does not take a value twice until it is removed', () => {
    const q = new RateLimitedTimedQueue(new TokenBucketRateLimiter(10));
    expect([q.add('node-1', 'u', 0), q.add('node-1', 'u', 0)]).toEqual([true, false]);
    drain(q, [0]);
    expect(q.add('node-1', 'u', 100)).toBe(false);
    expect(q.remove('node-1')).toBe(true);
    expect(q.add('node-1', 'u', 200)).toBe(true);
  });

  it('puts a failed value back to be tried after its wait, spending a token on each attempt', () => {
    const q = new RateLimitedTimedQueue(new TokenBucketRateLimiter(10));
    q.add('node-1', 'u', 0);
    expect(drain(q, [0, 100, 200], new Set(['node-1']))).toEqual(['0ms node-1', '100ms node-1', '200ms node-1']);
  });

  it('never hands out anything with a zero rate, and a new rate starts drained if the old limiter was out of tokens', () => {
    const q = new RateLimitedTimedQueue(new TokenBucketRateLimiter(0.1));
    q.swapLimiter(0, 0);
    q.add('node-1', 'u', 0);
    expect(drain(q, [0, 60_000])).toEqual([]);
    expect(q.nextTryAt()).toBe(Infinity);
    q.swapLimiter(0.1, 60_000);
    expect(q.nextTryAt()).toBe(70_000);
    expect(drain(q, [65_000, 70_000])).toEqual(['70000ms node-1']);
  });

  it('keeps its limiter when the rate does not change', () => {
    const q = new RateLimitedTimedQueue(new NeverRateLimiter());
    q.swapLimiter(0, 0);
    expect(q.qps).toBe(0);
  });
});
