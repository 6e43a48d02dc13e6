import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../sim/index';
import { reduce, type ClusterState } from './clusterStore';

const pod = (name: string, phase: string): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace: 'default' },
  status: { phase },
});

const empty = { time: 0, playing: false, speed: 1, objects: {}, actions: [], activeActors: [], notice: undefined } as unknown as ClusterState;

describe('the cluster mirror', () => {
  it('a ready message replaces the whole mirror', () => {
    const next = reduce(empty, { type: 'ready', version: 1, time: 5, objects: [pod('a', 'Pending')], actions: [] });
    expect(Object.keys(next.objects!.Pod)).toEqual(['default/a']);
    expect(next.time).toBe(5);
  });

  it('a batch upserts changed objects and removes deleted ones, leaving other kinds untouched', () => {
    const state = { ...empty, ...reduce(empty, { type: 'ready', version: 1, time: 0, objects: [pod('a', 'Pending'), pod('b', 'Pending')], actions: [] }) } as ClusterState;
    state.objects.Node = { '/node-1': { apiVersion: 'v1', kind: 'Node', metadata: { name: 'node-1' } } };
    const next = reduce(state, {
      type: 'batch',
      time: 100,
      upserted: [pod('a', 'Running')],
      deleted: [{ kind: 'Pod', namespace: 'default', name: 'b' }],
      actions: [],
    });
    expect(next.objects!.Pod['default/a'].status).toEqual({ phase: 'Running' });
    expect(next.objects!.Pod['default/b']).toBeUndefined();
    expect(next.objects!.Node).toBe(state.objects.Node);
  });
});
