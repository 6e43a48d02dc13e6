// Mirrors kubectl pkg/polymorphichelpers/rollback.go DeploymentRollbacker (what `kubectl rollout undo` does): rollback
// is client-side, copying an old ReplicaSet's pod template back into the Deployment; the deployment controller then
// finds that ReplicaSet again as the new one and raises its revision. Leaves out --dry-run.
import { labelSelectorAsSelector } from '../../api/meta/v1/labelSelector';
import { StatusError } from '../../api/statusError';
import type { ApiClient } from '../../store/types';
import { getControllerOf } from '../controllerUtils';
import { ANNOTATIONS_TO_SKIP } from './annotations';
import { equalIgnoreHash, findNewReplicaSet, revision, withoutHashLabel, type DeploymentObject, type ReplicaSetObject } from './replicaSets';

/** RollbackResult is kubectl's output line, or the error it prints (without kubectl's `error: ` prefix). */
export type RollbackResult = { output: string } | { error: string };

/**
 * rollbackDeployment rolls a Deployment back to toRevision, or to the previous revision when toRevision is 0:
 * `deployment.apps/web rolled back`, `deployment.apps/web skipped rollback (current template already matches revision
 * N)`, or an error such as `no rollout history found for deployment "web"`.
 */
export function rollbackDeployment(client: ApiClient, namespace: string, name: string, toRevision: number): RollbackResult {
  if (toRevision < 0) return { error: revisionNotFound(toRevision) };
  const deployment = client.get<DeploymentObject>('Deployment', namespace, name);
  if (!deployment) return { error: `Error from server (NotFound): deployments.apps "${name}" not found` };
  const found = deploymentRevision(client, deployment, toRevision);
  if ('error' in found) return found;
  const rs = found.rs;
  if (deployment.spec.paused) {
    return { error: `you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume deployment/${name}' and try again` };
  }
  if (equalIgnoreHash(rs.spec?.template, deployment.spec.template)) {
    return { output: `deployment.apps/${name} skipped rollback (current template already matches revision ${toRevision})` };
  }
  const annotations: Record<string, string> = {};
  for (const [k, v] of Object.entries(deployment.metadata.annotations ?? {})) if (ANNOTATIONS_TO_SKIP.has(k)) annotations[k] = v;
  for (const [k, v] of Object.entries(rs.metadata.annotations ?? {})) if (!ANNOTATIONS_TO_SKIP.has(k)) annotations[k] = v;
  const next = structuredClone(deployment) as DeploymentObject;
  next.metadata.annotations = annotations;
  next.spec.template = withoutHashLabel(rs.spec?.template);
  try {
    client.update(next, {
      actor: 'user',
      reason: `rolled back Deployment ${name} to revision ${revision(rs)} (kubectl rollout undo): the pod template of ReplicaSet ${rs.metadata.name} is copied back`,
    });
  } catch (err) {
    if (err instanceof StatusError) return { error: `failed restoring revision ${toRevision}: ${err.message}` };
    throw err;
  }
  return { output: `deployment.apps/${name} rolled back` };
}

/**
 * deploymentRevision finds the ReplicaSet of toRevision among the Deployment's ReplicaSets, or for 0 the one with the
 * second-highest revision (the highest is the current one).
 */
function deploymentRevision(client: ApiClient, d: DeploymentObject, toRevision: number): { rs: ReplicaSetObject } | { error: string } {
  const allRSs = getAllReplicaSets(client, d);
  let latestRevision = -1;
  let latest: ReplicaSetObject | undefined;
  let previousRevision = -1;
  let previous: ReplicaSetObject | undefined;
  for (const rs of allRSs) {
    const v = revision(rs);
    if (v === undefined) continue;
    if (toRevision === 0) {
      if (latestRevision < v) {
        previousRevision = latestRevision;
        previous = latest;
        latestRevision = v;
        latest = rs;
      } else if (previousRevision < v) {
        previousRevision = v;
        previous = rs;
      }
    } else if (toRevision === v) {
      return { rs };
    }
  }
  if (toRevision > 0) return { error: revisionNotFound(toRevision) };
  if (!previous) return { error: `no rollout history found for deployment "${d.metadata.name}"` };
  return { rs: previous };
}

/**
 * getAllReplicaSets is kubectl's deploymentutil.GetAllReplicaSets: the ReplicaSets the Deployment selects and controls,
 * old ones first and the new one (template equal to the Deployment's) last.
 */
function getAllReplicaSets(client: ApiClient, d: DeploymentObject): ReplicaSetObject[] {
  const selector = labelSelectorAsSelector(d.spec.selector);
  const owned = client
    .list<ReplicaSetObject>('ReplicaSet', { namespace: d.metadata.namespace })
    .filter((rs) => selector.matches(rs.metadata.labels) && getControllerOf(rs)?.uid === d.metadata.uid);
  const newRS = findNewReplicaSet(d, owned);
  const old = owned.filter((rs) => rs !== newRS);
  return newRS ? [...old, newRS] : old;
}

function revisionNotFound(toRevision: number): string {
  return `unable to find specified revision ${toRevision} in history`;
}
