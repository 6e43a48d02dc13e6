import { describe, expect, it } from 'vitest';
import type { Pod } from 'kubernetes-types/core/v1';
import { createCluster } from '../cluster/cluster';
import type { KubeObject } from '../api/object';
import { Informer } from './informer';

describe('Informer', () => {
  it('starts from a list, follows the watch, and keeps named indexes current', () => {
    const cluster = createCluster();
    const informer = new Informer(cluster.client, 'Node');
    informer.addIndexer('role', (n) => ('node-role.kubernetes.io/control-plane' in (n.metadata.labels ?? {}) ? ['control-plane'] : ['worker']));
    const seen: string[] = [];
    informer.addEventHandler({ add: (n) => seen.push(`add ${n.metadata.name}`), delete: (n) => seen.push(`delete ${n.metadata.name}`) });
    expect(informer.byIndex('role', 'worker').map((n) => n.metadata.name)).toEqual(['node-1', 'node-2', 'node-3']);
    cluster.addNode({ name: 'node-4' });
    cluster.delete('Node', '', 'node-1');
    expect(informer.byIndex('role', 'worker').map((n) => n.metadata.name)).toEqual(['node-2', 'node-3', 'node-4']);
    expect(seen).toEqual(['add control-plane', 'add node-1', 'add node-2', 'add node-3', 'add node-4', 'delete node-1']);
  });

  it('keeps lists and index buckets in namespace/name order, with the latest versions, as objects come, change and go', () => {
    const cluster = createCluster({ controllers: false, kubelets: false });
    const client = cluster.client;
    const ctx = { actor: 'test', reason: 'test' };
    const informer = new Informer<Pod & KubeObject>(client, 'Pod');
    informer.addIndexer('app', (p) => [p.metadata.labels?.app ?? '']);
    client.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default-x' } }, ctx);
    const pod = (namespace: string, name: string, app: string) =>
      client.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace, labels: { app } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } }, ctx);
    // Read once before the changes, so that the kept order is what gets updated.
    expect(informer.list()).toEqual([]);
    expect(informer.byIndex('app', 'web')).toEqual([]);
    pod('default', 'web-b', 'web');
    pod('default-x', 'web-a', 'web');
    pod('default', 'web-c', 'web');
    pod('default', 'web-a', 'web');
    pod('default', 'db-a', 'db');
    client.patch('Pod', 'default', 'web-c', { metadata: { labels: { app: 'db' } } }, ctx);
    client.patch('Pod', 'default', 'web-a', { metadata: { annotations: { seen: 'yes' } } }, ctx);
    client.delete('Pod', 'default', 'web-b', ctx);
    const names = (pods: (Pod & KubeObject)[]) => pods.map((p) => `${p.metadata.namespace}/${p.metadata.name}`);
    expect(names(informer.list())).toEqual(['default/db-a', 'default/web-a', 'default/web-c', 'default-x/web-a']);
    expect(names(informer.list('default'))).toEqual(['default/db-a', 'default/web-a', 'default/web-c']);
    expect(names(informer.byIndex('app', 'web'))).toEqual(['default/web-a', 'default-x/web-a']);
    expect(names(informer.byIndex('app', 'db'))).toEqual(['default/db-a', 'default/web-c']);
    expect(informer.byIndex('app', 'web')[0].metadata.annotations).toEqual({ seen: 'yes' });
  });

  it('re-indexes everything when an indexer is added again under its name, and files later versions by the new function', () => {
    const cluster = createCluster({ controllers: false, kubelets: false });
    const client = cluster.client;
    const ctx = { actor: 'test', reason: 'test' };
    const informer = new Informer<Pod & KubeObject>(client, 'Pod');
    const pod = (name: string, app: string) =>
      client.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default', labels: { app, tier: `${app}-tier` } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } }, ctx);
    informer.addIndexer('by', (p) => [p.metadata.labels?.app ?? '']);
    pod('a', 'web');
    informer.addIndexer('by', (p) => [p.metadata.labels?.tier ?? '']);
    pod('b', 'web');
    client.patch('Pod', 'default', 'a', { metadata: { labels: { tier: 'db-tier' } } }, ctx);
    const names = (pods: readonly (Pod & KubeObject)[]) => pods.map((p) => p.metadata.name);
    expect([names(informer.byIndex('by', 'web')), names(informer.byIndex('by', 'web-tier')), names(informer.byIndex('by', 'db-tier'))]).toEqual([[], ['b'], ['a']]);
  });

  it('gets objects by namespace and name through deletes and re-creations, and replays the cache to late handlers in arrival order', () => {
    const cluster = createCluster({ controllers: false, kubelets: false });
    const client = cluster.client;
    const ctx = { actor: 'test', reason: 'test' };
    const informer = new Informer<Pod & KubeObject>(client, 'Pod');
    const pod = (name: string) => client.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default' }, spec: { containers: [{ name: 'c', image: 'nginx' }] } }, ctx);
    const first = pod('a');
    pod('b');
    client.delete('Pod', 'default', 'a', ctx, { gracePeriodSeconds: 0 });
    const gone = informer.get('default', 'a');
    const again = pod('a');
    const seen: string[] = [];
    informer.addEventHandler({ add: (p) => seen.push(p.metadata.name ?? '') });
    expect([gone, informer.get('default', 'a') === again, again === first, informer.get('kube-system', 'a'), seen]).toEqual([undefined, true, false, undefined, ['b', 'a']]);
  });

  it('lists without a copy the same array until the cache changes', () => {
    const cluster = createCluster({ controllers: false, kubelets: false });
    const informer = new Informer(cluster.client, 'Node');
    const before = informer.listed();
    expect(informer.listed()).toBe(before);
    cluster.addNode({ name: 'node-4' });
    const after = informer.listed();
    expect([after === before, before.map((n) => n.metadata.name), after.map((n) => n.metadata.name)]).toEqual([
      false,
      ['control-plane', 'node-1', 'node-2', 'node-3'],
      ['control-plane', 'node-1', 'node-2', 'node-3', 'node-4'],
    ]);
  });
});
