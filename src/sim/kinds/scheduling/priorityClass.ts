// Mirrors pkg/registry/scheduling/priorityclass/strategy.go.
import type { PriorityClass } from 'kubernetes-types/scheduling/v1';
import type { KubeObject } from '../../api/object';
import { setDefaultsPriorityClass, validatePriorityClass } from '../../api/scheduling/v1/priorityClass';
import type { KindSpec } from '../kindSpec';

const asPC = (obj: KubeObject): PriorityClass => obj as unknown as PriorityClass;

/** priorityClassKind: cluster-scoped pod priorities. */
export const priorityClassKind: KindSpec = {
  group: 'scheduling.k8s.io',
  version: 'v1',
  kind: 'PriorityClass',
  plural: 'priorityclasses',
  shortNames: ['pc'],
  namespaced: false,
  statusSubresource: false,
  defaults: (obj) => setDefaultsPriorityClass(asPC(obj)),
  validate: (obj, old) => validatePriorityClass(asPC(obj), old && asPC(old)),
};
