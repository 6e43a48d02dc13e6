import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../api/object';
import { naturalLess, sortObjects } from './sortBy';

const pod = (name: string, restarts?: number): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name },
  status: restarts === undefined ? {} : { containerStatuses: [{ restartCount: restarts }] },
});

describe('--sort-by', () => {
  it('orders names naturally, as fvbommel/sortorder does', () => {
    expect(['pod-10', 'pod-9', 'pod-010', 'pod-1a', 'pod-'].sort((a, b) => (naturalLess(a, b) ? -1 : naturalLess(b, a) ? 1 : 0))).toEqual([
      'pod-', 'pod-1a', 'pod-9', 'pod-10', 'pod-010',
    ]);
  });

  it('orders numbers by value, objects without the field first, equal ones in their old order', () => {
    const sorted = sortObjects([pod('a', 10), pod('b', 2), pod('c'), pod('d', 2)], '.status.containerStatuses[0].restartCount');
    expect(sorted.map((p) => p.metadata.name)).toEqual(['c', 'b', 'd', 'a']);
  });
});
