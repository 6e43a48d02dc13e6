import { describe, expect, it } from 'vitest';
import { SeededRandom } from '../clock/random';
import { createNetwork } from './index';
import { parseURL } from './request';
import { ingressCluster, standardCluster, type NetworkFixture } from './testing/fixture';
import type { RequestResult, TrafficSource } from './types';

const CLIENT: TrafficSource = { kind: 'pod', namespace: 'default', name: 'client' };
const OUTSIDE: TrafficSource = { kind: 'external' };

function send(f: NetworkFixture, source: TrafficSource, url: string): RequestResult {
  return createNetwork({ client: f.client, clock: f.cluster.clock, random: new SeededRandom(1), server: f.server, nodes: f.nodes }).request(source, url);
}

/** brief prints a request as its hop kinds and refs, then the outcome. */
function brief(r: RequestResult): string[] {
  return [...r.hops.map((h) => `${h.kind} ${h.ref}`), `=> ${r.outcome.status}`];
}

describe('RequestResolver.send: from a pod', () => {
  it('A pod asks for http://web/: its resolver finds the ClusterIP, kube-proxy on its node picks a ready pod, which answers 200', () => {
    const r = send(standardCluster(), CLIENT, 'http://web/');
    expect(r).toEqual({
      time: 0,
      hops: [
        { kind: 'client', ref: 'Pod/default/client', detail: 'pod default/client (10.244.1.10 on node-1) sends GET http://web/' },
        { kind: 'dns', ref: 'Service/kube-system/kube-dns', detail: 'web is web.default.svc.cluster.local, A 10.96.0.20' },
        { kind: 'service', ref: 'Service/default/web', detail: '10.96.0.20:80 is Service default/web port 80 (http), target port 8080' },
        {
          kind: 'kube-proxy',
          ref: 'Node//node-1',
          detail: 'kube-proxy on node-1 sent the connection for default/web:http (10.96.0.20:80) to 10.244.1.2:8080 (pod default/web-1): one of 2 ready endpoints, each chosen with probability 1/2',
        },
        { kind: 'pod', ref: 'Pod/default/web-1', detail: 'pod default/web-1 answers 200 on 10.244.1.2:8080/' },
      ],
      outcome: { status: 200, detail: 'pod default/web-1 answered 200' },
      services: ['default/web'],
      pods: ['default/web-1'],
    });
  });

  const cases: { name: string; setup?: (f: NetworkFixture) => void; url: string; want: string[]; detail: string }[] = [
    {
      name: 'The ClusterIP itself works without DNS',
      url: 'http://10.96.0.20/healthz',
      want: ['client Pod/default/client', 'service Service/default/web', 'kube-proxy Node//node-1', 'pod Pod/default/web-1', '=> 200'],
      detail: 'pod default/web-1 answered 200',
    },
    {
      name: 'A port the Service does not expose matches no rule: the connection times out',
      url: 'http://web:8080/',
      want: ['client Pod/default/client', 'dns Service/kube-system/kube-dns', '=> timeout'],
      detail: 'Service default/web has no port 8080: no rule catches 10.96.0.20:8080, so the packets go nowhere',
    },
    {
      name: 'A name nothing answers to is NXDOMAIN',
      url: 'http://wbe/',
      want: ['client Pod/default/client', 'dns Service/kube-system/kube-dns', '=> NXDOMAIN'],
      detail: 'could not resolve wbe: no such name (tried wbe.default.svc.cluster.local, wbe.svc.cluster.local, wbe.cluster.local, wbe)',
    },
    {
      name: 'With CoreDNS down, resolving the name times out',
      setup: (f) => f.replaceSlice('kube-dns', [{ ip: '10.244.0.2', node: 'control-plane', ready: false, serving: false }], 'kube-system'),
      url: 'http://web/',
      want: ['client Pod/default/client', 'dns Service/kube-system/kube-dns', '=> timeout'],
      detail: 'could not resolve web: connection timed out; no servers could be reached (Service kube-system/kube-dns has no ready endpoints)',
    },
    {
      name: 'A Service whose pods are all unready rejects the connection: connection refused',
      setup: (f) => f.replaceSlice('web', [{ ip: '10.244.1.2', node: 'node-1', pod: 'web-1', ready: false, serving: false }]),
      url: 'http://web/',
      want: ['client Pod/default/client', 'dns Service/kube-system/kube-dns', 'service Service/default/web', 'kube-proxy Node//node-1', '=> connection refused'],
      detail: 'kube-proxy on node-1 rejected the connection to 10.96.0.20:80: "default/web:http has no endpoints"',
    },
    {
      name: 'A pod IP is reached directly, without kube-proxy',
      url: 'http://10.244.2.2:8080/',
      want: ['client Pod/default/client', 'pod Pod/default/web-2', '=> 200'],
      detail: 'pod default/web-2 answered 200',
    },
    {
      name: 'A port nothing listens on in the pod is refused',
      url: 'http://10.244.2.2:9999/',
      want: ['client Pod/default/client', 'pod Pod/default/web-2', '=> connection refused'],
      detail: 'pod default/web-2 refused the connection to 10.244.2.2:9999',
    },
    {
      name: 'A pod whose node died does not answer: timeout',
      setup: (f) => f.server.down.add('10.244.2.2'),
      url: 'http://10.244.2.2:8080/',
      want: ['client Pod/default/client', 'pod Pod/default/web-2', '=> timeout'],
      detail: 'pod default/web-2 did not answer on 10.244.2.2:8080',
    },
    {
      name: 'An address no machine has times out',
      url: 'http://10.244.9.9/',
      want: ['client Pod/default/client', '=> timeout'],
      detail: 'no machine in the cluster has the address 10.244.9.9',
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const f = standardCluster();
      c.setup?.(f);
      const r = send(f, CLIENT, c.url);
      expect([brief(r), r.outcome.detail]).toEqual([c.want, c.detail]);
    });
  }

  it('A pod that is not running sends nothing', () => {
    const f = standardCluster();
    f.pod('pending', { ip: undefined, phase: 'Pending' });
    const r = send(f, { kind: 'pod', namespace: 'default', name: 'pending' }, 'http://web/');
    expect([brief(r), r.outcome.detail]).toEqual([['client Pod/default/pending', '=> source not running'], 'pod default/pending is not running']);
  });

  it('A pod on a node that went down sends nothing', () => {
    const f = standardCluster();
    f.nodes.down.add('node-1');
    expect(send(f, CLIENT, 'http://web/').outcome.status).toBe('source not running');
  });
});

