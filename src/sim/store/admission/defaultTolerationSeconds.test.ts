import type { Pod, Toleration } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../api/object';
import type { Operation } from './admissionPlugin';
import { defaultTolerationSeconds } from './defaultTolerationSeconds';

const NOT_READY: Toleration = { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 };
const UNREACHABLE: Toleration = { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 };
const view = { get: () => undefined, list: () => [] };

function admit(tolerations: Toleration[] | undefined, op: Operation = 'CREATE'): Toleration[] | undefined {
  const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [], ...(tolerations ? { tolerations } : {}) } };
  defaultTolerationSeconds.admit!(pod as KubeObject, undefined, op, view);
  return (pod as unknown as Pod).spec!.tolerations;
}

describe('DefaultTolerationSeconds (plugin/pkg/admission/defaulttolerationseconds admission_test.go)', () => {
  const mine: Toleration = { key: 'dedicated', operator: 'Equal', value: 'db', effect: 'NoSchedule' };
  it.each<[string, Toleration[] | undefined, Toleration[] | undefined]>([
    ['a pod without tolerations gets both, not-ready first', undefined, [NOT_READY, UNREACHABLE]],
    ['an empty list gets both', [], [NOT_READY, UNREACHABLE]],
    ['the pod\'s own tolerations come first', [mine], [mine, NOT_READY, UNREACHABLE]],
    ['a pod tolerating not-ready for 60 s gets only unreachable', [{ ...NOT_READY, tolerationSeconds: 60 }], [{ ...NOT_READY, tolerationSeconds: 60 }, UNREACHABLE]],
    ['a pod tolerating every taint gets nothing', [{ operator: 'Exists' }], [{ operator: 'Exists' }]],
    ['a NoSchedule toleration of not-ready does not count', [{ key: NOT_READY.key, operator: 'Exists', effect: 'NoSchedule' }], [{ key: NOT_READY.key, operator: 'Exists', effect: 'NoSchedule' }, NOT_READY, UNREACHABLE]],
  ])('%s', (_name, tolerations, want) => expect(admit(tolerations)).toEqual(want));

  it('leaves an update alone', () => expect(admit(undefined, 'UPDATE')).toBeUndefined());

  it('hands out frozen tolerations: a stored pod is frozen anyway, so pods share them', () => {
    const [a, b] = [admit(undefined)!, admit(undefined)!];
    expect([Object.isFrozen(a), Object.isFrozen(a[0]), a[1] === b[1]]).toEqual([true, true, true]);
  });
});
