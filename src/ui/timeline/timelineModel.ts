import type { Event } from 'kubernetes-types/core/v1';
import type { Action, ObjectRef } from '../../sim/index';
import { eventOf, eventTime, involvedKey, RECENT_EVENTS, type EventRecord } from '../store/eventLog';

/** TimelineEntry is one line of the timeline: a narrated action, or a Kubernetes Event. */
export interface TimelineEntry {
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
    time: eventTime(e),
    source: 'event',
    who: source,
    type: e.type,
    reason: e.reason,
    text: e.count && e.count > 1 ? `${e.message} (x${e.count})` : (e.message ?? ''),
    ref: { kind: o.kind ?? '', namespace: o.namespace ?? '', name: o.name ?? '' },
  };
}

/**
 * TimelineItem is one entry before it is shown: what orders and filters it. Events stay unparsed records until
 * their row is shown (entryOf): the timeline keeps 300 entries, and while it follows the newest it shows a few dozen.
 */
export type TimelineItem = { id: string; time: number; source: 'action'; action: Action } | { id: string; time: number; source: 'event'; record: EventRecord };

// Entries are built once per action or Event record, when first shown.
const entries = new WeakMap<object, TimelineEntry>();

/** entryOf is the item's entry, built the first time it is asked for. */
export function entryOf(item: TimelineItem): TimelineEntry {
  const of = item.source === 'action' ? item.action : item.record;
  let entry = entries.get(of);
  if (!entry) {
    entry = item.source === 'action' ? actionEntry(item.action) : eventEntry(eventOf(item.record));
    entries.set(of, entry);
  }
  return entry;
}

const items = new WeakMap<object, TimelineItem>();

function itemOf(of: Action | EventRecord): TimelineItem {
  let item = items.get(of);
  if (!item) {
    item = 'seq' in of ? { id: `a${of.seq}`, time: of.time, source: 'action', action: of } : { id: `e${of.key}`, time: of.time, source: 'event', record: of };
    items.set(of, item);
  }
  return item;
}

const byTime = (a: TimelineItem, b: TimelineItem) => a.time - b.time || (a.source === b.source ? 0 : a.source === 'action' ? -1 : 1);

/**
 * timeline merges actions and Events in time order (actions before Events at the same instant, since the write
 * causes the Event), optionally only those about one object, and keeps the newest `limit`.
 */
export function timeline(actions: readonly Action[], events: readonly EventRecord[], filter?: ObjectRef, limit = RECENT_EVENTS): TimelineItem[] {
  const involved = filter && involvedKey(filter);
  const chosenActions = filter ? actions.filter((a) => a.kind === filter.kind && a.name === filter.name && (a.namespace || '') === (filter.namespace || '')) : actions;
  const chosenEvents = involved ? events.filter((r) => r.involved === involved) : events;
  // Only items at or after the limit-th newest time can be kept. Filtering keeps the original order and the sort
  // is stable, so ties come out as a full sort would order them.
  let cutoff = -Infinity;
  if (chosenActions.length + chosenEvents.length > limit) {
    const times = new Float64Array(chosenActions.length + chosenEvents.length);
    chosenActions.forEach((a, i) => (times[i] = a.time));
    chosenEvents.forEach((r, i) => (times[chosenActions.length + i] = r.time));
    cutoff = times.sort()[times.length - limit];
  }
  const kept: TimelineItem[] = [];
  for (const a of chosenActions) if (a.time >= cutoff) kept.push(itemOf(a));
  for (const r of chosenEvents) if (r.time >= cutoff) kept.push(itemOf(r));
  return kept.sort(byTime).slice(-limit);
}
