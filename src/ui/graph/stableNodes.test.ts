import { describe, expect, it } from 'vitest';
import { keepLists, memoById, prune, sameItems, type MemoCache } from './stableNodes';

const a = { name: 'a' };
const b = { name: 'b' };

describe('sameItems', () => {
  it.each([
    { name: 'two lists of the same objects in the same order are the same', x: [a, b], y: [a, b], want: true },
    { name: 'the same objects in another order are not the same', x: [a, b], y: [b, a], want: false },
    { name: 'an equal-looking copy of an object is not the same object', x: [a], y: [{ name: 'a' }], want: false },
    { name: 'lists of different lengths are not the same', x: [a], y: [a, b], want: false },
  ])('$name', ({ x, y, want }) => expect(sameItems(x, y)).toBe(want));
});

describe('keepLists', () => {
  it('keeps the previous list of a key whose items did not change and takes the new list of a key whose items did', () => {
    const before = new Map([['node-1', [a]], ['node-2', [a]]]);
    const after = keepLists(before, new Map([['node-1', [a]], ['node-2', [a, b]], ['node-3', [b]]]));
    expect(after.get('node-1')).toBe(before.get('node-1'));
    expect(after.get('node-2')).toEqual([a, b]);
    expect(after.get('node-2')).not.toBe(before.get('node-2'));
    expect(after.get('node-3')).toEqual([b]);
  });
});

describe('memoById', () => {
  it('returns the cached value while the inputs are the same and builds a new one when any input changes', () => {
    const cache: MemoCache<{ n: number }> = new Map();
    let built = 0;
    const build = () => ({ n: ++built });
    const first = memoById(cache, 'node/a', [a, 1], build);
    expect(memoById(cache, 'node/a', [a, 1], build)).toBe(first);
    expect(memoById(cache, 'node/a', [a, 2], build)).toEqual({ n: 2 });
    expect(built).toBe(2);
  });

  it('prune forgets the ids that are no longer drawn', () => {
    const cache: MemoCache<number> = new Map();
    memoById(cache, 'x', [], () => 1);
    memoById(cache, 'y', [], () => 2);
    prune(cache, new Set(['y']));
    expect([...cache.keys()]).toEqual(['y']);
  });
});
