// Mirrors the arithmetic of pkg/controller/deployment/util/deployment_util.go: ResolveFenceposts, MaxSurge,
// MaxUnavailable, MinAvailable, NewRSNewReplicas, IsSaturated, GetReplicaSetProportion (with getReplicaSetFraction)
// and the replica counters. Leaves out the PodReplacementPolicy (alpha) and terminating-replica variants.
import { getScaledValueFromIntOrPercent } from '../../api/util/intstr';
import { getDesiredReplicasAnnotation, getMaxReplicasAnnotation } from './annotations';
import { deploymentReplicas, specReplicas, type DeploymentObject, type ReplicaSetObject } from './replicaSets';

export const ROLLING_UPDATE = 'RollingUpdate';
export const RECREATE = 'Recreate';

/** Fenceposts are maxSurge and maxUnavailable resolved against a replica count. */
export interface Fenceposts {
  surge: number;
  unavailable: number;
  /** Set when a value is not an int or a percentage; surge and unavailable are then 0. */
  error?: Error;
}

/** isRollingUpdate is true for the RollingUpdate strategy type. */
export function isRollingUpdate(d: DeploymentObject): boolean {
  return d.spec.strategy?.type === ROLLING_UPDATE;
}

/**
 * resolveFenceposts resolves maxSurge (percentages rounded up) and maxUnavailable (rounded down) in one step, so that
 * a rollout can always move: if both come to 0, maxUnavailable becomes 1 on the theory that surge might not work
 * (quota). E.g. desired 2, unavailable 1%, surge 0%: scale old -1, new +1, old -1, new +1.
 */
export function resolveFenceposts(maxSurge: number | string | undefined, maxUnavailable: number | string | undefined, desired: number): Fenceposts {
  let surge: number;
  let unavailable: number;
  try {
    surge = getScaledValueFromIntOrPercent(maxSurge ?? 0, desired, true);
    unavailable = getScaledValueFromIntOrPercent(maxUnavailable ?? 0, desired, false);
  } catch (error) {
    return { surge: 0, unavailable: 0, error: error as Error };
  }
  if (surge === 0 && unavailable === 0) unavailable = 1;
  return { surge, unavailable };
}

/** maxSurge is how many pods a rolling Deployment may run above its replicas (0 for Recreate). */
export function maxSurge(d: DeploymentObject): number {
  if (!isRollingUpdate(d)) return 0;
  const ru = d.spec.strategy?.rollingUpdate;
  // Errors are caught by validation.
  return resolveFenceposts(ru?.maxSurge, ru?.maxUnavailable, deploymentReplicas(d)).surge;
}

/** maxUnavailable is how many pods may be unavailable during a rolling update, capped at replicas. */
export function maxUnavailable(d: DeploymentObject): number {
  if (!isRollingUpdate(d) || deploymentReplicas(d) === 0) return 0;
  const ru = d.spec.strategy?.rollingUpdate;
  const { unavailable } = resolveFenceposts(ru?.maxSurge, ru?.maxUnavailable, deploymentReplicas(d));
  return Math.min(unavailable, deploymentReplicas(d));
}

/** minAvailable is replicas - maxUnavailable for a rolling Deployment, 0 otherwise. */
export function minAvailable(d: DeploymentObject): number {
  return isRollingUpdate(d) ? deploymentReplicas(d) - maxUnavailable(d) : 0;
}

/**
 * newRSNewReplicas is the size the new ReplicaSet should have now. Rolling: grow by whatever the surge allows
 * (replicas + maxSurge minus every ReplicaSet's spec.replicas), never past replicas. Recreate: replicas at once.
 */
export function newRSNewReplicas(d: DeploymentObject, allRSs: readonly (ReplicaSetObject | undefined)[], newRS: ReplicaSetObject): number {
  const type = d.spec.strategy?.type;
  if (type === RECREATE) return deploymentReplicas(d);
  if (type !== ROLLING_UPDATE) throw new Error(`deployment type ${type} isn't supported`);
  const surge = getScaledValueFromIntOrPercent(d.spec.strategy?.rollingUpdate?.maxSurge ?? 0, deploymentReplicas(d), true);
  const currentPodCount = getReplicaCountForReplicaSets(allRSs);
  const maxTotalPods = deploymentReplicas(d) + surge;
  if (currentPodCount >= maxTotalPods) return specReplicas(newRS);
  const scaleUpCount = Math.min(maxTotalPods - currentPodCount, deploymentReplicas(d) - specReplicas(newRS));
  return specReplicas(newRS) + scaleUpCount;
}

