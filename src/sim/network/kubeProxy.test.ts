import { describe, expect, it } from 'vitest';
import { InformerFactory } from '../client/informer';
import { SeededRandom } from '../clock/random';
import { KubeProxy, type ProxyDecision, type ProxyRequest } from './kubeProxy';
import { NetworkListers } from './listers';
import { standardCluster, type NetworkFixture } from './testing/fixture';
import type { ServiceObject } from './types';

function proxyFor(f: NetworkFixture, seed = 1): KubeProxy {
  return new KubeProxy(new NetworkListers(new InformerFactory(f.client)), new SeededRandom(seed), f.cluster.clock);
}

function request(f: NetworkFixture, service: string, over: Partial<ProxyRequest> = {}): ProxyRequest {
  const svc = f.client.get<ServiceObject>('Service', 'default', service)!;
  return {
    service: svc,
    port: svc.spec!.ports![0],
    via: 'clusterIP',
    destination: `${svc.spec!.clusterIP}:80`,
    nodeName: 'node-1',
    clientIP: '10.244.1.10',
    fromCluster: true,
    ...over,
  };
}

/** chosen names the endpoint a decision picked, or how it failed. */
function chosen(d: ProxyDecision): string {
  return d.kind === 'endpoint' ? (d.endpoint.pod ?? d.endpoint.ip) : d.kind;
}

function tally(decisions: ProxyDecision[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const d of decisions) counts[chosen(d)] = (counts[chosen(d)] ?? 0) + 1;
  return counts;
}

/** threeReady adds Service spread (10.96.0.30) over three ready pods, one per worker. */
function threeReady(): NetworkFixture {
  const f = standardCluster();
  f.service('spread', { clusterIP: '10.96.0.30' });
  f.slice('spread', [
    { ip: '10.244.1.3', node: 'node-1', pod: 'spread-a' },
    { ip: '10.244.2.3', node: 'node-2', pod: 'spread-b' },
    { ip: '10.244.3.3', node: 'node-3', pod: 'spread-c' },
  ]);
  return f;
}

describe('KubeProxy.route: choosing an endpoint (iptables mode)', () => {
  it('Seed 1 spreads 30 connections over three ready endpoints as 10, 13 and 7', () => {
    const f = threeReady();
    const proxy = proxyFor(f);
    const decisions = Array.from({ length: 30 }, () => proxy.route(request(f, 'spread')));
    expect(tally(decisions)).toEqual({ 'default/spread-a': 10, 'default/spread-b': 13, 'default/spread-c': 7 });
  });

  it('A connection names the endpoint, its pod and the 1/n chance in its narration', () => {
    const f = threeReady();
    const d = proxyFor(f).route(request(f, 'spread', { destination: '10.96.0.30:80' }));
    expect(d.detail).toBe(
      'kube-proxy on node-1 sent the connection for default/spread:http (10.96.0.30:80) to 10.244.1.3:8080 (pod default/spread-a): one of 3 ready endpoints, each chosen with probability 1/3',
    );
  });

  it('A not-ready endpoint gets no connections', () => {
    const f = standardCluster();
    const proxy = proxyFor(f);
    const decisions = Array.from({ length: 30 }, () => proxy.route(request(f, 'web')));
    expect(Object.keys(tally(decisions)).sort()).toEqual(['default/web-1', 'default/web-2']);
  });

  it('With no ready endpoint, serving terminating endpoints take the traffic (CategorizeEndpoints fallback)', () => {
    const f = standardCluster();
    f.service('draining', { clusterIP: '10.96.0.31' });
    f.slice('draining', [
      { ip: '10.244.1.4', node: 'node-1', pod: 'old-a', ready: false, serving: true, terminating: true },
      { ip: '10.244.2.4', node: 'node-2', pod: 'old-b', ready: false, serving: false, terminating: true },
    ]);
    const d = proxyFor(f).route(request(f, 'draining', { destination: '10.96.0.31:80' }));
    expect([chosen(d), d.detail]).toEqual([
      'default/old-a',
      'kube-proxy on node-1 sent the connection for default/draining:http (10.96.0.31:80) to 10.244.1.4:8080 (pod default/old-a): one of 1 serving terminating endpoints, each chosen with probability 1/1',
    ]);
  });

  it('A Service with no usable endpoint is rejected: connection refused', () => {
    const f = standardCluster();
    f.service('empty', { clusterIP: '10.96.0.32' });
    f.slice('empty', [{ ip: '10.244.1.6', node: 'node-1', pod: 'sick', ready: false, serving: false }]);
    expect(proxyFor(f).route(request(f, 'empty', { destination: '10.96.0.32:80' }))).toEqual({
      kind: 'rejected',
      detail: 'kube-proxy on node-1 rejected the connection to 10.96.0.32:80: "default/empty:http has no endpoints"',
    });
  });

  it('Endpoints come from the slice port named like the Service port, so a slice of another port name gives none', () => {
    const f = standardCluster();
    f.service('named', { clusterIP: '10.96.0.33', ports: [{ name: 'web', port: 80, targetPort: 'web' }] });
    f.slice('named', [{ ip: '10.244.1.8', node: 'node-1', pod: 'named-a' }], [{ name: 'other', port: 9090 }]);
    expect(proxyFor(f).route(request(f, 'named')).kind).toBe('rejected');
  });
});

