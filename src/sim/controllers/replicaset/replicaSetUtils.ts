// Mirrors pkg/controller/replicaset/replica_set_utils.go: calculateStatus, updateReplicaSetStatus (one GET/PUT
// retry) and the ReplicaFailure condition helpers.
import type { ReplicaSetCondition } from 'kubernetes-types/apps/v1';
import type { Pod } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../api/object';
import type { VirtualMs } from '../../clock/virtualClock';
import { rfc3339 } from '../../clock/timeFormat';
import type { ApiClient, WriteContext } from '../../store/types';
import { isPodAvailable, isPodReady } from '../podUtil';
import { FAILED_CREATE_POD_REASON, FAILED_DELETE_POD_REASON } from '../podControl';
import type { ReplicaSetLike, ReplicaSetStatus } from './conversion';

/** The number of times the controller retries a status update that failed, after re-reading the object. */
const STATUS_UPDATE_RETRIES = 1;

/** REPLICA_FAILURE is the condition set when pods could not be created or deleted. */
export const REPLICA_FAILURE = 'ReplicaFailure';

/** PodCounts are the numbers a ReplicaSet's status reports about its pods. */
export interface PodCounts {
  /** Active pods. */
  replicas: number;
  /** Active pods carrying every template label. */
  fullyLabeled: number;
  ready: number;
  /** Ready for minReadySeconds at `now`. */
  available: number;
  terminating: number;
}

/**
 * countPods counts the active pods (replicas), those carrying every template label (fullyLabeledReplicas), the
 * Ready ones and the available ones (Ready for minReadySeconds at `now`), and the terminating ones.
 */
export function countPods(rs: ReplicaSetLike, activePods: readonly Pod[], terminatingPods: readonly Pod[], now: VirtualMs): PodCounts {
  // The template labels are a superset of the selector, so fully labeled pods are among the active pods.
  const templateLabels = templateLabelsOf(rs);
  let fullyLabeled = 0;
  let ready = 0;
  let available = 0;
  for (const pod of activePods) {
    if (hasLabels(pod.metadata?.labels, templateLabels)) fullyLabeled++;
    if (isPodReady(pod)) {
      ready++;
      if (isPodAvailable(pod, rs.spec.minReadySeconds, now)) available++;
    }
  }
  return { replicas: activePods.length, fullyLabeled, ready, available, terminating: terminatingPods.length };
}

/** calculateStatus writes the counts into a copy of the status and sets or clears ReplicaFailure from the manageReplicas error. */
export function calculateStatus(
  rs: ReplicaSetLike,
  counts: PodCounts,
  manageReplicasErr: Error | undefined,
  statusTerminatingReplicas: boolean,
  now: VirtualMs,
): ReplicaSetStatus {
  const newStatus: ReplicaSetStatus = { ...(rs.status ?? { replicas: 0 }) };
  const failureCond = getCondition(rs.status, REPLICA_FAILURE);
  if (manageReplicasErr && !failureCond) {
    const diff = counts.replicas - rs.spec.replicas;
    const reason = diff < 0 ? FAILED_CREATE_POD_REASON : diff > 0 ? FAILED_DELETE_POD_REASON : '';
    setCondition(newStatus, newReplicaSetCondition(REPLICA_FAILURE, 'True', reason, manageReplicasErr.message, now));
  } else if (!manageReplicasErr && failureCond) {
    removeCondition(newStatus, REPLICA_FAILURE);
  }
  newStatus.replicas = counts.replicas;
  newStatus.fullyLabeledReplicas = counts.fullyLabeled;
  newStatus.readyReplicas = counts.ready;
  newStatus.availableReplicas = counts.available;
  if (statusTerminatingReplicas) newStatus.terminatingReplicas = counts.terminating;
  else delete newStatus.terminatingReplicas;
  return newStatus;
}

/** templateLabelsOf lists the pod template's labels as [key, value] pairs. */
export function templateLabelsOf(rs: ReplicaSetLike): [string, string][] {
  return Object.entries(rs.spec.template?.metadata?.labels ?? {});
}

/** hasLabels: every wanted label is set to its value (a plain loop: it runs for every pod on every sync). */
export function hasLabels(labels: Readonly<Record<string, string>> | undefined, wanted: readonly (readonly [string, string])[]): boolean {
  for (let i = 0; i < wanted.length; i++) if (labels?.[wanted[i][0]] !== wanted[i][1]) return false;
  return true;
}

/**
 * updateReplicaSetStatus writes the new status unless nothing changed (the steady state), recording the generation
 * acted on as observedGeneration. A failed write is retried once on a fresh read; a second failure is thrown so
 * the key is requeued with back-off.
 */
export function updateReplicaSetStatus(
  client: ApiClient,
  obj: KubeObject,
  rs: ReplicaSetLike,
  newStatus: ReplicaSetStatus,
  ctx: (status: ReplicaSetStatus) => WriteContext,
): KubeObject {
  const s = rs.status;
  if (
    (s?.replicas ?? 0) === newStatus.replicas &&
    (s?.fullyLabeledReplicas ?? 0) === newStatus.fullyLabeledReplicas &&
    (s?.readyReplicas ?? 0) === newStatus.readyReplicas &&
    (s?.availableReplicas ?? 0) === newStatus.availableReplicas &&
    s?.terminatingReplicas === newStatus.terminatingReplicas &&
    rs.metadata.generation === s?.observedGeneration &&
    JSON.stringify(s?.conditions) === JSON.stringify(newStatus.conditions)
  ) {
    return obj;
  }
  const status: ReplicaSetStatus = { ...newStatus, observedGeneration: rs.metadata.generation };
  let current = obj;
  for (let i = 0; ; i++) {
    try {
      return client.updateStatus({ ...current, status }, ctx(status));
    } catch (err) {
      if (i >= STATUS_UPDATE_RETRIES) throw err;
    }
    const fresh = client.get<KubeObject>(obj.kind, obj.metadata.namespace ?? '', obj.metadata.name ?? '');
    if (!fresh) throw new Error(`${obj.kind} ${obj.metadata.namespace}/${obj.metadata.name} not found`);
    current = fresh;
  }
}

export function newReplicaSetCondition(type: string, status: string, reason: string, message: string, now: VirtualMs): ReplicaSetCondition {
  return { type, status, lastTransitionTime: rfc3339(now), reason, message };
}

export function getCondition(status: ReplicaSetStatus | undefined, type: string): ReplicaSetCondition | undefined {
  return status?.conditions?.find((c) => c.type === type);
}

/** setCondition adds or replaces a condition, unless one with the same status and reason is already there. */
export function setCondition(status: ReplicaSetStatus, condition: ReplicaSetCondition): void {
  const current = getCondition(status, condition.type);
  if (current && current.status === condition.status && current.reason === condition.reason) return;
  status.conditions = [...(status.conditions ?? []).filter((c) => c.type !== condition.type), condition];
}

/** removeCondition drops a condition; an empty list is removed altogether (Go's nil slice). */
export function removeCondition(status: ReplicaSetStatus, type: string): void {
  const rest = (status.conditions ?? []).filter((c) => c.type !== type);
  if (rest.length > 0) status.conditions = rest;
  else delete status.conditions;
}
