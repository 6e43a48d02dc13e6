// Mirrors pkg/apis/policy/validation/validation.go ValidatePodDisruptionBudget(Spec) and the status reset of
// pkg/registry/policy/poddisruptionbudget/strategy.go PrepareForCreate.
import type { PodDisruptionBudget, PodDisruptionBudgetSpec } from 'kubernetes-types/policy/v1';
import { type FieldError, fieldErrors } from '../../fieldError';
import { nameIsDNSSubdomain, validateLabelSelector, validateObjectMeta } from '../../meta/v1/validation';
import { isNotMoreThan100Percent, validatePositiveIntOrPercent } from '../../apps/v1/validation';
import { GoValue } from '../../core/v1/validation/goValue';

const UNHEALTHY_POD_EVICTION_POLICIES = ['AlwaysAllow', 'IfHealthyBudget'];

/** goPDBSpec prints policy.PodDisruptionBudgetSpec; its pointer fields get a stand-in address when set. */
function goPDBSpec(spec: PodDisruptionBudgetSpec): GoValue {
  const ptr = (type: string, set: boolean): string => `(*${type})(${set ? '0xc000000000' : 'nil'})`;
  return new GoValue(
    spec,
    `policy.PodDisruptionBudgetSpec{MinAvailable:${ptr('intstr.IntOrString', spec.minAvailable !== undefined)}, ` +
      `Selector:${ptr('v1.LabelSelector', spec.selector !== undefined)}, ` +
      `MaxUnavailable:${ptr('intstr.IntOrString', spec.maxUnavailable !== undefined)}, ` +
      `UnhealthyPodEvictionPolicy:${ptr('policy.UnhealthyPodEvictionPolicyType', spec.unhealthyPodEvictionPolicy !== undefined)}}`,
  );
}

/** validatePodDisruptionBudget is ValidatePodDisruptionBudget: one of minAvailable/maxUnavailable, each an int or percent. */
export function validatePodDisruptionBudget(pdb: PodDisruptionBudget): FieldError[] {
  const errs = validateObjectMeta(pdb.metadata ?? {}, true, nameIsDNSSubdomain, ['metadata']);
  const spec = pdb.spec ?? {};
  if (spec.minAvailable !== undefined && spec.maxUnavailable !== undefined) {
    errs.push(fieldErrors.invalid(['spec'], goPDBSpec(spec), 'minAvailable and maxUnavailable cannot be both set'));
  }
  for (const f of ['minAvailable', 'maxUnavailable'] as const) {
    if (spec[f] === undefined) continue;
    errs.push(...validatePositiveIntOrPercent(spec[f], ['spec', f]));
    errs.push(...isNotMoreThan100Percent(spec[f], ['spec', f]));
  }
  if (spec.selector) errs.push(...validateLabelSelector(spec.selector, ['spec', 'selector']));
  const policy = spec.unhealthyPodEvictionPolicy;
  if (policy !== undefined && !UNHEALTHY_POD_EVICTION_POLICIES.includes(policy)) {
    errs.push(fieldErrors.notSupported(['spec', 'unhealthyPodEvictionPolicy'], policy, UNHEALTHY_POD_EVICTION_POLICIES));
  }
  return errs;
}

/** prepareForCreatePodDisruptionBudget resets status; its counters are not omitempty, so they show as 0. */
export function prepareForCreatePodDisruptionBudget(pdb: PodDisruptionBudget): void {
  pdb.status = { currentHealthy: 0, desiredHealthy: 0, disruptionsAllowed: 0, expectedPods: 0 };
}
