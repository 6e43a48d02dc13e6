// Cases after pkg/apis/coordination/validation/validation_test.go TestValidateLeaseSpec.
import { describe, expect, it } from 'vitest';
import { fieldErrorString } from '../../fieldError';
import { validateLease } from './lease';

describe('validateLease', () => {
  it.each<[string, object, string[]]>([
    ['a node heartbeat lease is valid', { holderIdentity: 'node-1', leaseDurationSeconds: 40 }, []],
    ['the duration is positive', { leaseDurationSeconds: 0 }, ['spec.leaseDurationSeconds: Invalid value: 0: must be greater than 0']],
    ['transitions are not negative', { leaseTransitions: -1 }, ['spec.leaseTransitions: Invalid value: -1: must be greater than or equal to 0']],
  ])('%s', (_name, spec, want) => {
    expect(validateLease({ metadata: { name: 'node-1', namespace: 'kube-node-lease' }, spec }).map(fieldErrorString)).toEqual(want);
  });
});
