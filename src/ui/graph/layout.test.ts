import { describe, expect, it } from 'vitest';
import { DENSE_POD_THRESHOLD, dotRows, isDense, layoutCluster, nodeBoxHeight } from './layout';

describe('cluster layout', () => {
  it('orders nodes by natural name in a grid below the control plane', () => {
    const layout = layoutCluster([
      { name: 'node-10', podCount: 0 },
      { name: 'node-2', podCount: 0 },
      { name: 'control-plane', podCount: 0 },
    ]);
    const order = [...layout.nodes.entries()].sort((a, b) => a[1].y - b[1].y || a[1].x - b[1].x).map(([n]) => n);
    expect(order).toEqual(['control-plane', 'node-2', 'node-10']);
    expect(Math.min(...[...layout.nodes.values()].map((b) => b.y))).toBeGreaterThan(layout.controlPlane.height);
  });

  it('a node keeps its position when another node gains pods (only rows below move down)', () => {
    const nodes = ['a', 'b', 'c', 'd', 'e'].map((name) => ({ name, podCount: 0 }));
    const before = layoutCluster(nodes);
    const after = layoutCluster(nodes.map((n) => (n.name === 'e' ? { ...n, podCount: 12 } : n)));
    for (const name of ['a', 'b', 'c']) expect(after.nodes.get(name)).toEqual(before.nodes.get(name));
  });

  it('a crowded node draws dots, which need less height than chips', () => {
    const n = DENSE_POD_THRESHOLD + 40;
    expect(nodeBoxHeight(n, true)).toBeLessThan(nodeBoxHeight(n, false));
  });

  it.each([
    { name: 'a crowded node with 13 pods draws two rows of dots, one of them empty', pods: 13, want: 2 },
    { name: 'two rows of 22 dots hold 44 pods', pods: 44, want: 2 },
    { name: 'the 45th pod takes two more rows', pods: 45, want: 4 },
  ])('$name', ({ pods, want }) => expect(dotRows(pods)).toBe(want));

  it('a crowded node keeps its height while a surge moves its pod count across the end of a row of dots', () => {
    expect(nodeBoxHeight(25, true)).toBe(nodeBoxHeight(20, true));
  });

  it.each([
    { name: 'a node with few pods draws chips', pods: 5, zoomedIn: false, zoomedOut: false, want: false },
    { name: 'a crowded node draws dots', pods: DENSE_POD_THRESHOLD + 1, zoomedIn: false, zoomedOut: false, want: true },
    { name: 'a crowded node draws chips when the user zoomed in to read them', pods: DENSE_POD_THRESHOLD + 1, zoomedIn: true, zoomedOut: false, want: false },
    { name: 'every node draws dots when zoomed out too far to read a chip', pods: 1, zoomedIn: false, zoomedOut: true, want: true },
  ])('$name', ({ pods, zoomedIn, zoomedOut, want }) => expect(isDense(pods, zoomedIn, zoomedOut)).toBe(want));

  it('100 nodes fit in 10 columns', () => {
    const layout = layoutCluster(Array.from({ length: 100 }, (_, i) => ({ name: `node-${i}`, podCount: 20 })));
    expect(new Set([...layout.nodes.values()].map((b) => b.x)).size).toBe(10);
  });
});
