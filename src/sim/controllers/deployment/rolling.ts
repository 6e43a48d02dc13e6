// Mirrors pkg/controller/deployment/rolling.go: rolloutRolling, reconcileNewReplicaSet, reconcileOldReplicaSets,
// cleanupUnhealthyReplicas and scaleDownOldReplicaSetsForRollingUpdate, in upstream's order. Leaves out the
// PodReplacementPolicy (alpha) accounting of terminating pods.
import { deploymentComplete } from './conditions';
import { availabilityWhy, replicasText, surgeWhy, unhealthyWhy } from './narration';
import { getAllReplicaSetsAndSyncRevision } from './newReplicaSet';
import { syncRolloutStatus } from './progress';
import { byCreationTimestamp, deploymentReplicas, filterActiveReplicaSets, specReplicas, type DeploymentObject, type ReplicaSetObject } from './replicaSets';
import { getAvailableReplicaCountForReplicaSets, getReplicaCountForReplicaSets, maxUnavailable, newRSNewReplicas } from './rolloutMath';
import { scaleReplicaSetAndRecordEvent } from './scale';
import { cleanupDeployment } from './sync';
import type { DeploymentSyncContext } from './syncContext';

/**
 * rolloutRolling moves a RollingUpdate Deployment one step: scale the new ReplicaSet up if the surge allows, else
 * scale old ReplicaSets down if availability allows, else (rollout complete) clean up history; then sync the status.
 */
export function rolloutRolling(ctx: DeploymentSyncContext, d: DeploymentObject, rsList: readonly ReplicaSetObject[]): void {
  const { newRS, oldRSs } = getAllReplicaSetsAndSyncRevision(ctx, d, rsList, true);
  const allRSs = [...oldRSs, newRS!];
  if (reconcileNewReplicaSet(ctx, allRSs, newRS!, d)) return syncRolloutStatus(ctx, allRSs, newRS, d);
  if (reconcileOldReplicaSets(ctx, allRSs, filterActiveReplicaSets(oldRSs), newRS!, d)) return syncRolloutStatus(ctx, allRSs, newRS, d);
  if (deploymentComplete(d, d.status ?? {})) cleanupDeployment(ctx, oldRSs, d);
  syncRolloutStatus(ctx, allRSs, newRS, d);
}

/**
 * reconcileNewReplicaSet scales the new ReplicaSet down to replicas if it is larger, else up to NewRSNewReplicas.
 * Returns true if it scaled.
 */
export function reconcileNewReplicaSet(ctx: DeploymentSyncContext, allRSs: readonly ReplicaSetObject[], newRS: ReplicaSetObject, d: DeploymentObject): boolean {
  const replicas = deploymentReplicas(d);
  if (specReplicas(newRS) === replicas) return false;
  if (specReplicas(newRS) > replicas) {
    return scaleReplicaSetAndRecordEvent(ctx, newRS, replicas, d, `the Deployment wants only ${replicasText(replicas)}`).scaled;
  }
  const newReplicasCount = newRSNewReplicas(d, allRSs, newRS);
  return scaleReplicaSetAndRecordEvent(ctx, newRS, newReplicasCount, d, surgeWhy(d, allRSs)).scaled;
}

/**
 * reconcileOldReplicaSets scales old ReplicaSets down as far as availability allows:
 * maxScaledDown = all pods - minAvailable - unavailable pods of the new ReplicaSet. Counting the new ReplicaSet's
 * unavailable pods stops a crash-looping new template from eating the old pods; a rollback, whose "new" ReplicaSet is
 * healthy, can then remove crash-looping pods. Unhealthy old pods go first (they cost no availability), then old pods
 * while more than minAvailable are available. Returns true if it scaled; write errors end the step quietly, as upstream.
 */
