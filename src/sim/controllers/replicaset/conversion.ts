// Mirrors pkg/controller/replication/conversion.go: the replication controller is the ReplicaSet controller run on
// ReplicationControllers converted to ReplicaSets on the way in. Leaves out the informer/clientset adapters: the
// controller reads the kind's informer and writes the original object back.
import type { ReplicaSetSpec, ReplicaSetStatus as K8sReplicaSetStatus } from 'kubernetes-types/apps/v1';
import type { ReplicationController } from 'kubernetes-types/core/v1';
import type { LabelSelector } from 'kubernetes-types/meta/v1';
import type { KubeObject } from '../../api/object';

/** ReplicaSetStatus adds terminatingReplicas (apps/v1 since 1.33, newer than the kubernetes-types release we use). */
export type ReplicaSetStatus = K8sReplicaSetStatus & { terminatingReplicas?: number };

/**
 * ReplicaSetLike is the ReplicaSet the controller works on: a ReplicaSet as stored, or a ReplicationController
 * converted. It keeps the original apiVersion, kind and metadata, so owner references and Events name the real
 * object. replicas and minReadySeconds are always set (the API server defaults replicas to 1).
 */
export interface ReplicaSetLike extends KubeObject {
  spec: Omit<ReplicaSetSpec, 'selector' | 'replicas' | 'minReadySeconds'> & {
    replicas: number;
    minReadySeconds: number;
    /** undefined selects nothing; {} selects everything (as metav1.LabelSelectorAsSelector). */
    selector?: LabelSelector;
  };
  status?: ReplicaSetStatus;
}

/** ReplicaSetKind parameterises the controller for one of the two kinds it serves. */
export interface ReplicaSetKind {
  readonly kind: 'ReplicaSet' | 'ReplicationController';
  readonly apiVersion: string;
  /** The controller's name in kube-controller-manager, also its Event source component. */
  readonly controllerName: string;
  /** Whether status.terminatingReplicas is published (ReplicationControllerStatus has no such field). */
  readonly statusTerminatingReplicas: boolean;
  /** asReplicaSet converts a stored object of this kind (never modified) into the shape the controller works on. */
  asReplicaSet(obj: KubeObject): ReplicaSetLike;
}

/** REPLICA_SET serves apps/v1 ReplicaSets as `replicaset-controller`. */
export const REPLICA_SET: ReplicaSetKind = {
  kind: 'ReplicaSet',
  apiVersion: 'apps/v1',
  controllerName: 'replicaset-controller',
  statusTerminatingReplicas: true,
  asReplicaSet(obj) {
    const spec = (obj.spec ?? {}) as Partial<ReplicaSetSpec>;
    return { ...obj, spec: { ...spec, replicas: spec.replicas ?? 1, minReadySeconds: spec.minReadySeconds ?? 0 } } as ReplicaSetLike;
  },
};

/** REPLICATION_CONTROLLER serves v1 ReplicationControllers as `replication-controller`, through the same code. */
export const REPLICATION_CONTROLLER: ReplicaSetKind = {
  kind: 'ReplicationController',
  apiVersion: 'v1',
  controllerName: 'replication-controller',
  statusTerminatingReplicas: false,
  asReplicaSet(obj) {
    const spec = (obj as ReplicationController).spec ?? {};
    return {
      ...obj,
      spec: {
        replicas: spec.replicas ?? 1,
        minReadySeconds: spec.minReadySeconds ?? 0,
        // An RC selector is a plain label map: it becomes matchLabels (Convert_Map_to_unversioned_LabelSelector).
        selector: spec.selector ? { matchLabels: { ...spec.selector } } : undefined,
        template: spec.template ?? {},
      },
    } as ReplicaSetLike;
  },
};
