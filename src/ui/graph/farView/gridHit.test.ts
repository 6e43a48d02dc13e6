import { describe, expect, it } from 'vitest';
import type { Pod } from 'kubernetes-types/core/v1';
import { gridBounds, gridHit } from './gridHit';

const pod = (name: string): Pod => ({ metadata: { name, namespace: 'default' } });
const boxes = new Map([
  ['node-1', { x: 0, y: 222, width: 280, height: 136 }],
  ['node-2', { x: 304, y: 222, width: 280, height: 158 }],
]);
const onNode2 = Array.from({ length: 30 }, (_, i) => pod(`web-${i}`));
const pods = (node: string) => (node === 'node-2' ? onNode2 : undefined);

describe('gridBounds', () => {
  it('is the box around every card', () => expect(gridBounds(boxes.values())).toEqual({ x: 0, y: 222, width: 584, height: 158 }));
  it('is nothing without cards', () => expect(gridBounds([])).toBeUndefined());
});

describe('gridHit', () => {
  it.each([
    { name: 'the first square of a card is its first pod', x: 304 + 10, y: 222 + 79, want: { node: 'node-2', pod: 'web-0' } },
    { name: 'the second square of the second row is pod 23', x: 304 + 10 + 12, y: 222 + 79 + 12, want: { node: 'node-2', pod: 'web-23' } },
    { name: 'a square past the last pod is the node', x: 304 + 10 + 11 * 10, y: 222 + 79 + 12, want: { node: 'node-2', pod: undefined } },
    { name: 'the header is the node', x: 20, y: 230, want: { node: 'node-1', pod: undefined } },
  ])('$name', ({ x, y, want }) => {
    const hit = gridHit(x, y, boxes, pods);
    expect({ node: hit?.node, pod: hit?.pod?.metadata?.name }).toEqual(want);
  });

  it('is nothing in the gap between cards', () => expect(gridHit(290, 250, boxes, pods)).toBeUndefined());
});
