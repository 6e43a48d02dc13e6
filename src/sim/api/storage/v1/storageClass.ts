// Mirrors pkg/apis/storage/v1/defaults.go SetDefaults_StorageClass and pkg/apis/storage/validation/validation.go
// ValidateStorageClass(Update). Leaves out mount options, allowed topologies and parameter size limits.
import type { StorageClass } from 'kubernetes-types/storage/v1';
import { type FieldError, fieldErrors } from '../../fieldError';
import { nameIsDNSSubdomain, validateObjectMeta } from '../../meta/v1/validation';
import { isQualifiedName } from '../../validation/names';
import { semanticEqual, validateImmutableField } from '../../core/v1/validation/common';

const RECLAIM_POLICIES = ['Delete', 'Retain'];
const BINDING_MODES = ['Immediate', 'WaitForFirstConsumer'];
const MAX_PROVISIONER_LENGTH = 63;

/** setDefaultsStorageClass is SetDefaults_StorageClass: reclaimPolicy Delete, volumeBindingMode Immediate. */
export function setDefaultsStorageClass(sc: StorageClass): void {
  sc.reclaimPolicy ||= 'Delete';
  sc.volumeBindingMode ||= 'Immediate';
}

/** validateStorageClass is ValidateStorageClass, or ValidateStorageClassUpdate when old is given. */
export function validateStorageClass(sc: StorageClass, old?: StorageClass): FieldError[] {
  const errs = validateObjectMeta(sc.metadata ?? {}, false, nameIsDNSSubdomain, ['metadata']);
  const provisioner = sc.provisioner ?? '';
  if (!provisioner) errs.push(fieldErrors.required(['provisioner']));
  else {
    if (provisioner.length > MAX_PROVISIONER_LENGTH) errs.push(fieldErrors.tooLong(['provisioner'], provisioner, MAX_PROVISIONER_LENGTH));
    errs.push(...isQualifiedName(provisioner.toLowerCase()).map((m) => fieldErrors.invalid(['provisioner'], provisioner, m)));
  }
  if (!RECLAIM_POLICIES.includes(sc.reclaimPolicy ?? '')) errs.push(fieldErrors.notSupported(['reclaimPolicy'], sc.reclaimPolicy ?? '', RECLAIM_POLICIES));
  if (!BINDING_MODES.includes(sc.volumeBindingMode ?? '')) {
    errs.push(fieldErrors.notSupported(['volumeBindingMode'], sc.volumeBindingMode ?? '', BINDING_MODES));
  }
  if (old) {
    if (!semanticEqual(sc.parameters, old.parameters)) errs.push(fieldErrors.forbidden(['parameters'], 'updates to parameters are forbidden.'));
    if (sc.provisioner !== old.provisioner) errs.push(fieldErrors.forbidden(['provisioner'], 'updates to provisioner are forbidden.'));
    if (sc.reclaimPolicy !== old.reclaimPolicy) errs.push(fieldErrors.forbidden(['reclaimPolicy'], 'updates to reclaimPolicy are forbidden.'));
    errs.push(...validateImmutableField(sc.volumeBindingMode, old.volumeBindingMode, ['volumeBindingMode']));
  }
  return errs;
}
