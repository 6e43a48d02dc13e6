import { describe, expect, it } from 'vitest';
import { TaskQueue, type QueuedTask } from './taskQueue';

interface Item extends QueuedTask {
  name: string;
}

/** drain takes every live task in queue order. */
function drain(queue: TaskQueue<Item>): string[] {
  const out: string[] = [];
  for (let next = queue.peek(); next; next = queue.peek()) {
    queue.remove(next);
    out.push(next.name);
  }
  return out;
}

describe('TaskQueue', () => {
  const cases: { name: string; pushes: { at: number; lane?: number; dueNow?: boolean; cancelled?: boolean }[]; want: string[] }[] = [
    {
      name: 'Tasks come out by time, then lane, then the order they were pushed, whether due now or not',
      pushes: [{ at: 5 }, { at: 0, dueNow: true }, { at: 0, lane: 1, dueNow: true }, { at: 0 }, { at: 5, lane: 1 }, { at: 5 }],
      want: ['1', '3', '2', '0', '5', '4'],
    },
    {
      name: 'A due-now task earlier than its run’s last task goes to the heap and still comes out in order',
      pushes: [{ at: 7, dueNow: true }, { at: 3, dueNow: true }, { at: 7, dueNow: true }],
      want: ['1', '0', '2'],
    },
    {
      name: 'Cancelled tasks are skipped wherever they are queued',
      pushes: [{ at: 0, dueNow: true, cancelled: true }, { at: 0, dueNow: true }, { at: 1, cancelled: true }, { at: 2 }],
      want: ['1', '3'],
    },
  ];
  it.each(cases)('$name', ({ pushes, want }) => {
    const queue = new TaskQueue<Item>();
    pushes.forEach((p, seq) => {
      queue.push({ at: p.at, lane: p.lane ?? 0, seq, cancelled: p.cancelled ?? false, name: String(seq) }, p.dueNow ?? false);
    });
    expect(drain(queue)).toEqual(want);
  });

  it('Interleaved pushes, cancellations and removals take, each time, the least live task, as a single heap would', () => {
    let state = 12345;
    const rand = (n: number) => {
      state = (state * 1103515245 + 12345) % 2147483648;
      return state % n;
    };
    const order = (a: Item, b: Item) => a.at - b.at || a.lane - b.lane || a.seq - b.seq;
    const queue = new TaskQueue<Item>();
    let queued: Item[] = [];
    let now = 0;
    let checked = 0;
    for (let seq = 0; seq < 3000 || queued.length > 0; seq++) {
      if (seq < 3000) {
        // Due-now tasks are due at the current time, as the clock schedules them; others up to 50 later.
        const dueNow = rand(2) === 0;
        const item: Item = { at: now + (dueNow ? 0 : rand(50)), lane: rand(3) === 0 ? 1 : 0, seq, cancelled: false, name: String(seq) };
        queued.push(item);
        queue.push(item, dueNow);
        if (rand(8) === 0) queued[rand(queued.length)]!.cancelled = true;
      }
      if (seq >= 3000 || rand(2) === 0) {
        queued = queued.filter((i) => !i.cancelled);
        const want = queued.slice().sort(order)[0];
        const next = queue.peek();
        expect(next?.name).toBe(want?.name);
        if (!next) continue;
        queue.remove(next);
        next.cancelled = true;
        now = Math.max(now, next.at);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(1000);
  });
});
