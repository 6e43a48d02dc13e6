// Mirrors RealPodControl and GetPodFromTemplate in pkg/controller/controller_utils.go: how workload controllers
// create, delete and patch pods, with the Events upstream records. Leaves out CreatePodsWithGenerateName.
import type { PodTemplateSpec } from 'kubernetes-types/core/v1';
import type { OwnerReference } from 'kubernetes-types/meta/v1';
import type { KubeObject } from '../api/object';
import { StatusError } from '../api/statusError';
import type { EventRecorder } from '../events/recorder';
import type { ApiClient, WriteContext } from '../store/types';
import type { PodObject } from './controllerUtils';
import { copySharingFrozen } from '../store/deepCopy';

/** Reasons for pod Events and for the ReplicaFailure condition, as upstream. */
export const FAILED_CREATE_POD_REASON = 'FailedCreate';
export const SUCCESSFUL_CREATE_POD_REASON = 'SuccessfulCreate';
export const FAILED_DELETE_POD_REASON = 'FailedDelete';
export const SUCCESSFUL_DELETE_POD_REASON = 'SuccessfulDelete';

/**
 * getPodFromTemplate builds the pod a controller asks for: the template's labels, annotations, finalizers and spec,
 * `generateName: <owner>-` (the API server appends 5 random characters) and the controller reference.
 */
export function getPodFromTemplate(template: PodTemplateSpec, parent: KubeObject, controllerRef: OwnerReference): PodObject {
  const meta = template.metadata ?? {};
  // Fields are set one by one in the API's order, not spread in: V8 gives an object built by spreading a slow path
  // for every key added later, and the API server adds uid, name, namespace and timestamps to this metadata.
  const metadata: PodObject['metadata'] = {};
  // A stored template's frozen parts are shared, not copied: the API server changes none of them (the pod defaulter
  // copies a container it must change), and readers that cache by object (label keys, programs) hit every time.
  if (meta.labels) metadata.labels = Object.isFrozen(meta.labels) ? meta.labels : { ...meta.labels };
  if (meta.annotations) metadata.annotations = { ...meta.annotations };
  metadata.generateName = `${parent.metadata.name}-`;
  if (meta.finalizers) metadata.finalizers = [...meta.finalizers];
  metadata.ownerReferences = [{ ...controllerRef }];
  return { apiVersion: 'v1', kind: 'Pod', metadata, spec: template.spec ? copySharingFrozen(template.spec) : { containers: [] } };
}

/** isNamespaceTerminating spots the NamespaceLifecycle refusal that upstream carries as StatusCause NamespaceTerminating. */
export function isNamespaceTerminating(err: unknown): boolean {
  return err instanceof StatusError && err.reason === 'Forbidden' && err.message.endsWith('because it is being terminated');
}

/** isNotFound is apierrors.IsNotFound. */
export function isNotFound(err: unknown): boolean {
  return err instanceof StatusError && err.reason === 'NotFound';
}

/** PodControl creates, deletes and patches pods for one controller, recording Events on the controlling object. */
export class PodControl {
  constructor(
    private readonly client: ApiClient,
    private readonly recorder: EventRecorder,
    /** The Event source component, e.g. `replicaset-controller`. */
    private readonly component: string,
  ) {}

  /** createPods creates one pod from the template; it throws the API error after recording FailedCreate. */
  createPods(template: PodTemplateSpec, object: KubeObject, controllerRef: OwnerReference, ctx: WriteContext): PodObject {
    const pod = getPodFromTemplate(template, object, controllerRef);
    pod.metadata.namespace = object.metadata.namespace;
    if (Object.keys(pod.metadata.labels ?? {}).length === 0) throw new Error('unable to create pods, no labels');
    let created: PodObject;
    try {
      // Object.assign, not `{ ...ctx, handOver: true }`: V8 takes a slow path (about 2 µs) adding a key to a spread copy.
      created = this.client.create(pod, Object.assign({}, ctx, { handOver: true }));
    } catch (err) {
      // Only send an event if the namespace isn't terminating.
      if (!isNamespaceTerminating(err)) this.recorder.event(object, 'Warning', FAILED_CREATE_POD_REASON, `Error creating: ${messageOf(err)}`, { component: this.component });
      throw err;
    }
    this.recorder.event(object, 'Normal', SUCCESSFUL_CREATE_POD_REASON, `Created pod: ${created.metadata.name}`, { component: this.component });
    return created;
  }

  /** deletePod deletes a pod; a pod that is already gone throws NotFound without an Event. */
  deletePod(namespace: string, podName: string, object: KubeObject, ctx: WriteContext): void {
    try {
      this.client.delete('Pod', namespace, podName, ctx);
    } catch (err) {
      if (isNotFound(err)) throw err;
      this.recorder.event(object, 'Warning', FAILED_DELETE_POD_REASON, `Error deleting: ${messageOf(err)}`, { component: this.component });
      throw new Error(`unable to delete pods: ${messageOf(err)}`);
    }
    this.recorder.event(object, 'Normal', SUCCESSFUL_DELETE_POD_REASON, `Deleted pod: ${podName}`, { component: this.component });
  }

  /** patchPod applies a JSON merge patch to a pod. */
  patchPod(namespace: string, name: string, patch: object, ctx: WriteContext): void {
    this.client.patch('Pod', namespace, name, patch, ctx);
  }
}

/** messageOf is Go's %v of an error. */
export function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
