import { describe, expect, it } from 'vitest';
import { setReplicasAnnotations } from './annotations';
import { fakeSync, newDeployment, rs, withStatus } from './fixture';
import type { DeploymentObject, ReplicaSetObject } from './replicaSets';
import { maxSurge } from './rolloutMath';
import { scale } from './scale';

const HOUR = 3600 * 1000;
const olderTimestamp = 0;
const oldTimestamp = HOUR;
const newTimestamp = 2 * HOUR;

interface Case {
  name: string;
  deployment: DeploymentObject;
  oldDeployment: DeploymentObject;
  newRS?: ReplicaSetObject;
  oldRSs: ReplicaSetObject[];
  /** Expected sizes by name after scale(), for every ReplicaSet. */
  want: Record<string, number>;
  /** desired-replicas annotations that differ from the old Deployment's replicas. */
  desiredReplicasAnnotations?: Record<string, number>;
}

const d = (replicas: number, surge?: number, unavailable?: number) => newDeployment('foo', replicas, { maxSurge: surge, maxUnavailable: unavailable });
const updatedTemplate = (replicas: number) => {
  const dep = newDeployment('foo', replicas, { selector: { foo: 'bar' } });
  dep.spec.template.metadata!.labels!.another = 'label';
  return dep;
};

// sync_test.go TestScale. The test helper's Deployments have maxSurge 0 and maxUnavailable 0 unless given.
const cases: Case[] = [
  { name: 'Normal scaling event: 10 -> 12', deployment: d(12), oldDeployment: d(10), newRS: rs('foo-v1', 10, {}, newTimestamp), oldRSs: [], want: { 'foo-v1': 12 } },
  { name: 'Normal scaling event: 10 -> 5', deployment: d(5), oldDeployment: d(10), newRS: rs('foo-v1', 10, {}, newTimestamp), oldRSs: [], want: { 'foo-v1': 5 } },
  {
    name: 'Proportional scaling: 5 -> 10',
    deployment: d(10),
    oldDeployment: d(5),
    newRS: rs('foo-v2', 2, {}, newTimestamp),
    oldRSs: [rs('foo-v1', 3, {}, oldTimestamp)],
    want: { 'foo-v2': 4, 'foo-v1': 6 },
  },
  {
    name: 'Proportional scaling: 5 -> 3',
    deployment: d(3),
    oldDeployment: d(5),
    newRS: rs('foo-v2', 2, {}, newTimestamp),
    oldRSs: [rs('foo-v1', 3, {}, oldTimestamp)],
    want: { 'foo-v2': 1, 'foo-v1': 2 },
  },
  {
    name: 'Proportional scaling: 9 -> 4',
    deployment: d(4),
    oldDeployment: d(9),
    newRS: rs('foo-v2', 8, {}, newTimestamp),
    oldRSs: [rs('foo-v1', 1, {}, oldTimestamp)],
    want: { 'foo-v2': 4, 'foo-v1': 0 },
  },
  {
    name: 'Proportional scaling: 7 -> 10',
    deployment: d(10),
    oldDeployment: d(7),
    newRS: rs('foo-v3', 2, {}, newTimestamp),
    oldRSs: [rs('foo-v2', 3, {}, oldTimestamp), rs('foo-v1', 2, {}, olderTimestamp)],
    want: { 'foo-v3': 3, 'foo-v2': 4, 'foo-v1': 3 },
  },
  {
    name: 'Proportional scaling: 13 -> 8',
    deployment: d(8),
    oldDeployment: d(13),
    newRS: rs('foo-v3', 2, {}, newTimestamp),
    oldRSs: [rs('foo-v2', 8, {}, oldTimestamp), rs('foo-v1', 3, {}, olderTimestamp)],
    want: { 'foo-v3': 1, 'foo-v2': 5, 'foo-v1': 2 },
  },
  {
    name: 'The leftover of scaling 3 -> 4 goes to the newest of equal ReplicaSets',
    deployment: d(4),
    oldDeployment: d(3),
    newRS: rs('foo-v3', 1, {}, newTimestamp),
    oldRSs: [rs('foo-v2', 1, {}, oldTimestamp), rs('foo-v1', 1, {}, olderTimestamp)],
    want: { 'foo-v3': 2, 'foo-v2': 1, 'foo-v1': 1 },
  },
  {
    name: 'The leftover of scaling 3 -> 2 comes from the oldest of equal ReplicaSets',
    deployment: d(2),
    oldDeployment: d(3),
    newRS: rs('foo-v3', 1, {}, newTimestamp),
    oldRSs: [rs('foo-v2', 1, {}, oldTimestamp), rs('foo-v1', 1, {}, olderTimestamp)],
    want: { 'foo-v3': 1, 'foo-v2': 1, 'foo-v1': 0 },
  },
  {
    name: 'Without a new ReplicaSet, scaling 4 -> 5 grows the latest ReplicaSet first',
    deployment: d(5),
    oldDeployment: d(4),
    oldRSs: [rs('foo-v2', 2, {}, oldTimestamp), rs('foo-v1', 2, {}, olderTimestamp)],
    want: { 'foo-v2': 3, 'foo-v1': 2 },
  },
  {
    name: 'Proportional scaling: 6 -> 0 empties every ReplicaSet',
    deployment: d(0),
    oldDeployment: d(6),
    newRS: rs('foo-v3', 3, {}, newTimestamp),
    oldRSs: [rs('foo-v2', 2, {}, oldTimestamp), rs('foo-v1', 1, {}, olderTimestamp)],
    want: { 'foo-v3': 0, 'foo-v2': 0, 'foo-v1': 0 },
  },
  {
    name: 'Scaling up from zero gives everything to the new ReplicaSet',
    deployment: d(6),
    oldDeployment: d(6),
    newRS: rs('foo-v3', 0, {}, newTimestamp),
    oldRSs: [rs('foo-v2', 0, {}, oldTimestamp), rs('foo-v1', 0, {}, olderTimestamp)],
    want: { 'foo-v3': 6, 'foo-v2': 0, 'foo-v1': 0 },
  },
  {
    name: 'A ReplicaSet whose desired-replicas annotation is stale gets the added replica',
    deployment: d(5),
    oldDeployment: d(5),
    newRS: rs('foo-v3', 2, {}, newTimestamp),
    oldRSs: [rs('foo-v2', 1, {}, oldTimestamp), rs('foo-v1', 1, {}, olderTimestamp)],
    want: { 'foo-v3': 2, 'foo-v2': 2, 'foo-v1': 1 },
    desiredReplicasAnnotations: { 'foo-v2': 3 },
  },
  {
    name: 'A Deployment with surge pods scales both ReplicaSets: 10 -> 20 with maxSurge 2',
    deployment: d(20, 2),
    oldDeployment: d(10, 2),
    newRS: rs('foo-v2', 6, {}, newTimestamp),
    oldRSs: [rs('foo-v1', 6, {}, oldTimestamp)],
    want: { 'foo-v2': 11, 'foo-v1': 11 },
  },
  {
    name: 'Changing both size (10 -> 50) and surge (3 -> 6) scales proportionally',
    deployment: d(50, 6),
    oldDeployment: d(10, 3),
    newRS: rs('foo-v2', 5, {}, newTimestamp),
    oldRSs: [rs('foo-v1', 8, {}, oldTimestamp)],
    want: { 'foo-v2': 22, 'foo-v1': 34 },
  },
  {
    name: 'Changing both size and template scales the old ReplicaSets proportionally',
    deployment: updatedTemplate(14),
    oldDeployment: newDeployment('foo', 10, { selector: { foo: 'bar' } }),
    oldRSs: [rs('foo-v2', 7, {}, newTimestamp), rs('foo-v1', 3, {}, oldTimestamp)],
    want: { 'foo-v2': 10, 'foo-v1': 4 },
  },
  {
    name: 'A saturated but broken new ReplicaSet does not affect old pods',
    deployment: d(2, 1, 1),
    oldDeployment: d(2, 1, 1),
    newRS: withStatus(rs('foo-v2', 2, {}, newTimestamp), { availableReplicas: 0 }),
    oldRSs: [rs('foo-v1', 1, {}, oldTimestamp)],
    want: { 'foo-v2': 2, 'foo-v1': 1 },
  },
];

