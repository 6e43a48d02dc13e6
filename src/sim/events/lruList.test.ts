import { describe, expect, it } from 'vitest';
import { type Linked, LruList } from './lruList';

/** Node is a test node of an LruList. */
interface Node extends Linked<Node> {
  id: string;
}

const node = (id: string): Node => ({ id, newer: undefined, older: undefined });

describe('LruList', () => {
  it('Pushing beyond the capacity evicts the least recently used node, telling the owner which', () => {
    const evicted: string[] = [];
    const list = new LruList<Node>(2, (n) => evicted.push(n.id));
    const [a, b, c, d] = ['a', 'b', 'c', 'd'].map(node);
    list.push(a!);
    list.push(b!);
    list.touch(a!);
    list.push(c!);
    list.push(d!);
    expect(evicted).toEqual(['b', 'a']);
  });

  it('Touching the most recent node changes nothing; touching the oldest saves it from the next eviction', () => {
    const evicted: string[] = [];
    const list = new LruList<Node>(3, (n) => evicted.push(n.id));
    const [a, b, c, d, e] = ['a', 'b', 'c', 'd', 'e'].map(node);
    list.push(a!);
    list.push(b!);
    list.push(c!);
    list.touch(c!);
    list.touch(a!);
    list.push(d!);
    list.push(e!);
    expect(evicted).toEqual(['b', 'c']);
  });

  it('An evicted node can be pushed again as a new one', () => {
    const evicted: string[] = [];
    const list = new LruList<Node>(1, (n) => evicted.push(n.id));
    const [a, b] = ['a', 'b'].map(node);
    list.push(a!);
    list.push(b!);
    list.push(a!);
    expect(evicted).toEqual(['a', 'b']);
  });
});
