// Mirrors pkg/controller/deployment/sync.go getAllReplicaSetsAndSyncRevision and getNewReplicaSet: find (or create)
// the ReplicaSet whose template is the Deployment's, keep revision numbers increasing, and handle pod-template-hash
// collisions with status.collisionCount.
import type { OwnerReference } from 'kubernetes-types/meta/v1';
import { StatusError } from '../../api/statusError';
import { rfc3339 } from '../../clock/timeFormat';
import { MAX_REV_HISTORY_LENGTH_IN_CHARS, maxRevision, setDeploymentRevision, setNewReplicaSetAnnotations } from './annotations';
import {
  DEPLOYMENT_PROGRESSING,
  FAILED_RS_CREATE_REASON,
  FOUND_NEW_RS_REASON,
  NEW_REPLICA_SET_REASON,
  getDeploymentCondition,
  hasProgressDeadline,
  newDeploymentCondition,
  setDeploymentCondition,
} from './conditions';
import { replicasText, surgeWhy } from './narration';
import { computeHash } from './podTemplateHash';
import {
  DEFAULT_DEPLOYMENT_UNIQUE_LABEL_KEY,
  REVISION_ANNOTATION,
  equalIgnoreHash,
  findNewReplicaSet,
  findOldReplicaSets,
  type DeploymentObject,
  type ReplicaSetObject,
} from './replicaSets';
import { newRSNewReplicas } from './rolloutMath';
import { because, recordEvent, updateDeploymentStatus, type DeploymentSyncContext } from './syncContext';
import { deepCopy } from '../../store/deepCopy';

/**
 * getAllReplicaSetsAndSyncRevision returns the new ReplicaSet (created if asked and missing) and all old ones, with
 * the new ReplicaSet's and the Deployment's revision brought up to date. rsList comes from getReplicaSetsForDeployment.
 */
export function getAllReplicaSetsAndSyncRevision(
  ctx: DeploymentSyncContext,
  d: DeploymentObject,
  rsList: readonly ReplicaSetObject[],
  createIfNotExisted: boolean,
): { newRS: ReplicaSetObject | undefined; oldRSs: ReplicaSetObject[] } {
  const [, allOldRSs] = findOldReplicaSets(d, rsList);
  const newRS = getNewReplicaSet(ctx, d, rsList, allOldRSs, createIfNotExisted);
  return { newRS, oldRSs: allOldRSs };
}

/**
 * getNewReplicaSet returns the ReplicaSet matching the Deployment's template. An existing one gets the Deployment's
 * annotations, a revision of at least max(old revisions) + 1 and the Deployment's minReadySeconds; the Deployment
 * then copies its revision. A missing one is created (when asked) as `<deployment>-<pod-template-hash>`, its size
 * given by NewRSNewReplicas. Mutates d (the sync's private copy) as upstream does.
 */
