// Mirrors pkg/registry/core/configmap/strategy.go.
import type { ConfigMap } from 'kubernetes-types/core/v1';
import { validateConfigMap, validateConfigMapUpdate } from '../../api/core/v1/validation/configAndSecret';
import type { KubeObject } from '../../api/object';
import type { KindSpec } from '../kindSpec';

const asConfigMap = (obj: KubeObject): ConfigMap => obj as unknown as ConfigMap;

/** configMapKind: key/value configuration, immutable once marked so. */
export const configMapKind: KindSpec = {
  group: '',
  version: 'v1',
  kind: 'ConfigMap',
  plural: 'configmaps',
  shortNames: ['cm'],
  namespaced: true,
  statusSubresource: false,
  validate: (obj, old) => (old ? validateConfigMapUpdate(asConfigMap(obj), asConfigMap(old)) : validateConfigMap(asConfigMap(obj))),
};
