import { describe, expect, it } from 'vitest';
import { Backoff } from './backoff';

/** crashLoop replays doBackOff for a container that runs `runMs` and exits, returning the restart times. */
function crashLoop(runMs: number, restarts: number): number[] {
  let now = 0;
  const b = new Backoff(() => now, 10_000, 300_000);
  const starts: number[] = [];
  let startedAt = 0;
  for (let i = 0; i < restarts; i++) {
    const finishedAt = startedAt + runMs;
    now = finishedAt;
    if (b.isInBackOffSince('c', finishedAt)) now = finishedAt + b.get('c');
    b.next('c', finishedAt);
    startedAt = now;
    starts.push(now);
  }
  return starts;
}

describe('Backoff', () => {
  it('A container that crashes after 5 s restarts at once, then after 10, 20, 40, 80, 160 and 300 s.', () => {
    const starts = crashLoop(5_000, 8);
    const waits = starts.map((s, i) => s - ((i === 0 ? 0 : starts[i - 1]!) + 5_000));
    expect(waits).toEqual([0, 10_000, 20_000, 40_000, 80_000, 160_000, 300_000, 300_000]);
  });

  it('A container that ran longer than twice the maximum back-off restarts at once again.', () => {
    let now = 0;
    const b = new Backoff(() => now, 10_000, 300_000);
    b.next('c', 0);
    now = 5_000;
    expect(b.isInBackOffSince('c', 5_000)).toBe(true);
    now = 700_000;
    expect(b.isInBackOffSince('c', 700_000)).toBe(false);
    b.next('c', 700_000);
    expect(b.get('c')).toBe(10_000);
  });

  it('Image pulls measure the window from the last failure, not from an event time.', () => {
    let now = 1_000;
    const b = new Backoff(() => now, 10_000, 300_000);
    b.next('img', now);
    expect(b.isInBackOffSinceUpdate('img', 10_999)).toBe(true);
    expect(b.isInBackOffSinceUpdate('img', 11_000)).toBe(false);
    expect(b.windowEndSinceUpdate('img')).toBe(11_000);
    now = 11_000;
    b.next('img', now);
    expect(b.windowEndSinceUpdate('img')).toBe(31_000);
  });

  it('gc forgets entries not updated for twice the maximum.', () => {
    let now = 0;
    const b = new Backoff(() => now, 10_000, 300_000);
    b.next('c', 0);
    now = 600_001;
    b.gc();
    expect(b.get('c')).toBe(0);
  });
});
