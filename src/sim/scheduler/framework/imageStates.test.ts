import { describe, expect, it } from 'vitest';
import type { ImageStateSummary } from './nodeInfo';
import { snapshotImageStates } from './imageStates';

/** live is a cache NodeInfo's image map: each image with the cache's set of nodes having it. */
function live(images: Record<string, [number, Set<string>]>): Map<string, ImageStateSummary> {
  return new Map(Object.entries(images).map(([name, [size, nodes]]) => [name, { size, numNodes: 0, nodes }]));
}

describe('snapshotImageStates', () => {
  it('gives each image its size and the number of nodes having it now', () => {
    const nginx = new Set(['n1', 'n2']);
    const snapshot = snapshotImageStates(live({ 'nginx:1.27': [100, nginx], 'redis:7': [50, new Set(['n1'])] }));
    expect([...snapshot]).toEqual([
      ['nginx:1.27', { size: 100, numNodes: 2 }],
      ['redis:7', { size: 50, numNodes: 1 }],
    ]);
  });

  it('shares one snapshot between nodes with the same images while the counts hold, and makes a new one after', () => {
    const nginx = new Set(['a1', 'a2']);
    const first = snapshotImageStates(live({ 'img-a:1': [7, nginx] }));
    const same = snapshotImageStates(live({ 'img-a:1': [7, nginx] }));
    nginx.add('a3');
    const later = snapshotImageStates(live({ 'img-a:1': [7, nginx] }));
    expect([same === first, later === first]).toEqual([true, false]);
    expect([first.get('img-a:1'), later.get('img-a:1')]).toEqual([
      { size: 7, numNodes: 2 },
      { size: 7, numNodes: 3 },
    ]);
  });

  it('keeps a snapshot taken from a snapshot, and gives a node without images an empty map of its own', () => {
    const snapshot = snapshotImageStates(live({ 'img-b:1': [5, new Set(['b1'])] }));
    expect(snapshotImageStates(snapshot)).toBe(snapshot);
    const empty = snapshotImageStates(new Map());
    expect([empty.size, empty === snapshotImageStates(new Map())]).toEqual([0, false]);
  });
});
