// Mirrors ValidatePersistentVolumeClaim(Spec) and ValidatePersistentVolumeClaimUpdate in
// pkg/apis/core/validation/validation.go. Leaves out data sources, selectors, volume attributes classes and
// resizing rules for bound claims.
import type { PersistentVolumeClaim, PersistentVolumeClaimSpec } from 'kubernetes-types/core/v1';
import { type FieldError, fieldErrors, type PathSegment } from '../../../fieldError';
import { nameIsDNSSubdomain, validateObjectMeta } from '../../../meta/v1/validation';
import { key, semanticEqual } from './common';
import { parseResourceQuantity, validateResourceQuantityValue } from './resources';

const ACCESS_MODES = ['ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOnce', 'ReadWriteOncePod'];
const VOLUME_MODES = ['Block', 'Filesystem'];

/** validatePersistentVolumeClaimSpec is ValidatePersistentVolumeClaimSpec. */
export function validatePersistentVolumeClaimSpec(spec: PersistentVolumeClaimSpec, path: PathSegment[]): FieldError[] {
  const errs: FieldError[] = [];
  const modes = spec.accessModes ?? [];
  if (modes.length === 0) errs.push(fieldErrors.required([...path, 'accessModes'], 'at least 1 access mode is required'));
  for (const mode of modes) {
    if (!ACCESS_MODES.includes(mode)) errs.push(fieldErrors.notSupported([...path, 'accessModes'], mode, ACCESS_MODES));
  }
  if (modes.includes('ReadWriteOncePod') && modes.length > 1) {
    errs.push(fieldErrors.forbidden([...path, 'accessModes'], 'may not use ReadWriteOncePod with other access modes'));
  }
  const storagePath = [...path, 'resources', key('storage')];
  const raw = spec.resources?.requests?.storage;
  if (raw === undefined) {
    errs.push(fieldErrors.required(storagePath));
  } else {
    const q = parseResourceQuantity(raw, storagePath, errs);
    if (q && q.sign() <= 0) errs.push(fieldErrors.invalid(storagePath, q.toString(), 'must be greater than zero'));
    else if (q) errs.push(...validateResourceQuantityValue('storage', q, storagePath));
  }
  if (spec.storageClassName) {
    errs.push(...nameIsDNSSubdomain(spec.storageClassName, false).map((m) => fieldErrors.invalid([...path, 'storageClassName'], spec.storageClassName, m)));
  }
  if (spec.volumeMode && !VOLUME_MODES.includes(spec.volumeMode)) {
    errs.push(fieldErrors.notSupported([...path, 'volumeMode'], spec.volumeMode, VOLUME_MODES));
  }
  return errs;
}

/** validatePersistentVolumeClaim is ValidatePersistentVolumeClaim. */
export function validatePersistentVolumeClaim(pvc: PersistentVolumeClaim): FieldError[] {
  const errs = validateObjectMeta(pvc.metadata ?? {}, true, nameIsDNSSubdomain, ['metadata']);
  errs.push(...validatePersistentVolumeClaimSpec(pvc.spec ?? {}, ['spec']));
  return errs;
}

/**
 * validatePersistentVolumeClaimUpdate is ValidatePersistentVolumeClaimUpdate: once created, only a bound claim's
 * storage request may change, and the binder may fill in an unset volumeName once. The message leaves out
 * upstream's trailing `cmp.Diff` of the two specs.
 */
export function validatePersistentVolumeClaimUpdate(pvc: PersistentVolumeClaim, old: PersistentVolumeClaim): FieldError[] {
  const errs = validatePersistentVolumeClaim(pvc);
  const next: PersistentVolumeClaimSpec = structuredClone(pvc.spec ?? {});
  const prev: PersistentVolumeClaimSpec = structuredClone(old.spec ?? {});
  if (!prev.volumeName) prev.volumeName = next.volumeName;
  if (pvc.status?.phase === 'Bound' && next.resources?.requests) {
    next.resources.requests.storage = prev.resources?.requests?.storage as string;
  }
  if (!semanticEqual(next, prev)) {
    errs.push(fieldErrors.forbidden(['spec'], 'spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims'));
  }
  return errs;
}
