// Ports TestImageLocalityPriority from pkg/scheduler/framework/plugins/imagelocality/image_locality_test.go (the
// current formula: the upper threshold is 1000 MiB per container).
import { describe, expect, it } from 'vitest';
import type { Container, Node, Pod } from 'kubernetes-types/core/v1';
import { CycleState } from '../../framework/cycleState';
import type { Handle } from '../../framework/interface';
import { newSnapshot } from '../../cache/snapshot';
import { ImageLocality, normalizedImageName } from './imageLocality';

const mb = 1024 * 1024;
const containers = (...images: string[]): Container[] => images.map((image, i) => ({ name: `c${i}`, image }));
const node403002000: Node = {
  metadata: { name: 'machine1' },
  status: {
    images: [
      { names: ['gcr.io/40:latest', 'gcr.io/40:v1', 'gcr.io/40:v1'], sizeBytes: 40 * mb },
      { names: ['gcr.io/300:latest', 'gcr.io/300:v1'], sizeBytes: 300 * mb },
      { names: ['gcr.io/2000:latest'], sizeBytes: 2000 * mb },
    ],
  },
};
const node25010: Node = {
  metadata: { name: 'machine2' },
  status: {
    images: [
      { names: ['gcr.io/250:latest'], sizeBytes: 250 * mb },
      { names: ['gcr.io/10:latest', 'gcr.io/10:v1'], sizeBytes: 10 * mb },
    ],
  },
};
const nodeWithNoImages: Node = { metadata: { name: 'machine3' }, status: {} };

describe('ImageLocality', () => {
  it.each<{ name: string; pod: Pod; nodes: Node[]; expected: number[] }>([
    // machine2: 100 * (250M/2 - 23M) / (2000M - 23M) = 5
    { name: 'two images spread on two nodes, prefer the larger image one', pod: { spec: { containers: containers('gcr.io/40', 'gcr.io/250') } }, nodes: [node403002000, node25010], expected: [0, 5] },
    // machine1: 100 * ((40M + 300M)/2 - 23M) / (2000M - 23M) = 7
    { name: 'two images on one node, prefer this node', pod: { spec: { containers: containers('gcr.io/40', 'gcr.io/300') } }, nodes: [node403002000, node25010], expected: [7, 0] },
    // machine1: 100 * (2000M/2 - 23M) / (2000M - 23M) = 49
    { name: 'if exceed limit, use limit', pod: { spec: { containers: containers('gcr.io/10', 'gcr.io/2000') } }, nodes: [node403002000, node25010], expected: [49, 0] },
    // machine1: 100 * (2000M/3 - 23M) / (2000M - 23M) = 32
    { name: 'if exceed limit, use limit (with node which has no images present)', pod: { spec: { containers: containers('gcr.io/10', 'gcr.io/2000') } }, nodes: [node403002000, node25010, nodeWithNoImages], expected: [32, 0, 0] },
    // machine1: 100 * (300M/2 - 23M) / (1000M*2 - 23M) = 6: init containers count too.
    { name: 'init container images count, and the threshold grows with them', pod: { spec: { initContainers: containers('gcr.io/300'), containers: containers('gcr.io/none') } }, nodes: [node403002000, node25010], expected: [6, 0] },
  ])('$name', ({ pod, nodes, expected }) => {
    const snapshot = newSnapshot([], nodes);
    const handle = { snapshotSharedLister: () => snapshot } as unknown as Handle;
    const p = new ImageLocality(handle);
    expect(snapshot.list().map((ni) => p.score(new CycleState(), pod, ni))).toEqual(expected);
  });

  it.each([
    ['root', 'root:latest'],
    ['root:tag', 'root:tag'],
    ['gcr.io:5000/root', 'gcr.io:5000/root:latest'],
    ['root@sha256:abc', 'root@sha256:abc'],
  ])('normalizedImageName(%s) is %s', (name, want) => {
    expect(normalizedImageName(name)).toBe(want);
  });
});
