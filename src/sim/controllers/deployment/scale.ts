// Mirrors pkg/controller/deployment/sync.go scale, scaleReplicaSetAndRecordEvent and scaleReplicaSet: proportional
// scaling when a Deployment is resized mid-rollout (or while paused), and the one place that writes a ReplicaSet's
// size, its desired/max-replicas annotations and the ScalingReplicaSet event.
import { replicasAnnotationsNeedUpdate, setReplicasAnnotations } from './annotations';
import { pods, replicasText } from './narration';
import {
  byCreationTimestamp,
  bySizeNewer,
  bySizeOlder,
  deploymentReplicas,
  filterActiveReplicaSets,
  findActiveOrLatest,
  specReplicas,
  type DeploymentObject,
  type ReplicaSetObject,
} from './replicaSets';
import { getReplicaCountForReplicaSets, getReplicaSetProportion, isRollingUpdate, isSaturated, maxSurge } from './rolloutMath';
import { because, recordEvent, type DeploymentSyncContext } from './syncContext';
import { deepCopy } from '../../store/deepCopy';

/** ScaleResult is whether the size changed, and the ReplicaSet as stored afterwards. */
export interface ScaleResult {
  scaled: boolean;
  rs: ReplicaSetObject;
}

/**
 * scale resizes ReplicaSets on a scaling event. One active ReplicaSet (or none: the newest) takes the full count. A
 * saturated new ReplicaSet sends old ones to 0. Otherwise, during a rolling update, replicas + maxSurge is shared out
 * in proportion to each ReplicaSet's size: scaling up the new one alone would hasten the rollout and scaling down the
 * old ones alone would make a broken template's share larger. Leftovers go to the first (largest) ReplicaSet.
 */
export function scale(ctx: DeploymentSyncContext, d: DeploymentObject, newRS: ReplicaSetObject | undefined, oldRSs: readonly ReplicaSetObject[]): void {
  const replicas = deploymentReplicas(d);
  const activeOrLatest = findActiveOrLatest(newRS, oldRSs);
  if (activeOrLatest) {
    if (specReplicas(activeOrLatest) === replicas) return;
    scaleReplicaSetAndRecordEvent(ctx, activeOrLatest, replicas, d, `it is the Deployment's only active ReplicaSet and the Deployment wants ${replicasText(replicas)}`);
    return;
  }
  // FindActiveOrLatest sorted the old ReplicaSets newest first, in place.
  const oldNewestFirst = [...oldRSs].sort((a, b) => byCreationTimestamp(b, a));
  if (isSaturated(d, newRS)) {
    for (const old of filterActiveReplicaSets(oldNewestFirst)) {
      scaleReplicaSetAndRecordEvent(ctx, old, 0, d, `the new ReplicaSet ${newRS!.metadata.name} already runs all ${replicasText(replicas)}, all available`);
    }
    return;
  }
  if (!isRollingUpdate(d)) return;
  const allRSs = filterActiveReplicaSets([...oldNewestFirst, newRS]);
  const allRSsReplicas = getReplicaCountForReplicaSets(allRSs);
  const surge = maxSurge(d);
  const allowedSize = replicas > 0 ? replicas + surge : 0;
  const toAdd = allowedSize - allRSsReplicas;
  let scalingOperation: 'up' | 'down' | '' = '';
  if (toAdd > 0) {
    allRSs.sort(bySizeNewer);
    scalingOperation = 'up';
  } else if (toAdd < 0) {
    allRSs.sort(bySizeOlder);
    scalingOperation = 'down';
  }
  let added = 0;
  const nameToSize = new Map<string, number>();
  for (const rs of allRSs) {
    let size = specReplicas(rs);
    if (toAdd !== 0) {
      const proportion = getReplicaSetProportion(rs, d, toAdd, added);
      size += proportion;
      added += proportion;
    }
    nameToSize.set(rs.metadata.name ?? '', size);
  }
  const why =
    `the Deployment now wants ${replicasText(replicas)} in the middle of a rollout, so its ${allRSs.length} active ReplicaSets share ` +
    `${pods(allowedSize)} (replicas + maxSurge ${surge}) in proportion to their sizes, which add up to ${allRSsReplicas}`;
  allRSs.forEach((rs, i) => {
    const name = rs.metadata.name ?? '';
    if (i === 0 && toAdd !== 0) nameToSize.set(name, Math.max(0, nameToSize.get(name)! + toAdd - added));
    scaleReplicaSet(ctx, rs, nameToSize.get(name)!, d, scalingOperation, why);
  });
}

/** scaleReplicaSetAndRecordEvent scales a ReplicaSet to newScale unless it already has that size. */
export function scaleReplicaSetAndRecordEvent(
  ctx: DeploymentSyncContext,
  rs: ReplicaSetObject,
  newScale: number,
  d: DeploymentObject,
  why: string,
): ScaleResult {
  if (specReplicas(rs) === newScale) return { scaled: false, rs };
  return scaleReplicaSet(ctx, rs, newScale, d, specReplicas(rs) < newScale ? 'up' : 'down', why);
}

/**
 * scaleReplicaSet writes the ReplicaSet's size and its desired-replicas / max-replicas annotations (replicas and
 * replicas + maxSurge), and records ScalingReplicaSet when the size changed.
 */
export function scaleReplicaSet(
  ctx: DeploymentSyncContext,
  rs: ReplicaSetObject,
  newScale: number,
  d: DeploymentObject,
  scalingOperation: 'up' | 'down' | '',
  why: string,
): ScaleResult {
  const oldScale = specReplicas(rs);
  const sizeNeedsUpdate = oldScale !== newScale;
  const desired = deploymentReplicas(d);
  const max = desired + maxSurge(d);
  if (!sizeNeedsUpdate && !replicasAnnotationsNeedUpdate(rs, desired, max)) return { scaled: false, rs };
  const copy = deepCopy(rs) as ReplicaSetObject;
  copy.spec = { ...copy.spec!, replicas: newScale };
  setReplicasAnnotations(copy, desired, max);
  const name = rs.metadata.name ?? '';
  const reason = sizeNeedsUpdate
    ? `scaled ${scalingOperation} ReplicaSet ${name} from ${oldScale} to ${newScale}: ${why}`
    : `annotated ReplicaSet ${name} with desired-replicas ${desired} and max-replicas ${max}: ${why}`;
  const updated = ctx.client.update(copy, because(reason));
  if (sizeNeedsUpdate) {
    recordEvent(ctx, d, 'Normal', 'ScalingReplicaSet', `Scaled ${scalingOperation} replica set ${name} from ${oldScale} to ${newScale}`);
  }
  return { scaled: sizeNeedsUpdate, rs: updated };
}
