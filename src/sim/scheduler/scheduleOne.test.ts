// Ports TestNumFeasibleNodesToFind and TestSelectHost from pkg/scheduler/schedule_one_test.go.
import { describe, expect, it } from 'vitest';
import { SeededRandom } from '../clock/random';
import { numFeasibleNodesToFind, selectHost } from './scheduleOne';

describe('numFeasibleNodesToFind', () => {
  it.each([
    { name: 'not set percentageOfNodesToScore and nodes number not more than 50', numAllNodes: 10, want: 10 },
    { name: 'set profile percentageOfNodesToScore and nodes number not more than 50', percentage: 40, numAllNodes: 10, want: 10 },
    { name: 'not set percentageOfNodesToScore and nodes number more than 50', numAllNodes: 1000, want: 420 },
    { name: 'set profile percentageOfNodesToScore and nodes number more than 50', percentage: 40, numAllNodes: 1000, want: 400 },
    { name: 'not set profile percentageOfNodesToScore and nodes number more than 50*125', numAllNodes: 6000, want: 300 },
    { name: 'set profile percentageOfNodesToScore and nodes number more than 50*125', percentage: 40, numAllNodes: 6000, want: 2400 },
    { name: 'a small percentage never goes below 100 nodes', percentage: 1, numAllNodes: 1000, want: 100 },
    { name: 'adaptive percentage bottoms out at 5% for very large clusters', numAllNodes: 50000, want: 2500 },
    { name: '5000 nodes search 10% of them', numAllNodes: 5000, want: 500 },
  ])('$name', ({ percentage, numAllNodes, want }) => {
    expect(numFeasibleNodesToFind(percentage, numAllNodes)).toBe(want);
  });
});

describe('selectHost', () => {
  it.each([
    { name: 'unique properly ordered scores', totals: [1, 2], possible: [1] },
    { name: 'equal scores', totals: [1, 2, 2], possible: [1, 2] },
    { name: 'out of order scores', totals: [3, 3, 2, 1, 1], possible: [0, 1] },
  ])('$name', ({ totals, possible }) => {
    const seen = new Set<number>();
    for (let seed = 0; seed < 20; seed++) {
      const { index, tied } = selectHost(totals, new SeededRandom(seed));
      expect(possible).toContain(index);
      expect(tied).toEqual(possible);
      seen.add(index);
    }
    // Ties are broken at random: over 20 seeds every tied node gets picked.
    expect([...seen].sort()).toEqual(possible);
  });

  it('rejects an empty priority list', () => {
    expect(() => selectHost([], new SeededRandom(1))).toThrow('empty priorityList');
  });
});
