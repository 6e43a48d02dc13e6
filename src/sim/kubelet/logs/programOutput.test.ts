import { describe, expect, it } from 'vitest';
import { nextPrintAfter, printedBetween, type ProgramOutput } from './programOutput';

// `echo start; while true; do echo tick; sleep 5; echo tock; sleep 5; done`, as the interpreter would describe it.
const LOOP: ProgramOutput = {
  lines: [{ at: 0, text: 'start' }],
  cycle: { from: 0, period: 10_000, lines: [{ at: 0, text: 'tick' }, { at: 5_000, text: 'tock' }] },
};

describe('printedBetween lists what a process printed in a window of its life', () => {
  it.each([
    ['at its start only the lines of offset 0', LOOP, -1, 0, ['0 start', '0 tick']],
    ['a loop repeats its lines every period', LOOP, -1, 20_000, ['0 start', '0 tick', '5000 tock', '10000 tick', '15000 tock', '20000 tick']],
    ['the window is open at its start and closed at its end', LOOP, 5_000, 15_000, ['10000 tick', '15000 tock']],
    ['a process without a loop prints its lines once', { lines: [{ at: 0, text: 'a' }, { at: 3_000, text: 'b' }] }, -1, 60_000, ['0 a', '3000 b']],
  ])('%s', (_, output, after, until, want) => {
    expect(printedBetween(output as ProgramOutput, after, until).map((l) => `${l.at} ${l.text}`)).toEqual(want);
  });

  it('keeps only the newest lines beyond the limit, as log rotation does', () => {
    expect(printedBetween(LOOP, -1, 1_000_000, 3).map((l) => `${l.at} ${l.text}`)).toEqual(['990000 tick', '995000 tock', '1000000 tick']);
  });
});

describe('nextPrintAfter tells when the next line comes', () => {
  it.each([
    ['the next line of the loop', LOOP, 0, 5_000],
    ['a line exactly at the offset is not next', LOOP, 5_000, 10_000],
    ['far into the loop', LOOP, 123_456, 125_000],
    ['nothing after the last line of a process without a loop', { lines: [{ at: 0, text: 'a' }] }, 0, undefined],
  ])('%s', (_, output, offset, want) => {
    expect(nextPrintAfter(output as ProgramOutput, offset)).toBe(want);
  });
});
