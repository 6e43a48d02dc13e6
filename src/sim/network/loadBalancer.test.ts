import { describe, expect, it } from 'vitest';
import { InformerFactory } from '../client/informer';
import { SeededRandom } from '../clock/random';
import { KubeProxy } from './kubeProxy';
import { NetworkListers } from './listers';
import { CloudLoadBalancer } from './loadBalancer';
import { standardCluster, type NetworkFixture } from './testing/fixture';
import type { ServiceObject } from './types';

function balancer(f: NetworkFixture): CloudLoadBalancer {
  const listers = new NetworkListers(new InformerFactory(f.client));
  const random = new SeededRandom(2);
  return new CloudLoadBalancer(listers, new KubeProxy(listers, random, f.cluster.clock), random, f.nodes);
}

function lbService(f: NetworkFixture, policy: 'Cluster' | 'Local'): ServiceObject {
  f.service('web-lb', {
    clusterIP: '10.96.0.22',
    ports: [{ name: 'http', port: 80, targetPort: 8080, nodePort: 30081 }],
    spec: { type: 'LoadBalancer', externalTrafficPolicy: policy, ...(policy === 'Local' ? { healthCheckNodePort: 32000 } : {}) },
    loadBalancerIP: '172.18.255.201',
  });
  f.slice('web-lb', [
    { ip: '10.244.1.2', node: 'node-1', pod: 'web-1' },
    { ip: '10.244.3.2', node: 'node-3', pod: 'web-3', ready: false, serving: false },
  ]);
  return f.client.get<ServiceObject>('Service', 'default', 'web-lb')!;
}

function nodesChosen(f: NetworkFixture, svc: ServiceObject, n: number): string[] {
  const lb = balancer(f);
  const seen = new Set<string>();
  for (let i = 0; i < n; i++) {
    const choice = lb.pickNode(svc, svc.spec!.ports![0], 0);
    seen.add(choice.kind === 'node' ? choice.nodeName : 'none');
  }
  return [...seen].sort();
}

describe('CloudLoadBalancer.pickNode', () => {
  it('externalTrafficPolicy Cluster: every worker is in the pool; the control plane is excluded by its label', () => {
    const f = standardCluster();
    expect(nodesChosen(f, lbService(f, 'Cluster'), 30)).toEqual(['node-1', 'node-2', 'node-3']);
  });

  it('externalTrafficPolicy Cluster: a node that is down fails its health check and gets nothing', () => {
    const f = standardCluster();
    f.nodes.down.add('node-2');
    expect(nodesChosen(f, lbService(f, 'Cluster'), 30)).toEqual(['node-1', 'node-3']);
  });

  it('externalTrafficPolicy Local: only nodes with a ready local endpoint pass the health check', () => {
    const f = standardCluster();
    const svc = lbService(f, 'Local');
    expect([nodesChosen(f, svc, 30), balancer(f).pickNode(svc, svc.spec!.ports![0], 0).detail]).toEqual([
      ['node-1'],
      'the load balancer of Service default/web-lb forwards the connection to node-1: one of 1 healthy nodes (nodes with a local endpoint pass the healthCheckNodePort check)',
    ]);
  });

  it('With no healthy node the balancer fails open and tries any node of its pool', () => {
    const f = standardCluster();
    const svc = lbService(f, 'Local');
    f.nodes.down.add('node-1');
    expect(balancer(f).pickNode(svc, svc.spec!.ports![0], 0).detail).toBe(
      'the load balancer of Service default/web-lb forwards the connection to node-3: no node is healthy (nodes with a local endpoint pass the healthCheckNodePort check), so it tries any of 3',
    );
  });
});