describe('KubeProxy.route: sessionAffinity ClientIP', () => {
  function sticky(timeoutSeconds?: number): NetworkFixture {
    const f = threeReady();
    f.service('sticky', {
      clusterIP: '10.96.0.40',
      spec: { sessionAffinity: 'ClientIP', ...(timeoutSeconds ? { sessionAffinityConfig: { clientIP: { timeoutSeconds } } } : {}) },
    });
    f.slice('sticky', [
      { ip: '10.244.1.3', node: 'node-1', pod: 'sticky-a' },
      { ip: '10.244.2.3', node: 'node-2', pod: 'sticky-b' },
      { ip: '10.244.3.3', node: 'node-3', pod: 'sticky-c' },
    ]);
    return f;
  }

  it('One client stays on one endpoint for all its connections, and says why', () => {
    const f = sticky();
    const proxy = proxyFor(f);
    const decisions = Array.from({ length: 20 }, () => proxy.route(request(f, 'sticky', { destination: '10.96.0.40:80' })));
    expect(tally(decisions)).toEqual({ 'default/sticky-a': 20 });
    expect(decisions[1].detail).toBe(
      'kube-proxy on node-1 sent the connection for default/sticky:http (10.96.0.40:80) to 10.244.1.3:8080 (pod default/sticky-a): sessionAffinity ClientIP keeps client 10.244.1.10 on it',
    );
  });

  it('The default timeout is 10800 s after the last connection: 3 h - 1 ms later the client is still held', () => {
    const f = sticky();
    const proxy = proxyFor(f);
    const first = chosen(proxy.route(request(f, 'sticky')));
    f.cluster.advance(10800 * 1000 - 1);
    const later = proxy.route(request(f, 'sticky'));
    expect([first, chosen(later), later.detail.includes('sessionAffinity ClientIP keeps client')]).toEqual(['default/sticky-a', 'default/sticky-a', true]);
  });

  it('Past timeoutSeconds the client is chosen afresh', () => {
    const f = sticky(60);
    const proxy = proxyFor(f);
    proxy.route(request(f, 'sticky'));
    f.cluster.advance(60 * 1000);
    const d = proxy.route(request(f, 'sticky'));
    expect(d.detail.endsWith('one of 3 ready endpoints, each chosen with probability 1/3')).toBe(true);
  });

  it('Different clients are placed independently, and each stays put', () => {
    const f = sticky();
    const proxy = proxyFor(f, 5);
    const clients = ['10.244.1.10', '10.244.2.10', '10.244.3.10', '10.244.1.11'];
    const placed = clients.map((clientIP) => chosen(proxy.route(request(f, 'sticky', { clientIP }))));
    const again = clients.map((clientIP) => chosen(proxy.route(request(f, 'sticky', { clientIP }))));
    expect([placed, again]).toEqual([
      ['default/sticky-c', 'default/sticky-a', 'default/sticky-c', 'default/sticky-c'],
      ['default/sticky-c', 'default/sticky-a', 'default/sticky-c', 'default/sticky-c'],
    ]);
  });

  it('A held endpoint that stops being ready is replaced', () => {
    const f = sticky();
    const proxy = proxyFor(f);
    proxy.route(request(f, 'sticky'));
    f.client.delete('EndpointSlice', 'default', 'sticky-abcde', { actor: 'user', reason: 'test' });
    f.slice('sticky', [
      { ip: '10.244.1.3', node: 'node-1', pod: 'sticky-a' },
      { ip: '10.244.2.3', node: 'node-2', pod: 'sticky-b' },
      { ip: '10.244.3.3', node: 'node-3', pod: 'sticky-c', ready: false, serving: false },
    ]);
    expect(['default/sticky-a', 'default/sticky-b']).toContain(chosen(proxy.route(request(f, 'sticky'))));
  });
});

