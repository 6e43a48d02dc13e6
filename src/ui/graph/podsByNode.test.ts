import { describe, expect, it } from 'vitest';
import type { Pod } from 'kubernetes-types/core/v1';
import { PodsByNode } from './podsByNode';

const pod = (name: string, node?: string, phase = 'Running'): Pod => ({ metadata: { name, namespace: 'default', uid: `uid-${name}` }, spec: { containers: [], nodeName: node }, status: { phase } });
const record = (...pods: Pod[]) => Object.fromEntries(pods.map((p) => [`default/${p.metadata?.name}`, p]));
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
});
