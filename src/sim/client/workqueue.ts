import type { TimerHandle, VirtualClock, VirtualMs } from '../clock/virtualClock';
import type { Later } from '../clock/later';
import type { TokenBucketRateLimiter } from './flowcontrol/tokenBucketRateLimiter';

/** Per-item exponential back-off of client-go's DefaultControllerRateLimiter: 5 ms doubling up to 1000 s. */
const BASE_DELAY_MS = 5;
const MAX_DELAY_MS = 1000 * 1000;

export interface WorkQueueOptions {
  /** The controller's client rate limiter: a sync starts only once its client could send a request at once. */
  rateLimiter?: TokenBucketRateLimiter;
  /**
   * How many keys may be in flight at once (upstream's --concurrent-*-syncs). Only syncs that wait for their client
   * (a Later) hold a worker for a while; the others finish within their clock task.
   */
  workers?: number;
}

/** A sync finishes at once (returning nothing, or throwing) or later, with the error it failed with if any. */
export type SyncResult = void | Later<unknown>;

/**
 * WorkQueue mirrors client-go util/workqueue on the virtual clock: fair (keys processed in the order added), stingy
 * (a key queued twice is processed once) and rate-limited per key. Processing one key is one clock task, so
 * `step()` can stop between two syncs and controllers take turns. That task is late: it runs once everything else
 * due at the same instant has run, so the events of one moment (a burst of pod status writes) are synced once, as a
 * real worker finds its key queued only once however many events arrived while it waited.
 */
export class WorkQueue {
  private readonly order: string[] = [];
  /** Keys waiting to be processed (client-go's dirty set), including keys re-added while being processed. */
  private readonly queued = new Set<string>();
  private readonly processing = new Set<string>();
  private readonly failures = new Map<string, number>();
  private readonly waiting = new Map<string, TimerHandle>();
  private scheduled = false;

  constructor(
    private readonly clock: VirtualClock,
    /** The controller's name, e.g. `replicaset-controller`. */
    private readonly owner: string,
    private readonly process: (key: string) => SyncResult,
    private readonly options: WorkQueueOptions = {},
  ) {}

  add(key: string): void {
    if (this.queued.has(key)) return;
    this.queued.add(key);
    // A key being processed is queued again when that sync is done, never processed twice at once.
    if (this.processing.has(key)) return;
    this.order.push(key);
    this.ensureScheduled();
  }

  /**
   * addAfter adds the key once `delay` of virtual time has passed. Like client-go's delaying queue it keeps one
   * waiting timer per key, the earliest. A `background` wait (a deadline check) is not pending work for settle().
   */
  addAfter(key: string, delay: VirtualMs, opts: { background?: boolean } = {}): void {
    if (delay <= 0) return this.add(key);
    const at = this.clock.now() + delay;
    const waiting = this.waiting.get(key);
    if (waiting && waiting.at <= at) return;
    waiting?.cancel();
    const handle = this.clock.schedule(delay, {
      owner: this.owner,
      label: `requeue ${key}`,
      periodic: opts.background,
      run: () => {
        this.waiting.delete(key);
        this.add(key);
      },
    });
    this.waiting.set(key, handle);
  }

  /** addRateLimited requeues a key that failed, waiting longer after each consecutive failure. */
  addRateLimited(key: string): void {
    const failures = this.failures.get(key) ?? 0;
    this.failures.set(key, failures + 1);
    this.addAfter(key, Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** failures));
  }

  /** forget clears a key's failure count after a successful sync. */
  forget(key: string): void {
    this.failures.delete(key);
  }

  get length(): number {
    return this.order.length;
  }

  private ensureScheduled(delay: VirtualMs = 0): void {
    if (this.scheduled) return;
    this.scheduled = true;
    const label = delay > 0 ? 'client-side throttling' : 'sync';
    this.clock.schedule(delay, { owner: this.owner, label, late: true, run: () => this.processNext() });
  }

  private processNext(): void {
    this.scheduled = false;
    if (this.order.length === 0 || this.processing.size >= (this.options.workers ?? 1)) return;
    const wait = this.options.rateLimiter?.delay() ?? 0;
    if (wait > 0) return this.ensureScheduled(wait);
    const key = this.order.shift()!;
    this.queued.delete(key);
    this.processing.add(key);
    let result: SyncResult;
    try {
      result = this.process(key);
    } catch (err) {
      return this.done(key, err);
    }
    if (result) result.then((err) => this.done(key, err));
    else this.done(key, undefined);
    if (this.processing.has(key) && this.order.length > 0) this.ensureScheduled();
  }

  private done(key: string, err: unknown): void {
    this.processing.delete(key);
    // Percolate errors to the top level for consistent re-queuing (controllers.md).
    if (err !== undefined) this.addRateLimited(key);
    else this.forget(key);
    if (this.queued.has(key)) this.order.push(key);
    if (this.order.length > 0) this.ensureScheduled();
  }
}
