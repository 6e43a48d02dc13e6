import { describe, expect, it } from 'vitest';
import { SeededRandom } from '../clock/random';
import { createNetwork } from './index';
import { searchCandidates } from './dns';
import { standardCluster, type NetworkFixture } from './testing/fixture';
import type { PodObject } from './types';

/** setup adds to the standard cluster: a headless Service, a pod with hostname and subdomain, ExternalName Services. */
function setup(): NetworkFixture {
  const f = standardCluster();
  f.namespace('prod');
  f.pod('tool', { namespace: 'prod', node: 'node-2', ip: '10.244.2.9' });
  f.pod('host-tool', { node: 'node-2', ip: '172.18.0.4', dnsPolicy: 'Default' });
  f.service('db', { clusterIP: 'None', ports: [{ name: 'mysql', port: 3306 }] });
  f.slice(
    'db',
    [
      { ip: '10.244.1.5', node: 'node-1', pod: 'db-0', hostname: 'db-0' },
      { ip: '10.244.2.5', node: 'node-2', pod: 'db-1', hostname: 'db-1' },
      { ip: '10.244.3.5', node: 'node-3', pod: 'db-2', hostname: 'db-2', ready: false },
    ],
    [{ name: 'mysql', port: 3306 }],
  );
  // The docs' example: a pod with hostname busybox-1 and subdomain busybox-subdomain behind a headless Service.
  f.pod('busybox1', { ip: '10.244.1.7', hostname: 'busybox-1', subdomain: 'busybox-subdomain' });
  f.service('busybox-subdomain', { clusterIP: 'None', ports: [{ name: 'foo', port: 1234 }] });
  f.slice('busybox-subdomain', [{ ip: '10.244.1.7', node: 'node-1', pod: 'busybox1', hostname: 'busybox-1' }], [{ name: 'foo', port: 1234 }]);
  f.service('my-database', { ports: [], spec: { type: 'ExternalName', externalName: 'my.database.example.com' } });
  f.service('alias', { ports: [], spec: { type: 'ExternalName', externalName: 'web.default.svc.cluster.local' } });
  return f;
}

function network(f: NetworkFixture) {
  return createNetwork({ client: f.client, clock: f.cluster.clock, random: new SeededRandom(1), server: f.server });
}

function pod(f: NetworkFixture, namespace: string, name: string): PodObject {
  return f.client.get<PodObject>('Pod', namespace, name)!;
}

