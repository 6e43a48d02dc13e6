// Mirrors pkg/apis/coordination/validation/validation.go ValidateLease and ValidateLeaseSpec (without the
// coordinated-leader-election strategy fields).
import type { Lease } from 'kubernetes-types/coordination/v1';
import { type FieldError, fieldErrors } from '../../fieldError';
import { nameIsDNSSubdomain, validateObjectMeta } from '../../meta/v1/validation';

/** validateLease is ValidateLease: a positive duration and a non-negative transition count. */
export function validateLease(lease: Lease): FieldError[] {
  const errs = validateObjectMeta(lease.metadata ?? {}, true, nameIsDNSSubdomain, ['metadata']);
  const spec = lease.spec ?? {};
  if (spec.leaseDurationSeconds !== undefined && spec.leaseDurationSeconds <= 0) {
    errs.push(fieldErrors.invalid(['spec', 'leaseDurationSeconds'], spec.leaseDurationSeconds, 'must be greater than 0'));
  }
  if (spec.leaseTransitions !== undefined && spec.leaseTransitions < 0) {
    errs.push(fieldErrors.invalid(['spec', 'leaseTransitions'], spec.leaseTransitions, 'must be greater than or equal to 0'));
  }
  return errs;
}
