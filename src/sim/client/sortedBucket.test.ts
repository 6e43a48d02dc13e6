import { describe, expect, it } from 'vitest';
import { SortedBucket, toSortKey, type Member } from './sortedBucket';

type Step = ['add', string, number] | ['update', string, number] | ['delete', string] | ['read'];

/** run plays the steps on a bucket as the informer does (one member per key, versions replaced in place). */
function run(steps: readonly Step[]): { reads: number[][]; final: number[] } {
  const bucket = new SortedBucket<number>();
  const members = new Map<string, Member<number>>();
  const reads: number[][] = [];
  for (const step of steps) {
    if (step[0] === 'add') {
      const member = { key: step[1], sortKey: toSortKey(step[1]), obj: step[2] };
      members.set(step[1], member);
      bucket.add(member);
    } else if (step[0] === 'update') {
      members.get(step[1])!.obj = step[2];
      bucket.changed();
    } else if (step[0] === 'delete') {
      const member = members.get(step[1]) ?? { key: step[1], sortKey: toSortKey(step[1]), obj: -1 };
      members.delete(step[1]);
      bucket.delete(member);
    } else {
      reads.push([...bucket.sorted()]);
    }
  }
  return { reads, final: [...bucket.sorted()] };
}

describe('SortedBucket', () => {
  it.each<{ name: string; steps: Step[]; reads: number[][]; final: number[] }>([
    {
      name: 'The first read sorts by namespace, then name, so default/b comes before default-x/a',
      steps: [['add', 'default-x/a', 1], ['add', 'default/b', 2], ['add', '/node-1', 3], ['add', 'default/a', 4]],
      reads: [],
      final: [3, 4, 2, 1],
    },
    {
      name: 'Members that come between two reads are merged into the kept order at their places',
      steps: [['add', 'default/m', 1], ['add', 'default/c', 2], ['read'], ['add', 'default/z', 3], ['add', 'default/a', 4], ['add', 'default/d', 5], ['read']],
      reads: [[2, 1], [4, 2, 5, 1, 3]],
      final: [4, 2, 5, 1, 3],
    },
    {
      name: 'A new version of a member keeps its place and shows after changed()',
      steps: [['add', 'default/a', 1], ['add', 'default/b', 2], ['read'], ['update', 'default/a', 10], ['read']],
      reads: [[1, 2], [10, 2]],
      final: [10, 2],
    },
    {
      name: 'A delete of a member that came after the last read leaves the others in order',
      steps: [['add', 'default/b', 1], ['read'], ['add', 'default/a', 2], ['add', 'default/c', 3], ['delete', 'default/a']],
      reads: [[1]],
      final: [1, 3],
    },
    {
      name: 'A delete of a member already in the order, then its return, puts it back in its place',
      steps: [['add', 'default/a', 1], ['add', 'default/b', 2], ['add', 'default/c', 3], ['read'], ['delete', 'default/b'], ['read'], ['add', 'default/b', 4]],
      reads: [[1, 2, 3], [1, 3]],
      final: [1, 4, 3],
    },
    {
      name: 'A delete of something never added changes nothing',
      steps: [['add', 'default/a', 1], ['read'], ['delete', 'default/zz']],
      reads: [[1]],
      final: [1],
    },
  ])('$name', ({ steps, reads, final }) => {
    expect(run(steps)).toEqual({ reads, final });
  });

  it('returns the same array until something changes, and a new one after any change', () => {
    const bucket = new SortedBucket<number>();
    const member = { key: 'default/a', sortKey: toSortKey('default/a'), obj: 1 };
    bucket.add(member);
    const first = bucket.sorted();
    expect(bucket.sorted()).toBe(first);
    member.obj = 2;
    bucket.changed();
    const second = bucket.sorted();
    expect(second).not.toBe(first);
    expect(first).toEqual([1]);
    expect(second).toEqual([2]);
  });

  it('keeps its members in arrival order, a member that left and came back last', () => {
    const bucket = new SortedBucket<number>();
    const [a, b, c] = ['default/a', 'default/b', 'default/c'].map((key, i) => ({ key, sortKey: toSortKey(key), obj: i }));
    for (const m of [c, a, b]) bucket.add(m);
    bucket.delete(c);
    bucket.add(c);
    expect([...bucket.members].map((m) => m.key)).toEqual(['default/a', 'default/b', 'default/c']);
  });
});
