// Mirrors pkg/registry/apps/replicaset/strategy.go: status reset on create, selector immutable in apps/v1.
import type { ReplicaSet } from 'kubernetes-types/apps/v1';
import { setDefaultsReplicaSet } from '../../api/apps/v1/defaults';
import { validateReplicaSet } from '../../api/apps/v1/validation';
import type { KubeObject } from '../../api/object';
import type { KindSpec } from '../kindSpec';

const asReplicaSet = (obj: KubeObject): ReplicaSet => obj as unknown as ReplicaSet;

/** replicaSetKind: keeps a number of identical pods running. */
export const replicaSetKind: KindSpec = {
  group: 'apps',
  version: 'v1',
  kind: 'ReplicaSet',
  plural: 'replicasets',
  shortNames: ['rs'],
  namespaced: true,
  statusSubresource: true,
  generation: true,
  defaults: (obj) => setDefaultsReplicaSet(asReplicaSet(obj)),
  // status.replicas is not omitempty, so a new ReplicaSet reports 0.
  prepareForCreate: (obj) => {
    obj.status = { replicas: 0 };
  },
  validate: (obj, old) => validateReplicaSet(asReplicaSet(obj), old && asReplicaSet(old)),
};
