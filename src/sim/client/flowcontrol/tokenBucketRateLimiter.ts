// Mirrors client-go util/flowcontrol NewTokenBucketRateLimiter, which is golang.org/x/time/rate's Limiter: a bucket
// of `burst` tokens refilled at `qps` per second, where a request reserves a token and waits until it is due. Tokens
// are counted in thousandths so that the refill per virtual millisecond is exact for whole-number rates.
import type { VirtualClock, VirtualMs } from '../../clock/virtualClock';

const UNIT = 1000;

/**
 * TokenBucketRateLimiter is one API client's rate limit. client-go gives every clientset its own (rest.Config QPS
 * and Burst); kube-controller-manager builds one clientset per controller, with `--kube-api-qps=20
 * --kube-api-burst=30` by default.
 */
export class TokenBucketRateLimiter {
  /** Thousandths of a token; negative while reserved requests wait for the refill. */
  private tokens: number;
  private last: VirtualMs;

  constructor(
    private readonly clock: VirtualClock,
    readonly qps: number,
    readonly burst: number,
  ) {
    // x/time/rate starts a new limiter full.
    this.tokens = burst * UNIT;
    this.last = clock.now();
  }

  /** reserve takes a token for a request made now and returns how long that request must wait for it. */
  reserve(): VirtualMs {
    this.refill();
    this.tokens -= UNIT;
    return this.waitFor(this.tokens);
  }

  /** tryAccept takes a token if one is free now (client-go's TryAccept); it never goes into debt. */
  tryAccept(): boolean {
    this.refill();
    if (this.tokens < UNIT) return false;
    this.tokens -= UNIT;
    return true;
  }

  /** delay is how long a request made now would wait, without reserving anything. */
  delay(): VirtualMs {
    this.refill();
    return this.waitFor(this.tokens - UNIT);
  }

  private refill(): void {
    const now = this.clock.now();
    this.tokens = Math.min(this.burst * UNIT, this.tokens + (now - this.last) * this.qps);
    this.last = now;
  }

  private waitFor(balance: number): VirtualMs {
    return balance >= 0 ? 0 : Math.ceil(-balance / this.qps);
  }
}