describe('KubeProxy.route: traffic policies', () => {
  /** local adds NodePort Service local (10.96.0.50, nodePort 30080, externalTrafficPolicy Local) over pods on node-1 and node-2. */
  function local(): NetworkFixture {
    const f = standardCluster();
    f.service('local', { clusterIP: '10.96.0.50', ports: [{ name: 'http', port: 80, targetPort: 8080, nodePort: 30080 }], spec: { type: 'NodePort', externalTrafficPolicy: 'Local' } });
    f.slice('local', [
      { ip: '10.244.1.3', node: 'node-1', pod: 'local-a' },
      { ip: '10.244.2.3', node: 'node-2', pod: 'local-b' },
    ]);
    return f;
  }
  const external = { via: 'nodePort' as const, fromCluster: false, clientIP: '203.0.113.10' };

  it('externalTrafficPolicy Local: a node without a local endpoint drops external traffic (the client times out)', () => {
    const f = local();
    expect(proxyFor(f).route(request(f, 'local', { ...external, nodeName: 'node-3', destination: '172.18.0.5:30080' }))).toEqual({
      kind: 'dropped',
      detail: 'kube-proxy on node-3 dropped the connection to 172.18.0.5:30080: "default/local:http has no local endpoints" (externalTrafficPolicy Local)',
    });
  });

  it('externalTrafficPolicy Local: a node with a local endpoint always uses it', () => {
    const f = local();
    const proxy = proxyFor(f);
    const decisions = Array.from({ length: 10 }, () => proxy.route(request(f, 'local', { ...external, nodeName: 'node-2', destination: '172.18.0.4:30080' })));
    expect([tally(decisions), decisions[0].detail]).toEqual([
      { 'default/local-b': 10 },
      'kube-proxy on node-2 sent the connection for default/local:http (172.18.0.4:30080) to 10.244.2.3:8080 (pod default/local-b): one of 1 ready endpoints on node-2 (Local policy), each chosen with probability 1/1',
    ]);
  });

  it('externalTrafficPolicy Local: traffic from a pod to a NodePort is short-circuited to every endpoint', () => {
    const f = local();
    const proxy = proxyFor(f);
    const decisions = Array.from({ length: 10 }, () => proxy.route(request(f, 'local', { via: 'nodePort', fromCluster: true, nodeName: 'node-3', destination: '172.18.0.5:30080' })));
    expect(Object.keys(tally(decisions)).sort()).toEqual(['default/local-a', 'default/local-b']);
  });

  it('externalTrafficPolicy Local does not restrict the ClusterIP', () => {
    const f = local();
    expect(proxyFor(f).route(request(f, 'local', { nodeName: 'node-3' })).kind).toBe('endpoint');
  });

  it('externalTrafficPolicy Local with no endpoint anywhere is rejected, not dropped', () => {
    const f = standardCluster();
    f.service('gone', { clusterIP: '10.96.0.51', ports: [{ name: 'http', port: 80, targetPort: 8080, nodePort: 30081 }], spec: { type: 'NodePort', externalTrafficPolicy: 'Local' } });
    expect(proxyFor(f).route(request(f, 'gone', { ...external, nodeName: 'node-1' })).kind).toBe('rejected');
  });

  it('internalTrafficPolicy Local: a ClusterIP connection from a node without a local endpoint is dropped', () => {
    const f = standardCluster();
    f.service('node-local', { clusterIP: '10.96.0.52', spec: { internalTrafficPolicy: 'Local' } });
    f.slice('node-local', [{ ip: '10.244.1.3', node: 'node-1', pod: 'agent-1' }]);
    const proxy = proxyFor(f);
    expect([chosen(proxy.route(request(f, 'node-local'))), proxy.route(request(f, 'node-local', { nodeName: 'node-2', destination: '10.96.0.52:80' })).detail]).toEqual([
      'default/agent-1',
      'kube-proxy on node-2 dropped the connection to 10.96.0.52:80: "default/node-local:http has no local endpoints" (internalTrafficPolicy Local)',
    ]);
  });
});
