import { describe, expect, it } from 'vitest';
import { VirtualClock } from './virtualClock';
import { Repeating } from './repeating';

describe('Repeating', () => {
  it('runs now and then every period until stopped, without keeping settle busy', () => {
    const clock = new VirtualClock();
    const runs: number[] = [];
    const loop = new Repeating(clock, 'kubelet/node-1', 'renew node lease', 10_000, () => runs.push(clock.now()));
    loop.start();
    expect(clock.hasPendingWork()).toBe(false);
    clock.advanceTo(25_000);
    loop.stop();
    clock.advanceTo(60_000);
    expect(runs).toEqual([0, 10_000, 20_000]);
  });
});
