import { TaskQueue } from './taskQueue';

/** VirtualMs is a point on (or a span of) the simulation's virtual time line, in milliseconds. */
export type VirtualMs = number;

/** Task is one unit of simulated work due at a virtual time. */
export interface Task {
  /** Which component runs it, e.g. `default-scheduler`, `kubelet/node-1`. */
  readonly owner: string;
  /** Short label for debugging and tracing, e.g. `scheduleOne`, `heartbeat`. */
  readonly label: string;
  /**
   * Periodic tasks (heartbeats, resyncs) recur for ever; `settle()` stops once only periodic tasks remain,
   * the way `kubectl wait` considers a cluster quiet even though kubelets keep heartbeating.
   */
  readonly periodic?: boolean;
  /**
   * Late tasks run after every other task due at the same instant, as a controller's worker picks a key only after
   * the watch events of that moment have been handled: a work queue then syncs a key once for all of them.
   */
  readonly late?: boolean;
  run(): void;
}

/** TimerHandle cancels a scheduled task. */
export interface TimerHandle {
  cancel(): void;
  readonly at: VirtualMs;
}

/** Pending counts the queued non-periodic tasks: what settle() waits for. */
interface Pending {
  nonPeriodic: number;
}

/** Entry is a queued task, and its own TimerHandle: one object per schedule() rather than an entry, handle and closure. */
class Entry implements TimerHandle {
  cancelled = false;

  constructor(
    readonly at: VirtualMs,
    /** 0 for ordinary tasks, 1 for late ones. */
    readonly lane: number,
    readonly seq: number,
    readonly task: Task,
    private readonly pending: Pending,
  ) {}

  cancel(): void {
    if (this.cancelled) return;
    this.cancelled = true;
    if (!this.task.periodic) this.pending.nonPeriodic--;
  }
}

/**
 * VirtualClock is the single clock of a simulated cluster: an ordered queue of tasks (time, then ordinary before
 * late, then insertion order).
 * Nothing in the simulation reads the wall clock; components schedule work here instead.
 */
export class VirtualClock {
  private current: VirtualMs;
  private seq = 0;
  private readonly pending: Pending = { nonPeriodic: 0 };
  private readonly queue = new TaskQueue<Entry>();

  constructor(start: VirtualMs = 0) {
    this.current = start;
  }

  now(): VirtualMs {
    return this.current;
  }

  /** schedule runs the task `delay` ms from now (0 means "as soon as the current work is done"). */
  schedule(delay: VirtualMs, task: Task): TimerHandle {
    const entry = new Entry(this.current + Math.max(0, delay), task.late ? 1 : 0, this.seq++, task, this.pending);
    if (!task.periodic) this.pending.nonPeriodic++;
    this.queue.push(entry, delay <= 0);
    return entry;
  }

  /** nextAt is when the next live task is due, or undefined when nothing is queued. */
  nextAt(): VirtualMs | undefined {
    return this.queue.peek()?.at;
  }

  /** hasPendingWork is true while any non-periodic task is queued. */
  hasPendingWork(): boolean {
    return this.pending.nonPeriodic > 0;
  }

  /** runNext runs the next due task if it is due at or before `limit`, moving the clock to its time. */
  runNext(limit: VirtualMs = Infinity): boolean {
    const head = this.queue.peek();
    if (!head || head.at > limit) return false;
    this.queue.remove(head);
    head.cancelled = true;
    if (!head.task.periodic) this.pending.nonPeriodic--;
    this.current = Math.max(this.current, head.at);
    head.task.run();
    return true;
  }

  /** advanceTo runs every task due up to `target`, then sets the clock to `target`. */
  advanceTo(target: VirtualMs): void {
    while (this.runNext(target));
    this.current = Math.max(this.current, target);
  }
}
