// Mirrors kubectl pkg/polymorphichelpers/rollout_status.go DeploymentStatusViewer.Status: the lines
// `kubectl rollout status deployment/<name>` prints while it watches. Leaves out --revision.
import { DEPLOYMENT_PROGRESSING, TIMED_OUT_REASON, getDeploymentCondition } from './conditions';
import type { DeploymentObject } from './replicaSets';

/** RolloutStatus is one status line (ending in a newline), whether the rollout is done, or kubectl's error. */
export interface RolloutStatus {
  message: string;
  done: boolean;
  /** Set when the rollout failed: kubectl prints `error: <error>` and exits 1. */
  error?: string;
}

/**
 * rolloutStatus reads a Deployment's status only once the controller has observed its latest spec; then checks, in
 * order: a progress deadline exceeded, new replicas not yet created, old replicas still terminating, updated
 * replicas not yet available, and otherwise success.
 */
export function rolloutStatus(d: DeploymentObject): RolloutStatus {
  const name = d.metadata.name ?? '';
  const status = d.status ?? {};
  if ((d.metadata.generation ?? 0) > (status.observedGeneration ?? 0)) {
    return { message: 'Waiting for deployment spec update to be observed...\n', done: false };
  }
  if (getDeploymentCondition(status, DEPLOYMENT_PROGRESSING)?.reason === TIMED_OUT_REASON) {
    return { message: '', done: false, error: `deployment "${name}" exceeded its progress deadline` };
  }
  const updated = status.updatedReplicas ?? 0;
  const replicas = status.replicas ?? 0;
  const available = status.availableReplicas ?? 0;
  if (d.spec.replicas !== undefined && updated < d.spec.replicas) {
    return { message: `Waiting for deployment "${name}" rollout to finish: ${updated} out of ${d.spec.replicas} new replicas have been updated...\n`, done: false };
  }
  if (replicas > updated) {
    return { message: `Waiting for deployment "${name}" rollout to finish: ${replicas - updated} old replicas are pending termination...\n`, done: false };
  }
  if (available < updated) {
    return { message: `Waiting for deployment "${name}" rollout to finish: ${available} of ${updated} updated replicas are available...\n`, done: false };
  }
  return { message: `deployment "${name}" successfully rolled out\n`, done: true };
}
