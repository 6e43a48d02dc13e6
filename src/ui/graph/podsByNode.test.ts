import { describe, expect, it } from 'vitest';
import type { Pod } from 'kubernetes-types/core/v1';
import type { KindObjects } from '../store/kindObjects';
import { PodsByNode } from './podsByNode';

const pod = (name: string, node?: string, phase = 'Running'): Pod => ({ metadata: { name, namespace: 'default', uid: `uid-${name}` }, spec: { containers: [], nodeName: node }, status: { phase } });
const record = (...pods: Pod[]): KindObjects<Pod> => ({ byKey: new Map(pods.map((p) => [`default/${p.metadata?.name}`, p])) });
const names = (groups: ReadonlyMap<string, Pod[]>) => Object.fromEntries([...groups].map(([node, pods]) => [node, pods.map((p) => p.metadata?.name)]));

describe('PodsByNode', () => {
  it('groups pods by node, unscheduled ones under the empty name, in the order they came', () => {
    const groups = new PodsByNode().update(record(pod('a', 'node-1'), pod('b'), pod('c', 'node-1')));
    expect(names(groups)).toEqual({ 'node-1': ['a', 'c'], '': ['b'] });
  });

  it('a pod that moves leaves a gap its node fills with the next newcomer, and the other pods keep their places', () => {
    const groups = new PodsByNode();
    groups.update(record(pod('a', 'node-1'), pod('b', 'node-1'), pod('c', 'node-1')));
    expect(names(groups.update(record(pod('a', 'node-1'), pod('b', 'node-2'), pod('c', 'node-1'))))).toEqual({ 'node-1': ['a', 'c'], 'node-2': ['b'] });
    expect(names(groups.update(record(pod('a', 'node-1'), pod('b', 'node-2'), pod('c', 'node-1'), pod('d', 'node-1'))))).toEqual({ 'node-1': ['a', 'd', 'c'], 'node-2': ['b'] });
  });

  it('keeps the very same list for a node none of whose pods changed, and for a node whose pods were only re-sent unchanged', () => {
    const groups = new PodsByNode();
    const [a, b] = [pod('a', 'node-1'), pod('b', 'node-2')];
    const first = groups.update(record(a, b));
    const second = groups.update(record(a, pod('b', 'node-2', 'Failed')));
    expect(second.get('node-1')).toBe(first.get('node-1'));
    expect(second.get('node-2')).not.toBe(first.get('node-2'));
    expect(groups.update(record(a, second.get('node-2')![0]))).toBe(second);
  });

  it('a node whose last pod was deleted has no list', () => {
    const groups = new PodsByNode();
    groups.update(record(pod('a', 'node-1'), pod('b', 'node-2')));
    expect(names(groups.update(record(pod('a', 'node-1'))))).toEqual({ 'node-1': ['a'] });
  });

  it('with the store update that made the pods, visits only the keys it changed', () => {
    const groups = new PodsByNode();
    const first = record(pod('a', 'node-1'), pod('b', 'node-2'));
    groups.update(first);
    // b is not among the update's keys, so its move to node-3 is not seen: the update's record is trusted.
    const next = record(pod('a', 'node-1', 'Failed'), pod('b', 'node-3'), pod('c', 'node-2'));
    expect(names(groups.update(next, { before: first, keys: ['default/a', 'default/c'] }))).toEqual({ 'node-1': ['a'], 'node-2': ['b', 'c'] });
  });

  it('ignores an update record that did not start from the pods it last saw (an update it skipped), and compares every pod', () => {
    const groups = new PodsByNode();
    groups.update(record(pod('a', 'node-1'), pod('b', 'node-2')));
    const next = record(pod('a', 'node-1'), pod('b', 'node-3'));
    expect(names(groups.update(next, { before: record(), keys: [] }))).toEqual({ 'node-1': ['a'], 'node-3': ['b'] });
  });

  it('a pod recreated under the same name is a newcomer: it takes the first free slot', () => {
    const groups = new PodsByNode();
    const [a, b] = [pod('a', 'node-1'), pod('b', 'node-1')];
    const first = record(a, b);
    groups.update(first);
    const again = { ...pod('a', 'node-1'), metadata: { name: 'a', namespace: 'default', uid: 'uid-a-2' } };
    const next = record(again, pod('c', 'node-1'));
    expect(names(groups.update(next, { before: first, keys: ['default/a', 'default/b', 'default/c'] }))).toEqual({ 'node-1': ['a', 'c'] });
  });

  it('compares with the pods it saw, not with the store’s map, which later updates change in place', () => {
    const groups = new PodsByNode();
    const byKey = new Map([
      ['default/a', pod('a', 'node-1')],
      ['default/b', pod('b', 'node-2')],
    ]);
    const first = { byKey };
    groups.update(first);
    byKey.set('default/b', pod('b', 'node-3'));
    byKey.delete('default/a');
    expect(names(groups.update({ byKey }, { before: first, keys: ['default/b', 'default/a'] }))).toEqual({ 'node-3': ['b'] });
  });

  it('after a skipped update of a shared map, still drops the pods that update deleted', () => {
    const groups = new PodsByNode();
    const byKey = new Map([
      ['default/a', pod('a', 'node-1')],
      ['default/b', pod('b', 'node-2')],
    ]);
    groups.update({ byKey });
    byKey.delete('default/a');
    expect(names(groups.update({ byKey }, { before: { byKey }, keys: [] }))).toEqual({ 'node-2': ['b'] });
  });
});
