import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../../clock/virtualClock';
import { TimedWorkerQueue, type WorkArgs } from './timedWorkers';

function setup() {
  const clock = new VirtualClock();
  const fired: string[] = [];
  const queue = new TimedWorkerQueue(clock, 'test', (args, fireAt) => fired.push(`${clock.now()}ms ${args.name} (fireAt ${fireAt}ms)`));
  const args = (name: string): WorkArgs => ({ namespace: 'default', name, nodeName: 'node-1', why: 'test' });
  return { clock, fired, queue, args };
}

describe('TimedWorkerQueue', () => {
  it('fires each worker at its time and forgets it afterwards', () => {
    const { clock, fired, queue, args } = setup();
    queue.addWork(args('b'), 0, 300_000);
    queue.addWork(args('a'), 0, 10_000);
    clock.advanceTo(400_000);
    expect(fired).toEqual(['10000ms a (fireAt 10000ms)', '300000ms b (fireAt 300000ms)']);
    expect(queue.getWorkerUnsafe('default/a')).toBeUndefined();
  });

  it('keeps the first worker when the same pod is added again', () => {
    const { clock, fired, queue, args } = setup();
    queue.addWork(args('a'), 0, 10_000);
    queue.addWork(args('a'), 0, 5_000);
    clock.advanceTo(20_000);
    expect(fired).toEqual(['10000ms a (fireAt 10000ms)']);
  });

  it('cancels a waiting worker and says so', () => {
    const { clock, fired, queue, args } = setup();
    queue.addWork(args('a'), 0, 10_000);
    expect([queue.getWorkerUnsafe('default/a')?.fireAt, queue.cancelWork('default/a'), queue.cancelWork('default/a')]).toEqual([10_000, true, false]);
    clock.advanceTo(20_000);
    expect(fired).toEqual([]);
  });

  it('starts work that is due at once without a timer: it cannot be cancelled any more', () => {
    const { clock, fired, queue, args } = setup();
    queue.addWork(args('a'), 0, 0);
    expect([queue.getWorkerUnsafe('default/a'), queue.cancelWork('default/a')]).toEqual([undefined, false]);
    clock.advanceTo(0);
    expect(fired).toEqual(['0ms a (fireAt 0ms)']);
  });

  it('does not keep settle() busy while a worker waits, but does for work due at once', () => {
    const { clock, queue, args } = setup();
    queue.addWork(args('a'), 0, 300_000);
    expect(clock.hasPendingWork()).toBe(false);
    queue.addWork(args('b'), 0, 0);
    expect(clock.hasPendingWork()).toBe(true);
  });
});
