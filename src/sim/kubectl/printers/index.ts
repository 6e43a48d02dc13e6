// Mirrors AddHandlers in pkg/printers/internalversion/printers.go (which printer serves which kind) and the API
// server's DefaultTableConvertor for kinds without one.
import type { KubeObject } from '../../api/object';
import { daemonSetTable, deploymentTable, replicaSetTable, statefulSetTable } from './tableForApps';
import { cronJobTable, jobTable } from './tableForBatch';
import {
  horizontalPodAutoscalerTable,
  leaseTable,
  podDisruptionBudgetTable,
  priorityClassTable,
  storageClassTable,
} from './tableForClusterKinds';
import {
  configMapTable,
  endpointsTable,
  namespaceTable,
  nodeTable,
  persistentVolumeClaimTable,
  replicationControllerTable,
  secretTable,
  serviceAccountTable,
  serviceTable,
} from './tableForCore';
import { eventTable } from './tableForEvent';
import { endpointSliceTable, ingressClassTable, ingressTable } from './tableForNetworking';
import { podTable } from './tableForPod';
import { NAME, type TableHandler } from './table';

/** TABLE_HANDLERS maps a Kind to its `kubectl get` printer. */
export const TABLE_HANDLERS: Readonly<Record<string, TableHandler>> = {
  Pod: podTable,
  Node: nodeTable,
  Namespace: namespaceTable,
  Service: serviceTable,
  Endpoints: endpointsTable,
  Event: eventTable,
  ConfigMap: configMapTable,
  Secret: secretTable,
  ServiceAccount: serviceAccountTable,
  PersistentVolumeClaim: persistentVolumeClaimTable,
  ReplicationController: replicationControllerTable,
  Deployment: deploymentTable,
  ReplicaSet: replicaSetTable,
  DaemonSet: daemonSetTable,
  StatefulSet: statefulSetTable,
  Job: jobTable,
  CronJob: cronJobTable,
  Ingress: ingressTable,
  IngressClass: ingressClassTable,
  EndpointSlice: endpointSliceTable,
  HorizontalPodAutoscaler: horizontalPodAutoscalerTable,
  PodDisruptionBudget: podDisruptionBudgetTable,
  PriorityClass: priorityClassTable,
  StorageClass: storageClassTable,
  Lease: leaseTable,
};

/** DEFAULT_TABLE is the API server's DefaultTableConvertor: NAME and CREATED AT (RFC 3339). */
const DEFAULT_TABLE: TableHandler = {
  columns: [NAME, { name: 'Created At' }],
  cells: (obj: KubeObject) => [obj.metadata.name ?? '', obj.metadata.creationTimestamp ?? ''],
};

/** tableHandlerFor is the printer for a kind. */
export function tableHandlerFor(kind: string): TableHandler {
  return TABLE_HANDLERS[kind] ?? DEFAULT_TABLE;
}