/**
 * isSaturated: the ReplicaSet owns all the Deployment's replicas, both sides agree on it (desired-replicas
 * annotation) and every one of them is available.
 */
export function isSaturated(d: DeploymentObject, rs: ReplicaSetObject | undefined): boolean {
  if (!rs) return false;
  const desired = getDesiredReplicasAnnotation(rs);
  if (desired === undefined) return false;
  const replicas = deploymentReplicas(d);
  return specReplicas(rs) === replicas && desired === replicas && (rs.status?.availableReplicas ?? 0) === replicas;
}

/**
 * getReplicaSetProportion estimates how many replicas to add to (or remove from) one ReplicaSet during proportional
 * scaling, never letting the running total pass deploymentReplicasToAdd.
 */
export function getReplicaSetProportion(
  rs: ReplicaSetObject | undefined,
  d: DeploymentObject,
  deploymentReplicasToAdd: number,
  deploymentReplicasAdded: number,
): number {
  if (!rs || specReplicas(rs) === 0 || deploymentReplicasToAdd === 0 || deploymentReplicasToAdd === deploymentReplicasAdded) return 0;
  const rsFraction = getReplicaSetFraction(rs, d);
  const allowed = deploymentReplicasToAdd - deploymentReplicasAdded;
  // Scaling up takes the smaller of fraction and allowance; scaling down the larger (less negative).
  return deploymentReplicasToAdd > 0 ? Math.min(rsFraction, allowed) : Math.max(rsFraction, allowed);
}

/**
 * getReplicaSetFraction is the ReplicaSet's share of the new size: round(rs.replicas x (replicas + maxSurge) /
 * max-replicas annotation) - rs.replicas. Scaling to zero removes everything; without a usable annotation the
 * Deployment's status.replicas stands in, and if that is 0 too the Deployment is unsynced and nothing moves.
 */
export function getReplicaSetFraction(rs: ReplicaSetObject, d: DeploymentObject): number {
  if (deploymentReplicas(d) === 0) return -specReplicas(rs);
  const deploymentMaxReplicas = deploymentReplicas(d) + maxSurge(d);
  let annotatedReplicas = getMaxReplicasAnnotation(rs);
  if (annotatedReplicas === undefined || annotatedReplicas === 0) annotatedReplicas = d.status?.replicas ?? 0;
  if (annotatedReplicas === 0) return 0;
  return goRound((specReplicas(rs) * deploymentMaxReplicas) / annotatedReplicas) - specReplicas(rs);
}

/** getReplicaCountForReplicaSets sums spec.replicas. */
export function getReplicaCountForReplicaSets(rss: readonly (ReplicaSetObject | undefined)[]): number {
  return rss.reduce((sum, rs) => sum + (rs ? specReplicas(rs) : 0), 0);
}

/** getActualReplicaCountForReplicaSets sums status.replicas (the pods that exist). */
export function getActualReplicaCountForReplicaSets(rss: readonly (ReplicaSetObject | undefined)[]): number {
  return rss.reduce((sum, rs) => sum + (rs?.status?.replicas ?? 0), 0);
}

/** getReadyReplicaCountForReplicaSets sums status.readyReplicas. */
export function getReadyReplicaCountForReplicaSets(rss: readonly (ReplicaSetObject | undefined)[]): number {
  return rss.reduce((sum, rs) => sum + (rs?.status?.readyReplicas ?? 0), 0);
}

/** getAvailableReplicaCountForReplicaSets sums status.availableReplicas. */
export function getAvailableReplicaCountForReplicaSets(rss: readonly (ReplicaSetObject | undefined)[]): number {
  return rss.reduce((sum, rs) => sum + (rs?.status?.availableReplicas ?? 0), 0);
}

/** goRound is Go's math.Round: halves round away from zero. */
function goRound(x: number): number {
  return Math.sign(x) * Math.round(Math.abs(x));
}
