// The parts of upstream's DeploymentController struct that its sync helpers (sync.go, rolling.go, recreate.go,
// progress.go) use: the client, the event recorder, the ReplicaSet lister and the work queue. Passing them as one
// value keeps each helper a plain function that tests can drive with a recording client.
import type { ObjectMeta } from 'kubernetes-types/meta/v1';
import type { KubeObject, Writable } from '../../api/object';
import type { VirtualMs } from '../../clock/virtualClock';
import type { EventRecorder, EventType } from '../../events/recorder';
import type { ApiClient, WriteContext } from '../../store/types';
import type { DeploymentObject, ReplicaSetObject } from './replicaSets';

/** CONTROLLER_NAME is the deployment controller's user agent and event source. */
export const CONTROLLER_NAME = 'deployment-controller';

/** DeploymentSyncContext is what one sync of one Deployment may use. */
export interface DeploymentSyncContext {
  client: ApiClient;
  recorder: Pick<EventRecorder, 'event'>;
  /** now is the virtual time, as metav1.Now() reads it. */
  now(): VirtualMs;
  /** getReplicaSet reads the ReplicaSet lister (informer cache). */
  getReplicaSet(namespace: string, name: string): ReplicaSetObject | undefined;
  enqueueAfter(d: DeploymentObject, delay: VirtualMs): void;
  enqueueRateLimited(d: DeploymentObject): void;
}

/** because wraps a narration sentence as the WriteContext of a deployment-controller write. */
export function because(reason: string): WriteContext {
  return { actor: CONTROLLER_NAME, reason };
}

/** recordEvent emits an Event about the object from deployment-controller, as dc.eventRecorder.Eventf does. */
export function recordEvent(ctx: DeploymentSyncContext, obj: KubeObject, type: EventType, reason: string, message: string): void {
  ctx.recorder.event(obj, type, reason, message, { component: CONTROLLER_NAME });
}

/**
 * updateDeploymentStatus writes d.status (dc.client.UpdateStatus) and keeps d's resourceVersion current, so later
 * writes in the same sync do not conflict. As upstream's deploymentStatusStrategy does, the status write also carries
 * annotation changes (that is how the revision annotation reaches the Deployment).
 */
export function updateDeploymentStatus(ctx: DeploymentSyncContext, d: DeploymentObject, why: string): void {
  const name = d.metadata.name ?? '';
  const stored = ctx.client.updateStatus(d, because(`updated status of Deployment ${name}: ${why}`));
  (d.metadata as Writable<ObjectMeta>).resourceVersion = stored.metadata.resourceVersion;
}
