// The plain sentences that travel with the deployment controller's writes (DESIGN.md "Every write is narrated"): each
// one names the numbers that drove the decision, so a learner can redo the arithmetic of rolling.go and sync.go.
import type { DeploymentStatus } from 'kubernetes-types/apps/v1';
import { getDeploymentCondition, DEPLOYMENT_PROGRESSING } from './conditions';
import { deploymentReplicas, type DeploymentObject, type ReplicaSetObject } from './replicaSets';
import { getReplicaCountForReplicaSets, isRollingUpdate, maxSurge } from './rolloutMath';

/** pods writes "1 pod" / "3 pods". */
export function pods(n: number): string {
  return n === 1 ? '1 pod' : `${n} pods`;
}

/** replicasText writes "1 replica" / "3 replicas". */
export function replicasText(n: number): string {
  return n === 1 ? '1 replica' : `${n} replicas`;
}

/**
 * surgeWhy explains NewRSNewReplicas: how many pods the surge allows and how many the ReplicaSets already want,
 * e.g. "maxSurge 1 allows 4 pods for 3 replicas and 3 exist".
 */
export function surgeWhy(d: DeploymentObject, allRSs: readonly (ReplicaSetObject | undefined)[]): string {
  const replicas = deploymentReplicas(d);
  if (!isRollingUpdate(d)) return `the Recreate strategy starts all ${replicasText(replicas)} at once`;
  const surge = maxSurge(d);
  const current = getReplicaCountForReplicaSets(allRSs);
  return `maxSurge ${surge} allows ${pods(replicas + surge)} for ${replicasText(replicas)} and ${current} exist`;
}

/** availabilityWhy explains a rolling scale-down, e.g. "3 pods are available and maxUnavailable 1 requires at least 2". */
export function availabilityWhy(available: number, maxUnavailable: number, minAvailable: number): string {
  const verb = available === 1 ? 'is' : 'are';
  return `${pods(available)} ${verb} available and maxUnavailable ${maxUnavailable} requires at least ${minAvailable}`;
}

/** unhealthyWhy explains cleanupUnhealthyReplicas: removing unavailable pods cannot lower availability. */
export function unhealthyWhy(rs: ReplicaSetObject, unavailable: number): string {
  const [verb, them] = unavailable === 1 ? ['is', 'it'] : ['are', 'them'];
  return `${unavailable} of its ${rs.spec?.replicas ?? 0} pods ${verb} not available, and removing ${them} does not lower availability`;
}

/** statusWhy summarises a status write, e.g. "4 replicas, 2 updated, 3 ready, 3 available; Progressing: ReplicaSetUpdated". */
export function statusWhy(status: DeploymentStatus): string {
  const progressing = getDeploymentCondition(status, DEPLOYMENT_PROGRESSING);
  const counts = `${replicasText(status.replicas ?? 0)}, ${status.updatedReplicas ?? 0} updated, ${status.readyReplicas ?? 0} ready, ${status.availableReplicas ?? 0} available`;
  return progressing ? `${counts}; Progressing: ${progressing.reason}` : counts;
}
