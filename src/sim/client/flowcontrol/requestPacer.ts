import type { VirtualClock, VirtualMs } from '../../clock/virtualClock';
import type { TokenBucketRateLimiter } from './tokenBucketRateLimiter';

/**
 * RequestPacer sends a controller's requests no faster than its client's rate limiter allows, the way client-go's
 * blocking Wait spaces the parallel creates of a slow-start batch: a request goes at once while a token is free,
 * else at the moment one will be. Without a limiter (unit tests of one controller) every request goes at once.
 */
export class RequestPacer {
  private waited: VirtualMs = 0;

  constructor(
    private readonly clock: VirtualClock,
    /** The controller's name, owner of the waiting clock tasks. */
    private readonly owner: string,
    private readonly limiter?: TokenBucketRateLimiter,
  ) {}

  /** ready: a request made now would not wait. */
  ready(): boolean {
    return !this.limiter || this.limiter.delay() === 0;
  }

  /** whenReady runs `send` at the first moment a request would not wait (at once if that is now). */
  whenReady(send: () => void, since: VirtualMs = this.clock.now()): void {
    const delay = this.limiter?.delay() ?? 0;
    if (delay === 0) {
      this.waited = this.clock.now() - since;
      return send();
    }
    this.clock.schedule(delay, { owner: this.owner, label: 'client-side throttling', run: () => this.whenReady(send, since) });
  }

  /**
   * throttling says, once, why the request about to go waited: client-go logs "Waited for 50ms due to client-side
   * throttling". Undefined when it did not wait.
   */
  takeThrottling(): string | undefined {
    const waited = this.waited;
    this.waited = 0;
    if (waited === 0 || !this.limiter) return undefined;
    return `waited ${waited}ms due to client-side throttling: ${this.limiter.qps} requests/s after a burst of ${this.limiter.burst}`;
  }
}
