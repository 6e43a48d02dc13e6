// Mirrors the annotation helpers of pkg/controller/deployment/util/deployment_util.go: revision bookkeeping
// (MaxRevision, SetNewReplicaSetAnnotations, SetDeploymentRevision) and the desired/max replicas annotations that
// let proportional scaling tell a scaling event from a rollout.
import type { KubeObject } from '../../api/object';
import { REVISION_ANNOTATION, deploymentReplicas, revision, type DeploymentObject, type ReplicaSetObject } from './replicaSets';
import { maxSurge } from './rolloutMath';

/** RevisionHistoryAnnotation keeps the old revisions a ReplicaSet served, e.g. after rollbacks to it. */
export const REVISION_HISTORY_ANNOTATION = 'deployment.kubernetes.io/revision-history';
/** DesiredReplicasAnnotation is the Deployment's spec.replicas when the ReplicaSet was last scaled. */
export const DESIRED_REPLICAS_ANNOTATION = 'deployment.kubernetes.io/desired-replicas';
/** MaxReplicasAnnotation is spec.replicas + maxSurge when the ReplicaSet was last scaled. */
export const MAX_REPLICAS_ANNOTATION = 'deployment.kubernetes.io/max-replicas';
/** The annotation round-tripping the removed extensions/v1beta1 spec.rollbackTo. */
const DEPRECATED_ROLLBACK_TO = 'deprecated.deployment.rollback.to';
const LAST_APPLIED_CONFIG_ANNOTATION = 'kubectl.kubernetes.io/last-applied-configuration';

/** sync.go maxRevHistoryLengthInChars: the revision-history annotation keeps at most ~100 entries. */
export const MAX_REV_HISTORY_LENGTH_IN_CHARS = 2000;

/** ANNOTATIONS_TO_SKIP are never copied between a Deployment and its ReplicaSets (nor restored by a rollback). */
export const ANNOTATIONS_TO_SKIP: ReadonlySet<string> = new Set([
  LAST_APPLIED_CONFIG_ANNOTATION,
  REVISION_ANNOTATION,
  REVISION_HISTORY_ANNOTATION,
  DESIRED_REPLICAS_ANNOTATION,
  MAX_REPLICAS_ANNOTATION,
  DEPRECATED_ROLLBACK_TO,
]);

/** maxRevision is the highest revision among the ReplicaSets; unparsable revisions are skipped. */
export function maxRevision(rss: readonly ReplicaSetObject[]): number {
  let max = 0;
  for (const rs of rss) {
    const v = revision(rs);
    if (v !== undefined && v > max) max = v;
  }
  return max;
}

/** setDeploymentRevision writes the revision annotation on a Deployment copy; true if it changed. */
export function setDeploymentRevision(d: DeploymentObject, rev: string): boolean {
  const annotations = (d.metadata.annotations ??= {});
  if (annotations[REVISION_ANNOTATION] === rev) return false;
  annotations[REVISION_ANNOTATION] = rev;
  return true;
}

/**
 * setNewReplicaSetAnnotations copies the Deployment's annotations to the new ReplicaSet copy and raises its revision
 * to newRevision if lower, remembering the old number in revision-history (a rollback to this ReplicaSet). A
 * ReplicaSet about to be created also gets the replicas annotations. Returns true if anything changed.
 */
