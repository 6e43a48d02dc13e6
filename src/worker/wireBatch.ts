// Encodes the sim's change batches for postMessage. Events keep the fields `kubectl get events` and `kubectl
// describe` print (k8s.io/kubectl/pkg/describe/describe.go DescribeEvents; pkg/printers/internalversion printEvent).
import type { Event, Pod } from 'kubernetes-types/core/v1';
import type { ChangeBatch, KubeObject } from '../sim/index';
import { parseTime } from '../sim/clock/timeFormat';
import { TextPacker } from './packedTexts';
import { slimPod } from './slimPod';
import { ACTION_WINDOW, EVENT_WINDOW, type BatchMessage } from './protocol';

/** The most JSON text, in UTF-8 bytes, one batch message carries (a part holds at least one object); about 1,100 Pods (slimmed) or 2,000 Events. */
export const MAX_BYTES_PER_MESSAGE = 1 << 20;

/** wireKey is how the wire (and the UI's inbox) names an object: `kind/namespace/name`. */
export function wireKey(kind: string, namespace: string | undefined, name: string | undefined): string {
  return `${kind}/${namespace ?? ''}/${name ?? ''}`;
}

/** mirrored is an object as the page's mirror holds it: a Pod slimmed to what the page draws (slimPod), others whole. */
export function mirrored(obj: KubeObject): KubeObject {
  return obj.kind === 'Pod' ? (slimPod(obj as Pod) as KubeObject) : obj;
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

/** eventTime is when an Event last happened, in virtual ms, as the timeline orders Events. */
export function eventTime(event: Event): number {
  return parseTime(event.eventTime ?? event.lastTimestamp ?? event.firstTimestamp) ?? 0;
}

/**
 * encodeBatch turns one merged change batch into messages of at most `maxBytes` of object text, in order, all with
 * the batch's time; deletions, actions and the objects whose left-out Events touched travel in the last one. At 100x
 * a rollout is some 20 MB: as one message it stalled the UI for 250 ms; the UI handles each part in a task of its own.
 */
export function encodeBatch(batch: ChangeBatch, maxBytes = MAX_BYTES_PER_MESSAGE): BatchMessage[] {
  const parts: BatchMessage[] = [];
  let part = new Part();
  const { sent, touched } = newestEvents(batch.upserted);
  for (const obj of batch.upserted) {
    const event = obj.kind === 'Event' ? (obj as unknown as Event) : undefined;
    if (event && !sent.has(event)) continue;
    const text = JSON.stringify(event ? slimEvent(event) : mirrored(obj));
    if (part.count > 0 && part.byteLength + text.length > maxBytes) {
      parts.push(part.message(batch.time));
      part = new Part();
    }
    if (event) {
      part.eventKeys.push(`${obj.metadata.namespace ?? ''}/${obj.metadata.name ?? ''}`);
      part.involved.push(involvedOf(event));
      part.times.push(eventTime(event));
      part.events.add(text);
    } else {
      part.keys.push(wireKey(obj.kind, obj.metadata.namespace, obj.metadata.name));
      part.objects.add(text);
    }
  }
  const last = part.message(batch.time);
  last.deleted = batch.deleted;
  last.actions = batch.actions.slice(-ACTION_WINDOW);
  last.actionCount = batch.actions.length;
  last.events.touched = touched;
  parts.push(last);
  return parts;
}

/** involvedOf names the object an Event is about as the wire names objects (see wireKey). */
const involvedOf = ({ involvedObject: { kind, namespace, name } }: Event) => wireKey(kind ?? '', namespace, name);

/**
 * newestEvents picks the EVENT_WINDOW newest of a batch's Events, the later in the batch first among equal times,
 * as the page's log ranks them; the others could only be dropped on arrival. A 2,000-pod Deployment's pods are
 * scheduled and started a few hundred per tick at 100x: each of their five Events crossed to the page, was indexed,
 * and outlived a young-generation collection or two before the log dropped it. `touched` names, once each, the
 * objects the left-out Events were about.
 */
function newestEvents(upserted: readonly KubeObject[]): { sent: ReadonlySet<Event>; touched: string[] } {
  const events = upserted.filter((obj) => obj.kind === 'Event') as unknown as Event[];
  if (events.length <= EVENT_WINDOW) return { sent: new Set(events), touched: [] };
  const ranked = events.map((event, index) => ({ event, index, time: eventTime(event) })).sort((a, b) => b.time - a.time || b.index - a.index);
  const touched = new Set<string>();
  for (const { event } of ranked.slice(EVENT_WINDOW)) touched.add(involvedOf(event));
  return { sent: new Set(ranked.slice(0, EVENT_WINDOW).map((r) => r.event)), touched: [...touched] };
}

/** Part gathers one message's objects and Events. */
class Part {
  readonly keys: string[] = [];
  readonly objects = new TextPacker();
  readonly eventKeys: string[] = [];
  readonly involved: string[] = [];
  readonly times: number[] = [];
  readonly events = new TextPacker();

  get count(): number {
    return this.objects.count + this.events.count;
  }

  get byteLength(): number {
    return this.objects.byteLength + this.events.byteLength;
  }

  message(time: number): BatchMessage {
    return {
      type: 'batch',
      time,
      keys: this.keys,
      upserted: this.objects.pack(),
      events: { keys: this.eventKeys, involved: this.involved, times: this.times, texts: this.events.pack(), touched: [] },
      deleted: [],
      actions: [],
      actionCount: 0,
    };
  }
}
