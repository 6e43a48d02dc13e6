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

/**
 * timeline merges actions and events in time order (actions before events at the same instant, since the
 * write causes the event), optionally only those about one object.
 */
export function timeline(actions: readonly Action[], events: readonly Event[], filter?: ObjectRef, limit = 300): TimelineEntry[] {
  const entries = [...actions.map(actionEntry), ...events.map(eventEntry)].filter(
    (e) => !filter || (e.ref.kind === filter.kind && e.ref.name === filter.name && (e.ref.namespace || '') === (filter.namespace || '')),
  );
  entries.sort((a, b) => a.time - b.time || (a.source === b.source ? 0 : a.source === 'action' ? -1 : 1));
  return entries.slice(-limit);
}