describe('ClusterDns.resolve from a pod in namespace default (search default.svc.cluster.local svc.cluster.local cluster.local, ndots:5)', () => {
  const cases: { name: string; query: string; status: string; answeredBy?: string; records: string[]; tried: string[] }[] = [
    {
      name: 'A bare Service name resolves to its ClusterIP on the first search domain',
      query: 'web',
      status: 'NOERROR',
      answeredBy: 'web.default.svc.cluster.local',
      records: ['A 10.96.0.20'],
      tried: ['web.default.svc.cluster.local NOERROR'],
    },
    {
      name: 'service.namespace resolves on the second candidate, after web.default.default.svc.cluster.local fails',
      query: 'web.default',
      status: 'NOERROR',
      answeredBy: 'web.default.svc.cluster.local',
      records: ['A 10.96.0.20'],
      tried: ['web.default.default.svc.cluster.local NXDOMAIN', 'web.default.svc.cluster.local NOERROR'],
    },
    {
      name: 'service.namespace.svc resolves on the third candidate',
      query: 'web.default.svc',
      status: 'NOERROR',
      answeredBy: 'web.default.svc.cluster.local',
      records: ['A 10.96.0.20'],
      tried: ['web.default.svc.default.svc.cluster.local NXDOMAIN', 'web.default.svc.svc.cluster.local NXDOMAIN', 'web.default.svc.cluster.local NOERROR'],
    },
    {
      name: 'A fully qualified name with four dots still walks the whole search list first (ndots:5), then resolves as given',
      query: 'web.default.svc.cluster.local',
      status: 'NOERROR',
      answeredBy: 'web.default.svc.cluster.local',
      records: ['A 10.96.0.20'],
      tried: [
        'web.default.svc.cluster.local.default.svc.cluster.local NXDOMAIN',
        'web.default.svc.cluster.local.svc.cluster.local NXDOMAIN',
        'web.default.svc.cluster.local.cluster.local NXDOMAIN',
        'web.default.svc.cluster.local NOERROR',
      ],
    },
    {
      name: 'A name with a final dot is absolute and is asked once',
      query: 'web.default.svc.cluster.local.',
      status: 'NOERROR',
      answeredBy: 'web.default.svc.cluster.local',
      records: ['A 10.96.0.20'],
      tried: ['web.default.svc.cluster.local NOERROR'],
    },
    {
      name: 'Names are case-insensitive',
      query: 'WEB',
      status: 'NOERROR',
      answeredBy: 'web.default.svc.cluster.local',
      records: ['A 10.96.0.20'],
      tried: ['web.default.svc.cluster.local NOERROR'],
    },
    {
      name: 'A headless Service resolves to the addresses of its ready endpoints only',
      query: 'db',
      status: 'NOERROR',
      answeredBy: 'db.default.svc.cluster.local',
      records: ['A 10.244.1.5', 'A 10.244.2.5'],
      tried: ['db.default.svc.cluster.local NOERROR'],
    },
    {
      name: 'hostname.service names one endpoint of a headless Service by its hostname',
      query: 'db-0.db',
      status: 'NOERROR',
      answeredBy: 'db-0.db.default.svc.cluster.local',
      records: ['A 10.244.1.5'],
      tried: ['db-0.db.default.svc.cluster.local NOERROR'],
    },
    {
      name: 'A not-ready endpoint has no name',
      query: 'db-2.db',
      status: 'NXDOMAIN',
      records: [],
      tried: ['db-2.db.default.svc.cluster.local NXDOMAIN', 'db-2.db.svc.cluster.local NXDOMAIN', 'db-2.db.cluster.local NXDOMAIN', 'db-2.db NXDOMAIN'],
    },
    {
      name: 'A pod with hostname and subdomain is hostname.subdomain.namespace.svc.cluster.local',
      query: 'busybox-1.busybox-subdomain.default.svc.cluster.local',
      status: 'NOERROR',
      answeredBy: 'busybox-1.busybox-subdomain.default.svc.cluster.local',
      records: ['A 10.244.1.7'],
      tried: [
        'busybox-1.busybox-subdomain.default.svc.cluster.local NOERROR',
      ],
    },
    {
      name: 'An endpoint without a hostname is named by its address with dashes, even behind a ClusterIP Service',
      query: '10-244-2-2.web',
      status: 'NOERROR',
      answeredBy: '10-244-2-2.web.default.svc.cluster.local',
      records: ['A 10.244.2.2'],
      tried: ['10-244-2-2.web.default.svc.cluster.local NOERROR'],
    },
    {
      name: 'A pod A record is the dashed IP under namespace.pod.cluster.local (pods insecure answers for any address)',
      query: '10-244-2-2.default.pod.cluster.local',
      status: 'NOERROR',
      answeredBy: '10-244-2-2.default.pod.cluster.local',
      records: ['A 10.244.2.2'],
      tried: [
        '10-244-2-2.default.pod.cluster.local.default.svc.cluster.local NXDOMAIN',
        '10-244-2-2.default.pod.cluster.local.svc.cluster.local NXDOMAIN',
        '10-244-2-2.default.pod.cluster.local.cluster.local NXDOMAIN',
        '10-244-2-2.default.pod.cluster.local NOERROR',
      ],
    },
    {
      name: 'A pod A record needs an existing namespace',
      query: '10-244-2-2.nowhere.pod.cluster.local.',
      status: 'NXDOMAIN',
      records: [],
      tried: ['10-244-2-2.nowhere.pod.cluster.local NXDOMAIN'],
    },
    {
      name: 'An ExternalName Service answers with a CNAME to its external name, which the simulation cannot follow',
      query: 'my-database',
      status: 'NOERROR',
      answeredBy: 'my-database.default.svc.cluster.local',
      records: ['CNAME my.database.example.com'],
      tried: ['my-database.default.svc.cluster.local NOERROR'],
    },
    {
      name: 'An ExternalName pointing into the cluster domain is followed by CoreDNS itself',
      query: 'alias',
      status: 'NOERROR',
      answeredBy: 'alias.default.svc.cluster.local',
      records: ['CNAME web.default.svc.cluster.local', 'A 10.96.0.20'],
      tried: ['alias.default.svc.cluster.local NOERROR'],
    },
    {
      name: 'An A query on an SRV-shaped name answers when the named port exists',
      query: '_http._tcp.web.default.svc.cluster.local.',
      status: 'NOERROR',
      answeredBy: '_http._tcp.web.default.svc.cluster.local',
      records: ['A 10.96.0.20'],
      tried: ['_http._tcp.web.default.svc.cluster.local NOERROR'],
    },
    {
      name: 'An SRV-shaped name with a port the Service does not have is NXDOMAIN',
      query: '_grpc._tcp.web.default.svc.cluster.local.',
      status: 'NXDOMAIN',
      records: [],
      tried: ['_grpc._tcp.web.default.svc.cluster.local NXDOMAIN'],
    },
    {
      name: 'A name that is nothing in the cluster is NXDOMAIN after every candidate',
      query: 'nothing',
      status: 'NXDOMAIN',
      records: [],
      tried: ['nothing.default.svc.cluster.local NXDOMAIN', 'nothing.svc.cluster.local NXDOMAIN', 'nothing.cluster.local NXDOMAIN', 'nothing NXDOMAIN'],
    },
    {
      name: 'A name outside the cluster domain would be forwarded upstream; there is no Internet, so NXDOMAIN',
      query: 'example.com',
      status: 'NXDOMAIN',
      records: [],
      tried: ['example.com.default.svc.cluster.local NXDOMAIN', 'example.com.svc.cluster.local NXDOMAIN', 'example.com.cluster.local NXDOMAIN', 'example.com NXDOMAIN'],
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const f = setup();
      const answer = network(f).dns.resolve(c.query, pod(f, 'default', 'client'));
      expect({
        status: answer.status,
        answeredBy: answer.name,
        records: answer.records.map((r) => `${r.type} ${r.data}`),
        tried: answer.tried.map((t) => `${t.name} ${t.rcode}`),
      }).toEqual({ status: c.status, answeredBy: c.answeredBy, records: c.records, tried: c.tried });
    });
  }
});

