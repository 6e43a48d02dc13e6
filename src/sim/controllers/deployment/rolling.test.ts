import { describe, expect, it } from 'vitest';
import { fakeSync, newDeployment, rs, withStatus, type FakeSync } from './fixture';
import type { ReplicaSetObject } from './replicaSets';
import { cleanupUnhealthyReplicas, reconcileNewReplicaSet, reconcileOldReplicaSets, scaleDownOldReplicaSetsForRollingUpdate } from './rolling';

/** replicasWritten lists the spec.replicas of every ReplicaSet update, as `name=replicas`. */
function replicasWritten(ctx: FakeSync): string[] {
  return ctx.client.actions
    .filter((a) => a.kind === 'ReplicaSet' && a.verb === 'update')
    .map((a) => `${a.name}=${(a.object as ReplicaSetObject).spec?.replicas}`);
}

// rolling_test.go TestDeploymentController_reconcileNewReplicaSet (maxUnavailable 0)
describe('reconcileNewReplicaSet', () => {
  const cases: { name: string; replicas: number; surge: number; oldReplicas: number; newReplicas: number; want: string[] }[] = [
    { name: 'With maxSurge 0 and 10 old pods the new ReplicaSet cannot grow', replicas: 10, surge: 0, oldReplicas: 10, newReplicas: 0, want: [] },
    { name: 'maxSurge 2 lets the new ReplicaSet grow to 2 beside 10 old pods', replicas: 10, surge: 2, oldReplicas: 10, newReplicas: 0, want: ['foo-v2=2'] },
    { name: 'With 5 old pods the new ReplicaSet grows to 7 (10 + 2 - 5)', replicas: 10, surge: 2, oldReplicas: 5, newReplicas: 0, want: ['foo-v2=7'] },
    { name: 'At 12 pods in all the surge is used up', replicas: 10, surge: 2, oldReplicas: 10, newReplicas: 2, want: [] },
    { name: 'A new ReplicaSet larger than replicas is scaled down to replicas', replicas: 10, surge: 2, oldReplicas: 2, newReplicas: 11, want: ['foo-v2=10'] },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const ctx = fakeSync();
      const newRS = rs('foo-v2', c.newReplicas);
      const d = newDeployment('foo', c.replicas, { maxSurge: c.surge, maxUnavailable: 0, selector: { foo: 'bar' } });
      const scaled = reconcileNewReplicaSet(ctx, [newRS, rs('foo-v1', c.oldReplicas)], newRS, d);
      expect(scaled).toBe(c.want.length > 0);
      expect(replicasWritten(ctx)).toEqual(c.want);
    });
  }

  it('The scale-up is narrated with the surge arithmetic and recorded as a ScalingReplicaSet event', () => {
    const ctx = fakeSync();
    const newRS = rs('web-7c5ddbdf54', 0);
    const d = newDeployment('web', 3, { maxSurge: 1, maxUnavailable: 1 });
    reconcileNewReplicaSet(ctx, [rs('web-6d4cf56db6', 3), newRS], newRS, d);
    expect(ctx.client.actions.map((a) => a.reason)).toEqual([
      'scaled up ReplicaSet web-7c5ddbdf54 from 0 to 1: maxSurge 1 allows 4 pods for 3 replicas and 3 exist',
    ]);
    expect(ctx.events).toEqual(['Normal ScalingReplicaSet Scaled up replica set web-7c5ddbdf54 from 0 to 1']);
  });
});

