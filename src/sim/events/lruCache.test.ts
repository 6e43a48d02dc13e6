import { describe, expect, it } from 'vitest';
import { LruCache } from './lruCache';

/** holds lists which of the keys the cache still holds, without changing recency (get would). */
function holds(cache: LruCache<number>, keys: string[]): string[] {
  return keys.filter((k) => cache.has(k));
}

describe('LruCache (k8s.io/utils/lru)', () => {
  it('evicts the entry added longest ago when an add goes beyond the capacity', () => {
    const cache = new LruCache<number>(3);
    for (const [i, k] of ['a', 'b', 'c', 'd'].entries()) cache.add(k, i);
    expect(holds(cache, ['a', 'b', 'c', 'd'])).toEqual(['b', 'c', 'd']);
  });

  it('a get makes an entry the most recently used, so the next eviction takes another', () => {
    const cache = new LruCache<number>(3);
    for (const [i, k] of ['a', 'b', 'c'].entries()) cache.add(k, i);
    expect(cache.get('a')).toBe(0);
    cache.add('d', 3);
    cache.add('e', 4);
    expect(holds(cache, ['a', 'b', 'c', 'd', 'e'])).toEqual(['a', 'd', 'e']);
  });

  it('adding a key again replaces its value and refreshes it without growing the cache', () => {
    const cache = new LruCache<number>(2);
    cache.add('a', 1);
    cache.add('b', 2);
    cache.add('a', 10);
    cache.add('c', 3);
    expect(holds(cache, ['a', 'b', 'c'])).toEqual(['a', 'c']);
    expect(cache.get('a')).toBe(10);
    expect(cache.get('b')).toBeUndefined();
  });

  it('a capacity of one keeps only the latest entry', () => {
    const cache = new LruCache<number>(1);
    cache.add('a', 1);
    cache.get('a');
    cache.add('b', 2);
    expect(holds(cache, ['a', 'b'])).toEqual(['b']);
    expect(cache.get('b')).toBe(2);
  });
});
