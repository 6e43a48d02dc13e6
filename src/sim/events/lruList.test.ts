import { describe, expect, it } from 'vitest';
import { type Linked, LruList } from './lruList';

/** Node is a test node of an LruList. */
interface Node extends Linked<Node> {
  id: string;
}

/** Ops are pushes (`+a`) and touches (`*a`) of nodes named by one letter, in order. */
function evictions(capacity: number, ops: string[]): string[] {
  const evicted: string[] = [];
  const list = new LruList<Node>(capacity, (n) => evicted.push(n.id));
  const nodes = new Map<string, Node>();
  for (const op of ops) {
    const id = op.slice(1);
    if (!nodes.has(id)) nodes.set(id, { id, newer: undefined, older: undefined });
    if (op.startsWith('+')) list.push(nodes.get(id)!);
    else list.touch(nodes.get(id)!);
  }
  return evicted;
}

describe('LruList', () => {
  it.each([
    {
      name: 'Pushing beyond the capacity evicts the least recently used node, telling the owner which',
      capacity: 2,
      ops: ['+a', '+b', '*a', '+c', '+d'],
      want: ['b', 'a'],
    },
    {
      name: 'Touching the most recent node changes nothing; touching the oldest saves it from the next eviction',
      capacity: 3,
      ops: ['+a', '+b', '+c', '*c', '*a', '+d', '+e'],
      want: ['b', 'c'],
    },
    { name: 'An evicted node can be pushed again as a new one', capacity: 1, ops: ['+a', '+b', '+a'], want: ['a', 'b'] },
  ])('$name', ({ capacity, ops, want }) => expect(evictions(capacity, ops)).toEqual(want));
});
