import type { DeploymentCondition, DeploymentStatus } from 'kubernetes-types/apps/v1';
import { describe, expect, it } from 'vitest';
import { parseTime } from '../../clock/timeFormat';
import {
  NEW_RS_AVAILABLE_REASON,
  deploymentComplete,
  deploymentProgressing,
  deploymentTimedOut,
  removeDeploymentCondition,
  setDeploymentCondition,
} from './conditions';
import { newDeployment } from './fixture';
import type { DeploymentObject } from './replicaSets';

function deployment(desired: number, current: number, updated: number, available: number, maxUnavailable: number, maxSurge: number): DeploymentObject {
  const d = newDeployment('foo', desired, { maxUnavailable, maxSurge });
  d.status = { replicas: current, updatedReplicas: updated, availableReplicas: available };
  return d;
}

// deployment_util_test.go TestDeploymentComplete
describe('deploymentComplete', () => {
  const cases: [string, DeploymentObject, boolean][] = [
    ['Not complete: min but not all pods become available', deployment(5, 5, 5, 4, 1, 0), false],
    ['Not complete: min availability is not honored', deployment(5, 5, 5, 3, 1, 0), false],
    ['Complete: all pods updated and available', deployment(5, 5, 5, 5, 0, 0), true],
    ['Not complete: all pods are available but not updated', deployment(5, 5, 4, 5, 0, 0), false],
    ['Not complete: old pods still run', deployment(1, 2, 1, 1, 0, 1), false],
    ['Not complete: a one-replica deployment never comes up', deployment(1, 1, 1, 0, 1, 1), false],
  ];
  for (const [name, d, want] of cases) it(name, () => expect(deploymentComplete(d, d.status!)).toBe(want));
});

function counts(current: number, updated: number, ready: number, available: number): DeploymentStatus {
  return { replicas: current, updatedReplicas: updated, readyReplicas: ready, availableReplicas: available };
}

// deployment_util_test.go TestDeploymentProgressing
describe('deploymentProgressing', () => {
  const cases: [string, DeploymentStatus, DeploymentStatus, boolean][] = [
    ['Progressing: more pods are updated', counts(10, 4, 4, 4), counts(10, 6, 4, 4), true],
    ['Not progressing: nothing changed', counts(10, 4, 4, 4), counts(10, 4, 4, 4), false],
    ['Progressing: old pods were removed', counts(10, 4, 6, 6), counts(8, 4, 6, 6), true],
    ['Not progressing: fewer new pods', counts(10, 7, 3, 3), counts(10, 6, 3, 3), false],
    ['Progressing: fewer pods overall but more new ones', counts(10, 4, 7, 7), counts(8, 8, 5, 5), true],
    ['Progressing: more pods are ready', counts(10, 10, 9, 8), counts(10, 10, 10, 8), true],
    ['Progressing: more pods are available', counts(10, 10, 10, 9), counts(10, 10, 10, 10), true],
  ];
  for (const [name, old, next, want] of cases) {
    it(name, () => {
      const d = newDeployment('foo', 10);
      d.status = old;
      expect(deploymentProgressing(d, next)).toBe(want);
    });
  }
});

// deployment_util_test.go TestDeploymentTimedOut; times are 2016-01-01T00:mm:ssZ.
describe('deploymentTimedOut', () => {
  const time = (mmss: string) => `2016-01-01T00:${mmss}Z`;
  const withProgressing = (reason: string, pds: number | undefined, from: string): DeploymentObject => {
    const d = newDeployment('foo', 1);
    d.spec.progressDeadlineSeconds = pds;
    d.status = { conditions: [{ type: 'Progressing', status: 'True', reason, lastUpdateTime: time(from) }] };
    return d;
  };
  const cases: [string, DeploymentObject, string, boolean][] = [
    ['No timeout without progressDeadlineSeconds', withProgressing('', undefined, '01:09'), '01:20', false],
    ['No timeout with an infinite (MaxInt32) progressDeadlineSeconds', withProgressing('', 2147483647, '01:09'), '01:20', false],
    ['Timed out: deadline 10s and 00:01:20 - 00:01:09 is 11s', withProgressing('', 10, '01:09'), '01:20', true],
    ['Not timed out: deadline 10s and 00:01:20 - 00:01:11 is 9s', withProgressing('', 10, '01:11'), '01:20', false],
    ['No timeout once the previous rollout completed', withProgressing(NEW_RS_AVAILABLE_REASON, 10, '00:00'), '59:00', false],
  ];
  for (const [name, d, now, want] of cases) it(name, () => expect(deploymentTimedOut(d, d.status!, parseTime(time(now))!)).toBe(want));
});

// deployment_util_test.go TestSetCondition and TestRemoveCondition
describe('setDeploymentCondition and removeDeploymentCondition', () => {
  const progressing: DeploymentCondition = { type: 'Progressing', status: 'False', reason: 'ForSomeReason' };
  const progressing2: DeploymentCondition = { type: 'Progressing', status: 'True', reason: 'BecauseItIs' };
  const available: DeploymentCondition = { type: 'Available', status: 'True', reason: 'AwesomeController' };

  it('Setting a condition for the first time adds it', () => {
    const status: DeploymentStatus = {};
    setDeploymentCondition(status, available);
    expect(status).toEqual({ conditions: [available] });
  });
  it('Setting another type appends it', () => {
    const status: DeploymentStatus = { conditions: [progressing] };
    setDeploymentCondition(status, available);
    expect(status).toEqual({ conditions: [progressing, available] });
  });
  it('Setting the same type with another status overwrites it', () => {
    const status: DeploymentStatus = { conditions: [progressing] };
    setDeploymentCondition(status, progressing2);
    expect(status).toEqual({ conditions: [progressing2] });
  });
  it('Setting the same status and reason again changes nothing, not even the times', () => {
    const status: DeploymentStatus = { conditions: [{ ...progressing2, lastUpdateTime: 'then' }] };
    setDeploymentCondition(status, { ...progressing2, lastUpdateTime: 'now' });
    expect(status.conditions![0].lastUpdateTime).toBe('then');
  });
  it('Removing the only condition leaves no conditions', () => {
    const status: DeploymentStatus = { conditions: [progressing] };
    removeDeploymentCondition(status, 'Progressing');
    expect(status).toEqual({});
  });
  it('Removing an absent type changes nothing', () => {
    const status: DeploymentStatus = { conditions: [progressing, available] };
    removeDeploymentCondition(status, 'ReplicaFailure');
    expect(status).toEqual({ conditions: [progressing, available] });
  });
});
