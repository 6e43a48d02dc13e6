// Mirrors pkg/controller/deployment/recreate.go: rolloutRecreate, scaleDownOldReplicaSetsForRecreate, oldPodsRunning
// and scaleUpNewReplicaSetForRecreate. Leaves out the PodReplacementPolicy (alpha) branch.
import type { PodObject } from '../controllerUtils';
import { deploymentComplete } from './conditions';
import { replicasText } from './narration';
import { getAllReplicaSetsAndSyncRevision } from './newReplicaSet';
import { syncRolloutStatus } from './progress';
import { deploymentReplicas, filterActiveReplicaSets, specReplicas, type DeploymentObject, type ReplicaSetObject } from './replicaSets';
import { getActualReplicaCountForReplicaSets } from './rolloutMath';
import { scaleReplicaSetAndRecordEvent } from './scale';
import { cleanupDeployment } from './sync';
import type { DeploymentSyncContext } from './syncContext';

/** PodMap groups a Deployment's pods by the uid of the ReplicaSet that controls them (inactive pods included). */
export type PodMap = ReadonlyMap<string, readonly PodObject[]>;

/**
 * rolloutRecreate scales every old ReplicaSet to 0, waits until no old pod runs (pods that have not reached Succeeded
 * or Failed count, Unknown included), then creates or scales up the new ReplicaSet to replicas in one step. The new
 * ReplicaSet is not created earlier, so nothing is scaled up before everything old is down.
 */
export function rolloutRecreate(ctx: DeploymentSyncContext, d: DeploymentObject, rsList: readonly ReplicaSetObject[], podMap: PodMap): void {
  let { newRS, oldRSs } = getAllReplicaSetsAndSyncRevision(ctx, d, rsList, false);
  let allRSs = [...oldRSs, newRS];
  if (scaleDownOldReplicaSetsForRecreate(ctx, filterActiveReplicaSets(oldRSs), d)) return syncRolloutStatus(ctx, allRSs, newRS, d);
  if (oldPodsRunning(newRS, oldRSs, podMap)) return syncRolloutStatus(ctx, allRSs, newRS, d);
  if (!newRS) {
    ({ newRS, oldRSs } = getAllReplicaSetsAndSyncRevision(ctx, d, rsList, true));
    allRSs = [...oldRSs, newRS];
  }
  scaleUpNewReplicaSetForRecreate(ctx, newRS!, d);
  if (deploymentComplete(d, d.status ?? {})) cleanupDeployment(ctx, oldRSs, d);
  syncRolloutStatus(ctx, allRSs, newRS, d);
}

/** scaleDownOldReplicaSetsForRecreate scales every given old ReplicaSet to 0; true if any was scaled. */
export function scaleDownOldReplicaSetsForRecreate(ctx: DeploymentSyncContext, oldRSs: readonly ReplicaSetObject[], d: DeploymentObject): boolean {
  let scaled = false;
  for (const rs of oldRSs) {
    if (specReplicas(rs) === 0) continue;
    if (scaleReplicaSetAndRecordEvent(ctx, rs, 0, d, 'the Recreate strategy stops every old pod before it starts new ones').scaled) scaled = true;
  }
  return scaled;
}

/** oldPodsRunning: an old ReplicaSet still reports pods, or a pod outside the new ReplicaSet is not terminated. */
export function oldPodsRunning(newRS: ReplicaSetObject | undefined, oldRSs: readonly ReplicaSetObject[], podMap: PodMap): boolean {
  if (getActualReplicaCountForReplicaSets(oldRSs) > 0) return true;
  for (const [rsUID, pods] of podMap) {
    if (newRS && newRS.metadata.uid === rsUID) continue;
    // Unknown (deprecated) still counts: the pod may be running on a node we cannot reach.
    if (pods.some((pod) => pod.status?.phase !== 'Failed' && pod.status?.phase !== 'Succeeded')) return true;
  }
  return false;
}

/** scaleUpNewReplicaSetForRecreate scales the new ReplicaSet to replicas; true if it scaled. */
export function scaleUpNewReplicaSetForRecreate(ctx: DeploymentSyncContext, newRS: ReplicaSetObject, d: DeploymentObject): boolean {
  const replicas = deploymentReplicas(d);
  return scaleReplicaSetAndRecordEvent(ctx, newRS, replicas, d, `no old pod is left, so the Recreate strategy starts all ${replicasText(replicas)}`).scaled;
}
