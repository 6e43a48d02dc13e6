import { describe, expect, it } from 'vitest';
import { createCluster } from '../../cluster/cluster';
import { Informer } from '../../client/informer';
import type { PodObject } from '../controllerUtils';
import { PodTally } from './podTally';

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

  it('is shared by everyone reading the same pod informer', () => {
    const { informer, tally } = setup();
    expect(PodTally.for(informer)).toBe(tally);
  });
});
