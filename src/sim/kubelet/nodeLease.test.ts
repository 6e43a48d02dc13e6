import type { Lease } from 'kubernetes-types/coordination/v1';
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../api/object';
import { KubeletHarness } from './testing/harness';

const lease = (h: KubeletHarness) => h.cluster.get<Lease & KubeObject>('Lease', 'kube-node-lease', 'node-1')!;

describe('NodeLeaseController', () => {
  it('The lease is created at start, owned by the node, for 40 s.', () => {
    const h = new KubeletHarness({ nodes: [{ name: 'node-1' }], prober: false });
    h.advanceTo(1);
    const node = h.cluster.get('Node', '', 'node-1')!;
    expect(lease(h).metadata.ownerReferences).toEqual([{ apiVersion: 'v1', kind: 'Node', name: 'node-1', uid: node.metadata.uid }]);
    expect(lease(h).spec).toEqual({ holderIdentity: 'node-1', leaseDurationSeconds: 40, renewTime: '2026-01-01T09:00:00.000000Z' });
  });

  it('The lease is renewed every 10 s, and no more once the kubelet is killed.', () => {
    const h = new KubeletHarness({ nodes: [{ name: 'node-1' }], prober: false });
    h.advanceTo(25);
    expect(lease(h).spec?.renewTime).toBe('2026-01-01T09:00:20.000000Z');
    h.kubelets.get('node-1')!.kill();
    h.advanceTo(95);
    expect(lease(h).spec?.renewTime).toBe('2026-01-01T09:00:20.000000Z');
    h.kubelets.get('node-1')!.restart();
    h.advanceTo(95);
    expect(lease(h).spec?.renewTime).toBe('2026-01-01T09:01:35.000000Z');
  });
});