describe('ClusterDns.resolve: namespaces, dnsPolicy and CoreDNS availability', () => {
  it('A bare name from namespace prod looks in prod only, so a Service of default needs its namespace', () => {
    const f = setup();
    const dns = network(f).dns;
    const tool = pod(f, 'prod', 'tool');
    const bare = dns.resolve('web', tool);
    expect([bare.status, bare.tried.map((t) => t.name), bare.message]).toEqual([
      'NXDOMAIN',
      ['web.prod.svc.cluster.local', 'web.svc.cluster.local', 'web.cluster.local', 'web'],
      "** server can't find web: NXDOMAIN",
    ]);
    const qualified = dns.resolve('web.default', tool);
    expect([qualified.status, qualified.name, qualified.records]).toEqual(['NOERROR', 'web.default.svc.cluster.local', [{ name: 'web.default.svc.cluster.local', type: 'A', data: '10.96.0.20' }]]);
  });

  it('A pod with dnsPolicy Default asks the node resolver, which knows nothing of the cluster', () => {
    const f = setup();
    const answer = network(f).dns.resolve('web', pod(f, 'default', 'host-tool'));
    expect([answer.server, answer.status, answer.tried.map((t) => t.name)]).toEqual(['172.18.0.1', 'NXDOMAIN', ['web']]);
  });

  it('When no CoreDNS endpoint is ready, every lookup times out as nslookup reports it', () => {
    const f = setup();
    f.client.delete('EndpointSlice', 'kube-system', 'kube-dns-abcde', { actor: 'user', reason: 'test' });
    f.slice('kube-dns', [{ ip: '10.244.0.2', node: 'control-plane', pod: 'coredns-1', ready: false, serving: false }], [{ name: 'dns', port: 53, protocol: 'UDP' }], 'kube-system');
    const answer = network(f).dns.resolve('web', pod(f, 'default', 'client'));
    expect(answer).toEqual({
      query: 'web',
      server: '10.96.0.10',
      status: 'timeout',
      name: undefined,
      records: [],
      tried: [],
      message: 'connection timed out; no servers could be reached (Service kube-system/kube-dns has no ready endpoints)',
    });
  });

  it('Without a Service at the cluster DNS address, lookups time out too', () => {
    const f = setup();
    f.client.delete('Service', 'kube-system', 'kube-dns', { actor: 'user', reason: 'test' });
    const answer = network(f).dns.resolve('web', pod(f, 'default', 'client'));
    expect([answer.status, answer.message]).toEqual(['timeout', 'connection timed out; no servers could be reached (no Service has the cluster DNS address 10.96.0.10)']);
  });

  it('A terminating CoreDNS pod that still serves keeps DNS up, as kube-proxy falls back to it', () => {
    const f = setup();
    f.client.delete('EndpointSlice', 'kube-system', 'kube-dns-abcde', { actor: 'user', reason: 'test' });
    f.slice('kube-dns', [{ ip: '10.244.0.2', node: 'control-plane', pod: 'coredns-1', ready: false, serving: true, terminating: true }], [{ name: 'dns', port: 53, protocol: 'UDP' }], 'kube-system');
    expect(network(f).dns.resolve('web', pod(f, 'default', 'client')).status).toBe('NOERROR');
  });
});

