// Cases after pkg/apis/scheduling/validation/validation_test.go TestValidatePriorityClass.
import type { PriorityClass } from 'kubernetes-types/scheduling/v1';
import { describe, expect, it } from 'vitest';
import { fieldErrorString } from '../../fieldError';
import { setDefaultsPriorityClass, validatePriorityClass } from './priorityClass';

const pc = (name: string, value: number, extra: Partial<PriorityClass> = {}): PriorityClass => {
  const obj: PriorityClass = { metadata: { name }, value, ...extra };
  setDefaultsPriorityClass(obj);
  return obj;
};

describe('PriorityClass', () => {
  it('preempts lower priorities by default', () => expect(pc('high', 1000).preemptionPolicy).toBe('PreemptLowerPriority'));

  it.each<[string, PriorityClass, string[]]>([
    ['a user class up to one billion is valid', pc('high', 1000000000), []],
    ['a user class may not exceed one billion', pc('higher', 1000000001), ['value: Forbidden: maximum allowed value of a user defined priority is 1000000000']],
    ['the built-in system classes are valid', pc('system-node-critical', 2000001000), []],
    ['other system- names are reserved', pc('system-mine', 10), [
      "metadata.name: Forbidden: priority class names with 'system-' prefix are reserved for system use only. error: system-mine is not a known system priority class",
    ]],
    ['a system class keeps its value', pc('system-cluster-critical', 5), [
      "metadata.name: Forbidden: priority class names with 'system-' prefix are reserved for system use only. error: value of system-cluster-critical PriorityClass must be 2000000000",
    ]],
    ['the preemption policy is PreemptLowerPriority or Never', pc('x', 1, { preemptionPolicy: 'Always' }), [
      'preemptionPolicy: Unsupported value: "Always": supported values: "PreemptLowerPriority", "Never"',
    ]],
  ])('%s', (_name, obj, want) => expect(validatePriorityClass(obj).map(fieldErrorString)).toEqual(want));

  it('never changes its value', () => {
    expect(validatePriorityClass(pc('high', 2000), pc('high', 1000)).map(fieldErrorString)).toEqual(['value: Forbidden: may not be changed in an update.']);
  });
});
