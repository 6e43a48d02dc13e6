import { describe, expect, it } from 'vitest';
import {
  DESIRED_REPLICAS_ANNOTATION,
  MAX_REPLICAS_ANNOTATION,
  REVISION_HISTORY_ANNOTATION,
  getNonNegativeInt32FromAnnotation,
  replicasAnnotationsNeedUpdate,
  setNewReplicaSetAnnotations,
  setReplicasAnnotations,
} from './annotations';
import { newDeployment, rs } from './fixture';
import { REVISION_ANNOTATION } from './replicaSets';
import { isSaturated } from './rolloutMath';

// deployment_util_test.go TestAnnotationUtils
describe('setNewReplicaSetAnnotations', () => {
  it('Raises the revision from 11 to 20 and keeps at most 5 characters of revision history', () => {
    const d = newDeployment('nginx', 1);
    d.metadata.annotations = { [REVISION_ANNOTATION]: '1', team: 'web' };
    const replicaSet = rs('nginx-1', 1);
    const history: string[] = [];
    for (let i = 10; i < 20; i++) {
      setNewReplicaSetAnnotations(d, replicaSet, String(i + 1), true, 5);
      expect(replicaSet.metadata.annotations![REVISION_ANNOTATION]).toBe(String(i + 1));
      history.push(replicaSet.metadata.annotations![REVISION_HISTORY_ANNOTATION] ?? '');
    }
    expect(history).toEqual(['', '11', '11,12', '12,13', '13,14', '14,15', '15,16', '16,17', '17,18', '18,19']);
    expect(replicaSet.metadata.annotations!.team).toBe('web');
  });

  it('Never lowers a revision and never copies the Deployment revision itself', () => {
    const d = newDeployment('nginx', 1);
    d.metadata.annotations = { [REVISION_ANNOTATION]: '9' };
    const replicaSet = rs('nginx-1', 1);
    replicaSet.metadata.annotations = { [REVISION_ANNOTATION]: '5' };
    expect(setNewReplicaSetAnnotations(d, replicaSet, '3', true, 2000)).toBe(false);
    expect(replicaSet.metadata.annotations).toEqual({ [REVISION_ANNOTATION]: '5' });
  });

  it('A ReplicaSet about to be created also gets desired-replicas and max-replicas', () => {
    const d = newDeployment('nginx', 4, { maxSurge: '25%', maxUnavailable: '25%' });
    const replicaSet = rs('nginx-1', 0);
    expect(setNewReplicaSetAnnotations(d, replicaSet, '1', false, 2000)).toBe(true);
    expect(replicaSet.metadata.annotations).toEqual({ [REVISION_ANNOTATION]: '1', [DESIRED_REPLICAS_ANNOTATION]: '4', [MAX_REPLICAS_ANNOTATION]: '5' });
  });
});

describe('setReplicasAnnotations and isSaturated', () => {
  it('Sets desired 10 and max 11', () => {
    const replicaSet = rs('nginx-1', 1);
    expect(setReplicasAnnotations(replicaSet, 10, 11)).toBe(true);
    expect(replicaSet.metadata.annotations).toEqual({ [DESIRED_REPLICAS_ANNOTATION]: '10', [MAX_REPLICAS_ANNOTATION]: '11' });
    expect(setReplicasAnnotations(replicaSet, 10, 11)).toBe(false);
  });

  it('A ReplicaSet with all replicas, the matching desired annotation and all pods available is saturated', () => {
    const replicaSet = { ...rs('nginx-1', 1), status: { replicas: 1, availableReplicas: 1 } };
    replicaSet.metadata.annotations = { [DESIRED_REPLICAS_ANNOTATION]: '1' };
    expect(isSaturated(newDeployment('nginx', 1), replicaSet)).toBe(true);
    expect(isSaturated(newDeployment('nginx', 1), { ...replicaSet, status: { replicas: 1, availableReplicas: 0 } })).toBe(false);
  });
});

// deployment_util_test.go TestReplicasAnnotationsNeedUpdate (desired 10, max 20)
describe('replicasAnnotationsNeedUpdate', () => {
  const cases: [string, Record<string, string> | undefined, boolean][] = [
    ['No annotations need an update', undefined, true],
    ['A different desired-replicas needs an update', { [DESIRED_REPLICAS_ANNOTATION]: '8', [MAX_REPLICAS_ANNOTATION]: '20' }, true],
    ['A different max-replicas needs an update', { [DESIRED_REPLICAS_ANNOTATION]: '10', [MAX_REPLICAS_ANNOTATION]: '16' }, true],
    ['Matching annotations need no update', { [DESIRED_REPLICAS_ANNOTATION]: '10', [MAX_REPLICAS_ANNOTATION]: '20' }, false],
  ];
  for (const [name, annotations, want] of cases) {
    it(name, () => {
      const replicaSet = rs('hello', 1);
      replicaSet.metadata.annotations = annotations;
      expect(replicasAnnotationsNeedUpdate(replicaSet, 10, 20)).toBe(want);
    });
  }
});

// deployment_util_test.go TestGetNonNegativeInt32FromAnnotation
describe('getNonNegativeInt32FromAnnotation', () => {
  const cases: [string, Record<string, string> | undefined, number | undefined][] = [
    ['No annotations: invalid', undefined, undefined],
    ['Not a number: invalid', { test: 'invalid', foo: '2' }, undefined],
    ['A negative number: invalid', { test: '-1', foo: '2' }, undefined],
    ['Zero is valid', { test: '0', foo: '2' }, 0],
    ['13 is valid', { test: '13', foo: '2' }, 13],
    ['MaxInt32 is valid', { test: '2147483647', foo: '2' }, 2147483647],
    ['MaxInt32 + 1 is out of range', { test: '2147483648', foo: '2' }, undefined],
    ['MaxUint32 + 1 is out of range', { test: '4294967296', foo: '2' }, undefined],
  ];
  for (const [name, annotations, want] of cases) {
    it(name, () => {
      const replicaSet = rs('nginx-1', 1);
      replicaSet.metadata.annotations = annotations;
      expect(getNonNegativeInt32FromAnnotation(replicaSet, 'test')).toBe(want);
    });
  }
});
