import type { Event } from 'kubernetes-types/core/v1';
import type { Action, ObjectRef } from '../../sim/index';
import { parseTime } from '../../sim/clock/timeFormat';

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
    time: parseTime(e.eventTime ?? e.lastTimestamp ?? e.firstTimestamp) ?? 0,
    source: 'event',
    who: source,
    type: e.type,
    reason: e.reason,
    text: e.count && e.count > 1 ? `${e.message} (x${e.count})` : (e.message ?? ''),
    ref: { kind: o.kind ?? '', namespace: o.namespace ?? '', name: o.name ?? '' },
  };
}

// Entries are rebuilt for every batch from thousands of Events; an Event or Action object that did not change keeps
// its entry, so its timestamp is parsed once.
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
export function timeline(actions: readonly Action[], events: Iterable<Event>, filter?: ObjectRef, limit = 300): TimelineEntry[] {
  const wanted = (e: TimelineEntry) => !filter || (e.ref.kind === filter.kind && e.ref.name === filter.name && (e.ref.namespace || '') === (filter.namespace || ''));
  let all: TimelineEntry[] = [];
  for (const a of actions) {
    const entry = cached(a, actionEntry);
    if (wanted(entry)) all.push(entry);
  }
  for (const e of events) {
    const entry = cached(e, eventEntry);
    if (wanted(entry)) all.push(entry);
  }
  if (all.length > limit) {
    // Only entries at or after the limit-th newest time can be kept: sort those, not all of them. Filtering keeps
    // the original order and the sort is stable, so ties come out as a full sort would order them.
    const times = Float64Array.from(all, (e) => e.time).sort();
    const cutoff = times[times.length - limit];
    all = all.filter((e) => e.time >= cutoff);
  }
  return all.sort(byTime).slice(-limit);
}
