// Mirrors pkg/registry/core/replicationcontroller/strategy.go: status reset on create.
import type { ReplicationController } from 'kubernetes-types/core/v1';
import { setDefaultsReplicationController } from '../../api/core/v1/defaults';
import { validateReplicationController } from '../../api/core/v1/validation/replicationController';
import type { KubeObject } from '../../api/object';
import type { KindSpec } from '../kindSpec';

const asRC = (obj: KubeObject): ReplicationController => obj as unknown as ReplicationController;

/** replicationControllerKind: the selector defaults to the template's labels. */
export const replicationControllerKind: KindSpec = {
  group: '',
  version: 'v1',
  kind: 'ReplicationController',
  plural: 'replicationcontrollers',
  shortNames: ['rc'],
  namespaced: true,
  statusSubresource: true,
  generation: true,
  defaults: (obj) => setDefaultsReplicationController(asRC(obj)),
  // status.replicas is not omitempty, so a new controller reports 0.
  prepareForCreate: (obj) => {
    obj.status = { replicas: 0 };
  },
  validate: (obj) => validateReplicationController(asRC(obj)),
};
