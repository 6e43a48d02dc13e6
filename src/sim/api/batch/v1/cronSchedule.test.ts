// Cases after github.com/robfig/cron/v3 parser_test.go (TestParseScheduleErrors, TestStandardSpecSchedule,
// TestRange, TestField).
import { describe, expect, it } from 'vitest';
import { parseStandardSchedule } from './cronSchedule';

describe('parseStandardSchedule', () => {
  it('expands ranges, steps, lists and names', () => {
    const s = parseStandardSchedule('*/15 9-17 1,15 JAN-MAR mon-fri');
    expect([...s.minute]).toEqual([0, 15, 30, 45]);
    expect([...s.hour]).toEqual([9, 10, 11, 12, 13, 14, 15, 16, 17]);
    expect([...s.dayOfMonth]).toEqual([1, 15]);
    expect([...s.month]).toEqual([1, 2, 3]);
    expect([...s.dayOfWeek]).toEqual([1, 2, 3, 4, 5]);
    expect([s.dayOfMonthStar, s.dayOfWeekStar]).toEqual([false, false]);
  });

  it('reads "N/step" as from N to the maximum', () => expect([...parseStandardSchedule('5/20 * * * *').minute]).toEqual([5, 25, 45]));

  it('treats * and ? in the day fields as unrestricted', () => {
    const s = parseStandardSchedule('0 0 ? * *');
    expect([s.dayOfMonthStar, s.dayOfWeekStar, s.dayOfMonth.size]).toEqual([true, true, 31]);
  });

  it('knows the descriptors', () => expect([...parseStandardSchedule('@weekly').dayOfWeek]).toEqual([0]));

  it.each([
    ['', 'empty spec string'],
    ['* * * *', 'expected exactly 5 fields, found 4: [* * * *]'],
    ['@every 5m', 'unrecognized descriptor: @every 5m'],
    ['60 * * * *', 'end of range (60) above maximum (59): 60'],
    ['* * 0 * *', 'beginning of range (0) below minimum (1): 0'],
    ['* 5-2 * * *', 'beginning of range (5) beyond end of range (2): 5-2'],
    ['*/0 * * * *', 'step of range should be a positive number: */0'],
    ['x * * * *', 'failed to parse int from x: strconv.Atoi: parsing "x": invalid syntax'],
    ['1-2-3 * * * *', 'too many hyphens: 1-2-3'],
    ['* * * * 7', 'end of range (7) above maximum (6): 7'],
  ])('rejects %j with %j', (spec, message) => expect(() => parseStandardSchedule(spec)).toThrow(message));
});
