// Mirrors pkg/controller/deployment/sync.go: sync (scaling events and paused Deployments), syncStatusOnly,
// checkPausedConditions, isScalingEvent, cleanupDeployment (revisionHistoryLimit), syncDeploymentStatus and
// calculateStatus. Leaves out the deprecated rollbackTo annotation (kubectl rolls back client-side, see rollback.ts)
// and status.terminatingReplicas (a feature-gated field newer than the API types Kubeplay uses).
import type { DeploymentStatus } from 'kubernetes-types/apps/v1';
import { StatusError } from '../../api/statusError';
import { rfc3339 } from '../../clock/timeFormat';
import { deepEqual } from '../../store/mergePatch';
import { getDesiredReplicasAnnotation } from './annotations';
import {
  DEPLOYMENT_AVAILABLE,
  DEPLOYMENT_PROGRESSING,
  MINIMUM_REPLICAS_AVAILABLE,
  MINIMUM_REPLICAS_UNAVAILABLE,
  PAUSED_DEPLOY_REASON,
  RESUMED_DEPLOY_REASON,
  TIMED_OUT_REASON,
  getDeploymentCondition,
  hasProgressDeadline,
  hasRevisionHistoryLimit,
  newDeploymentCondition,
  setDeploymentCondition,
} from './conditions';
import { getAllReplicaSetsAndSyncRevision } from './newReplicaSet';
import { statusWhy } from './narration';
import { byRevision, deploymentReplicas, filterActiveReplicaSets, revision, specReplicas, type DeploymentObject, type ReplicaSetObject } from './replicaSets';
import {
  getActualReplicaCountForReplicaSets,
  getAvailableReplicaCountForReplicaSets,
  getReadyReplicaCountForReplicaSets,
  getReplicaCountForReplicaSets,
  maxUnavailable,
} from './rolloutMath';
import { scale } from './scale';
import { because, updateDeploymentStatus, type DeploymentSyncContext } from './syncContext';

/** syncStatusOnly only updates the status (a Deployment being deleted); it takes no other action. */
export function syncStatusOnly(ctx: DeploymentSyncContext, d: DeploymentObject, rsList: readonly ReplicaSetObject[]): void {
  const { newRS, oldRSs } = getAllReplicaSetsAndSyncRevision(ctx, d, rsList, false);
  syncDeploymentStatus(ctx, [...oldRSs, newRS], newRS, d);
}

/** sync reconciles a scaling event or a paused Deployment: proportional scaling, history clean-up while paused, status. */
export function sync(ctx: DeploymentSyncContext, d: DeploymentObject, rsList: readonly ReplicaSetObject[]): void {
  const { newRS, oldRSs } = getAllReplicaSetsAndSyncRevision(ctx, d, rsList, false);
  scale(ctx, d, newRS, oldRSs);
  if (d.spec.paused) cleanupDeployment(ctx, oldRSs, d);
  syncDeploymentStatus(ctx, [...oldRSs, newRS], newRS, d);
}

/**
 * checkPausedConditions sets Progressing Unknown DeploymentPaused / DeploymentResumed, so that a Deployment resumed
 * after a pause longer than progressDeadlineSeconds does not time out at once. A reported timeout is kept.
 */
export function checkPausedConditions(ctx: DeploymentSyncContext, d: DeploymentObject): void {
  if (!hasProgressDeadline(d)) return;
  const cond = getDeploymentCondition(d.status, DEPLOYMENT_PROGRESSING);
  if (cond?.reason === TIMED_OUT_REASON) return;
  const pausedCondExists = cond?.reason === PAUSED_DEPLOY_REASON;
  const now = rfc3339(ctx.now());
  if (d.spec.paused && !pausedCondExists) {
    setDeploymentCondition((d.status ??= {}), newDeploymentCondition(DEPLOYMENT_PROGRESSING, 'Unknown', PAUSED_DEPLOY_REASON, 'Deployment is paused', now));
    updateDeploymentStatus(ctx, d, 'the Deployment is paused, so its progress is not measured');
  } else if (!d.spec.paused && pausedCondExists) {
    setDeploymentCondition((d.status ??= {}), newDeploymentCondition(DEPLOYMENT_PROGRESSING, 'Unknown', RESUMED_DEPLOY_REASON, 'Deployment is resumed', now));
    updateDeploymentStatus(ctx, d, `the Deployment is resumed, so its progress deadline of ${d.spec.progressDeadlineSeconds}s starts again`);
  }
}

/**
 * isScalingEvent: an active ReplicaSet's desired-replicas annotation differs from spec.replicas, i.e. the Deployment
 * was resized rather than given a new template.
 */
export function isScalingEvent(ctx: DeploymentSyncContext, d: DeploymentObject, rsList: readonly ReplicaSetObject[]): boolean {
  const { newRS, oldRSs } = getAllReplicaSetsAndSyncRevision(ctx, d, rsList, false);
  for (const rs of filterActiveReplicaSets([...oldRSs, newRS])) {
    const desired = getDesiredReplicasAnnotation(rs);
    if (desired !== undefined && desired !== deploymentReplicas(d)) return true;
  }
  return false;
}

