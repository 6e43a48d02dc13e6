// Cases after pkg/apis/core/validation/validation_test.go TestValidateTolerations, for tolerations and lists of them
// that are frozen (shared between pods), whose validity is remembered.
import type { Toleration } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { fieldErrorString } from '../../../fieldError';
import { deepFreeze } from '../../../../store/deepFreeze';
import { validateTolerations } from './toleration';

const errors = (list: Toleration[], path = ['spec', 'tolerations']) => validateTolerations(list, path).map(fieldErrorString);
const notReady = (): Toleration => ({ key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 });
const bad = (): Toleration => ({ key: 'app', operator: 'Exists', value: 'x' });
const BAD_MSG = "spec.tolerations[1].operator: Invalid value: \"x\": value must be empty when `operator` is 'Exists'";

describe('validateTolerations on frozen tolerations', () => {
  it('a valid frozen list is valid again, and so are its tolerations in another list', () => {
    const list = deepFreeze([notReady()]);
    expect(errors(list)).toEqual([]);
    expect(errors(list)).toEqual([]);
    expect(errors([bad(), list[0]!, bad()])).toEqual([BAD_MSG.replace('[1]', '[0]'), BAD_MSG.replace('[1]', '[2]')]);
  });

  it('an invalid frozen toleration is reported at its index every time, beside valid ones', () => {
    const list = deepFreeze([notReady(), bad()]);
    expect(errors(list)).toEqual([BAD_MSG]);
    expect(errors(list)).toEqual([BAD_MSG]);
    expect(errors(list, ['spec', 'template', 'spec', 'tolerations'])).toEqual([BAD_MSG.replace('spec.tolerations', 'spec.template.spec.tolerations')]);
  });

  it('an unfrozen toleration is checked on every call: it may change in between', () => {
    const t = notReady();
    expect(errors([t])).toEqual([]);
    t.value = 'x';
    expect(errors([t])).toEqual([BAD_MSG.replace('[1]', '[0]')]);
  });
});