export function reconcileOldReplicaSets(
  ctx: DeploymentSyncContext,
  allRSs: readonly ReplicaSetObject[],
  oldRSs: readonly ReplicaSetObject[],
  newRS: ReplicaSetObject,
  d: DeploymentObject,
): boolean {
  if (getReplicaCountForReplicaSets(oldRSs) === 0) return false;
  const allPodsCount = getReplicaCountForReplicaSets(allRSs);
  const minAvailable = deploymentReplicas(d) - maxUnavailable(d);
  const newRSUnavailablePodCount = specReplicas(newRS) - (newRS.status?.availableReplicas ?? 0);
  const maxScaledDown = allPodsCount - minAvailable - newRSUnavailablePodCount;
  if (maxScaledDown <= 0) return false;
  try {
    const cleaned = cleanupUnhealthyReplicas(ctx, oldRSs, d, maxScaledDown);
    const scaledDownCount = scaleDownOldReplicaSetsForRollingUpdate(ctx, [...cleaned.oldRSs, newRS], cleaned.oldRSs, d);
    return cleaned.totalScaledDown + scaledDownCount > 0;
  } catch {
    return false;
  }
}

/**
 * cleanupUnhealthyReplicas scales old ReplicaSets (oldest first) down by their unavailable pods, at most
 * maxCleanupCount in all. The ReplicaSet controller deletes not-ready, unscheduled and pending pods first, so this
 * removes exactly the unhealthy ones and availability does not drop.
 */
export function cleanupUnhealthyReplicas(
  ctx: DeploymentSyncContext,
  oldRSs: readonly ReplicaSetObject[],
  d: DeploymentObject,
  maxCleanupCount: number,
): { oldRSs: ReplicaSetObject[]; totalScaledDown: number } {
  const sorted = [...oldRSs].sort(byCreationTimestamp);
  let totalScaledDown = 0;
  for (let i = 0; i < sorted.length; i++) {
    if (totalScaledDown >= maxCleanupCount) break;
    const target = sorted[i];
    const replicas = specReplicas(target);
    const available = target.status?.availableReplicas ?? 0;
    if (replicas === 0 || replicas === available) continue;
    const scaledDownCount = Math.min(maxCleanupCount - totalScaledDown, replicas - available);
    const newReplicasCount = replicas - scaledDownCount;
    if (newReplicasCount > replicas) {
      throw new Error(`when cleaning up unhealthy replicas, got invalid request to scale down ${target.metadata.namespace}/${target.metadata.name} ${replicas} -> ${newReplicasCount}`);
    }
    sorted[i] = scaleReplicaSetAndRecordEvent(ctx, target, newReplicasCount, d, unhealthyWhy(target, replicas - available)).rs;
    totalScaledDown += scaledDownCount;
  }
  return { oldRSs: sorted, totalScaledDown };
}

/**
 * scaleDownOldReplicaSetsForRollingUpdate removes available - minAvailable pods from old ReplicaSets, oldest first.
 * Returns how many it removed.
 */
export function scaleDownOldReplicaSetsForRollingUpdate(
  ctx: DeploymentSyncContext,
  allRSs: readonly ReplicaSetObject[],
  oldRSs: readonly ReplicaSetObject[],
  d: DeploymentObject,
): number {
  const maxUnav = maxUnavailable(d);
  const minAvailable = deploymentReplicas(d) - maxUnav;
  const availablePodCount = getAvailableReplicaCountForReplicaSets(allRSs);
  if (availablePodCount <= minAvailable) return 0;
  const totalScaleDownCount = availablePodCount - minAvailable;
  let totalScaledDown = 0;
  for (const target of [...oldRSs].sort(byCreationTimestamp)) {
    if (totalScaledDown >= totalScaleDownCount) break;
    const replicas = specReplicas(target);
    if (replicas === 0) continue;
    const scaleDownCount = Math.min(replicas, totalScaleDownCount - totalScaledDown);
    const newReplicasCount = replicas - scaleDownCount;
    if (newReplicasCount > replicas) {
      throw new Error(`when scaling down old RS, got invalid request to scale down ${target.metadata.namespace}/${target.metadata.name} ${replicas} -> ${newReplicasCount}`);
    }
    scaleReplicaSetAndRecordEvent(ctx, target, newReplicasCount, d, availabilityWhy(availablePodCount, maxUnav, minAvailable));
    totalScaledDown += scaleDownCount;
  }
  return totalScaledDown;
}
