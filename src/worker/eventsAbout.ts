// The Events about one object, as the inspector and a filtered timeline show them; the page keeps only the newest
// few hundred Events itself (ui/store/eventLog.ts). No upstream counterpart: kubectl's own search is searchEvents.
import type { Event } from 'kubernetes-types/core/v1';
import type { Cluster, KubeObject, ObjectRef } from '../sim/index';
import { eventTime, slimEvent } from './wireBatch';

/**
 * eventsAbout lists the Events whose involved object is `ref` (by kind, namespace and name, as the timeline keys
 * them), slimmed as batches carry them, oldest first by the time the timeline orders them by; Events of the same
 * time in the order the API server lists them.
 */
export function eventsAbout(cluster: Cluster, ref: ObjectRef): Event[] {
  const about = cluster
    .list<Event & KubeObject>('Event', { namespace: ref.namespace || undefined })
    .filter(({ involvedObject: o }) => o.kind === ref.kind && (o.namespace ?? '') === (ref.namespace ?? '') && o.name === ref.name);
  return about
    .map((event, i) => ({ event, i, time: eventTime(event) }))
    .sort((a, b) => a.time - b.time || a.i - b.i)
    .map(({ event }) => slimEvent(event) as Event);
}
