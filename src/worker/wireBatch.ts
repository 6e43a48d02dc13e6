// Encodes the sim's change batches for postMessage. Events keep the fields `kubectl get events` and `kubectl
// describe` print (k8s.io/kubectl/pkg/describe/describe.go DescribeEvents; pkg/printers/internalversion printEvent).
import type { Event } from 'kubernetes-types/core/v1';
import type { ChangeBatch, KubeObject } from '../sim/index';
import { ACTION_WINDOW, type BatchMessage } from './protocol';

/** The most JSON text one batch message carries (a part holds at least one object); about 450 Pods or 2,000 Events. */
export const MAX_CHARS_PER_MESSAGE = 1 << 20;

/** wireKey is how the wire (and the UI's inbox) names an object: `kind/namespace/name`. */
export function wireKey(kind: string, namespace: string | undefined, name: string | undefined): string {
  return `${kind}/${namespace ?? ''}/${name ?? ''}`;
}

/**
 * slimEvent keeps what the timeline and the inspector show of an Event. A 2,000-pod rollout writes some 17,000
 * Events; their uids, resourceVersions and involved objects' uids were a third of the bytes the UI decoded.
 */
export function slimEvent(event: Event): Partial<Event> & { apiVersion: string; kind: string } {
  const { kind, namespace, name } = event.involvedObject;
  return {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { name: event.metadata.name, namespace: event.metadata.namespace },
    involvedObject: { kind, namespace, name },
    reason: event.reason,
    message: event.message,
    type: event.type,
    count: event.count,
    source: event.source,
    reportingComponent: event.reportingComponent,
    eventTime: event.eventTime,
    firstTimestamp: event.firstTimestamp,
    lastTimestamp: event.lastTimestamp,
  };
}

const encode = (obj: KubeObject) => JSON.stringify(obj.kind === 'Event' ? slimEvent(obj as unknown as Event) : obj);

/**
 * encodeBatch turns one merged change batch into messages of at most `maxChars` of object text, in order, all with
 * the batch's time; deletions and actions travel in the last one. The UI's main thread copies each message in one
 * go when it arrives: at 100x a rollout is some 20 MB, which arrived as one 250 ms stall before it was cut up.
 */
export function encodeBatch(batch: ChangeBatch, maxChars = MAX_CHARS_PER_MESSAGE): BatchMessage[] {
  const parts: BatchMessage[] = [];
  let part = emptyPart(batch.time);
  let chars = 0;
  for (const obj of batch.upserted) {
    const text = encode(obj);
    if (part.upserted.length > 0 && chars + text.length > maxChars) {
      parts.push(part);
      part = emptyPart(batch.time);
      chars = 0;
    }
    part.keys.push(wireKey(obj.kind, obj.metadata.namespace, obj.metadata.name));
    part.upserted.push(text);
    chars += text.length;
  }
  part.deleted = batch.deleted;
  part.actions = batch.actions.slice(-ACTION_WINDOW);
  part.actionCount = batch.actions.length;
  parts.push(part);
  return parts;
}

function emptyPart(time: number): BatchMessage {
  return { type: 'batch', time, keys: [], upserted: [], deleted: [], actions: [], actionCount: 0 };
}
