import { describe, expect, it } from 'vitest';
import { parseTime, rfc3339, rfc3339Micro } from './timeFormat';

describe('timeFormat', () => {
  const cases: { name: string; ms: number; text: string; micro: string }[] = [
    { name: 'The epoch is 2026-01-01 09:00:00 UTC', ms: 0, text: '2026-01-01T09:00:00Z', micro: '2026-01-01T09:00:00.000000Z' },
    { name: 'Milliseconds are cut to the second, and kept as microseconds', ms: 5123, text: '2026-01-01T09:00:05Z', micro: '2026-01-01T09:00:05.123000Z' },
    { name: 'A day later', ms: 86_400_000, text: '2026-01-02T09:00:00Z', micro: '2026-01-02T09:00:00.000000Z' },
  ];
  it.each(cases)('$name', ({ ms, text, micro }) => {
    // Twice each, interleaved with another time, so a remembered result is never stale.
    for (let i = 0; i < 2; i++) {
      expect([rfc3339(ms), rfc3339Micro(ms), parseTime(text)]).toEqual([text, micro, Math.floor(ms / 1000) * 1000]);
      expect(rfc3339Micro(ms + 1)).not.toBe(micro);
    }
  });

  it('An empty or unreadable timestamp parses as undefined, every time', () => {
    expect([parseTime(undefined), parseTime(''), parseTime('not a time'), parseTime('not a time')]).toEqual([undefined, undefined, undefined, undefined]);
  });
});