/**
 * cleanupDeployment deletes the oldest old ReplicaSets beyond revisionHistoryLimit (lowest revision first), skipping
 * any that still want or have pods, have not observed their latest spec, or are already being deleted.
 */
export function cleanupDeployment(ctx: DeploymentSyncContext, oldRSs: readonly ReplicaSetObject[], d: DeploymentObject): void {
  if (!hasRevisionHistoryLimit(d)) return;
  const cleanable = oldRSs.filter((rs) => !rs.metadata.deletionTimestamp);
  const limit = d.spec.revisionHistoryLimit!;
  const diff = cleanable.length - limit;
  if (diff <= 0) return;
  const sorted = [...cleanable].sort(byRevision);
  for (let i = 0; i < diff; i++) {
    const rs = sorted[i];
    if ((rs.status?.replicas ?? 0) !== 0 || specReplicas(rs) !== 0) continue;
    if ((rs.metadata.generation ?? 0) > (rs.status?.observedGeneration ?? 0) || rs.metadata.deletionTimestamp) continue;
    const name = rs.metadata.name ?? '';
    const why = `revisionHistoryLimit ${limit} keeps ${limit} old ReplicaSets and there are ${cleanable.length}; revision ${revision(rs)} is the oldest without pods`;
    try {
      ctx.client.delete('ReplicaSet', rs.metadata.namespace ?? '', name, because(`deleted old ReplicaSet ${name}: ${why}`));
    } catch (err) {
      // Stop at the first error rather than aggregate: the API server may be overloaded.
      if (!(err instanceof StatusError && err.reason === 'NotFound')) throw err;
    }
  }
}

/** syncDeploymentStatus writes the calculated status if it differs from the stored one. */
export function syncDeploymentStatus(
  ctx: DeploymentSyncContext,
  allRSs: readonly (ReplicaSetObject | undefined)[],
  newRS: ReplicaSetObject | undefined,
  d: DeploymentObject,
): void {
  const newStatus = calculateStatus(allRSs, newRS, d, rfc3339(ctx.now()));
  if (statusEqual(d.status, newStatus)) return;
  d.status = newStatus;
  updateDeploymentStatus(ctx, d, statusWhy(newStatus));
}

/**
 * calculateStatus derives the status from the ReplicaSets: replicas (pods that exist), updatedReplicas (pods of the
 * new ReplicaSet), ready, available, unavailable (wanted but not available, never negative) and Available, True when
 * at least replicas - maxUnavailable pods are available. Zero counts are omitted, as the API's omitempty does.
 */
export function calculateStatus(
  allRSs: readonly (ReplicaSetObject | undefined)[],
  newRS: ReplicaSetObject | undefined,
  d: DeploymentObject,
  now: string,
): DeploymentStatus {
  const availableReplicas = getAvailableReplicaCountForReplicaSets(allRSs);
  const totalReplicas = getReplicaCountForReplicaSets(allRSs);
  const status: DeploymentStatus = omitEmpty({
    observedGeneration: d.metadata.generation ?? 0,
    replicas: getActualReplicaCountForReplicaSets(allRSs),
    updatedReplicas: getActualReplicaCountForReplicaSets([newRS]),
    readyReplicas: getReadyReplicaCountForReplicaSets(allRSs),
    availableReplicas,
    unavailableReplicas: Math.max(0, totalReplicas - availableReplicas),
  });
  if (d.status?.conditions) status.conditions = d.status.conditions.map((c) => ({ ...c }));
  if (d.status?.collisionCount !== undefined) status.collisionCount = d.status.collisionCount;
  if (availableReplicas >= deploymentReplicas(d) - maxUnavailable(d)) {
    const cond = newDeploymentCondition(DEPLOYMENT_AVAILABLE, 'True', MINIMUM_REPLICAS_AVAILABLE, 'Deployment has minimum availability.', now);
    setDeploymentCondition(status, cond);
  } else {
    const cond = newDeploymentCondition(DEPLOYMENT_AVAILABLE, 'False', MINIMUM_REPLICAS_UNAVAILABLE, 'Deployment does not have minimum availability.', now);
    setDeploymentCondition(status, cond);
  }
  return status;
}

/** statusEqual is reflect.DeepEqual on statuses, with omitted zero counts equal to explicit zeros. */
export function statusEqual(a: DeploymentStatus | undefined, b: DeploymentStatus | undefined): boolean {
  return deepEqual(omitEmpty({ ...(a ?? {}) }), omitEmpty({ ...(b ?? {}) }));
}

const COUNT_FIELDS = ['observedGeneration', 'replicas', 'updatedReplicas', 'readyReplicas', 'availableReplicas', 'unavailableReplicas'] as const;

function omitEmpty(status: DeploymentStatus): DeploymentStatus {
  for (const field of COUNT_FIELDS) if (!status[field]) delete status[field];
  if (status.conditions?.length === 0) delete status.conditions;
  return status;
}
