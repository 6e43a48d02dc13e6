import { describe, expect, it } from 'vitest';
import { assignSlots, orderBySlot } from './slots';

describe('stable pod placement inside a node box', () => {
  it('new pods take slots in order', () => {
    expect([...assignSlots(new Map(), ['a', 'b', 'c'])]).toEqual([['a', 0], ['b', 1], ['c', 2]]);
  });

  it('a pod that leaves frees its slot without moving the others; the next new pod fills the gap', () => {
    const first = assignSlots(new Map(), ['a', 'b', 'c']);
    const afterDelete = assignSlots(first, ['a', 'c']);
    expect([...afterDelete]).toEqual([['a', 0], ['c', 2]]);
    const afterAdd = assignSlots(afterDelete, ['a', 'c', 'd']);
    expect(afterAdd.get('d')).toBe(1);
    expect(afterAdd.get('c')).toBe(2);
  });

  it('orderBySlot draws pods in slot order whatever order they arrive in', () => {
    const slots = new Map([['x', 1], ['y', 0]]);
    expect(orderBySlot(['x', 'y'], (k) => k, slots)).toEqual(['y', 'x']);
  });
});