describe('RequestResolver.send: from outside the cluster', () => {
  function nodePort(f: NetworkFixture, local = false): void {
    f.service('web-np', { clusterIP: '10.96.0.21', ports: [{ name: 'http', port: 80, targetPort: 8080, nodePort: 30080 }], spec: { type: 'NodePort', ...(local ? { externalTrafficPolicy: 'Local' } : {}) } });
    f.slice('web-np', [
      { ip: '10.244.1.2', node: 'node-1', pod: 'web-1' },
      { ip: '10.244.2.2', node: 'node-2', pod: 'web-2' },
      { ip: '10.244.3.2', node: 'node-3', pod: 'web-3', ready: false, serving: false },
    ]);
  }

  const cases: { name: string; setup: (f: NetworkFixture) => void; url: string; want: string[]; detail: string }[] = [
    {
      name: 'A NodePort on any node reaches a ready pod on any node',
      setup: (f) => nodePort(f),
      url: 'http://172.18.0.5:30080/',
      want: ['client External/203.0.113.10', 'service Service/default/web-np', 'kube-proxy Node//node-3', 'pod Pod/default/web-1', '=> 200'],
      detail: 'pod default/web-1 answered 200',
    },
    {
      name: 'externalTrafficPolicy Local: the NodePort of a node without a ready local pod drops the connection',
      setup: (f) => nodePort(f, true),
      url: 'http://172.18.0.5:30080/',
      want: ['client External/203.0.113.10', 'service Service/default/web-np', 'kube-proxy Node//node-3', '=> timeout'],
      detail: 'kube-proxy on node-3 dropped the connection to 172.18.0.5:30080: "default/web-np:http has no local endpoints" (externalTrafficPolicy Local)',
    },
    {
      name: 'externalTrafficPolicy Local: the NodePort of a node with a ready pod uses that pod',
      setup: (f) => nodePort(f, true),
      url: 'http://172.18.0.4:30080/',
      want: ['client External/203.0.113.10', 'service Service/default/web-np', 'kube-proxy Node//node-2', 'pod Pod/default/web-2', '=> 200'],
      detail: 'pod default/web-2 answered 200',
    },
    {
      name: 'A node that is down does not answer on its NodePort',
      setup: (f) => {
        nodePort(f);
        f.nodes.down.add('node-3');
      },
      url: 'http://172.18.0.5:30080/',
      want: ['client External/203.0.113.10', '=> timeout'],
      detail: 'node node-3 (172.18.0.5) is down: nothing answers',
    },
    {
      name: 'A node port nothing listens on is refused by the node',
      setup: () => undefined,
      url: 'http://172.18.0.3:8080/',
      want: ['client External/203.0.113.10', '=> connection refused'],
      detail: 'nothing listens on node-1 (172.18.0.3) port 8080',
    },
    {
      name: 'A ClusterIP is not reachable from outside the cluster',
      setup: () => undefined,
      url: 'http://10.96.0.20/',
      want: ['client External/203.0.113.10', '=> timeout'],
      detail: '10.96.0.20 is a ClusterIP: it exists only inside the cluster, so packets from outside go nowhere',
    },
    {
      name: 'Pod IPs are not routed outside the cluster',
      setup: () => undefined,
      url: 'http://10.244.1.2:8080/',
      want: ['client External/203.0.113.10', '=> timeout'],
      detail: '10.244.1.2 is a pod IP: the pod network is not routed outside the cluster',
    },
    {
      name: 'Public DNS does not know Service names',
      setup: () => undefined,
      url: 'http://web/',
      want: ['client External/203.0.113.10', 'dns External/dns', '=> NXDOMAIN'],
      detail: 'could not resolve web: no Ingress serves that host',
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const f = standardCluster();
      c.setup(f);
      const r = send(f, OUTSIDE, c.url);
      expect([brief(r), r.outcome.detail]).toEqual([c.want, c.detail]);
    });
  }

  it('A LoadBalancer IP with externalTrafficPolicy Local: the balancer only sends to nodes with a ready local pod', () => {
    const f = standardCluster();
    f.service('web-lb', {
      clusterIP: '10.96.0.22',
      ports: [{ name: 'http', port: 80, targetPort: 8080, nodePort: 30081 }],
      spec: { type: 'LoadBalancer', externalTrafficPolicy: 'Local', healthCheckNodePort: 32000 },
      loadBalancerIP: '172.18.255.201',
    });
    f.slice('web-lb', [
      { ip: '10.244.1.2', node: 'node-1', pod: 'web-1' },
      { ip: '10.244.2.2', node: 'node-2', pod: 'web-2' },
      { ip: '10.244.3.2', node: 'node-3', pod: 'web-3', ready: false, serving: false },
    ]);
    const r = send(f, OUTSIDE, 'http://172.18.255.201/');
    expect([r.hops[1].detail, r.hops[2].detail, r.outcome.status]).toEqual([
      'the load balancer of Service default/web-lb forwards the connection to node-1: one of 2 healthy nodes (nodes with a local endpoint pass the healthCheckNodePort check)',
      'kube-proxy on node-1 sent the connection for default/web-lb:http (172.18.255.201:80) to 10.244.1.2:8080 (pod default/web-1): one of 1 ready endpoints on node-1 (Local policy), each chosen with probability 1/1',
      200,
    ]);
  });

  it('An Ingress host resolves to the Ingress address; the balancer, kube-proxy and nginx take it to a pod of the backend', () => {
    const r = send(ingressCluster(), OUTSIDE, 'http://foo.bar.com/shop');
    expect(r).toEqual({
      time: 0,
      hops: [
        { kind: 'client', ref: 'External/203.0.113.10', detail: 'a client outside the cluster (203.0.113.10) sends GET http://foo.bar.com/shop' },
        { kind: 'dns', ref: 'External/dns', detail: 'foo.bar.com is 172.18.255.200, the address of Ingress default/web' },
        {
          kind: 'service',
          ref: 'Service/ingress-nginx/ingress-nginx-controller',
          detail: 'the load balancer of Service ingress-nginx/ingress-nginx-controller forwards the connection to node-1: one of 3 healthy nodes (nodes whose kube-proxy answers /healthz)',
        },
        {
          kind: 'kube-proxy',
          ref: 'Node//node-1',
          detail:
            'kube-proxy on node-1 sent the connection for ingress-nginx/ingress-nginx-controller:http (172.18.255.200:80) to 10.244.2.20:80 (pod ingress-nginx/ingress-nginx-controller-abc): one of 1 ready endpoints, each chosen with probability 1/1',
        },
        { kind: 'pod', ref: 'Pod/ingress-nginx/ingress-nginx-controller-abc', detail: 'nginx in ingress controller pod ingress-nginx/ingress-nginx-controller-abc takes the request for foo.bar.com/shop' },
        {
          kind: 'ingress',
          ref: 'Ingress/default/web',
          detail: 'host foo.bar.com path /shop matched Prefix / of Ingress default/web; nginx proxies to 10.244.1.2:8080 (pod default/web-1), next in round robin over the 2 ready endpoints of Service default/web',
        },
        { kind: 'service', ref: 'Service/default/web', detail: 'ingress-nginx sends to the endpoints of Service default/web:http itself, not through its ClusterIP' },
        { kind: 'pod', ref: 'Pod/default/web-1', detail: 'pod default/web-1 answers 200 on 10.244.1.2:8080/shop' },
      ],
      outcome: { status: 200, detail: 'pod default/web-1 answered 200' },
      services: ['ingress-nginx/ingress-nginx-controller', 'default/web'],
      pods: ['ingress-nginx/ingress-nginx-controller-abc', 'default/web-1'],
    });
  });

  it('An Ingress host without an address yet does not resolve', () => {
    const f = ingressCluster();
    f.setStatus('Ingress', 'default', 'web', { loadBalancer: {} });
    expect(send(f, OUTSIDE, 'http://foo.bar.com/').outcome).toEqual({ status: 'NXDOMAIN', detail: 'could not resolve foo.bar.com: Ingress default/web has no address yet' });
  });

  it('Bare-metal ingress-nginx publishes a node address: the host then needs the NodePort, as port 80 is closed there', () => {
    const f = ingressCluster();
    f.setStatus('Ingress', 'default', 'web', { loadBalancer: { ingress: [{ ip: '172.18.0.5' }] } });
    const viaNodePort = send(f, OUTSIDE, 'http://foo.bar.com:31080/');
    const port80 = send(f, OUTSIDE, 'http://foo.bar.com/');
    expect([brief(viaNodePort), port80.outcome]).toEqual([
      [
        'client External/203.0.113.10',
        'dns External/dns',
        'service Service/ingress-nginx/ingress-nginx-controller',
        'kube-proxy Node//node-3',
        'pod Pod/ingress-nginx/ingress-nginx-controller-abc',
        'ingress Ingress/default/web',
        'service Service/default/web',
        'pod Pod/default/web-1',
        '=> 200',
      ],
      { status: 'connection refused', detail: 'nothing listens on node-3 (172.18.0.5) port 80' },
    ]);
  });

  it("The controller's hostPort 80 on its node takes requests too; by IP the Host header matches no rule: 404", () => {
    const r = send(ingressCluster(), OUTSIDE, 'http://172.18.0.4/');
    expect([brief(r), r.hops[1].detail, r.outcome.detail]).toEqual([
      ['client External/203.0.113.10', 'kube-proxy Node//node-2', 'pod Pod/ingress-nginx/ingress-nginx-controller-abc', 'ingress Pod/ingress-nginx/ingress-nginx-controller-abc', '=> 404'],
      'node-2 forwards port 80 to pod ingress-nginx/ingress-nginx-controller-abc (hostPort 80 → containerPort 80)',
      'host 172.18.0.4 path / matches no Ingress rule: the default backend answers 404 (default backend - 404)',
    ]);
  });

  it('A pod reaching the Ingress through the controller Service gets the same routing', () => {
    const f = ingressCluster();
    const r = send(f, CLIENT, 'http://ingress-nginx-controller.ingress-nginx/');
    expect(brief(r)).toEqual([
      'client Pod/default/client',
      'dns Service/kube-system/kube-dns',
      'service Service/ingress-nginx/ingress-nginx-controller',
      'kube-proxy Node//node-1',
      'pod Pod/ingress-nginx/ingress-nginx-controller-abc',
      'ingress Pod/ingress-nginx/ingress-nginx-controller-abc',
      '=> 404',
    ]);
  });
});

describe('parseURL', () => {
  it('Defaults the port by scheme and the path to /', () => {
    expect([parseURL('http://web'), parseURL('https://web.prod:8443/a?b=c')]).toEqual([
      { host: 'web', port: 80, path: '/' },
      { host: 'web.prod', port: 8443, path: '/a' },
    ]);
  });
  it('Rejects schemes other than http and https', () => {
    expect(() => parseURL('ftp://web/')).toThrow('unsupported URL scheme ftp: in ftp://web/');
  });
});
