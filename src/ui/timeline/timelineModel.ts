import type { Event } from 'kubernetes-types/core/v1';
import type { Action, ObjectRef } from '../../sim/index';
import { eventTime, RECENT_EVENTS } from '../store/eventLog';

/** TimelineEntry is one line of the timeline: a narrated action, or a Kubernetes Event. */
export interface TimelineEntry {
  id: string;
  time: number;
  source: 'action' | 'event';
  /** Who: `deployment-controller`, `kubelet/node-2`, `default-scheduler`... */
  who: string;
  /** For events: Normal or Warning, and the reason (`Scheduled`, `BackOff`). */
  type?: string;
  reason?: string;
  text: string;
  ref: ObjectRef;
}

/** actionEntry: a narrated write reads "who verb kind/name: why". */
export function actionEntry(a: Action): TimelineEntry {
  return {
    id: `a${a.seq}`,
    time: a.time,
    source: 'action',
    who: a.actor,
    text: a.reason || `${a.verb} ${a.kind.toLowerCase()}/${a.name}`,
    ref: { kind: a.kind, namespace: a.namespace, name: a.name },
  };
}

/** eventEntry: an Event reads as kubectl get events does: TYPE REASON OBJECT MESSAGE. */
export function eventEntry(e: Event): TimelineEntry {
  const o = e.involvedObject;
  const source = e.source?.host ? `${e.source.component}/${e.source.host}` : (e.source?.component ?? e.reportingComponent ?? '');
  return {
    id: `e${e.metadata?.name}`,
    time: eventTime(e),
    source: 'event',
    who: source,
    type: e.type,
    reason: e.reason,
    text: e.count && e.count > 1 ? `${e.message} (x${e.count})` : (e.message ?? ''),
    ref: { kind: o.kind ?? '', namespace: o.namespace ?? '', name: o.name ?? '' },
  };
}

// The timeline is rebuilt after every batch: entries are built once per action or Event object, and only for the
// items that are kept.
const entries = new WeakMap<object, TimelineEntry>();

function cached<T extends object>(item: T, build: (item: T) => TimelineEntry): TimelineEntry {
  let entry = entries.get(item);
  if (!entry) entries.set(item, (entry = build(item)));
  return entry;
}

const byTime = (a: TimelineEntry, b: TimelineEntry) => a.time - b.time || (a.source === b.source ? 0 : a.source === 'action' ? -1 : 1);

/**
 * timeline merges actions and events in time order (actions before events at the same instant, since the
 * write causes the event), optionally only those about one object, and keeps the newest `limit`.
 */
export function timeline(actions: readonly Action[], events: Iterable<Event>, filter?: ObjectRef, limit = RECENT_EVENTS): TimelineEntry[] {
  const about = (kind: string | undefined, namespace: string | undefined, name: string | undefined) =>
    !filter || ((kind ?? '') === filter.kind && (name ?? '') === filter.name && (namespace || '') === (filter.namespace || ''));
  const chosenActions = actions.filter((a) => about(a.kind, a.namespace, a.name));
  const chosenEvents: Event[] = [];
  for (const e of events) if (about(e.involvedObject.kind, e.involvedObject.namespace, e.involvedObject.name)) chosenEvents.push(e);
  // Only items at or after the limit-th newest time can be kept. Filtering keeps the original order and the sort
  // is stable, so ties come out as a full sort would order them.
  let cutoff = -Infinity;
  if (chosenActions.length + chosenEvents.length > limit) {
    const times = new Float64Array(chosenActions.length + chosenEvents.length);
    chosenActions.forEach((a, i) => (times[i] = a.time));
    chosenEvents.forEach((e, i) => (times[chosenActions.length + i] = eventTime(e)));
    cutoff = times.sort()[times.length - limit];
  }
  const kept = [
    ...chosenActions.filter((a) => a.time >= cutoff).map((a) => cached(a, actionEntry)),
    ...chosenEvents.filter((e) => eventTime(e) >= cutoff).map((e) => cached(e, eventEntry)),
  ];
  return kept.sort(byTime).slice(-limit);
}