// rolling_test.go TestDeploymentController_reconcileOldReplicaSets (maxSurge 0)
describe('reconcileOldReplicaSets', () => {
  const cases: { name: string; replicas: number; maxUnavailable: number; oldReplicas: number; newReplicas: number; readyOld: number; readyNew: number; want: string[] }[] = [
    {
      name: 'With both fenceposts at 0, maxUnavailable resolves to 1 and one old pod goes',
      replicas: 10, maxUnavailable: 0, oldReplicas: 10, newReplicas: 0, readyOld: 10, readyNew: 0,
      want: ['foo-old=9'],
    },
    {
      name: 'maxUnavailable 2 lets two available old pods go',
      replicas: 10, maxUnavailable: 2, oldReplicas: 10, newReplicas: 0, readyOld: 10, readyNew: 0,
      want: ['foo-old=8'],
    },
    {
      name: 'Two unhealthy old pods are cleaned up first, and then availability allows nothing more',
      replicas: 10, maxUnavailable: 2, oldReplicas: 10, newReplicas: 0, readyOld: 8, readyNew: 0,
      want: ['foo-old=8'],
    },
    {
      name: 'One unhealthy old pod is cleaned up, then one available old pod is scaled down',
      replicas: 10, maxUnavailable: 2, oldReplicas: 10, newReplicas: 0, readyOld: 9, readyNew: 0,
      want: ['foo-old=9', 'foo-old=8'],
    },
    {
      name: 'Unavailable pods of the new ReplicaSet stop old ReplicaSets from scaling down further',
      replicas: 10, maxUnavailable: 2, oldReplicas: 8, newReplicas: 2, readyOld: 8, readyNew: 0,
      want: [],
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const ctx = fakeSync();
      const newRS = withStatus(rs('foo-new', c.newReplicas, { foo: 'new' }), { availableReplicas: c.readyNew });
      const oldRS = withStatus(rs('foo-old', c.oldReplicas, { foo: 'old' }), { availableReplicas: c.readyOld });
      const d = newDeployment('foo', c.replicas, { maxSurge: 0, maxUnavailable: c.maxUnavailable, selector: { foo: 'new' } });
      const scaled = reconcileOldReplicaSets(ctx, [oldRS, newRS], [oldRS], newRS, d);
      expect(scaled).toBe(c.want.length > 0);
      expect(replicasWritten(ctx)).toEqual(c.want);
    });
  }

  it('Each scale-down is narrated with the numbers that allowed it', () => {
    const ctx = fakeSync();
    const newRS = withStatus(rs('foo-new', 0), { availableReplicas: 0 });
    const oldRS = withStatus(rs('foo-old', 10), { availableReplicas: 9 });
    const d = newDeployment('foo', 10, { maxSurge: 0, maxUnavailable: 2 });
    reconcileOldReplicaSets(ctx, [oldRS, newRS], [oldRS], newRS, d);
    expect(ctx.client.actions.map((a) => a.reason)).toEqual([
      'scaled down ReplicaSet foo-old from 10 to 9: 1 of its 10 pods is not available, and removing it does not lower availability',
      'scaled down ReplicaSet foo-old from 9 to 8: 9 pods are available and maxUnavailable 2 requires at least 8',
    ]);
  });
});

// rolling_test.go TestDeploymentController_cleanupUnhealthyReplicas (maxSurge 2, maxUnavailable 2, 10 replicas)
describe('cleanupUnhealthyReplicas', () => {
  const cases: { name: string; oldReplicas: number; readyPods: number; maxCleanupCount: number; want: number }[] = [
    { name: 'Two unhealthy pods but a budget of 1 cleans up 1', oldReplicas: 10, readyPods: 8, maxCleanupCount: 1, want: 1 },
    { name: 'Two unhealthy pods and a budget of 3 cleans up 2', oldReplicas: 10, readyPods: 8, maxCleanupCount: 3, want: 2 },
    { name: 'A budget of 0 cleans up nothing', oldReplicas: 10, readyPods: 8, maxCleanupCount: 0, want: 0 },
    { name: 'No unhealthy pods: nothing to clean up', oldReplicas: 10, readyPods: 10, maxCleanupCount: 3, want: 0 },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const ctx = fakeSync();
      const oldRS = withStatus(rs('foo-v2', c.oldReplicas), { availableReplicas: c.readyPods });
      const d = newDeployment('foo', 10, { maxSurge: 2, maxUnavailable: 2 });
      expect(cleanupUnhealthyReplicas(ctx, [oldRS], d, c.maxCleanupCount).totalScaledDown).toBe(c.want);
    });
  }
});

// rolling_test.go TestDeploymentController_scaleDownOldReplicaSetsForRollingUpdate (maxSurge 0)
describe('scaleDownOldReplicaSetsForRollingUpdate', () => {
  const cases: { name: string; replicas: number; maxUnavailable: number; readyPods: number; oldReplicas: number; want: string[] }[] = [
    { name: 'maxUnavailable 0 resolves to 1: one of 10 available pods goes', replicas: 10, maxUnavailable: 0, readyPods: 10, oldReplicas: 10, want: ['foo-v2=9'] },
    { name: 'maxUnavailable 2: two of 10 available pods go', replicas: 10, maxUnavailable: 2, readyPods: 10, oldReplicas: 10, want: ['foo-v2=8'] },
    { name: 'Exactly minAvailable (8) pods available: nothing goes', replicas: 10, maxUnavailable: 2, readyPods: 8, oldReplicas: 10, want: [] },
    { name: 'An old ReplicaSet already at 0 cannot go lower', replicas: 10, maxUnavailable: 2, readyPods: 10, oldReplicas: 0, want: [] },
    { name: 'Fewer than minAvailable pods available: nothing goes', replicas: 10, maxUnavailable: 2, readyPods: 1, oldReplicas: 10, want: [] },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const ctx = fakeSync();
      const oldRS = withStatus(rs('foo-v2', c.oldReplicas), { availableReplicas: c.readyPods });
      const d = newDeployment('foo', c.replicas, { maxSurge: 0, maxUnavailable: c.maxUnavailable, selector: { foo: 'bar' } });
      const scaled = scaleDownOldReplicaSetsForRollingUpdate(ctx, [oldRS], [oldRS], d);
      expect(scaled).toBe(c.want.length === 0 ? 0 : c.oldReplicas - Number(c.want[0].split('=')[1]));
      expect(replicasWritten(ctx)).toEqual(c.want);
    });
  }
});
