import { describe, expect, it } from 'vitest';
import { createCluster } from '../../cluster/cluster';
import { Informer } from '../../client/informer';
import type { PodObject } from '../controllerUtils';
import { PodTally, sameLabels } from './podTally';

const ctx = { actor: 'test', reason: 'test' };

function setup() {
  const cluster = createCluster({ controllers: false, kubelets: false });
  const client = cluster.client;
  const informer = new Informer<PodObject>(client, 'Pod');
  const tally = PodTally.for(informer);
  const create = (name: string, opts: { owner?: string; labels?: Record<string, string>; node?: string } = {}) =>
    client.create<PodObject>(
      {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: {
          name,
          labels: opts.labels ?? { app: 'web' },
          ownerReferences: opts.owner ? [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'rs', uid: opts.owner, controller: true }] : undefined,
        },
        spec: { containers: [{ name: 'c', image: 'nginx' }], nodeName: opts.node },
      },
      ctx,
    );
  const setStatus = (name: string, phase: string, ready: boolean) => {
    const pod = client.get<PodObject>('Pod', 'default', name)!;
    client.updateStatus({ ...pod, status: { phase, conditions: [{ type: 'Ready', status: ready ? 'True' : 'False' }] } }, ctx);
  };
  return { client, informer, tally, create, setStatus };
}

describe('PodTally', () => {
  it('counts the pods of a controller per label set: active, active and Ready, terminating', () => {
    const { client, tally, create, setStatus } = setup();
    create('a', { owner: 'rs-1', node: 'node-1' });
    create('b', { owner: 'rs-1', node: 'node-1' });
    create('c', { owner: 'rs-1', node: 'node-2', labels: { app: 'web', extra: 'x' } });
    create('d', { owner: 'rs-1', node: 'node-2' });
    create('e', { owner: 'rs-2' });
    setStatus('a', 'Running', true);
    setStatus('c', 'Running', true);
    setStatus('d', 'Succeeded', false);
    client.delete('Pod', 'default', 'b', ctx);
    expect([...tally.owned('default', 'rs-1')]).toEqual([
      { labels: { app: 'web' }, pods: 3, active: 1, activeReady: 1, terminating: 1 },
      { labels: { app: 'web', extra: 'x' }, pods: 1, active: 1, activeReady: 1, terminating: 0 },
    ]);
    expect([...tally.owned('default', 'rs-2')]).toEqual([{ labels: { app: 'web' }, pods: 1, active: 1, activeReady: 0, terminating: 0 }]);
    expect([...tally.orphans('default')]).toEqual([]);
  });

  it('counts the active pods of a namespace per label set and node, unassigned ones under ""', () => {
    const { tally, create, setStatus } = setup();
    create('a', { owner: 'rs-1', node: 'node-1' });
    create('b', { owner: 'rs-2', node: 'node-1' });
    create('c', { node: 'node-2' });
    create('d');
    create('e', { node: 'node-2' });
    setStatus('e', 'Failed', false);
    expect([...tally.inNamespace('default')].map((c) => [c.labels, c.pods, [...c.activeOnNode].sort()])).toEqual([
      [{ app: 'web' }, 5, [['', 1], ['node-1', 2], ['node-2', 1]]],
    ]);
  });

  it('moves a pod between groups when it is adopted or relabelled, and forgets emptied groups', () => {
    const { client, tally, create } = setup();
    create('a');
    expect([...tally.orphans('default')].map((c) => c.active)).toEqual([1]);
    client.patch('Pod', 'default', 'a', { metadata: { ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'rs', uid: 'rs-1', controller: true }] } }, ctx);
    expect([...tally.orphans('default')]).toEqual([]);
    expect([...tally.owned('default', 'rs-1')].map((c) => [c.labels, c.active])).toEqual([[{ app: 'web' }, 1]]);
    client.patch('Pod', 'default', 'a', { metadata: { labels: { app: 'api' } } }, ctx);
    expect([...tally.owned('default', 'rs-1')].map((c) => [c.labels, c.active])).toEqual([[{ app: 'api' }, 1]]);
    client.delete('Pod', 'default', 'a', ctx);
    expect([[...tally.owned('default', 'rs-1')], [...tally.inNamespace('default')]]).toEqual([[], []]);
  });

  it('puts pods with equal labels in one class, whatever the order of their keys or the pods between them', () => {
    const { tally, create } = setup();
    create('a', { owner: 'rs-1', labels: { app: 'web', tier: 'front' } });
    create('b', { owner: 'rs-1', labels: { tier: 'front', app: 'web' } });
    create('c', { owner: 'rs-1', labels: { app: 'web' } });
    create('d', { owner: 'rs-1', labels: { app: 'web', tier: 'front' } });
    create('e', { owner: 'rs-1', labels: { app: 'web' } });
    expect([...tally.owned('default', 'rs-1')].map((c) => [c.labels, c.pods])).toEqual([
      [{ app: 'web', tier: 'front' }, 3],
      [{ app: 'web' }, 2],
    ]);
  });

  it('is shared by everyone reading the same pod informer', () => {
    const { informer, tally } = setup();
    expect(PodTally.for(informer)).toBe(tally);
  });
});

describe('sameLabels', () => {
  it.each<{ name: string; a: Record<string, string>; b: Record<string, string>; expected: boolean }>([
    { name: 'The same keys and values in another order are the same labels', a: { app: 'web', tier: 'front' }, b: { tier: 'front', app: 'web' }, expected: true },
    { name: 'Two empty label sets are the same', a: {}, b: {}, expected: true },
    { name: 'A different value is not the same', a: { app: 'web' }, b: { app: 'api' }, expected: false },
    { name: 'An extra key is not the same', a: { app: 'web' }, b: { app: 'web', tier: 'front' }, expected: false },
    { name: 'An undefined value is not the same as a missing key', a: { app: 'web', x: undefined as unknown as string }, b: { app: 'web', y: undefined as unknown as string }, expected: false },
  ])('$name', ({ a, b, expected }) => {
    expect(sameLabels(a, b)).toBe(expected);
  });
});
