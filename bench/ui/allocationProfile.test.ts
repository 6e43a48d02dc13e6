import { describe, expect, it } from 'vitest';
import { allocationsByFunction, type SamplingNode } from './allocationProfile';

const node = (functionName: string, selfSize: number, children: SamplingNode[] = [], line = 0): SamplingNode => ({
  callFrame: { functionName, url: 'http://127.0.0.1:4174/assets/index-abc.js', lineNumber: line, columnNumber: 4 },
  selfSize,
  children,
});

describe('allocationsByFunction', () => {
  it('sums a function’s bytes wherever it is called from, largest first, and shares them out by caller', () => {
    const head = node('(root)', 0, [node('drain', 100, [node('parseText', 3000), node('sharePod', 500)]), node('updateEvents', 0, [node('parseText', 1000)])]);
    expect(allocationsByFunction(head)).toEqual([
      {
        name: 'parseText index-abc.js:1:5',
        bytes: 4000,
        callers: [
          ['drain index-abc.js:1:5', 3000],
          ['updateEvents index-abc.js:1:5', 1000],
        ],
      },
      { name: 'sharePod index-abc.js:1:5', bytes: 500, callers: [['drain index-abc.js:1:5', 500]] },
      { name: 'drain index-abc.js:1:5', bytes: 100, callers: [['(root)', 100]] },
    ]);
  });

  it('names an anonymous function by where it is, and tells apart functions of one name on other lines', () => {
    const head = node('(root)', 0, [node('', 10, [], 41), node('render', 7, [], 9), node('render', 5, [], 12)]);
    expect(allocationsByFunction(head).map((s) => [s.name, s.bytes])).toEqual([
      ['(anonymous) index-abc.js:42:5', 10],
      ['render index-abc.js:10:5', 7],
      ['render index-abc.js:13:5', 5],
    ]);
  });
});
