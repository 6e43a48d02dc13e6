import { describe, expect, it } from 'vitest';
import { InformerFactory } from '../client/informer';
import { NetworkListers } from './listers';
import { standardCluster } from './testing/fixture';

describe('NetworkListers', () => {
  it('Finds Services by ClusterIP, load-balancer IP and node port, pods by IP and node, nodes by InternalIP, and slices by Service', () => {
    const f = standardCluster();
    f.service('web-lb', { clusterIP: '10.96.0.22', ports: [{ name: 'http', port: 80, targetPort: 8080, nodePort: 30081 }], spec: { type: 'LoadBalancer' }, loadBalancerIP: '172.18.255.201' });
    f.pod('agent', { node: 'node-3', ip: '172.18.0.5', hostNetwork: true });
    const l = new NetworkListers(new InformerFactory(f.client));
    const name = (o: { metadata: { name?: string } } | undefined) => o?.metadata.name;
    expect([
      name(l.serviceByClusterIP('10.96.0.20')),
      name(l.serviceByClusterIP('10.96.0.99')),
      name(l.serviceByLoadBalancerIP('172.18.255.201')),
      name(l.serviceByNodePort(30081)),
      name(l.podByIP('10.244.2.2')),
      // A host-network pod shares its node's address: it is not found by pod IP.
      name(l.podByIP('172.18.0.5')),
      l.podsOnNode('node-3').map(name),
      name(l.nodeByIP('172.18.0.4')),
      l.slicesFor('default', 'web').map(name),
      l.namespaceExists('kube-system'),
      l.namespaceExists('nowhere'),
    ]).toEqual(['web', undefined, 'web-lb', 'web-lb', 'web-2', undefined, ['agent', 'web-3'], 'node-2', ['web-abcde'], true, false]);
  });
});
