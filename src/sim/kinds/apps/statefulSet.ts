// Mirrors pkg/registry/apps/statefulset/strategy.go: status reset on create; updates may change only replicas,
// ordinals, template, updateStrategy, PVC retention and minReadySeconds.
import type { StatefulSet } from 'kubernetes-types/apps/v1';
import { setDefaultsStatefulSet } from '../../api/apps/v1/defaults';
import { validateStatefulSet } from '../../api/apps/v1/validation';
import type { KubeObject } from '../../api/object';
import type { KindSpec } from '../kindSpec';

const asStatefulSet = (obj: KubeObject): StatefulSet => obj as unknown as StatefulSet;

/** statefulSetKind: pods with stable names, ordinals and storage. */
export const statefulSetKind: KindSpec = {
  group: 'apps',
  version: 'v1',
  kind: 'StatefulSet',
  plural: 'statefulsets',
  shortNames: ['sts'],
  namespaced: true,
  statusSubresource: true,
  generation: true,
  defaults: (obj) => setDefaultsStatefulSet(asStatefulSet(obj)),
  // replicas and availableReplicas are not omitempty, so a new StatefulSet reports them as 0.
  prepareForCreate: (obj) => {
    obj.status = { replicas: 0, availableReplicas: 0 };
  },
  validate: (obj, old) => validateStatefulSet(asStatefulSet(obj), old && asStatefulSet(old)),
};
