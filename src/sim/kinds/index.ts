// The kinds the simulated API server serves, one file each (STYLE.md: adding a kind is adding a file and a line).
import { daemonSetKind } from './apps/daemonSet';
import { deploymentKind } from './apps/deployment';
import { replicaSetKind } from './apps/replicaSet';
import { statefulSetKind } from './apps/statefulSet';
import { horizontalPodAutoscalerKind } from './autoscaling/horizontalPodAutoscaler';
import { cronJobKind } from './batch/cronJob';
import { jobKind } from './batch/job';
import { leaseKind } from './coordination/lease';
import { configMapKind } from './core/configMap';
import { endpointsKind } from './core/endpoints';
import { eventKind } from './core/event';
import { namespaceKind } from './core/namespace';
import { nodeKind } from './core/node';
import { persistentVolumeClaimKind } from './core/persistentVolumeClaim';
import { podKind } from './core/pod';
import { replicationControllerKind } from './core/replicationController';
import { secretKind } from './core/secret';
import { serviceKind } from './core/service';
import { serviceAccountKind } from './core/serviceAccount';
import { endpointSliceKind } from './discovery/endpointSlice';
import type { KindSpec } from './kindSpec';
import { ingressKind } from './networking/ingress';
import { ingressClassKind } from './networking/ingressClass';
import { podDisruptionBudgetKind } from './policy/podDisruptionBudget';
import { priorityClassKind } from './scheduling/priorityClass';
import { storageClassKind } from './storage/storageClass';

/** DEFAULT_KINDS lists every kind Kubeplay knows. */
export const DEFAULT_KINDS: readonly KindSpec[] = [
  namespaceKind,
  nodeKind,
  podKind,
  replicationControllerKind,
  serviceKind,
  endpointsKind,
  eventKind,
  serviceAccountKind,
  configMapKind,
  secretKind,
  persistentVolumeClaimKind,
  deploymentKind,
  replicaSetKind,
  daemonSetKind,
  statefulSetKind,
  jobKind,
  cronJobKind,
  ingressKind,
  ingressClassKind,
  horizontalPodAutoscalerKind,
  podDisruptionBudgetKind,
  endpointSliceKind,
  leaseKind,
  priorityClassKind,
  storageClassKind,
];
