import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../sim/index';
import { reduce, type ClusterState } from './clusterStore';

const pod = (name: string, phase: string): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace: 'default' },
  status: { phase },
});

const empty = { time: 0, playing: false, speed: 1, objects: {}, actions: [], activeActors: [], lastActions: [], notice: undefined } as unknown as ClusterState;

describe('the cluster mirror', () => {
  it('a ready message replaces the whole mirror', () => {
    const next = reduce(empty, { type: 'ready', version: 1, time: 5, objects: [pod('a', 'Pending')], actions: [] });
    expect([...next.objects!.Pod.byKey.keys()]).toEqual(['default/a']);
    expect(next.time).toBe(5);
  });

  it('a status keeps the speed the worker really runs at while it lags, and clears it when it keeps up again', () => {
    expect(reduce(empty, { type: 'status', playing: true, speed: 100, keptSpeed: 5.7 })).toEqual({ playing: true, speed: 100, keptSpeed: 5.7 });
    expect(reduce(empty, { type: 'status', playing: true, speed: 100 })).toEqual({ playing: true, speed: 100, keptSpeed: undefined });
  });

  it('a batch upserts changed objects and removes deleted ones, leaving other kinds untouched', () => {
    const state = { ...empty, ...reduce(empty, { type: 'ready', version: 1, time: 0, objects: [pod('a', 'Pending'), pod('b', 'Pending')], actions: [] }) } as ClusterState;
    state.objects.Node = { byKey: new Map([['/node-1', { apiVersion: 'v1', kind: 'Node', metadata: { name: 'node-1' } }]]) };
    const next = reduce(state, {
      type: 'batch',
      time: 100,
      upserted: [pod('a', 'Running')],
      events: [],
      touched: [],
      deleted: [{ kind: 'Pod', namespace: 'default', name: 'b' }],
      actions: [],
    });
    expect(next.objects!.Pod.byKey.get('default/a')!.status).toEqual({ phase: 'Running' });
    expect(next.objects!.Pod.byKey.has('default/b')).toBe(false);
    expect(next.objects!.Node).toBe(state.objects.Node);
    expect(Object.keys(next.changes!)).toEqual(['Pod']);
    expect(next.changes!.Pod.before).toBe(state.objects.Pod);
    expect(next.objects!.Pod).not.toBe(state.objects.Pod);
    expect(next.changes!.Pod.keys).toEqual(['default/a', 'default/b']);
  });

  it('a ready message records no change, so consumers look at every object', () => {
    expect(reduce(empty, { type: 'ready', version: 1, time: 5, objects: [pod('a', 'Pending')], actions: [] }).changes).toEqual({});
  });

  it('Events go to the event log instead of the objects, and a batch without Events keeps the log as it was', () => {
    const scheduled = { apiVersion: 'v1', kind: 'Event', metadata: { name: 'a.1', namespace: 'default' }, involvedObject: { kind: 'Pod', namespace: 'default', name: 'a' } } as unknown as KubeObject;
    const state = { ...empty, ...reduce(empty, { type: 'ready', version: 1, time: 0, objects: [pod('a', 'Pending'), scheduled], actions: [] }) } as ClusterState;
    expect(state.objects.Event).toBeUndefined();
    expect(state.events.window.map((r) => r.key)).toEqual(['default/a.1']);
    const next = reduce(state, { type: 'batch', time: 100, upserted: [pod('a', 'Running')], events: [], touched: [], deleted: [], actions: [] });
    expect(next.events).toBe(state.events);
    const pulled = { key: 'default/a.2', involved: 'Pod/default/a', time: 100, texts: new TextEncoder().encode('{}'), start: 0, end: 2 };
    const later = reduce(state, { type: 'batch', time: 100, upserted: [], events: [pulled], touched: [], deleted: [], actions: [] });
    expect(later.events!.window.map((r) => r.key)).toEqual(['default/a.1', 'default/a.2']);
    expect(later.events!.touched).toEqual(new Set(['Pod/default/a']));
    const leftOut = reduce(state, { type: 'batch', time: 100, upserted: [], events: [], touched: ['Pod/default/b'], deleted: [], actions: [] });
    expect([leftOut.events!.window, leftOut.events!.touched]).toEqual([state.events.window, new Set(['Pod/default/b'])]);
  });
});
