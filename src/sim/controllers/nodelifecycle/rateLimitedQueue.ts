// Mirrors pkg/controller/nodelifecycle/scheduler/rate_limited_queue.go (UniqueQueue, RateLimitedTimedQueue) with
// client-go's flowcontrol token bucket and "never" limiters, on virtual time. Only burst 1 is modelled: upstream
// uses EvictionRateLimiterBurst = 1 for every zone.
import type { VirtualMs } from '../../clock/virtualClock';

/** NODE_EVICTION_PERIOD is how often the controller tries to add NoExecute taints (scheduler.NodeEvictionPeriod). */
export const NODE_EVICTION_PERIOD: VirtualMs = 100;

/**
 * RateLimiter is flowcontrol.RateLimiter reduced to what the queue needs: tryAccept takes a token if one is there.
 * availableAt says when the next token will be (Infinity for a limiter that never accepts).
 */
export interface RateLimiter {
  readonly qps: number;
  tryAccept(now: VirtualMs): boolean;
  availableAt(): VirtualMs;
}

/**
 * TokenBucketRateLimiter with burst 1: it starts with one token and earns one every 1/qps seconds. With a single
 * token the bucket's state is just the time the next token is earned.
 */
export class TokenBucketRateLimiter implements RateLimiter {
  private nextToken: VirtualMs = -Infinity;

  constructor(readonly qps: number) {}

  tryAccept(now: VirtualMs): boolean {
    if (now < this.nextToken) return false;
    this.nextToken = now + 1000 / this.qps;
    return true;
  }

  availableAt(): VirtualMs {
    return this.nextToken;
  }
}

/** NeverRateLimiter never accepts (flowcontrol.NewFakeNeverRateLimiter): the limiter of a zone that stopped tainting. */
export class NeverRateLimiter implements RateLimiter {
  readonly qps = 0;

  tryAccept(): boolean {
    return false;
  }

  availableAt(): VirtualMs {
    return Infinity;
  }
}

/** TimedValue is a value (a node name) to be processed at a designated time. */
export interface TimedValue {
  value: string;
  /** Anything that helps identify the value: the node's uid. */
  uid: string;
  addedAt: VirtualMs;
  processAt: VirtualMs;
}

/** ActionFunc handles one value; it returns false and a wait to be retried later, or true when done. */
export type ActionFunc = (value: TimedValue) => { done: boolean; wait: VirtualMs };

/**
 * RateLimitedTimedQueue is a unique queue ordered by processAt and drained through a rate limiter. A value stays in
 * the "added" set after it has been processed, so it is processed once until remove() is called for it (which the
 * controller does when the node is Ready again).
 */
export class RateLimitedTimedQueue {
  private queue: TimedValue[] = [];
  private readonly set = new Set<string>();

  constructor(private limiter: RateLimiter) {}

  /** add queues the value unless it was added before and not removed; returns true if it was added. */
  add(value: string, uid: string, now: VirtualMs): boolean {
    if (this.set.has(value)) return false;
    this.push({ value, uid, addedAt: now, processAt: now });
    this.set.add(value);
    return true;
  }

  /** remove drops the value so that it may be added again; returns false if it was not there. */
  remove(value: string): boolean {
    if (!this.set.has(value)) return false;
    this.set.delete(value);
    this.queue = this.queue.filter((v) => v.value !== value);
    return true;
  }

  /**
   * try processes the queue head first while the limiter gives tokens and the head is due. A failed value goes back
   * with processAt = now + wait; a processed one leaves the queue but stays in the set.
   */
  try(now: VirtualMs, fn: ActionFunc): void {
    let head = this.queue[0];
    while (head) {
      // The limiter is asked before the due time is checked, as upstream does: a token can be spent on a head
      // that is not due yet.
      if (!this.limiter.tryAccept(now)) break;
      if (now < head.processAt) break;
      const { done, wait } = fn(head);
      this.queue.shift();
      if (!done) this.push({ ...head, processAt: now + wait });
      head = this.queue[0];
    }
  }

  /**
   * swapLimiter changes the rate when it differs: 0 or less never accepts. A new token bucket starts drained if the
   * old one was out of tokens, so a rate change does not hand out an extra token.
   */
  swapLimiter(newQPS: number, now: VirtualMs): void {
    if (this.limiter.qps === newQPS) return;
    if (newQPS <= 0) {
      this.limiter = new NeverRateLimiter();
      return;
    }
    const next = new TokenBucketRateLimiter(newQPS);
    if (!this.limiter.tryAccept(now)) next.tryAccept(now);
    this.limiter = next;
  }

  get qps(): number {
    return this.limiter.qps;
  }

  get length(): number {
    return this.queue.length;
  }

  /** nextTryAt is when a try() could next do something: Infinity when the queue is empty or never drained. */
  nextTryAt(): VirtualMs {
    return this.queue.length === 0 ? Infinity : this.limiter.availableAt();
  }

  private push(value: TimedValue): void {
    // Stable insert by processAt: values due at the same time keep the order they were added in.
    const at = this.queue.findIndex((v) => v.processAt > value.processAt);
    if (at < 0) this.queue.push(value);
    else this.queue.splice(at, 0, value);
  }
}
