// Mirrors MarkPodsNotReady, RecordNodeEvent and RecordNodeStatusChange of pkg/controller/util/node/controller_utils.go.
import type { Pod } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../api/object';
import type { VirtualMs } from '../../clock/virtualClock';
import type { EventRecorder, EventSource, EventType } from '../../events/recorder';
import type { ApiClient } from '../../store/types';
import type { PodObject } from '../controllerUtils';
import { isNotFound } from '../podControl';
import type { NodeObject } from './nodeTaints';
import { updatePodCondition } from './updatePodCondition';

/** NODE_CONTROLLER_SOURCE is the Event source of the node lifecycle controller (upstream's recorder component). */
export const NODE_CONTROLLER_SOURCE: EventSource = { component: 'node-controller' };

/** nodeRef is the object reference upstream builds for node Events: apiVersion, kind, name and uid only. */
function nodeRef(node: NodeObject): KubeObject {
  return { apiVersion: 'v1', kind: 'Node', metadata: { name: node.metadata.name, uid: node.metadata.uid } };
}

/** recordNodeEvent records `Node <name> event: <event>` about a node, e.g. RegisteredNode. */
export function recordNodeEvent(recorder: EventRecorder, node: NodeObject, type: EventType, reason: string, event: string): void {
  recorder.event(nodeRef(node), type, reason, `Node ${node.metadata.name} event: ${event}`, NODE_CONTROLLER_SOURCE);
}

/** recordNodeStatusChange records `Node <name> status is now: <status>`, with the new status as the reason. */
export function recordNodeStatusChange(recorder: EventRecorder, node: NodeObject, newStatus: string): void {
  recorder.event(nodeRef(node), 'Normal', newStatus, `Node ${node.metadata.name} status is now: ${newStatus}`, NODE_CONTROLLER_SOURCE);
}

/**
 * markPodsNotReady sets the Ready condition of the node's pods to False (keeping its reason and message) so that
 * Services stop sending them traffic, and records a NodeNotReady warning on each pod changed. It returns the errors
 * of the writes that failed; a pod already gone is not an error.
 */
export function markPodsNotReady(
  client: ApiClient,
  recorder: EventRecorder,
  pods: readonly PodObject[],
  nodeName: string,
  now: VirtualMs,
  actor: string,
): unknown[] {
  const errs: unknown[] = [];
  for (const original of pods) {
    // Defensive check, as upstream: only pods of this node.
    if (original.spec?.nodeName !== nodeName) continue;
    const ready = original.status?.conditions?.find((c) => c.type === 'Ready');
    if (!ready) continue;
    const pod = structuredClone(original) as Pod & KubeObject;
    const status = (pod.status ??= {});
    if (!updatePodCondition(status, { ...ready, status: 'False' }, now)) continue;
    let reported: KubeObject = pod;
    try {
      reported = client.updateStatus(pod, {
        actor,
        reason: `marked pod ${pod.metadata.namespace}/${pod.metadata.name} not Ready: its node ${nodeName} is NotReady, so Services stop sending it traffic`,
      });
    } catch (err) {
      // A pod already deleted needs nothing more; any other failure is reported, and the event still recorded.
      if (isNotFound(err)) continue;
      errs.push(err);
    }
    recorder.event(reported, 'Warning', 'NodeNotReady', 'Node is not ready', NODE_CONTROLLER_SOURCE);
  }
  return errs;
}
