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
});
