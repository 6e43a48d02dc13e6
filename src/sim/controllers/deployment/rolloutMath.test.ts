import { describe, expect, it } from 'vitest';
import { MAX_REPLICAS_ANNOTATION } from './annotations';
import { newDeployment, rs } from './fixture';
import type { DeploymentObject } from './replicaSets';
import { getReplicaSetFraction, maxSurge, maxUnavailable, minAvailable, newRSNewReplicas, resolveFenceposts } from './rolloutMath';

// deployment_util_test.go TestResolveFenceposts
describe('resolveFenceposts', () => {
  const cases: { name: string; surge?: string; unavailable?: string; desired: number; want: [number, number]; error?: string }[] = [
    { name: '0% and 0% of 0 replicas resolve to surge 0 and unavailable 1', surge: '0%', unavailable: '0%', desired: 0, want: [0, 1] },
    { name: '39% of 10 replicas rounds surge up to 4 and unavailable down to 3', surge: '39%', unavailable: '39%', desired: 10, want: [4, 3] },
    {
      name: 'A maxSurge that is not a percentage is an error',
      surge: 'oops',
      unavailable: '39%',
      desired: 10,
      want: [0, 0],
      error: 'invalid value for IntOrString: invalid type: string is not a percentage',
    },
    {
      name: 'A maxUnavailable that is not a percentage is an error',
      surge: '55%',
      unavailable: 'urg',
      desired: 10,
      want: [0, 0],
      error: 'invalid value for IntOrString: invalid type: string is not a percentage',
    },
    { name: 'An unset maxSurge counts as 0', unavailable: '39%', desired: 10, want: [0, 3] },
    { name: 'An unset maxUnavailable counts as 0', surge: '39%', desired: 10, want: [4, 0] },
    { name: 'Both unset resolve to surge 0 and unavailable 1', desired: 10, want: [0, 1] },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const got = resolveFenceposts(c.surge, c.unavailable, c.desired);
      expect([got.surge, got.unavailable]).toEqual(c.want);
      expect(got.error?.message).toBe(c.error);
    });
  }
});

// reference 2.2: the API defaults (25% / 25%) resolved for a few sizes.
describe('maxSurge and maxUnavailable with the default 25% / 25%', () => {
  const cases: [number, number, number][] = [
    [1, 1, 0],
    [2, 1, 0],
    [3, 1, 0],
    [4, 1, 1],
    [10, 3, 2],
  ];
  for (const [replicas, surge, unavailable] of cases) {
    it(`A Deployment of ${replicas} replicas may surge ${surge} and lose ${unavailable}`, () => {
      const d = newDeployment('foo', replicas, { maxSurge: '25%', maxUnavailable: '25%' });
      expect([maxSurge(d), maxUnavailable(d)]).toEqual([surge, unavailable]);
    });
  }
});

function withUnavailable(replicas: number, unavailable: number | string): DeploymentObject {
  return newDeployment('foo', replicas, { maxSurge: 1, maxUnavailable: unavailable });
}

function recreate(replicas: number): DeploymentObject {
  const d = newDeployment('foo', replicas);
  d.spec.strategy = { type: 'Recreate' };
  return d;
}

// deployment_util_test.go TestMaxUnavailable
describe('maxUnavailable', () => {
  const cases: [string, DeploymentObject, number][] = [
    ['maxUnavailable less than replicas', withUnavailable(10, 5), 5],
    ['maxUnavailable equal replicas', withUnavailable(10, 10), 10],
    ['maxUnavailable greater than replicas is capped at replicas', withUnavailable(5, 10), 5],
    ['maxUnavailable with replicas 0 is 0', withUnavailable(0, 10), 0],
    ['maxUnavailable with the Recreate strategy is 0', recreate(1), 0],
    ['maxUnavailable less than replicas with percents', withUnavailable(10, '50%'), 5],
    ['maxUnavailable equal replicas with percents', withUnavailable(10, '100%'), 10],
    ['maxUnavailable greater than replicas with percents', withUnavailable(5, '100%'), 5],
  ];
  for (const [name, d, want] of cases) it(name, () => expect(maxUnavailable(d)).toBe(want));
});

