// Kubeplay's own, no upstream counterpart (Kubernetes components run on the wall clock): the virtual clock's queue.
import { Heap } from 'heap-js';

/** QueuedTask is what the queue orders: by time, then lane (ordinary before late), then sequence (scheduling order). */
export interface QueuedTask {
  readonly at: number;
  readonly lane: number;
  readonly seq: number;
  cancelled: boolean;
}

/** before is the clock's order; sequence numbers are unique, so it is total. */
function before(a: QueuedTask, b: QueuedTask): boolean {
  return a.at < b.at || (a.at === b.at && (a.lane < b.lane || (a.lane === b.lane && a.seq < b.seq)));
}

const order = (a: QueuedTask, b: QueuedTask) => a.at - b.at || a.lane - b.lane || a.seq - b.seq;

/** Run is a first-in-first-out list already in the clock's order: pushing and taking cost no comparisons. */
class Run<T extends QueuedTask> {
  private items: T[] = [];
  private head = 0;

  // Both check the bounds first: reading past an array's end (or at -1) is a slow lookup in V8.
  first(): T | undefined {
    return this.head < this.items.length ? this.items[this.head] : undefined;
  }

  last(): T | undefined {
    const n = this.items.length;
    return n > 0 ? this.items[n - 1] : undefined;
  }

  push(task: T): void {
    this.items.push(task);
  }

  shift(): void {
    this.items[this.head++] = undefined as unknown as T;
    // Emptied before time moves on (its tasks are due now), so the array is reused rather than shifted.
    if (this.head === this.items.length) {
      this.items.length = 0;
      this.head = 0;
    }
  }
}

/**
 * TaskQueue is the virtual clock's queue: a binary heap (heap-js) in the clock's order, beside a run per lane for tasks
 * scheduled with no delay. Half the clock's tasks are such (a write's watch handlers, work-queue syncs, scheduling
 * cycles): each is due now and after every task scheduled before it in its lane, so appending keeps a run ordered,
 * and the next task is the first of the heap's top and the runs' heads. Order is the same as one heap's; only
 * cheaper to keep.
 */
export class TaskQueue<T extends QueuedTask> {
  private readonly heap = new Heap<T>(order);
  private readonly runs: [Run<T>, Run<T>] = [new Run(), new Run()];

  /** push queues a task; `dueNow` (no delay) lets it join its lane's run, when that keeps the run in order. */
  push(task: T, dueNow: boolean): void {
    const run = this.runs[task.lane]!;
    const last = run.last();
    if (dueNow && (!last || !before(task, last))) run.push(task);
    else this.heap.push(task);
  }

  /** peek is the next live task (cancelled ones at the front are dropped), or undefined when none is queued. */
  peek(): T | undefined {
    const top = this.liveTop();
    const ordinary = this.liveFirst(this.runs[0]);
    const late = this.liveFirst(this.runs[1]);
    let next = top;
    if (ordinary && (!next || before(ordinary, next))) next = ordinary;
    if (late && (!next || before(late, next))) next = late;
    return next;
  }

  /** remove takes out the task peek() has just returned. */
  remove(next: T): void {
    if (next === this.heap.peek()) this.heap.pop();
    else this.runs[next.lane]!.shift();
  }

  private liveTop(): T | undefined {
    let top = this.heap.peek();
    while (top?.cancelled) {
      this.heap.pop();
      top = this.heap.peek();
    }
    return top;
  }

  private liveFirst(run: Run<T>): T | undefined {
    let first = run.first();
    while (first?.cancelled) {
      run.shift();
      first = run.first();
    }
    return first;
  }
}
