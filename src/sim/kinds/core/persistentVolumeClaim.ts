// Mirrors pkg/registry/core/persistentvolumeclaim/strategy.go: status reset on create (phase Pending).
import type { PersistentVolumeClaim } from 'kubernetes-types/core/v1';
import { setDefaultsPersistentVolumeClaim } from '../../api/core/v1/defaults';
import {
  validatePersistentVolumeClaim,
  validatePersistentVolumeClaimUpdate,
} from '../../api/core/v1/validation/persistentVolumeClaim';
import type { KubeObject } from '../../api/object';
import type { KindSpec } from '../kindSpec';

const asPVC = (obj: KubeObject): PersistentVolumeClaim => obj as unknown as PersistentVolumeClaim;

/** persistentVolumeClaimKind: a request for storage, Pending until bound. */
export const persistentVolumeClaimKind: KindSpec = {
  group: '',
  version: 'v1',
  kind: 'PersistentVolumeClaim',
  plural: 'persistentvolumeclaims',
  shortNames: ['pvc'],
  namespaced: true,
  statusSubresource: true,
  defaults: (obj) => setDefaultsPersistentVolumeClaim(asPVC(obj)),
  prepareForCreate: (obj) => {
    obj.status = { phase: 'Pending' };
  },
  validate: (obj, old) => (old ? validatePersistentVolumeClaimUpdate(asPVC(obj), asPVC(old)) : validatePersistentVolumeClaim(asPVC(obj))),
};
