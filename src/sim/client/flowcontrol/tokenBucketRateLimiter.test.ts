import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../../clock/virtualClock';
import { TokenBucketRateLimiter } from './tokenBucketRateLimiter';

describe('TokenBucketRateLimiter (client-go flowcontrol, kube-controller-manager defaults qps 20 burst 30)', () => {
  it('lets a burst of 30 requests go at once, then makes each next one wait 50 ms longer', () => {
    const limiter = new TokenBucketRateLimiter(new VirtualClock(), 20, 30);
    const waits = Array.from({ length: 33 }, () => limiter.reserve());
    expect(waits.slice(0, 30)).toEqual(Array(30).fill(0));
    expect(waits.slice(30)).toEqual([50, 100, 150]);
  });

  it('refills 20 tokens a second, never above the burst', () => {
    const clock = new VirtualClock();
    const limiter = new TokenBucketRateLimiter(clock, 20, 30);
    for (let i = 0; i < 30; i++) limiter.reserve();
    clock.advanceTo(250);
    expect(Array.from({ length: 6 }, () => limiter.reserve())).toEqual([0, 0, 0, 0, 0, 50]);
    clock.advanceTo(60_000);
    expect(Array.from({ length: 31 }, () => limiter.reserve()).filter((w) => w > 0)).toEqual([50]);
  });

  it('delay says how long a request would wait without taking a token', () => {
    const clock = new VirtualClock();
    const limiter = new TokenBucketRateLimiter(clock, 20, 1);
    expect(limiter.delay()).toBe(0);
    expect(limiter.reserve()).toBe(0);
    expect(limiter.delay()).toBe(50);
    expect(limiter.delay()).toBe(50);
    expect(limiter.reserve()).toBe(50);
    clock.advanceTo(30);
    expect(limiter.delay()).toBe(70);
    clock.advanceTo(100);
    expect(limiter.delay()).toBe(0);
  });

  it('rounds a wait up to the next whole virtual millisecond for rates that do not divide a second', () => {
    const limiter = new TokenBucketRateLimiter(new VirtualClock(), 3, 1);
    limiter.reserve();
    expect([limiter.reserve(), limiter.reserve()]).toEqual([334, 667]);
  });
});
