// Cases after pkg/apis/policy/validation/validation_test.go TestValidatePodDisruptionBudgetSpec.
import type { PodDisruptionBudget } from 'kubernetes-types/policy/v1';
import { describe, expect, it } from 'vitest';
import { prepareForCreatePodDisruptionBudget, validatePodDisruptionBudget } from './podDisruptionBudget';

const pdb = (spec: PodDisruptionBudget['spec']): PodDisruptionBudget => ({ metadata: { name: 'zk-pdb', namespace: 'default' }, spec });
const parts = (p: PodDisruptionBudget) => validatePodDisruptionBudget(p).map((e) => [e.path.join('.'), String(e.badValue), e.detail]);

describe('validatePodDisruptionBudget', () => {
  it.each<[string, PodDisruptionBudget, unknown[][]]>([
    ['minAvailable 2 is valid', pdb({ minAvailable: 2, selector: { matchLabels: { app: 'zookeeper' } } }), []],
    ['a percentage needs its % sign', pdb({ maxUnavailable: '50' }), [
      ['spec.maxUnavailable', 'intstr.IntOrString{Type:1, IntVal:0, StrVal:"50"}', "a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')"],
    ]],
    ['minAvailable and maxUnavailable exclude each other', pdb({ minAvailable: 1, maxUnavailable: 1 }), [
      ['spec', 'policy.PodDisruptionBudgetSpec{MinAvailable:(*intstr.IntOrString)(0xc000000000), Selector:(*v1.LabelSelector)(nil), MaxUnavailable:(*intstr.IntOrString)(0xc000000000), UnhealthyPodEvictionPolicy:(*policy.UnhealthyPodEvictionPolicyType)(nil)}', 'minAvailable and maxUnavailable cannot be both set'],
    ]],
    ['a percentage is at most 100%', pdb({ maxUnavailable: '150%' }), [['spec.maxUnavailable', 'intstr.IntOrString{Type:1, IntVal:0, StrVal:"150%"}', 'must not be greater than 100%']]],
  ])('%s', (_name, p, want) => expect(parts(p)).toEqual(want));

  it('starts with zeroed status counters', () => {
    const p = pdb({ minAvailable: 2 });
    prepareForCreatePodDisruptionBudget(p);
    expect(p.status).toEqual({ currentHealthy: 0, desiredHealthy: 0, disruptionsAllowed: 0, expectedPods: 0 });
  });
});
