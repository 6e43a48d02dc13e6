// Mirrors the condition and progress helpers of pkg/controller/deployment/util/deployment_util.go: the condition
// reasons, New/Get/Set/RemoveDeploymentCondition, DeploymentComplete, DeploymentProgressing, DeploymentTimedOut,
// HasProgressDeadline and HasRevisionHistoryLimit.
import type { DeploymentCondition, DeploymentStatus, ReplicaSetCondition } from 'kubernetes-types/apps/v1';
import { parseTime } from '../../clock/timeFormat';
import type { VirtualMs } from '../../clock/virtualClock';
import { deploymentReplicas, type DeploymentObject } from './replicaSets';

export const DEPLOYMENT_PROGRESSING = 'Progressing';
export const DEPLOYMENT_AVAILABLE = 'Available';
export const DEPLOYMENT_REPLICA_FAILURE = 'ReplicaFailure';

/** Progressing reasons. */
export const REPLICA_SET_UPDATED_REASON = 'ReplicaSetUpdated';
export const FAILED_RS_CREATE_REASON = 'ReplicaSetCreateError';
export const NEW_REPLICA_SET_REASON = 'NewReplicaSetCreated';
export const FOUND_NEW_RS_REASON = 'FoundNewReplicaSet';
/** The new ReplicaSet's pods are all available: the rollout is complete. */
export const NEW_RS_AVAILABLE_REASON = 'NewReplicaSetAvailable';
/** No progress within progressDeadlineSeconds. */
export const TIMED_OUT_REASON = 'ProgressDeadlineExceeded';
/** Lack of progress is not estimated while paused. */
export const PAUSED_DEPLOY_REASON = 'DeploymentPaused';
/** Resuming restarts the progress clock, so a long pause does not count as lack of progress. */
export const RESUMED_DEPLOY_REASON = 'DeploymentResumed';
/** Available reasons. */
export const MINIMUM_REPLICAS_AVAILABLE = 'MinimumReplicasAvailable';
export const MINIMUM_REPLICAS_UNAVAILABLE = 'MinimumReplicasUnavailable';

const MAX_INT32 = 2147483647;

/** newDeploymentCondition stamps both times with `now` (metav1.Now()). */
export function newDeploymentCondition(type: string, status: string, reason: string, message: string, now: string): DeploymentCondition {
  return { type, status, lastUpdateTime: now, lastTransitionTime: now, reason, message };
}

/** getDeploymentCondition returns the condition of the given type, if any. */
export function getDeploymentCondition(status: DeploymentStatus | undefined, type: string): DeploymentCondition | undefined {
  return status?.conditions?.find((c) => c.type === type);
}

/**
 * setDeploymentCondition adds or replaces a condition on a status copy. Same status and reason: nothing changes.
 * Same status, new reason: lastTransitionTime is kept. The condition moves to the end of the list, as upstream.
 */
export function setDeploymentCondition(status: DeploymentStatus, condition: DeploymentCondition): void {
  const current = getDeploymentCondition(status, condition.type);
  if (current && current.status === condition.status && current.reason === condition.reason) return;
  const next = { ...condition };
  if (current && current.status === condition.status) next.lastTransitionTime = current.lastTransitionTime;
  status.conditions = [...filterOutCondition(status.conditions, condition.type), next];
}

/** removeDeploymentCondition drops the condition of the given type from a status copy. */
export function removeDeploymentCondition(status: DeploymentStatus, type: string): void {
  const rest = filterOutCondition(status.conditions, type);
  if (rest.length > 0) status.conditions = rest;
  else delete status.conditions;
}

function filterOutCondition(conditions: DeploymentCondition[] | undefined, type: string): DeploymentCondition[] {
  return (conditions ?? []).filter((c) => c.type !== type);
}

/** replicaSetToDeploymentCondition promotes a ReplicaSet failure condition to the Deployment. */
export function replicaSetToDeploymentCondition(cond: ReplicaSetCondition): DeploymentCondition {
  return {
    type: cond.type,
    status: cond.status,
    lastUpdateTime: cond.lastTransitionTime,
    lastTransitionTime: cond.lastTransitionTime,
    reason: cond.reason,
    message: cond.message,
  };
}

/**
 * deploymentComplete: every desired replica is updated and available, no old pods run, and the status describes the
 * current generation.
 */
export function deploymentComplete(d: DeploymentObject, newStatus: DeploymentStatus): boolean {
  const replicas = deploymentReplicas(d);
  return (
    (newStatus.updatedReplicas ?? 0) === replicas &&
    (newStatus.replicas ?? 0) === replicas &&
    (newStatus.availableReplicas ?? 0) === replicas &&
    (newStatus.observedGeneration ?? 0) >= (d.metadata.generation ?? 0)
  );
}

/**
 * deploymentProgressing compares the old and new status: more updated, ready or available pods, or fewer old
 * pods, count as progress.
 */
export function deploymentProgressing(d: DeploymentObject, newStatus: DeploymentStatus): boolean {
  const old = d.status ?? {};
  const oldStatusOldReplicas = (old.replicas ?? 0) - (old.updatedReplicas ?? 0);
  const newStatusOldReplicas = (newStatus.replicas ?? 0) - (newStatus.updatedReplicas ?? 0);
  return (
    (newStatus.updatedReplicas ?? 0) > (old.updatedReplicas ?? 0) ||
    newStatusOldReplicas < oldStatusOldReplicas ||
    (newStatus.readyReplicas ?? 0) > (old.readyReplicas ?? 0) ||
    (newStatus.availableReplicas ?? 0) > (old.availableReplicas ?? 0)
  );
}

/**
 * deploymentTimedOut: the Progressing condition was last updated more than progressDeadlineSeconds before `now`.
 * Never without a deadline or a Progressing condition, never after a completed rollout (NewReplicaSetAvailable),
 * always once ProgressDeadlineExceeded was reported.
 */
export function deploymentTimedOut(d: DeploymentObject, newStatus: DeploymentStatus, now: VirtualMs): boolean {
  if (!hasProgressDeadline(d)) return false;
  const condition = getDeploymentCondition(newStatus, DEPLOYMENT_PROGRESSING);
  if (!condition) return false;
  if (condition.reason === NEW_RS_AVAILABLE_REASON) return false;
  if (condition.reason === TIMED_OUT_REASON) return true;
  const from = parseTime(condition.lastUpdateTime) ?? 0;
  return from + d.spec.progressDeadlineSeconds! * 1000 < now;
}

/** hasProgressDeadline: progressDeadlineSeconds is set and not MaxInt32 (which means "never"). */
export function hasProgressDeadline(d: DeploymentObject): boolean {
  return d.spec.progressDeadlineSeconds !== undefined && d.spec.progressDeadlineSeconds !== MAX_INT32;
}

/** hasRevisionHistoryLimit: revisionHistoryLimit is set and not MaxInt32 (which keeps every revision). */
export function hasRevisionHistoryLimit(d: DeploymentObject): boolean {
  return d.spec.revisionHistoryLimit !== undefined && d.spec.revisionHistoryLimit !== MAX_INT32;
}
