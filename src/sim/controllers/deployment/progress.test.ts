import type { DeploymentCondition } from 'kubernetes-types/apps/v1';
import { describe, expect, it } from 'vitest';
import { parseTime, rfc3339 } from '../../clock/timeFormat';
import { fakeSync, newDeployment, rs, withStatus } from './fixture';
import { requeueStuckDeployment, syncRolloutStatus } from './progress';
import type { DeploymentObject } from './replicaSets';

const at = (iso: string) => parseTime(iso)!;

function currentDeployment(pds: number | undefined, replicas: number, statusReplicas: number, updated: number, available: number, conditions?: DeploymentCondition[]): DeploymentObject {
  const d = newDeployment('progress-test', replicas);
  d.spec.strategy = { type: 'Recreate' };
  d.spec.progressDeadlineSeconds = pds;
  d.status = { replicas: statusReplicas, updatedReplicas: updated, availableReplicas: available, conditions };
  return d;
}

// progress_test.go TestRequeueStuckDeployment (progressDeadlineSeconds 60, last progress at 18:49:00)
describe('requeueStuckDeployment', () => {
  const failed: DeploymentCondition[] = [{ type: 'Progressing', status: 'False', reason: 'ProgressDeadlineExceeded' }];
  const stuck: DeploymentCondition[] = [{ type: 'Progressing', status: 'True', lastUpdateTime: '2017-02-15T18:49:00Z' }];
  const cases: [string, DeploymentObject, number, string[]][] = [
    ['No progressDeadlineSeconds: no check', currentDeployment(undefined, 4, 3, 3, 2), -1, []],
    ['No Progressing condition: no check', currentDeployment(60, 4, 3, 3, 2), -1, []],
    ['A complete deployment does not need a check', currentDeployment(60, 3, 3, 3, 3), -1, []],
    ['An already failed deployment does not need a check', currentDeployment(60, 3, 3, 3, 0, failed), -1, []],
  ];
  for (const [name, d, want, requeues] of cases) {
    it(name, () => {
      const ctx = fakeSync();
      expect(requeueStuckDeployment(ctx, d, d.status!, at('2017-02-15T18:49:30Z'))).toBe(want);
      expect(ctx.requeues).toEqual(requeues);
    });
  }
  const stuckCases: [string, string, number, string[]][] = [
    ['A stuck deployment 30s before its deadline is checked 31s later', '2017-02-15T18:49:30Z', 30000, ['after 31000ms progress-test']],
    ['A stuck deployment 1s before its deadline is checked 2s later', '2017-02-15T18:49:59Z', 1000, ['after 2000ms progress-test']],
    ['Less than a second before the deadline it is checked now', '2017-02-15T18:49:59.001Z', 0, ['rate limited progress-test']],
    ['At the deadline it is checked now', '2017-02-15T18:50:00Z', 0, ['rate limited progress-test']],
    ['1s after the deadline it is checked now', '2017-02-15T18:50:01Z', 0, ['rate limited progress-test']],
    ['60s after the deadline it is checked now', '2017-02-15T18:51:00Z', 0, ['rate limited progress-test']],
  ];
  for (const [name, now, want, requeues] of stuckCases) {
    it(name, () => {
      const ctx = fakeSync();
      const d = currentDeployment(60, 3, 3, 3, 1, stuck);
      expect(requeueStuckDeployment(ctx, d, d.status!, at(now))).toBe(want);
      expect(ctx.requeues).toEqual(requeues);
    });
  }
});

describe('syncRolloutStatus', () => {
  const T0 = 10_000;
  const progressing = (reason: string, updatedAt: number): DeploymentCondition => ({
    type: 'Progressing',
    status: 'True',
    lastUpdateTime: rfc3339(updatedAt),
    lastTransitionTime: rfc3339(0),
    reason,
    message: 'ReplicaSet "web-new" is progressing.',
  });
  const rolling = (conditions: DeploymentCondition[]) => {
    const d = newDeployment('web', 2, { maxSurge: 1, maxUnavailable: 0 });
    d.spec.progressDeadlineSeconds = 600;
    d.status = { replicas: 3, updatedReplicas: 1, readyReplicas: 2, availableReplicas: 2, conditions };
    return d;
  };
  const oldRS = withStatus(rs('web-old', 2), { replicas: 2, readyReplicas: 2, availableReplicas: 2 });
  const progressOf = (ctx: ReturnType<typeof fakeSync>) =>
    ctx.client.actions.map((a) => (a.object as DeploymentObject).status?.conditions?.find((c) => c.type === 'Progressing'));

  it('More available new pods refresh ReplicaSetUpdated and keep lastTransitionTime', () => {
    const ctx = fakeSync([], T0);
    const d = rolling([progressing('ReplicaSetUpdated', 0)]);
    const newRS = withStatus(rs('web-new', 2), { replicas: 2, readyReplicas: 1, availableReplicas: 1 });
    syncRolloutStatus(ctx, [oldRS, newRS], newRS, d);
    expect(progressOf(ctx)).toEqual([
      { ...progressing('ReplicaSetUpdated', T0), message: 'ReplicaSet "web-new" is progressing.', lastTransitionTime: rfc3339(0) },
    ]);
  });

  it('A finished rollout becomes NewReplicaSetAvailable', () => {
    const ctx = fakeSync([], T0);
    const d = rolling([progressing('ReplicaSetUpdated', 0)]);
    const newRS = withStatus(rs('web-new', 2), { replicas: 2, readyReplicas: 2, availableReplicas: 2 });
    syncRolloutStatus(ctx, [withStatus(rs('web-old', 0), {}), newRS], newRS, d);
    expect(progressOf(ctx)[0]).toMatchObject({ reason: 'NewReplicaSetAvailable', message: 'ReplicaSet "web-new" has successfully progressed.', status: 'True' });
  });

  it('No progress for longer than progressDeadlineSeconds reports ProgressDeadlineExceeded', () => {
    const now = 601_000;
    const ctx = fakeSync([], now);
    const d = rolling([progressing('ReplicaSetUpdated', 0)]);
    const newRS = withStatus(rs('web-new', 1), { replicas: 1 });
    d.status = { ...d.status, readyReplicas: 2, availableReplicas: 2 };
    syncRolloutStatus(ctx, [oldRS, newRS], newRS, d);
    expect(progressOf(ctx)[0]).toEqual({
      type: 'Progressing',
      status: 'False',
      lastUpdateTime: rfc3339(now),
      lastTransitionTime: rfc3339(now),
      reason: 'ProgressDeadlineExceeded',
      message: 'ReplicaSet "web-new" has timed out progressing.',
    });
  });

  it('No progress before the deadline writes nothing and schedules a progress check', () => {
    const ctx = fakeSync([], T0);
    const d = rolling([progressing('ReplicaSetUpdated', 0)]);
    const newRS = withStatus(rs('web-new', 1), { replicas: 1 });
    d.status = {
      ...d.status,
      observedGeneration: undefined,
      unavailableReplicas: 1,
      conditions: [
        progressing('ReplicaSetUpdated', 0),
        { type: 'Available', status: 'True', lastUpdateTime: rfc3339(0), lastTransitionTime: rfc3339(0), reason: 'MinimumReplicasAvailable', message: 'Deployment has minimum availability.' },
      ],
    };
    syncRolloutStatus(ctx, [oldRS, newRS], newRS, d);
    expect(ctx.client.actions).toEqual([]);
    expect(ctx.requeues).toEqual([`after ${600_000 - T0 + 1000}ms web`]);
  });
});