// deployment_util_test.go TestMinAvailable
describe('minAvailable', () => {
  const cases: [string, DeploymentObject, number][] = [
    ['replicas greater than maxUnavailable', withUnavailable(10, 5), 5],
    ['replicas equal maxUnavailable', withUnavailable(10, 10), 0],
    ['replicas less than maxUnavailable', withUnavailable(5, 10), 0],
    ['replicas is 0', withUnavailable(0, 10), 0],
    ['minAvailable with the Recreate strategy is 0', recreate(10), 0],
    ['replicas greater than maxUnavailable with percents', withUnavailable(10, '60%'), 4],
    ['replicas equal maxUnavailable with percents', withUnavailable(10, '100%'), 0],
    ['replicas less than maxUnavailable with percents', withUnavailable(5, '100%'), 0],
  ];
  for (const [name, d, want] of cases) it(name, () => expect(minAvailable(d)).toBe(want));
});

// deployment_util_test.go TestNewRSNewReplicas: the other ReplicaSet already has 5 replicas.
describe('newRSNewReplicas', () => {
  const cases: { name: string; type: string; depReplicas: number; newRSReplicas: number; surge: number; want: number }[] = [
    { name: 'A rolling update cannot scale up past replicas + maxSurge, so the new ReplicaSet keeps its size', type: 'RollingUpdate', depReplicas: 1, newRSReplicas: 5, surge: 1, want: 5 },
    { name: 'A rolling update scales the new ReplicaSet up to replicas at most', type: 'RollingUpdate', depReplicas: 6, newRSReplicas: 2, surge: 10, want: 6 },
    { name: 'Recreate scales the new ReplicaSet to replicas at once', type: 'Recreate', depReplicas: 3, newRSReplicas: 1, surge: 1, want: 3 },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const d = newDeployment('nginx', c.depReplicas, { maxSurge: c.surge, maxUnavailable: 1 });
      d.spec.strategy!.type = c.type;
      expect(newRSNewReplicas(d, [rs('rs5', 5)], rs('new', c.newRSReplicas))).toBe(c.want);
    });
  }
});

// deployment_util_test.go TestGetReplicaSetFraction (maxUnavailable 1)
describe('getReplicaSetFraction', () => {
  const cases: { name: string; replicas: number; statusReplicas?: number; surge?: number; rsReplicas: number; maxReplicas?: string; want: number }[] = [
    { name: 'An empty deployment always scales to 0', replicas: 0, rsReplicas: 10, want: -10 },
    { name: 'An unsynced deployment does not scale when the max-replicas annotation is missing', replicas: 10, rsReplicas: 5, want: 0 },
    { name: 'An unsynced deployment does not scale when max-replicas is 0', replicas: 10, rsReplicas: 5, maxReplicas: '0', want: 0 },
    {
      name: 'Scaling up by 1/5 adds 1/5 when the annotation is missing and status.replicas stands in',
      replicas: 120,
      statusReplicas: 100,
      rsReplicas: 50,
      want: 10,
    },
    { name: 'Scaling up by 1/5 adds 1/5 when max-replicas is 0 and status.replicas stands in', replicas: 120, statusReplicas: 100, rsReplicas: 50, maxReplicas: '0', want: 10 },
    { name: 'Scaling up by 1/5 adds 1/5 of the ReplicaSet', replicas: 120, rsReplicas: 50, maxReplicas: '100', want: 10 },
    { name: 'Scaling up with maxSurge adds about 1/5, surge pods included', replicas: 120, surge: 10, rsReplicas: 50, maxReplicas: '110', want: 9 },
    { name: 'Scaling down by 1/6 removes 1/6 of the ReplicaSet', replicas: 10, rsReplicas: 6, maxReplicas: '12', want: -1 },
    { name: 'Scaling down with maxSurge removes about 1/6, surge pods included', replicas: 100, surge: 10, rsReplicas: 50, maxReplicas: '130', want: -8 },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const d = newDeployment('nginx', c.replicas, { maxSurge: c.surge ?? 0, maxUnavailable: 1 });
      d.status = { replicas: c.statusReplicas };
      const replicaSet = rs('nginx-1', c.rsReplicas);
      if (c.maxReplicas !== undefined) replicaSet.metadata.annotations = { [MAX_REPLICAS_ANNOTATION]: c.maxReplicas };
      expect(getReplicaSetFraction(replicaSet, d)).toBe(c.want);
    });
  }
});
