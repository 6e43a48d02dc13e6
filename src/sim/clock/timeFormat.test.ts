import { describe, expect, it } from 'vitest';
import { parseTime, rfc3339, rfc3339Micro } from './timeFormat';

describe('timeFormat', () => {
  const cases: { name: string; ms: number; text: string; micro: string }[] = [
    { name: 'The epoch is 2026-01-01 09:00:00 UTC', ms: 0, text: '2026-01-01T09:00:00Z', micro: '2026-01-01T09:00:00.000000Z' },
    { name: 'Milliseconds are cut to the second, and kept as microseconds', ms: 5123, text: '2026-01-01T09:00:05Z', micro: '2026-01-01T09:00:05.123000Z' },
    { name: 'A day later', ms: 86_400_000, text: '2026-01-02T09:00:00Z', micro: '2026-01-02T09:00:00.000000Z' },
    { name: 'The last millisecond of a second keeps that second', ms: 59_999, text: '2026-01-01T09:00:59Z', micro: '2026-01-01T09:00:59.999000Z' },
    { name: 'A fraction of a millisecond is cut', ms: 1500.7, text: '2026-01-01T09:00:01Z', micro: '2026-01-01T09:00:01.500000Z' },
    { name: 'A millisecond before the epoch is in the second before it', ms: -1, text: '2026-01-01T08:59:59Z', micro: '2026-01-01T08:59:59.999000Z' },
    { name: 'A century later', ms: 3_600_000_000_123, text: '2140-01-31T01:00:00Z', micro: '2140-01-31T01:00:00.123000Z' },
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
