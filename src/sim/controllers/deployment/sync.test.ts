import { describe, expect, it } from 'vitest';
import { serverMeta } from '../../api/object';
import { fakeSync, newDeployment, newRSWithStatus, rs, withStatus } from './fixture';
import { REVISION_ANNOTATION, type ReplicaSetObject } from './replicaSets';
import { calculateStatus, cleanupDeployment } from './sync';

const MAX_INT32 = 2147483647;

function deleted(oldRSs: ReplicaSetObject[], revisionHistoryLimit: number): string[] {
  const ctx = fakeSync();
  cleanupDeployment(ctx, oldRSs, newDeployment('foo', 1, { revisionHistoryLimit, selector: { foo: 'bar' } }));
  return ctx.client.actions.filter((a) => a.verb === 'delete').map((a) => a.name);
}

// sync_test.go TestDeploymentController_cleanupDeployment
describe('cleanupDeployment', () => {
  const selector = { foo: 'bar' };
  const alreadyDeleted = newRSWithStatus('foo-1', 0, 0, selector);
  serverMeta(alreadyDeleted).deletionTimestamp = '2026-01-01T09:00:00Z';
  const cases: [string, ReplicaSetObject[], number, number][] = [
    [
      'Three empty old ReplicaSets and a limit of 1: two are deleted',
      [newRSWithStatus('foo-1', 0, 0, selector), newRSWithStatus('foo-2', 0, 0, selector), newRSWithStatus('foo-3', 0, 0, selector)],
      1,
      2,
    ],
    [
      'Only the ReplicaSet with spec.replicas = status.replicas = 0 is deleted',
      [newRSWithStatus('foo-1', 0, 0, selector), newRSWithStatus('foo-2', 0, 1, selector), newRSWithStatus('foo-3', 1, 0, selector), newRSWithStatus('foo-4', 1, 1, selector)],
      0,
      1,
    ],
    ['A limit of 0 deletes every empty old ReplicaSet', [newRSWithStatus('foo-1', 0, 0, selector), newRSWithStatus('foo-2', 0, 0, selector)], 0, 2],
    ['Old ReplicaSets with pods are never deleted', [newRSWithStatus('foo-1', 1, 1, selector), newRSWithStatus('foo-2', 1, 1, selector)], 0, 0],
    ['A ReplicaSet already being deleted is not deleted again', [alreadyDeleted], 0, 0],
    [
      'An unlimited (MaxInt32) revisionHistoryLimit keeps everything',
      [newRSWithStatus('foo-1', 0, 0, selector), newRSWithStatus('foo-2', 0, 0, selector), newRSWithStatus('foo-3', 0, 0, selector)],
      MAX_INT32,
      0,
    ],
  ];
  for (const [name, oldRSs, limit, want] of cases) it(name, () => expect(deleted(oldRSs, limit).length).toBe(want));

  it('The deletion is narrated with the history limit', () => {
    const ctx = fakeSync();
    const old = [newRSWithStatus('foo-1', 0, 0), newRSWithStatus('foo-2', 0, 0)];
    old[0].metadata.annotations = { [REVISION_ANNOTATION]: '1' };
    old[1].metadata.annotations = { [REVISION_ANNOTATION]: '2' };
    cleanupDeployment(ctx, old, newDeployment('foo', 1, { revisionHistoryLimit: 1 }));
    expect(ctx.client.actions.map((a) => a.reason)).toEqual([
      'deleted old ReplicaSet foo-1: revisionHistoryLimit 1 keeps 1 old ReplicaSets and there are 2; revision 1 is the oldest without pods',
    ]);
  });
});

