// Mirrors pkg/apis/scheduling/v1/defaults.go SetDefaults_PriorityClass, pkg/apis/scheduling/validation/
// validation.go ValidatePriorityClass(Update) and pkg/apis/scheduling/types.go's system priority classes.
import type { PriorityClass } from 'kubernetes-types/scheduling/v1';
import { type FieldError, fieldErrors } from '../../fieldError';
import { nameIsDNSSubdomain, validateObjectMeta } from '../../meta/v1/validation';
import { validateImmutableField } from '../../core/v1/validation/common';

/** HighestUserDefinablePriority is the largest value a user's PriorityClass may have. */
export const HighestUserDefinablePriority = 1000000000;
/** SystemCriticalPriority is the base of the two built-in classes. */
export const SystemCriticalPriority = 2 * HighestUserDefinablePriority;
const SYSTEM_PREFIX = 'system-';
/** SystemPriorityClasses are the classes the API server creates itself (scheduling.SystemPriorityClasses). */
export const SystemPriorityClasses: Readonly<Record<string, number>> = {
  'system-node-critical': SystemCriticalPriority + 1000,
  'system-cluster-critical': SystemCriticalPriority,
};

/** setDefaultsPriorityClass is SetDefaults_PriorityClass: preemptionPolicy PreemptLowerPriority. */
export function setDefaultsPriorityClass(pc: PriorityClass): void {
  pc.preemptionPolicy ||= 'PreemptLowerPriority';
}

/** isKnownSystemPriorityClass is scheduling.IsKnownSystemPriorityClass: the reason it is not, or undefined. */
function systemPriorityClassError(pc: PriorityClass): string | undefined {
  const name = pc.metadata?.name ?? '';
  const value = SystemPriorityClasses[name];
  if (value === undefined) return `${name} is not a known system priority class`;
  if (pc.value !== value) return `value of ${name} PriorityClass must be ${value}`;
  if (pc.globalDefault) return `globalDefault of ${name} PriorityClass must be false`;
  return undefined;
}

/** validatePriorityClass is ValidatePriorityClass, or ValidatePriorityClassUpdate (value and policy immutable). */
export function validatePriorityClass(pc: PriorityClass, old?: PriorityClass): FieldError[] {
  const errs = validateObjectMeta(pc.metadata ?? {}, false, nameIsDNSSubdomain, ['metadata']);
  if ((pc.metadata?.name ?? '').startsWith(SYSTEM_PREFIX)) {
    const why = systemPriorityClassError(pc);
    if (why) {
      errs.push(fieldErrors.forbidden(['metadata', 'name'], `priority class names with '${SYSTEM_PREFIX}' prefix are reserved for system use only. error: ${why}`));
    }
  } else if (pc.value > HighestUserDefinablePriority) {
    errs.push(fieldErrors.forbidden(['value'], `maximum allowed value of a user defined priority is ${HighestUserDefinablePriority}`));
  }
  const policy = pc.preemptionPolicy;
  if (policy !== undefined && policy !== 'PreemptLowerPriority' && policy !== 'Never') {
    errs.push(fieldErrors.notSupported(['preemptionPolicy'], policy, ['PreemptLowerPriority', 'Never']));
  }
  if (old) {
    if (pc.value !== old.value) errs.push(fieldErrors.forbidden(['value'], 'may not be changed in an update.'));
    errs.push(...validateImmutableField(pc.preemptionPolicy, old.preemptionPolicy, ['preemptionPolicy']));
  }
  return errs;
}
