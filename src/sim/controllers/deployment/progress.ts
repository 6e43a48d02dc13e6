// Mirrors pkg/controller/deployment/progress.go: syncRolloutStatus (the Progressing condition and the progress
// deadline), getReplicaFailures and requeueStuckDeployment.
import type { DeploymentCondition, DeploymentStatus } from 'kubernetes-types/apps/v1';
import type { VirtualMs } from '../../clock/virtualClock';
import { parseTime, rfc3339 } from '../../clock/timeFormat';
import {
  DEPLOYMENT_PROGRESSING,
  DEPLOYMENT_REPLICA_FAILURE,
  NEW_RS_AVAILABLE_REASON,
  REPLICA_SET_UPDATED_REASON,
  TIMED_OUT_REASON,
  deploymentComplete,
  deploymentProgressing,
  deploymentTimedOut,
  getDeploymentCondition,
  hasProgressDeadline,
  newDeploymentCondition,
  removeDeploymentCondition,
  replicaSetToDeploymentCondition,
  setDeploymentCondition,
} from './conditions';
import { statusWhy } from './narration';
import type { DeploymentObject, ReplicaSetObject } from './replicaSets';
import { calculateStatus, statusEqual } from './sync';
import { updateDeploymentStatus, type DeploymentSyncContext } from './syncContext';

/**
 * syncRolloutStatus updates the status during a rollout. Progressing becomes NewReplicaSetAvailable once the rollout
 * completes, is refreshed (ReplicaSetUpdated, new lastUpdateTime) whenever pods are updated, become ready or
 * available or old pods go, and turns False ProgressDeadlineExceeded when nothing moved for progressDeadlineSeconds.
 * A completed rollout is not re-estimated on resyncs. ReplicaSet failure conditions are promoted.
 */
export function syncRolloutStatus(
  ctx: DeploymentSyncContext,
  allRSs: readonly (ReplicaSetObject | undefined)[],
  newRS: ReplicaSetObject | undefined,
  d: DeploymentObject,
): void {
  const now = ctx.now();
  const stamp = rfc3339(now);
  const newStatus = calculateStatus(allRSs, newRS, d, stamp);
  if (!hasProgressDeadline(d)) removeDeploymentCondition(newStatus, DEPLOYMENT_PROGRESSING);

  const currentCond = getDeploymentCondition(d.status, DEPLOYMENT_PROGRESSING);
  const isCompleteDeployment = newStatus.replicas === newStatus.updatedReplicas && currentCond?.reason === NEW_RS_AVAILABLE_REASON;
  if (hasProgressDeadline(d) && !isCompleteDeployment) {
    const subject = newRS ? `ReplicaSet "${newRS.metadata.name}"` : `Deployment "${d.metadata.name}"`;
    if (deploymentComplete(d, newStatus)) {
      const condition = newDeploymentCondition(DEPLOYMENT_PROGRESSING, 'True', NEW_RS_AVAILABLE_REASON, `${subject} has successfully progressed.`, stamp);
      setDeploymentCondition(newStatus, condition);
    } else if (deploymentProgressing(d, newStatus)) {
      const condition = newDeploymentCondition(DEPLOYMENT_PROGRESSING, 'True', REPLICA_SET_UPDATED_REASON, `${subject} is progressing.`, stamp);
      // Progressing is special: the same reason is written again to move lastUpdateTime, keeping lastTransitionTime.
      if (currentCond) {
        if (currentCond.status === 'True') condition.lastTransitionTime = currentCond.lastTransitionTime;
        removeDeploymentCondition(newStatus, DEPLOYMENT_PROGRESSING);
      }
      setDeploymentCondition(newStatus, condition);
    } else if (deploymentTimedOut(d, newStatus, now)) {
      const condition = newDeploymentCondition(DEPLOYMENT_PROGRESSING, 'False', TIMED_OUT_REASON, `${subject} has timed out progressing.`, stamp);
      setDeploymentCondition(newStatus, condition);
    }
  }

  const replicaFailureCond = getReplicaFailures(allRSs, newRS);
  if (replicaFailureCond.length > 0) setDeploymentCondition(newStatus, replicaFailureCond[0]);
  else removeDeploymentCondition(newStatus, DEPLOYMENT_REPLICA_FAILURE);

  if (statusEqual(d.status, newStatus)) {
    requeueStuckDeployment(ctx, d, newStatus, now);
    return;
  }
  d.status = newStatus;
  updateDeploymentStatus(ctx, d, statusWhy(newStatus));
}

/** getReplicaFailures promotes ReplicaFailure conditions, the new ReplicaSet's before the old ones'. */
export function getReplicaFailures(allRSs: readonly (ReplicaSetObject | undefined)[], newRS: ReplicaSetObject | undefined): DeploymentCondition[] {
  const failures = (rs: ReplicaSetObject | undefined) =>
    (rs?.status?.conditions ?? []).filter((c) => c.type === DEPLOYMENT_REPLICA_FAILURE).map(replicaSetToDeploymentCondition);
  const fromNew = failures(newRS);
  return fromNew.length > 0 ? fromNew : allRSs.flatMap(failures);
}

/**
 * requeueStuckDeployment schedules a progress check for a Deployment that showed no progress: at Progressing's
 * lastUpdateTime + progressDeadlineSeconds (plus a second against clock skew), or at once (rate limited) when that
 * is less than a second away. Returns the delay, 0 for "now", -1 for no check (no deadline, complete, timed out).
 */
export function requeueStuckDeployment(ctx: DeploymentSyncContext, d: DeploymentObject, newStatus: DeploymentStatus, now: VirtualMs): VirtualMs {
  const currentCond = getDeploymentCondition(d.status, DEPLOYMENT_PROGRESSING);
  if (!hasProgressDeadline(d) || !currentCond) return -1;
  if (deploymentComplete(d, newStatus) || currentCond.reason === TIMED_OUT_REASON) return -1;
  const after = (parseTime(currentCond.lastUpdateTime) ?? 0) + d.spec.progressDeadlineSeconds! * 1000 - now;
  if (after < 1000) {
    ctx.enqueueRateLimited(d);
    return 0;
  }
  ctx.enqueueAfter(d, after + 1000);
  return after;
}