describe('scale', () => {
  for (const c of cases) {
    it(c.name, () => {
      for (const replicaSet of [c.newRS, ...c.oldRSs]) {
        if (!replicaSet) continue;
        const desired = c.desiredReplicasAnnotations?.[replicaSet.metadata.name!] ?? c.oldDeployment.spec.replicas!;
        setReplicasAnnotations(replicaSet, desired, desired + maxSurge(c.oldDeployment));
      }
      const ctx = fakeSync();
      scale(ctx, c.deployment, c.newRS, c.oldRSs);
      const sizes: Record<string, number> = {};
      for (const replicaSet of [c.newRS, ...c.oldRSs]) if (replicaSet) sizes[replicaSet.metadata.name!] = replicaSet.spec!.replicas!;
      for (const a of ctx.client.actions) sizes[a.name] = (a.object as ReplicaSetObject).spec!.replicas!;
      expect(sizes).toEqual(c.want);
    });
  }

  it('Proportional scaling is narrated with the shares and recorded as events', () => {
    const c = cases[2];
    for (const replicaSet of [c.newRS!, ...c.oldRSs]) setReplicasAnnotations(replicaSet, 5, 5);
    const ctx = fakeSync();
    scale(ctx, c.deployment, c.newRS, c.oldRSs);
    expect(ctx.client.actions.map((a) => a.reason)).toEqual([
      'scaled up ReplicaSet foo-v1 from 3 to 6: the Deployment now wants 10 replicas in the middle of a rollout, so its 2 active ReplicaSets share 10 pods (replicas + maxSurge 0) in proportion to their sizes, which add up to 5',
      'scaled up ReplicaSet foo-v2 from 2 to 4: the Deployment now wants 10 replicas in the middle of a rollout, so its 2 active ReplicaSets share 10 pods (replicas + maxSurge 0) in proportion to their sizes, which add up to 5',
    ]);
    expect(ctx.events).toEqual([
      'Normal ScalingReplicaSet Scaled up replica set foo-v1 from 3 to 6',
      'Normal ScalingReplicaSet Scaled up replica set foo-v2 from 2 to 4',
    ]);
  });
});
