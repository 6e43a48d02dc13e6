import { describe, expect, it } from 'vitest';
import { laggingSpeed, PaceMeter } from './paceMeter';

describe('PaceMeter', () => {
  it('says nothing until it has seen two seconds of wall time', () => {
    const m = new PaceMeter();
    m.record(0, 0);
    m.record(1000, 100_000);
    expect(m.speed()).toBeUndefined();
    m.record(2000, 200_000);
    expect(m.speed()).toBe(100);
  });

  it('measures over the last two seconds only: a slow stretch shows once it fills the window', () => {
    const m = new PaceMeter();
    for (let wall = 0; wall <= 2000; wall += 100) m.record(wall, wall * 100);
    // Then each 100 ms of wall time advances only 400 ms of virtual time (4x).
    let virtual = 200_000;
    for (let wall = 2100; wall <= 3000; wall += 100) m.record(wall, (virtual += 400));
    // From wall 1000 (virtual 100 s) to 3000 (204 s).
    expect(m.speed()).toBe(52);
    for (let wall = 3100; wall <= 4000; wall += 100) m.record(wall, (virtual += 400));
    expect(m.speed()).toBe(4);
    m.reset();
    expect(m.speed()).toBeUndefined();
  });
});

describe('laggingSpeed', () => {
  it('shows the measured speed, to two figures, only when it is below 90% of the chosen one', () => {
    expect([laggingSpeed(100, 4.237), laggingSpeed(100, 91), laggingSpeed(100, 89.6), laggingSpeed(1, 0.99), laggingSpeed(25, undefined)]).toEqual([4.2, undefined, 90, undefined, undefined]);
  });
});
