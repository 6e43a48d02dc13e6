import { describe, expect, it } from 'vitest';
import { SharedLists } from './sharedLists';

describe('SharedLists', () => {
  it('gives equal lists one frozen array, and a different list its own', () => {
    const lists = new SharedLists();
    const nodes = ['node-1', 'node-2', 'node-3'];
    const first = lists.share(nodes);
    expect(first).toBe(nodes);
    expect(Object.isFrozen(first)).toBe(true);
    expect(lists.share(['node-1', 'node-2', 'node-3'])).toBe(first);
    const rotated = lists.share(['node-2', 'node-3', 'node-1']);
    expect(rotated).not.toBe(first);
    expect(rotated).toEqual(['node-2', 'node-3', 'node-1']);
  });

  it('remembers the latest `keep` lists, the least recently shared forgotten first', () => {
    const lists = new SharedLists(2);
    const a = lists.share(['a']);
    const b = lists.share(['b']);
    expect(lists.share(['a'])).toBe(a);
    lists.share(['c']);
    expect(lists.share(['a'])).toBe(a);
    expect(lists.share(['b'])).not.toBe(b);
  });
});