export function getNewReplicaSet(
  ctx: DeploymentSyncContext,
  d: DeploymentObject,
  rsList: readonly ReplicaSetObject[],
  oldRSs: readonly ReplicaSetObject[],
  createIfNotExisted: boolean,
): ReplicaSetObject | undefined {
  const existingNewRS = findNewReplicaSet(d, rsList);
  const newRevision = String(maxRevision(oldRSs) + 1);
  const now = rfc3339(ctx.now());

  if (existingNewRS) {
    // Only metadata (annotations) is changed in place; a new spec replaces the shared, frozen one.
    const rsCopy = { ...existingNewRS, metadata: deepCopy(existingNewRS.metadata) } as ReplicaSetObject;
    const annotationsUpdated = setNewReplicaSetAnnotations(d, rsCopy, newRevision, true, MAX_REV_HISTORY_LENGTH_IN_CHARS);
    const minReadySeconds = d.spec.minReadySeconds ?? 0;
    if (annotationsUpdated || (rsCopy.spec?.minReadySeconds ?? 0) !== minReadySeconds) {
      rsCopy.spec = { ...rsCopy.spec!, minReadySeconds };
      // minReadySeconds is omitempty: 0 is not written out.
      if (minReadySeconds === 0) delete rsCopy.spec.minReadySeconds;
      const rev = rsCopy.metadata.annotations?.[REVISION_ANNOTATION];
      return ctx.client.update(rsCopy, because(`updated ReplicaSet ${rsCopy.metadata.name} to revision ${rev}: its pod template is the Deployment's current template`));
    }
    // The revision set on the ReplicaSet before is the one to copy.
    let needsUpdate = setDeploymentRevision(d, rsCopy.metadata.annotations?.[REVISION_ANNOTATION] ?? '');
    // A Deployment that never had a Progressing condition starts its progress clock at the first sight of its new RS.
    if (hasProgressDeadline(d) && !getDeploymentCondition(d.status, DEPLOYMENT_PROGRESSING)) {
      const msg = `Found new replica set "${rsCopy.metadata.name}"`;
      setDeploymentCondition((d.status ??= {}), newDeploymentCondition(DEPLOYMENT_PROGRESSING, 'True', FOUND_NEW_RS_REASON, msg, now));
      needsUpdate = true;
    }
    if (needsUpdate) updateDeploymentStatus(ctx, d, `its new ReplicaSet ${rsCopy.metadata.name} is at revision ${d.metadata.annotations?.[REVISION_ANNOTATION]}`);
    return rsCopy;
  }

  if (!createIfNotExisted) return undefined;

  const newRSTemplate = deepCopy(d.spec.template);
  const podTemplateSpecHash = computeHash(newRSTemplate, d.status?.collisionCount);
  const labels = { ...(d.spec.template.metadata?.labels ?? {}), [DEFAULT_DEPLOYMENT_UNIQUE_LABEL_KEY]: podTemplateSpecHash };
  newRSTemplate.metadata = { ...newRSTemplate.metadata, labels };
  const selector = deepCopy(d.spec.selector);
  selector.matchLabels = { ...(selector.matchLabels ?? {}), [DEFAULT_DEPLOYMENT_UNIQUE_LABEL_KEY]: podTemplateSpecHash };
  const newRS: ReplicaSetObject = {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      // Deterministic names make creation idempotent.
      name: `${d.metadata.name}-${podTemplateSpecHash}`,
      namespace: d.metadata.namespace,
      labels: { ...labels },
      ownerReferences: [controllerRef(d)],
    },
    // minReadySeconds is omitempty: 0 is not written out.
    spec: { replicas: 0, ...(d.spec.minReadySeconds ? { minReadySeconds: d.spec.minReadySeconds } : {}), selector, template: newRSTemplate },
  };
  const allRSs = [...oldRSs, newRS];
  const newReplicasCount = newRSNewReplicas(d, allRSs, newRS);
  const why = oldRSs.length === 0 ? 'the Deployment has no ReplicaSet yet' : `the pod template changed; ${surgeWhy(d, allRSs)}`;
  newRS.spec!.replicas = newReplicasCount;
  setNewReplicaSetAnnotations(d, newRS, newRevision, false, MAX_REV_HISTORY_LENGTH_IN_CHARS);
  const name = newRS.metadata.name!;

  let createdRS: ReplicaSetObject;
  let alreadyExists = false;
  try {
    createdRS = ctx.client.create(newRS, because(`created ReplicaSet ${name} with ${replicasText(newReplicasCount)} for revision ${newRevision}: ${why}`));
  } catch (err) {
    if (!(err instanceof StatusError)) throw err;
    if (err.reason === 'AlreadyExists') {
      // A slow cache or a fast resync: the ReplicaSet may be ours already. Otherwise the hash collided.
      alreadyExists = true;
      const rs = ctx.getReplicaSet(d.metadata.namespace ?? '', name);
      if (!rs) throw err;
      const ref = rs.metadata.ownerReferences?.find((r) => r.controller);
      if (!ref || ref.uid !== d.metadata.uid || !equalIgnoreHash(d.spec.template, rs.spec?.template)) {
        const status = (d.status ??= {});
        const before = status.collisionCount ?? 0;
        status.collisionCount = before + 1;
        updateDeploymentStatus(ctx, d, `ReplicaSet ${name} exists with another template, so collisionCount goes from ${before} to ${before + 1} to change the pod-template-hash`);
        throw err;
      }
      createdRS = rs;
    } else if (err.reason === 'Forbidden' && err.message.endsWith('because it is being terminated')) {
      // Every later create fails too while the namespace terminates; nothing to report.
      throw err;
    } else {
      const msg = `Failed to create new replica set "${name}": ${err.message}`;
      if (hasProgressDeadline(d)) {
        setDeploymentCondition((d.status ??= {}), newDeploymentCondition(DEPLOYMENT_PROGRESSING, 'False', FAILED_RS_CREATE_REASON, msg, now));
        updateDeploymentStatus(ctx, d, msg);
      }
      recordEvent(ctx, d, 'Warning', FAILED_RS_CREATE_REASON, msg);
      throw err;
    }
  }
  if (!alreadyExists && newReplicasCount > 0) {
    recordEvent(ctx, d, 'Normal', 'ScalingReplicaSet', `Scaled up replica set ${createdRS.metadata.name} from 0 to ${newReplicasCount}`);
  }
  let needsUpdate = setDeploymentRevision(d, newRevision);
  if (!alreadyExists && hasProgressDeadline(d)) {
    const msg = `Created new replica set "${createdRS.metadata.name}"`;
    setDeploymentCondition((d.status ??= {}), newDeploymentCondition(DEPLOYMENT_PROGRESSING, 'True', NEW_REPLICA_SET_REASON, msg, now));
    needsUpdate = true;
  }
  if (needsUpdate) updateDeploymentStatus(ctx, d, `created new ReplicaSet ${createdRS.metadata.name} for revision ${newRevision}`);
  return createdRS;
}

/** controllerRef is metav1.NewControllerRef(d, apps/v1 Deployment). */
export function controllerRef(d: DeploymentObject): OwnerReference {
  return { apiVersion: 'apps/v1', kind: 'Deployment', name: d.metadata.name ?? '', uid: d.metadata.uid ?? '', controller: true, blockOwnerDeletion: true };
}
