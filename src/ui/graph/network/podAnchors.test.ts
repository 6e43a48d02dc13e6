import { describe, expect, it } from 'vitest';
import type { Pod } from 'kubernetes-types/core/v1';
import { nodeAnchor, podAnchor, podAnchors } from './podAnchors';

const box = { x: 304, y: 198, width: 280, height: 300 };
const pod = (name: string): Pod => ({ metadata: { namespace: 'default', name } });

describe('pod anchors', () => {
  it.each([
    { name: 'the first chip is met at its right end, 90 units below the box top', slot: 0, dense: false, want: { x: 574, y: 288 } },
    { name: 'the third chip is two chip rows (48 units) lower', slot: 2, dense: false, want: { x: 574, y: 336 } },
    { name: 'a dot in the first row is met on the box edge', slot: 5, dense: true, want: { x: 584, y: 282.5 } },
    { name: 'the 23rd dot starts the second row of 22, 11 units lower', slot: 22, dense: true, want: { x: 584, y: 293.5 } },
  ])('$name', ({ slot, dense, want }) => expect(podAnchor(box, slot, dense)).toEqual(want));

  it('meets a whole node on the right edge beside its name', () => {
    expect(nodeAnchor(box)).toEqual({ x: 584, y: 222 });
  });

  it('finds pods by slot on their node, on any node when the node is not given, and never in the unscheduled lane', () => {
    const anchorOf = podAnchors(
      new Map([
        ['node-1', box],
        ['node-2', { ...box, x: 608 }],
      ]),
      new Map([
        ['node-1', [pod('a'), pod('b')]],
        ['node-2', [pod('c')]],
        ['', [pod('waiting')]],
      ]),
      (count) => count > 12,
    );
    expect(anchorOf('default/b', 'node-1')).toEqual({ x: 574, y: 312, node: 'node-1', dot: false });
    expect(anchorOf('default/c')).toEqual({ x: 878, y: 288, node: 'node-2', dot: false });
    expect(anchorOf('default/c', 'node-1')).toBeUndefined();
    expect(anchorOf('default/waiting')).toBeUndefined();
  });
});
