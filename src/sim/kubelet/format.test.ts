import { describe, expect, it } from 'vitest';
import { goDuration, goSlice, podFullName } from './format';

describe('goDuration', () => {
  it.each([
    ['Zero prints as 0s.', 0, '0s'],
    ['Under a second prints milliseconds.', 345, '345ms'],
    ['Seconds keep their milliseconds.', 2345, '2.345s'],
    ['Trailing zeros of the fraction are dropped.', 4100, '4.1s'],
    ['Whole seconds print without a fraction.', 10_000, '10s'],
    ['A minute and more prints minutes and seconds.', 80_000, '1m20s'],
    ['Five minutes prints 5m0s, as the crash back-off message shows it.', 300_000, '5m0s'],
    ['An hour prints hours, minutes and seconds.', 3_600_000, '1h0m0s'],
    ['Minutes with a fraction of a second keep the fraction.', 61_200, '1m1.2s'],
  ])('%s', (_name, ms, expected) => {
    expect(goDuration(ms)).toBe(expected);
  });
});

describe('pod formatting', () => {
  it('A pod prints as name_namespace(uid), as format.Pod does.', () => {
    expect(podFullName({ metadata: { name: 'web', namespace: 'default', uid: 'u-1' } })).toBe('web_default(u-1)');
  });

  it('A list of names prints as Go prints a []string.', () => {
    expect(goSlice(['init1', 'init2'])).toBe('[init1 init2]');
  });
});
