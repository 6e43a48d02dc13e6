import { describe, expect, it } from 'vitest';
import { arithmetic, DATE_TOKEN, expandWord, HOSTNAME_TOKEN, QUOTED_DOLLAR } from './expansion';

const vars = new Map([['i', '4'], ['name', 'web']]);

describe('expandWord', () => {
  it.each([
    ['$i: $(date)', `4: ${DATE_TOKEN}`],
    ['${name}-$((i+1))', 'web-5'],
    ['$missing|', '|'],
    ['on $(hostname)', `on ${HOSTNAME_TOKEN}`],
    ['cost $5', 'cost $5'],
    [`${QUOTED_DOLLAR}i stays`, '$i stays'],
    ['$(uname -r)', ''],
  ])('%s expands to %s', (word, expected) => {
    expect(expandWord(word, vars)).toBe(expected);
  });
});

describe('arithmetic', () => {
  it.each([
    ['i+1', 5],
    ['(i + 2) * 3', 18],
    ['i / 3', 1],
    ['i % 3', 1],
    ['-i + 10', 6],
    ['unset + 1', 1],
  ])('$((%s)) is %d', (expr, expected) => {
    expect(arithmetic(expr, vars)).toBe(expected);
  });
});
