import type { TimerHandle, VirtualClock, VirtualMs } from '../clock/virtualClock';

/** Per-item exponential back-off of client-go's DefaultControllerRateLimiter: 5 ms doubling up to 1000 s. */
const BASE_DELAY_MS = 5;
const MAX_DELAY_MS = 1000 * 1000;

/**
 * WorkQueue mirrors client-go util/workqueue on the virtual clock: fair (keys processed in the order added), stingy
 * (a key queued twice is processed once) and rate-limited per key. Processing one key is one clock task, so
 * `step()` can stop between two syncs and controllers take turns. That task is late: it runs once everything else
 * due at the same instant has run, so the events of one moment (a burst of pod status writes) are synced once, as a
 * real worker finds its key queued only once however many events arrived while it waited.
 */
export class WorkQueue {
  private readonly order: string[] = [];
  private readonly queued = new Set<string>();
  private readonly failures = new Map<string, number>();
  private readonly waiting = new Map<string, TimerHandle>();
  private scheduled = false;

  constructor(
    private readonly clock: VirtualClock,
    /** The controller's name, e.g. `replicaset-controller`. */
    private readonly owner: string,
    private readonly process: (key: string) => void,
  ) {}

  add(key: string): void {
    if (this.queued.has(key)) return;
    this.queued.add(key);
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

  private ensureScheduled(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    this.clock.schedule(0, { owner: this.owner, label: 'sync', late: true, run: () => this.processNext() });
  }

  private processNext(): void {
    this.scheduled = false;
    const key = this.order.shift();
    if (key === undefined) return;
    this.queued.delete(key);
    try {
      this.process(key);
      this.forget(key);
    } catch {
      // Percolate errors to the top level for consistent re-queuing (controllers.md).
      this.addRateLimited(key);
    }
    if (this.order.length > 0) this.ensureScheduled();
  }
}