describe('ClusterDns.lookup (CoreDNS answering one fully qualified name)', () => {
  const cases: { name: string; fqdn: string; rcode: string; records: string[] }[] = [
    { name: 'The zone apex exists and has no A record (NODATA)', fqdn: 'cluster.local', rcode: 'NOERROR', records: [] },
    { name: 'svc.cluster.local is NODATA', fqdn: 'svc.cluster.local', rcode: 'NOERROR', records: [] },
    { name: 'An existing namespace under svc is NODATA', fqdn: 'default.svc.cluster.local', rcode: 'NOERROR', records: [] },
    { name: 'A missing namespace under svc is NXDOMAIN', fqdn: 'nowhere.svc.cluster.local', rcode: 'NXDOMAIN', records: [] },
    { name: 'A label other than svc or pod under the zone is NXDOMAIN', fqdn: 'web.default.cluster.local', rcode: 'NXDOMAIN', records: [] },
    { name: 'Too many labels before the Service are NXDOMAIN', fqdn: 'a.b.c.web.default.svc.cluster.local', rcode: 'NXDOMAIN', records: [] },
    { name: 'A pod name that is not a dashed IPv4 address is NXDOMAIN', fqdn: 'web-1.default.pod.cluster.local', rcode: 'NXDOMAIN', records: [] },
    { name: 'An ExternalName Service has no endpoint names', fqdn: 'x.my-database.default.svc.cluster.local', rcode: 'NXDOMAIN', records: [] },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const answer = network(setup()).dns.lookup(c.fqdn);
      expect([answer.rcode, answer.records.map((r) => `${r.type} ${r.data}`)]).toEqual([c.rcode, c.records]);
    });
  }
});

describe('searchCandidates (glibc res_search order)', () => {
  const conf = { searches: ['default.svc.cluster.local', 'svc.cluster.local', 'cluster.local'], ndots: 5 };
  it('A name with at least ndots dots is tried as given first', () => {
    expect(searchCandidates('a.b.c.d.e.f', conf)).toEqual(['a.b.c.d.e.f', 'a.b.c.d.e.f.default.svc.cluster.local', 'a.b.c.d.e.f.svc.cluster.local', 'a.b.c.d.e.f.cluster.local']);
  });
  it('With ndots:1 and no search domains, a bare name is asked once as given', () => {
    expect(searchCandidates('web', { searches: [], ndots: 1 })).toEqual(['web']);
  });
});
