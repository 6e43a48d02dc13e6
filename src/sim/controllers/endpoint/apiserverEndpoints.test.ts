import { describe, expect, it } from 'vitest';
import { createCluster } from '../../cluster/cluster';
import type { KubeObject } from '../../api/object';
import { reconcileApiserverEndpoints } from './apiserverEndpoints';

function setup() {
  const cluster = createCluster({ controllers: false, kubelets: false });
  let seen = 0;
  return {
    cluster,
    client: cluster.client,
    writes(): string[] {
      const fresh = cluster.actions().slice(seen);
      seen = cluster.actions().length;
      return fresh.filter((a) => a.actor === 'kube-apiserver').map((a) => `${a.verb} ${a.kind} ${a.name}: ${a.reason}`);
    },
    objects() {
      const strip = (o: KubeObject | undefined) => {
        if (!o) return undefined;
        const { name, namespace, labels, ownerReferences } = o.metadata;
        const { apiVersion, kind, metadata: _m, ...rest } = o;
        return { apiVersion, kind, metadata: { name, namespace, labels, ownerReferences }, ...rest };
      };
      return [strip(cluster.client.get('Endpoints', 'default', 'kubernetes')), strip(cluster.client.get('EndpointSlice', 'default', 'kubernetes'))];
    },
  };
}

describe('reconcileApiserverEndpoints', () => {
  it('Creates the default/kubernetes Endpoints and EndpointSlice listing the API server at port https 6443', () => {
    const h = setup();
    reconcileApiserverEndpoints(h.client, '172.18.0.2');
    expect(h.objects()).toEqual([
      {
        apiVersion: 'v1',
        kind: 'Endpoints',
        metadata: { name: 'kubernetes', namespace: 'default', labels: { 'endpointslice.kubernetes.io/skip-mirror': 'true' } },
        subsets: [{ addresses: [{ ip: '172.18.0.2' }], ports: [{ name: 'https', port: 6443, protocol: 'TCP' }] }],
      },
      {
        apiVersion: 'discovery.k8s.io/v1',
        kind: 'EndpointSlice',
        metadata: { name: 'kubernetes', namespace: 'default', labels: { 'kubernetes.io/service-name': 'kubernetes' } },
        addressType: 'IPv4',
        endpoints: [{ addresses: ['172.18.0.2'], conditions: { ready: true } }],
        ports: [{ name: 'https', protocol: 'TCP', port: 6443 }],
      },
    ]);
    expect(h.writes()).toEqual([
      'create Endpoints kubernetes: created Endpoints kubernetes: the API server at 172.18.0.2:6443 serves Service kubernetes',
      'create EndpointSlice kubernetes: created EndpointSlice kubernetes: the API server at 172.18.0.2:6443 serves Service kubernetes',
    ]);
  });

  it('A second reconcile with the same address writes nothing', () => {
    const h = setup();
    reconcileApiserverEndpoints(h.client, '172.18.0.2');
    h.writes();
    reconcileApiserverEndpoints(h.client, '172.18.0.2');
    expect(h.writes()).toEqual([]);
  });

  it('A new address resets both objects', () => {
    const h = setup();
    reconcileApiserverEndpoints(h.client, '172.18.0.2');
    h.writes();
    reconcileApiserverEndpoints(h.client, '172.18.0.9');
    expect(h.writes()).toEqual([
      'update Endpoints kubernetes: reset Endpoints kubernetes: the API server at 172.18.0.9:6443 serves Service kubernetes',
      'update EndpointSlice kubernetes: reset EndpointSlice kubernetes: the API server at 172.18.0.9:6443 serves Service kubernetes',
    ]);
  });

  it('Any other slice labelled for the Service is deleted', () => {
    const h = setup();
    h.writes();
    h.client.create(
      { apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', metadata: { name: 'kubernetes-v6', namespace: 'default', labels: { 'kubernetes.io/service-name': 'kubernetes' } }, addressType: 'IPv6', endpoints: [] },
      { actor: 'user', reason: 'test' },
    );
    reconcileApiserverEndpoints(h.client, '172.18.0.2');
    expect(h.client.list('EndpointSlice').map((s) => s.metadata.name)).toEqual(['kubernetes']);
    expect(h.writes()).toEqual(['delete EndpointSlice kubernetes-v6: deleted EndpointSlice kubernetes-v6: the API server keeps only slice kubernetes for Service kubernetes']);
  });
});
