import { describe, expect, it } from 'vitest';
import type { ServiceEndpoint } from './serviceEndpoints';
import { categorizeEndpoints, type TrafficPolicies } from './topology';

/** ep builds an endpoint: r ready, s serving, t terminating (upper case true). */
function ep(ip: string, nodeName: string, flags: 'RST' | 'rSt' | 'rsT' | 'rST' | 'rst'): ServiceEndpoint {
  return { ip, port: 80, nodeName, hostname: undefined, pod: undefined, ready: flags[0] === 'R', serving: flags[1] === 'S', terminating: flags[2] === 'T' };
}

const CLUSTER: TrafficPolicies = { usesCluster: true, usesLocal: false };
const LOCAL: TrafficPolicies = { usesCluster: false, usesLocal: true };
const BOTH: TrafficPolicies = { usesCluster: true, usesLocal: true };

describe('categorizeEndpoints (pkg/proxy/topology.go CategorizeEndpoints)', () => {
  const cases: { name: string; endpoints: ServiceEndpoint[]; policies: TrafficPolicies; cluster: string[]; local: string[]; hasAny: boolean }[] = [
    { name: 'No endpoints: nothing to categorize', endpoints: [], policies: BOTH, cluster: [], local: [], hasAny: false },
    {
      name: 'Cluster policy uses the ready endpoints only',
      endpoints: [ep('10.0.0.1', 'n1', 'RST'), ep('10.0.0.2', 'n2', 'rst'), ep('10.0.0.3', 'n2', 'rST')],
      policies: CLUSTER,
      cluster: ['10.0.0.1'],
      local: [],
      hasAny: true,
    },
    {
      name: 'Cluster policy falls back to serving terminating endpoints when none is ready',
      endpoints: [ep('10.0.0.1', 'n1', 'rsT'), ep('10.0.0.2', 'n2', 'rST'), ep('10.0.0.3', 'n2', 'rst')],
      policies: CLUSTER,
      cluster: ['10.0.0.2'],
      local: [],
      hasAny: true,
    },
    {
      name: 'Terminating endpoints that no longer serve are never used',
      endpoints: [ep('10.0.0.1', 'n1', 'rsT'), ep('10.0.0.2', 'n2', 'rst')],
      policies: BOTH,
      cluster: [],
      local: [],
      hasAny: false,
    },
    {
      name: 'Local policy uses the ready endpoints on this node',
      endpoints: [ep('10.0.0.1', 'n1', 'RST'), ep('10.0.0.2', 'n2', 'RST'), ep('10.0.0.3', 'n1', 'rST')],
      policies: LOCAL,
      cluster: [],
      local: ['10.0.0.1'],
      hasAny: true,
    },
    {
      name: 'Local policy falls back to local serving terminating endpoints, even while remote ones are ready',
      endpoints: [ep('10.0.0.1', 'n1', 'rST'), ep('10.0.0.2', 'n2', 'RST')],
      policies: BOTH,
      cluster: ['10.0.0.2'],
      local: ['10.0.0.1'],
      hasAny: true,
    },
    {
      name: 'Local policy with endpoints only on other nodes: none local, but the service has endpoints',
      endpoints: [ep('10.0.0.2', 'n2', 'RST')],
      policies: LOCAL,
      cluster: [],
      local: [],
      hasAny: true,
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const got = categorizeEndpoints(c.endpoints, c.policies, 'n1');
      expect([got.clusterEndpoints.map((e) => e.ip), got.localEndpoints.map((e) => e.ip), got.hasAnyEndpoints]).toEqual([c.cluster, c.local, c.hasAny]);
    });
  }
});
