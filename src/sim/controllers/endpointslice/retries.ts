// Mirrors the handleErr of pkg/controller/endpointslice and pkg/controller/endpoint: a failed sync is retried with
// per-item exponential back-off (client-go ItemExponentialFailureRateLimiter) until maxRetries, then dropped.
import type { VirtualMs } from '../../clock/virtualClock';

/** MAX_RETRIES is both controllers' maxRetries. */
export const MAX_RETRIES = 15;

export class Retries {
  private readonly failures = new Map<string, number>();

  constructor(
    private readonly baseDelay: VirtualMs,
    private readonly maxDelay: VirtualMs,
  ) {}

  /** failed counts a failure and returns the delay before the next try, or undefined once the budget is spent. */
  failed(key: string): VirtualMs | undefined {
    const requeues = this.failures.get(key) ?? 0;
    if (requeues >= MAX_RETRIES) {
      this.failures.delete(key);
      return undefined;
    }
    this.failures.set(key, requeues + 1);
    return Math.min(this.maxDelay, this.baseDelay * 2 ** requeues);
  }

  /** forget clears the count after a successful sync. */
  forget(key: string): void {
    this.failures.delete(key);
  }
}
