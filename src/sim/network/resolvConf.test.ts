import { describe, expect, it } from 'vitest';
import type { Pod, PodSpec } from 'kubernetes-types/core/v1';
import { podResolvConf } from './resolvConf';

function pod(spec: Partial<PodSpec>, namespace = 'shop'): Pod {
  return { metadata: { name: 'p', namespace }, spec: { containers: [{ name: 'c' }], ...spec } };
}

describe('podResolvConf (the kubelet GetPodDNS)', () => {
  const cases: { name: string; pod: Pod; want: object }[] = [
    {
      name: 'ClusterFirst (the default) uses the cluster DNS, the three cluster search domains and ndots:5',
      pod: pod({}),
      want: { nameservers: ['10.96.0.10'], searches: ['shop.svc.cluster.local', 'svc.cluster.local', 'cluster.local'], options: ['ndots:5'], ndots: 5, clusterDNS: true },
    },
    {
      name: 'ClusterFirst on the host network falls back to the node resolver',
      pod: pod({ hostNetwork: true }),
      want: { nameservers: ['172.18.0.1'], searches: [], options: [], ndots: 1, clusterDNS: false },
    },
    {
      name: 'ClusterFirstWithHostNet keeps the cluster DNS on the host network',
      pod: pod({ hostNetwork: true, dnsPolicy: 'ClusterFirstWithHostNet' }),
      want: { nameservers: ['10.96.0.10'], searches: ['shop.svc.cluster.local', 'svc.cluster.local', 'cluster.local'], options: ['ndots:5'], ndots: 5, clusterDNS: true },
    },
    {
      name: 'Default uses the node resolver',
      pod: pod({ dnsPolicy: 'Default' }),
      want: { nameservers: ['172.18.0.1'], searches: [], options: [], ndots: 1, clusterDNS: false },
    },
    {
      name: 'None takes only the dnsConfig (the docs example: 192.0.2.1, ns1.svc.cluster-domain.example, ndots:2, edns0)',
      pod: pod({
        dnsPolicy: 'None',
        dnsConfig: { nameservers: ['192.0.2.1'], searches: ['ns1.svc.cluster-domain.example', 'my.dns.search.suffix'], options: [{ name: 'ndots', value: '2' }, { name: 'edns0' }] },
      }),
      want: { nameservers: ['192.0.2.1'], searches: ['ns1.svc.cluster-domain.example', 'my.dns.search.suffix'], options: ['ndots:2', 'edns0'], ndots: 2, clusterDNS: false },
    },
    {
      name: 'dnsConfig adds to ClusterFirst: an option named again replaces the default, duplicate searches are dropped',
      pod: pod({ dnsConfig: { searches: ['svc.cluster.local', 'corp.example'], options: [{ name: 'ndots', value: '1' }] } }),
      want: { nameservers: ['10.96.0.10'], searches: ['shop.svc.cluster.local', 'svc.cluster.local', 'cluster.local', 'corp.example'], options: ['ndots:1'], ndots: 1, clusterDNS: true },
    },
    {
      name: 'At most three nameservers are kept',
      pod: pod({ dnsConfig: { nameservers: ['1.1.1.1', '8.8.8.8', '9.9.9.9'] } }),
      want: { nameservers: ['10.96.0.10', '1.1.1.1', '8.8.8.8'], searches: ['shop.svc.cluster.local', 'svc.cluster.local', 'cluster.local'], options: ['ndots:5'], ndots: 5, clusterDNS: true },
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      expect(podResolvConf(c.pod)).toEqual(c.want);
    });
  }
});
