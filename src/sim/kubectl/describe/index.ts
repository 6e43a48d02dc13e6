// Mirrors k8s.io/kubectl/pkg/describe/describe.go describerMap and Describer: the describer for each kind, and the
// generic describer for kinds without one.
import type { Describer } from './describer';
import { describeCronJob, describeJob } from './describeBatch';
import { describeEndpointSlice, describeIngressClass, describePodDisruptionBudget, describePriorityClass, describeStorageClass } from './describeClusterKinds';
import { describeConfigMap, describeSecret, describeServiceAccount } from './describeConfig';
import { describeDeployment } from './describeDeployment';
import { describeEndpoints } from './describeEndpoints';
import { describeGeneric } from './describeGeneric';
import { describeIngress } from './describeIngress';
import { describeNamespace } from './describeNamespace';
import { describeNode } from './describeNode';
import { describePod } from './describePod';
import { describeReplicaSet } from './describeReplicaSet';
import { describeService } from './describeService';
import { describeDaemonSet, describeReplicationController, describeStatefulSet } from './describeWorkloads';

export type { Describer, DescriberSettings } from './describer';

/**
 * DESCRIBERS maps a Kind to its describer. Kinds kubectl describes with its own code but Kubeplay does not yet
 * (HorizontalPodAutoscaler, PersistentVolumeClaim) fall back to the generic describer.
 */
export const DESCRIBERS: Readonly<Record<string, Describer>> = {
  Pod: describePod,
  Node: describeNode,
  Namespace: describeNamespace,
  Service: describeService,
  Endpoints: describeEndpoints,
  Deployment: describeDeployment,
  ReplicaSet: describeReplicaSet,
  Ingress: describeIngress,
  IngressClass: describeIngressClass,
  EndpointSlice: describeEndpointSlice,
  ConfigMap: describeConfigMap,
  Secret: describeSecret,
  ServiceAccount: describeServiceAccount,
  DaemonSet: describeDaemonSet,
  StatefulSet: describeStatefulSet,
  ReplicationController: describeReplicationController,
  Job: describeJob,
  CronJob: describeCronJob,
  PriorityClass: describePriorityClass,
  PodDisruptionBudget: describePodDisruptionBudget,
  StorageClass: describeStorageClass,
};

/** describerFor is the kind's describer, or the generic one. */
export function describerFor(kind: string): Describer {
  return DESCRIBERS[kind] ?? describeGeneric;
}
