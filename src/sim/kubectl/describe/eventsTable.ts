// Mirrors k8s.io/kubectl/pkg/describe/describe.go searchEvents (the involvedObject field selector of client-go's
// EventExpansion.GetFieldSelector) and DescribeEvents, with the ordering of kubectl/pkg/util/event SortableEvents;
// leaves out chunked listing. Ages come from firstTimestamp before eventTime (see describeEvents).
import type { Event } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../api/object';
import { escapeValue } from '../../api/meta/v1/fieldSelector';
import type { VirtualMs } from '../../clock/virtualClock';
import { parseTime } from '../../clock/timeFormat';
import type { ApiClient } from '../../store/types';
import { LEVEL_0, LEVEL_1, type PrefixWriter } from './prefixWriter';
import { timestampSince } from './timestamps';

export type EventObject = Event & KubeObject;

/** EventRef is the object reference events are searched by; kind is left out for pods, as PodDescriber does. */
export interface EventRef {
  kind?: string;
  namespace: string;
  name: string;
  uid: string;
}

/** refOf is reference.GetReference for a stored object. */
export function refOf(obj: KubeObject): EventRef {
  return { kind: obj.kind, namespace: obj.metadata.namespace ?? '', name: obj.metadata.name ?? '', uid: obj.metadata.uid ?? '' };
}

/**
 * searchEvents lists the Events about an object, by name, namespace, kind (when given) and uid, in the object's
 * namespace (every namespace for cluster-scoped objects, whose events live in `default`).
 */
export function searchEvents(client: ApiClient, ref: EventRef): EventObject[] {
  const terms = [`involvedObject.name=${escapeValue(ref.name)}`, `involvedObject.namespace=${escapeValue(ref.namespace)}`];
  if (ref.kind) terms.push(`involvedObject.kind=${escapeValue(ref.kind)}`);
  if (ref.uid) terms.push(`involvedObject.uid=${escapeValue(ref.uid)}`);
  return client.list<EventObject>('Event', { namespace: ref.namespace || undefined, fieldSelector: terms.join(',') });
}

/** eventTime is the time events sort by: the series' last observation, else lastTimestamp, else eventTime. */
function eventTime(e: EventObject): number {
  const t = e.series?.lastObservedTime ? parseTime(e.series.lastObservedTime) : (parseTime(e.lastTimestamp) ?? parseTime(e.eventTime));
  return t ?? Number.NEGATIVE_INFINITY;
}

/**
 * describeEvents is DescribeEvents: `Events:  <none>`, or a table of Type, Reason, Age (`3m10s`, `20s (x4 over 5m)`
 * for repeated events), From and Message, oldest first.
 */
export function describeEvents(events: readonly EventObject[], w: PrefixWriter, now: VirtualMs): void {
  if (events.length === 0) {
    w.write(LEVEL_0, 'Events:\t<none>\n');
    return;
  }
  // Go sorts with insertion sort below 12 elements, which keeps the list order of events that tie.
  const sorted = events.map((e, i) => ({ e, i, t: eventTime(e) })).sort((a, b) => a.t - b.t || a.i - b.i);
  w.write(LEVEL_0, 'Events:\n  Type\tReason\tAge\tFrom\tMessage\n');
  w.write(LEVEL_1, '----\t------\t----\t----\t-------\n');
  for (const { e } of sorted) {
    // kubectl ages an event from eventTime, else firstTimestamp; real Events never carry both. The simulation's
    // recorder writes both and moves eventTime to the latest repeat, so firstTimestamp, when set, is the first one.
    const firstTimestampSince = e.firstTimestamp ? timestampSince(e.firstTimestamp, now) : timestampSince(e.eventTime, now);
    let interval = firstTimestampSince;
    if (e.series) interval = `${timestampSince(e.series.lastObservedTime, now)} (x${e.series.count ?? 0} over ${firstTimestampSince})`;
    else if ((e.count ?? 0) > 1) interval = `${timestampSince(e.lastTimestamp, now)} (x${e.count} over ${firstTimestampSince})`;
    const source = e.source?.component || e.reportingComponent || '';
    let message = (e.message ?? '').trim();
    if (e.involvedObject.fieldPath) message = `${e.involvedObject.fieldPath}: ${message}`;
    w.write(LEVEL_1, `${e.type ?? ''}\t${e.reason ?? ''}\t${interval}\t${source}\t${message}\n`);
  }
}
