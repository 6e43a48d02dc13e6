import type { DeploymentStatus } from 'kubernetes-types/apps/v1';
import { describe, expect, it } from 'vitest';
import { serverMeta } from '../../api/object';
import { newDeployment } from './fixture';
import { rolloutStatus, type RolloutStatus } from './rolloutStatus';

// kubectl rollout_status_test.go TestDeploymentStatusViewerStatus, plus the progress-deadline error.
describe('rolloutStatus', () => {
  const cases: [string, number, number, DeploymentStatus, RolloutStatus][] = [
    [
      'No new replica updated yet',
      0,
      1,
      { observedGeneration: 1, replicas: 1, updatedReplicas: 0, availableReplicas: 1, unavailableReplicas: 0 },
      { message: 'Waiting for deployment "foo" rollout to finish: 0 out of 1 new replicas have been updated...\n', done: false },
    ],
    [
      'An old replica is still terminating',
      1,
      1,
      { observedGeneration: 1, replicas: 2, updatedReplicas: 1, availableReplicas: 2, unavailableReplicas: 0 },
      { message: 'Waiting for deployment "foo" rollout to finish: 1 old replicas are pending termination...\n', done: false },
    ],
    [
      'An updated replica is not available yet',
      1,
      2,
      { observedGeneration: 1, replicas: 2, updatedReplicas: 2, availableReplicas: 1, unavailableReplicas: 1 },
      { message: 'Waiting for deployment "foo" rollout to finish: 1 of 2 updated replicas are available...\n', done: false },
    ],
    [
      'Every replica is updated and available',
      1,
      2,
      { observedGeneration: 1, replicas: 2, updatedReplicas: 2, availableReplicas: 2, unavailableReplicas: 0 },
      { message: 'deployment "foo" successfully rolled out\n', done: true },
    ],
    [
      'The latest spec is not observed yet',
      2,
      2,
      { observedGeneration: 1, replicas: 2, updatedReplicas: 2, availableReplicas: 2, unavailableReplicas: 0 },
      { message: 'Waiting for deployment spec update to be observed...\n', done: false },
    ],
    [
      'A rollout past its progress deadline is an error',
      1,
      2,
      { observedGeneration: 1, replicas: 2, updatedReplicas: 1, conditions: [{ type: 'Progressing', status: 'False', reason: 'ProgressDeadlineExceeded' }] },
      { message: '', done: false, error: 'deployment "foo" exceeded its progress deadline' },
    ],
  ];
  for (const [name, generation, replicas, status, want] of cases) {
    it(name, () => {
      const d = newDeployment('foo', replicas);
      serverMeta(d).generation = generation;
      d.status = status;
      expect(rolloutStatus(d)).toEqual(want);
    });
  }
});
