import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../clock/virtualClock';
import { Later } from '../clock/later';
import { TokenBucketRateLimiter } from './flowcontrol/tokenBucketRateLimiter';
import { WorkQueue, type SyncResult, type WorkQueueOptions } from './workqueue';

/** harness records each sync's time and key, then runs `sync` (by default: nothing) for it. */
function harness(sync: (key: string, clock: VirtualClock, processed: number) => SyncResult = () => undefined, options: WorkQueueOptions = {}, clock = new VirtualClock()) {
  const processed: Array<[number, string]> = [];
  const queue = new WorkQueue(
    clock,
    'test-controller',
    (key) => {
      processed.push([clock.now(), key]);
      return sync(key, clock, processed.length);
    },
    options,
  );
  return { clock, queue, processed };
}

/** failing is a sync that throws for the given keys. */
const failing = (keys: string[]) => (key: string) => {
  if (keys.includes(key)) throw new Error('sync failed');
};

/** settlesIn is a sync that waits (for its creates, say): it finishes `ms` later, failing with `err` if given. */
function settlesIn(clock: VirtualClock, ms: number, err?: Error): Later<unknown> {
  const finished = new Later<unknown>();
  clock.schedule(ms, { owner: 'test', label: 'creates', run: () => finished.settle(err) });
  return finished;
}

describe('WorkQueue (client-go workqueue semantics on the virtual clock)', () => {
  it('processes keys in the order they were added, one clock task each', () => {
    const { clock, queue, processed } = harness();
    queue.add('default/a');
    queue.add('default/b');
    expect(clock.runNext()).toBe(true);
    expect(processed).toEqual([[0, 'default/a']]);
    clock.advanceTo(0);
    expect(processed.map(([, k]) => k)).toEqual(['default/a', 'default/b']);
  });

  it('a key added twice before it is processed is processed once (stingy)', () => {
    const { clock, queue, processed } = harness();
    queue.add('default/a');
    queue.add('default/a');
    clock.advanceTo(0);
    expect(processed).toEqual([[0, 'default/a']]);
  });

  it('a key added by a chain of tasks in one instant is processed once, after the chain (coalescing)', () => {
    const { clock, queue, processed } = harness();
    // Each write wakes the controller and causes the next write at the same instant, as kubelet status writes do.
    const write = (left: number): void => {
      queue.add('default/a');
      if (left > 0) clock.schedule(0, { owner: 'kubelet', label: 'status', run: () => write(left - 1) });
    };
    clock.schedule(0, { owner: 'kubelet', label: 'status', run: () => write(2) });
    clock.advanceTo(0);
    expect(processed).toEqual([[0, 'default/a']]);
  });

  it('addAfter waits the given virtual time', () => {
    const { clock, queue, processed } = harness();
    queue.addAfter('default/a', 1500);
    clock.advanceTo(1499);
    expect(processed).toEqual([]);
    clock.advanceTo(1500);
    expect(processed).toEqual([[1500, 'default/a']]);
  });

  it('a failing sync is retried after 5 ms, 10 ms, 20 ms: the per-item exponential back-off', () => {
    const { clock, queue, processed } = harness(failing(['default/a']));
    queue.add('default/a');
    clock.advanceTo(40);
    expect(processed.map(([t]) => t)).toEqual([0, 5, 15, 35]);
  });

  it('a sync starts only once its client has a token: with qps 20 and burst 1, one write per sync spaces syncs 50 ms apart', () => {
    const clock = new VirtualClock();
    const limiter = new TokenBucketRateLimiter(clock, 20, 1);
    const { queue, processed } = harness(() => void limiter.reserve(), { rateLimiter: limiter }, clock);
    for (const key of ['default/a', 'default/b', 'default/c']) queue.add(key);
    clock.advanceTo(1000);
    expect(processed).toEqual([[0, 'default/a'], [50, 'default/b'], [100, 'default/c']]);
  });

  it('a key added while its sync waits is processed once more after that sync finishes, never twice at once', () => {
    const { clock, queue, processed } = harness((key, clock, count) => (key === 'default/a' && count === 1 ? settlesIn(clock, 300) : undefined));
    queue.add('default/a');
    clock.advanceTo(10);
    queue.add('default/a');
    queue.add('default/a');
    queue.add('default/b');
    clock.advanceTo(1000);
    expect(processed).toEqual([[0, 'default/a'], [300, 'default/b'], [300, 'default/a']]);
  });

  it('with two workers another key is processed while the first sync waits; a sync that fails later backs off 5, 10, 20 ms after each', () => {
    const { clock, queue, processed } = harness((key, clock) => (key === 'default/a' ? settlesIn(clock, 300, new Error('quota')) : undefined), { workers: 2 });
    queue.add('default/a');
    clock.advanceTo(10);
    queue.add('default/b');
    clock.advanceTo(1000);
    expect(processed).toEqual([[0, 'default/a'], [10, 'default/b'], [305, 'default/a'], [615, 'default/a'], [935, 'default/a']]);
  });
});
