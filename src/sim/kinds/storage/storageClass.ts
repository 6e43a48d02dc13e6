// Mirrors pkg/registry/storage/storageclass/strategy.go.
import type { StorageClass } from 'kubernetes-types/storage/v1';
import type { KubeObject } from '../../api/object';
import { setDefaultsStorageClass, validateStorageClass } from '../../api/storage/v1/storageClass';
import type { KindSpec } from '../kindSpec';

const asSC = (obj: KubeObject): StorageClass => obj as unknown as StorageClass;

/** storageClassKind: how PersistentVolumes are provisioned. */
export const storageClassKind: KindSpec = {
  group: 'storage.k8s.io',
  version: 'v1',
  kind: 'StorageClass',
  plural: 'storageclasses',
  shortNames: ['sc'],
  namespaced: false,
  statusSubresource: false,
  defaults: (obj) => setDefaultsStorageClass(asSC(obj)),
  validate: (obj, old) => validateStorageClass(asSC(obj), old && asSC(old)),
};