export function setNewReplicaSetAnnotations(
  d: DeploymentObject,
  rs: ReplicaSetObject,
  newRevision: string,
  exists: boolean,
  revHistoryLimitInChars: number,
): boolean {
  let changed = copyDeploymentAnnotationsToReplicaSet(d, rs);
  const annotations = (rs.metadata.annotations ??= {});
  const oldRevision = annotations[REVISION_ANNOTATION];
  let oldRevisionInt = 0;
  if (oldRevision !== undefined && oldRevision !== '') {
    if (!/^[+-]?\d+$/.test(oldRevision)) return false;
    oldRevisionInt = Number(oldRevision);
  }
  if (!/^[+-]?\d+$/.test(newRevision)) return false;
  const newRevisionInt = Number(newRevision);
  if (oldRevisionInt < newRevisionInt) {
    annotations[REVISION_ANNOTATION] = newRevision;
    changed = true;
  }
  if (oldRevision !== undefined && oldRevisionInt < newRevisionInt) {
    const history = annotations[REVISION_HISTORY_ANNOTATION] ?? '';
    let oldRevisions = history.split(',');
    if (oldRevisions[0].length === 0) {
      annotations[REVISION_HISTORY_ANNOTATION] = oldRevision;
    } else {
      let totalLen = history.length + oldRevision.length + 1;
      let start = 0;
      while (totalLen > revHistoryLimitInChars && start < oldRevisions.length) {
        totalLen -= oldRevisions[start].length + 1;
        start++;
      }
      if (totalLen <= revHistoryLimitInChars) {
        oldRevisions = [...oldRevisions.slice(start), oldRevision];
        annotations[REVISION_HISTORY_ANNOTATION] = oldRevisions.join(',');
      }
    }
  }
  if (!exists && setReplicasAnnotations(rs, deploymentReplicas(d), deploymentReplicas(d) + maxSurge(d))) changed = true;
  return changed;
}

/** copyDeploymentAnnotationsToReplicaSet copies every annotation not in ANNOTATIONS_TO_SKIP; true if any changed. */
function copyDeploymentAnnotationsToReplicaSet(d: DeploymentObject, rs: ReplicaSetObject): boolean {
  const annotations = (rs.metadata.annotations ??= {});
  let changed = false;
  for (const [k, v] of Object.entries(d.metadata.annotations ?? {})) {
    if (ANNOTATIONS_TO_SKIP.has(k) || (k in annotations && annotations[k] === v)) continue;
    annotations[k] = v;
    changed = true;
  }
  return changed;
}

/** setReplicasAnnotations records desired and max replicas on a ReplicaSet copy; true if either changed. */
export function setReplicasAnnotations(rs: ReplicaSetObject, desiredReplicas: number, maxReplicas: number): boolean {
  const annotations = (rs.metadata.annotations ??= {});
  let updated = false;
  if (annotations[DESIRED_REPLICAS_ANNOTATION] !== String(desiredReplicas)) {
    annotations[DESIRED_REPLICAS_ANNOTATION] = String(desiredReplicas);
    updated = true;
  }
  if (annotations[MAX_REPLICAS_ANNOTATION] !== String(maxReplicas)) {
    annotations[MAX_REPLICAS_ANNOTATION] = String(maxReplicas);
    updated = true;
  }
  return updated;
}

/** replicasAnnotationsNeedUpdate is true when either replicas annotation differs from the given values. */
export function replicasAnnotationsNeedUpdate(rs: ReplicaSetObject, desiredReplicas: number, maxReplicas: number): boolean {
  const annotations = rs.metadata.annotations;
  if (!annotations) return true;
  return annotations[DESIRED_REPLICAS_ANNOTATION] !== String(desiredReplicas) || annotations[MAX_REPLICAS_ANNOTATION] !== String(maxReplicas);
}

/** getDesiredReplicasAnnotation reads desired-replicas; undefined when missing or not a non-negative int32. */
export function getDesiredReplicasAnnotation(rs: ReplicaSetObject): number | undefined {
  return getNonNegativeInt32FromAnnotation(rs, DESIRED_REPLICAS_ANNOTATION);
}

/** getMaxReplicasAnnotation reads max-replicas; undefined when missing or not a non-negative int32. */
export function getMaxReplicasAnnotation(rs: ReplicaSetObject): number | undefined {
  return getNonNegativeInt32FromAnnotation(rs, MAX_REPLICAS_ANNOTATION);
}

/** getNonNegativeInt32FromAnnotation parses like strconv.ParseUint(v, 10, 31): digits only, at most MaxInt32. */
export function getNonNegativeInt32FromAnnotation(obj: KubeObject, key: string): number | undefined {
  const v = obj.metadata.annotations?.[key];
  if (v === undefined || !/^\d+$/.test(v)) return undefined;
  const n = Number(v);
  return n <= 2147483647 ? n : undefined;
}
