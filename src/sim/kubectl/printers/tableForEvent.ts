// Mirrors printEvent and formatEventSource in pkg/printers/internalversion/printers.go.
import type { Event } from 'kubernetes-types/core/v1';
import { since, tableHandler } from './table';

/**
 * eventTable is `kubectl get events`: LAST SEEN TYPE REASON OBJECT MESSAGE; -o wide inserts SUBOBJECT and SOURCE
 * before MESSAGE and adds FIRST SEEN, COUNT and NAME after it. LAST SEEN falls back to the first timestamp, then to
 * eventTime; a series' last observation wins.
 */
export const eventTable = tableHandler<Event>(
  [
    { name: 'Last Seen' },
    { name: 'Type' },
    { name: 'Reason' },
    { name: 'Object' },
    { name: 'Subobject', priority: 1 },
    { name: 'Source', priority: 1 },
    { name: 'Message' },
    { name: 'First Seen', priority: 1 },
    { name: 'Count', priority: 1 },
    { name: 'Name', priority: 1, format: 'name' },
  ],
  (event, now) => {
    const firstSeen = event.firstTimestamp ? since(event.firstTimestamp, now) : since(event.eventTime, now);
    let lastSeen = event.lastTimestamp ? since(event.lastTimestamp, now) : firstSeen;
    let count = event.count ?? 0;
    if (event.series) {
      lastSeen = since(event.series.lastObservedTime, now);
      count = event.series.count ?? 0;
    } else if (count === 0) {
      count = 1;
    }
    const involved = event.involvedObject;
    const target = involved.name ? `${(involved.kind ?? '').toLowerCase()}/${involved.name}` : (involved.kind ?? '').toLowerCase();
    const component = event.source?.component || event.reportingComponent || '';
    const instance = event.source?.host || event.reportingInstance || '';
    return [
      lastSeen,
      event.type ?? '',
      event.reason ?? '',
      target,
      involved.fieldPath ?? '',
      instance ? `${component}, ${instance}` : component,
      (event.message ?? '').trim(),
      firstSeen,
      count,
      event.metadata.name ?? '',
    ];
  },
);