// sync_test.go TestDeploymentController_cleanupDeploymentOrder: creation times foo-1 < foo-2 < foo-3 < foo-4.
describe('cleanupDeployment order', () => {
  const MINUTE = 60 * 1000;
  const withRevision = (name: string, replicas: number, createdAt: number, revision: string): ReplicaSetObject => {
    const replicaSet = withStatus(rs(name, replicas, { foo: 'bar' }, createdAt), { replicas });
    if (revision !== '') replicaSet.metadata.annotations = { [REVISION_ANNOTATION]: revision };
    return replicaSet;
  };
  const cases: [string, ReplicaSetObject[], number, string[]][] = [
    ['Revision order foo-1 < foo-2: foo-1 is deleted', [withRevision('foo-1', 0, 0, '1'), withRevision('foo-2', 0, MINUTE, '2')], 1, ['foo-1']],
    ['Revision order foo-2 < foo-1: foo-2 is deleted', [withRevision('foo-1', 0, 0, '2'), withRevision('foo-2', 0, MINUTE, '1')], 1, ['foo-2']],
    ['A ReplicaSet without a revision counts as revision 0 and goes first', [withRevision('foo-1', 0, 0, '1'), withRevision('foo-2', 0, MINUTE, '')], 1, ['foo-2']],
    ['The older ReplicaSet without a revision goes first', [withRevision('foo-1', 0, 0, ''), withRevision('foo-2', 0, MINUTE, '2')], 1, ['foo-1']],
    [
      'The oldest revision has pods, so the next one is deleted instead',
      [withRevision('foo-1', 1, 0, '1'), withRevision('foo-2', 0, MINUTE, '2'), withRevision('foo-3', 0, 2 * MINUTE, '3')],
      1,
      ['foo-2'],
    ],
    [
      'Both revisions beyond the limit have pods: nothing is deleted',
      [withRevision('foo-1', 1, 0, '1'), withRevision('foo-2', 1, MINUTE, '2'), withRevision('foo-3', 0, 2 * MINUTE, '3')],
      1,
      [],
    ],
    [
      'Revision order foo-2 < foo-4 < foo-1 < foo-3 with a limit of 2 deletes foo-2 and foo-4',
      [withRevision('foo-1', 0, 0, '3'), withRevision('foo-2', 0, MINUTE, '1'), withRevision('foo-3', 0, 2 * MINUTE, '4'), withRevision('foo-4', 0, 3 * MINUTE, '2')],
      2,
      ['foo-2', 'foo-4'],
    ],
  ];
  for (const [name, oldRSs, limit, want] of cases) it(name, () => expect(deleted(oldRSs, limit)).toEqual(want));
});

describe('calculateStatus', () => {
  it('Counts pods that exist, updated, ready and available pods, and what is still unavailable', () => {
    const d = newDeployment('web', 4, { maxSurge: 1, maxUnavailable: 1 });
    serverMeta(d).generation = 2;
    const newRS = withStatus(rs('web-new', 2), { replicas: 2, readyReplicas: 1, availableReplicas: 1 });
    const oldRS = withStatus(rs('web-old', 3), { replicas: 3, readyReplicas: 3, availableReplicas: 3 });
    expect(calculateStatus([oldRS, newRS], newRS, d, '2026-01-01T09:00:10Z')).toEqual({
      observedGeneration: 2,
      replicas: 5,
      updatedReplicas: 2,
      readyReplicas: 4,
      availableReplicas: 4,
      unavailableReplicas: 1,
      conditions: [
        {
          type: 'Available',
          status: 'True',
          lastUpdateTime: '2026-01-01T09:00:10Z',
          lastTransitionTime: '2026-01-01T09:00:10Z',
          reason: 'MinimumReplicasAvailable',
          message: 'Deployment has minimum availability.',
        },
      ],
    });
  });

  it('Reports MinimumReplicasUnavailable below replicas - maxUnavailable and omits zero counts', () => {
    const d = newDeployment('web', 3, { maxSurge: 1, maxUnavailable: 0 });
    const newRS = withStatus(rs('web-new', 3), { replicas: 3 });
    expect(calculateStatus([newRS], newRS, d, '2026-01-01T09:00:00Z')).toEqual({
      replicas: 3,
      updatedReplicas: 3,
      unavailableReplicas: 3,
      conditions: [
        {
          type: 'Available',
          status: 'False',
          lastUpdateTime: '2026-01-01T09:00:00Z',
          lastTransitionTime: '2026-01-01T09:00:00Z',
          reason: 'MinimumReplicasUnavailable',
          message: 'Deployment does not have minimum availability.',
        },
      ],
    });
  });
});
