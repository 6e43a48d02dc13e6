import { describe, expect, it } from 'vitest';
import { createCluster } from '../cluster/cluster';
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
});
