// Mirrors pkg/controller/tainteviction/timed_workers.go (TimedWorker, TimedWorkerQueue: AddWork, CancelWork,
// GetWorkerUnsafe) on the virtual clock. Leaves out UpdateWork and CancelAndWait, which the controller does not use.
import type { TimerHandle, VirtualClock, VirtualMs } from '../../clock/virtualClock';

/**
 * WorkArgs names the pod a worker will delete. nodeName and why are Kubeplay's additions: they let the deletion be
 * narrated with the taint and toleration that caused it.
 */
export interface WorkArgs {
  namespace: string;
  name: string;
  nodeName: string;
  /** Completes "evicted pod <pod> from node <node>: ...", e.g. `it does not tolerate x:NoExecute`. */
  why: string;
}

/** keyFromWorkArgs is the pod's namespace/name: there is at most one worker per pod. */
export function keyFromWorkArgs(args: WorkArgs): string {
  return `${args.namespace}/${args.name}`;
}

/** TimedWorker runs its work no earlier than fireAt. */
export interface TimedWorker {
  readonly args: WorkArgs;
  readonly createdAt: VirtualMs;
  readonly fireAt: VirtualMs;
  readonly timer: TimerHandle;
}

/** WorkFunc is the work a worker does when it fires: for the taint eviction controller, deleting the pod. */
export type WorkFunc = (args: WorkArgs, fireAt: VirtualMs) => void;

/**
 * TimedWorkerQueue keeps the workers still waiting to fire, one per key. Work due at once is started without a
 * timer and can no longer be cancelled (upstream keeps a nil worker for it), so cancelling it reports false.
 * Waiting timers are deadlines, not pending work: they do not keep settle() busy.
 */
export class TimedWorkerQueue {
  private readonly workers = new Map<string, TimedWorker | null>();

  constructor(
    private readonly clock: VirtualClock,
    private readonly owner: string,
    private readonly workFunc: WorkFunc,
  ) {}

  /** addWork adds a worker that fires at fireAt, unless the key already has one. */
  addWork(args: WorkArgs, createdAt: VirtualMs, fireAt: VirtualMs): void {
    const key = keyFromWorkArgs(args);
    if (this.workers.has(key)) return;
    this.workers.set(key, this.createWorker(key, args, createdAt, fireAt));
  }

  /** cancelWork removes the key's worker; it returns true if a waiting worker was stopped. */
  cancelWork(key: string): boolean {
    if (!this.workers.has(key)) return false;
    const worker = this.workers.get(key);
    this.workers.delete(key);
    if (!worker) return false;
    worker.timer.cancel();
    return true;
  }

  /** getWorkerUnsafe returns the key's waiting worker (not one already started). */
  getWorkerUnsafe(key: string): TimedWorker | undefined {
    return this.workers.get(key) ?? undefined;
  }

  private createWorker(key: string, args: WorkArgs, createdAt: VirtualMs, fireAt: VirtualMs): TimedWorker | null {
    const delay = fireAt - createdAt;
    const label = `evict pod ${key}`;
    if (delay <= 0) {
      this.clock.schedule(0, { owner: this.owner, label, run: () => this.fire(key, null, args, fireAt) });
      return null;
    }
    // The delay counts from createdAt, as upstream's clock.AfterFunc(fireAt.Sub(createdAt)).
    const timer = this.clock.schedule(delay, { owner: this.owner, label, periodic: true, run: () => this.fire(key, worker, args, fireAt) });
    const worker: TimedWorker = { args, createdAt, fireAt, timer };
    return worker;
  }

  private fire(key: string, worker: TimedWorker | null, args: WorkArgs, fireAt: VirtualMs): void {
    this.workFunc(args, fireAt);
    // Remove the finished worker, but not a newer one added for the same pod since.
    if (this.workers.get(key) === worker) this.workers.delete(key);
  }
}
