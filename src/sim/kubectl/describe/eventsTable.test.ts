import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../api/object';
import { rfc3339, rfc3339Micro } from '../../clock/timeFormat';
import { describeEvents, searchEvents, type EventObject } from './eventsTable';
import { fakeClient } from './fakeClient';
import { tabbedString } from './prefixWriter';

const MIN = 60_000;
const text = (...lines: string[]) => lines.map((l) => `${l}\n`).join('');

/** legacy is an Event as client-go's record.EventRecorder writes it: first/last timestamps and a count, no eventTime. */
function legacy(name: string, reason: string, message: string, first: number, last = first, count = 1, extra: Partial<EventObject> = {}): EventObject {
  return {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { name, namespace: 'default' },
    involvedObject: { kind: 'Pod', name: 'web', namespace: 'default', uid: 'uid-web' },
    type: 'Normal',
    reason,
    message,
    source: { component: 'kubelet', host: 'node-1' },
    firstTimestamp: rfc3339(first),
    lastTimestamp: rfc3339(last),
    count,
    ...extra,
  };
}

describe('describeEvents', () => {
  const now = 10 * MIN;
  it.each([
    { name: 'No events print `Events:  <none>`', events: [], want: text('Events:  <none>') },
    {
      name: 'A repeated event shows its last age, its count and its first age',
      events: [legacy('a', 'BackOff', 'Back-off restarting failed container web in pod web', 5 * MIN, now - 10_000, 2, { type: 'Warning' })],
      want: text(
        'Events:',
        '  Type     Reason   Age               From     Message',
        '  ----     ------   ----              ----     -------',
        '  Warning  BackOff  10s (x2 over 5m)  kubelet  Back-off restarting failed container web in pod web',
      ),
    },
    {
      name: "A repeated event of the simulation's recorder (eventTime moved to the last repeat) is aged from its firstTimestamp",
      events: [
        legacy('g', 'Unhealthy', 'Liveness probe failed: HTTP probe failed with statuscode: 500', now - 115_000, now, 14, {
          type: 'Warning',
          eventTime: rfc3339Micro(now),
        }),
      ],
      want: text(
        'Events:',
        '  Type     Reason     Age                 From     Message',
        '  ----     ------     ----                ----     -------',
        '  Warning  Unhealthy  0s (x14 over 115s)  kubelet  Liveness probe failed: HTTP probe failed with statuscode: 500',
      ),
    },
    {
      name: 'An events.k8s.io event ages from eventTime and names its reporting controller',
      events: [
        {
          ...legacy('b', 'Scheduled', 'Successfully assigned default/web to node-1', 0),
          firstTimestamp: undefined,
          lastTimestamp: undefined,
          source: undefined,
          eventTime: rfc3339Micro(now - 190_000),
          reportingComponent: 'default-scheduler',
        },
      ],
      want: text(
        'Events:',
        '  Type    Reason     Age    From               Message',
        '  ----    ------     ----   ----               -------',
        '  Normal  Scheduled  3m10s  default-scheduler  Successfully assigned default/web to node-1',
      ),
    },
    {
      name: 'An event series shows the last observation and the series count',
      events: [
        {
          ...legacy('c', 'Unhealthy', 'Readiness probe failed: HTTP probe failed with statuscode: 500', 0),
          firstTimestamp: undefined,
          lastTimestamp: undefined,
          type: 'Warning',
          eventTime: rfc3339Micro(now - 190_000),
          series: { count: 4, lastObservedTime: rfc3339Micro(now - 20_000) },
          involvedObject: { kind: 'Pod', name: 'web', namespace: 'default', uid: 'uid-web', fieldPath: 'spec.containers{web}' },
        },
      ],
      want: text(
        'Events:',
        '  Type     Reason     Age                  From     Message',
        '  ----     ------     ----                 ----     -------',
        '  Warning  Unhealthy  20s (x4 over 3m10s)  kubelet  spec.containers{web}: Readiness probe failed: HTTP probe failed with statuscode: 500',
      ),
    },
    {
      name: 'Events are ordered by their last time, ties kept in list order',
      events: [legacy('d', 'Started', 'Started container web', 2 * MIN), legacy('e', 'Pulling', 'Pulling image "nginx"', MIN), legacy('f', 'Pulled', 'Pulled', MIN)],
      want: text(
        'Events:',
        '  Type    Reason   Age   From     Message',
        '  ----    ------   ----  ----     -------',
        '  Normal  Pulling  9m    kubelet  Pulling image "nginx"',
        '  Normal  Pulled   9m    kubelet  Pulled',
        '  Normal  Started  8m    kubelet  Started container web',
      ),
    },
  ])('$name', ({ events, want }) => {
    expect(tabbedString((w) => describeEvents(events, w, now))).toBe(want);
  });
});

describe('searchEvents', () => {
  const pod: KubeObject = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web', namespace: 'default', uid: 'uid-web' } };
  const events: EventObject[] = [
    legacy('mine', 'Started', 'x', 0),
    legacy('old-pod-same-name', 'Started', 'x', 0, 0, 1, { involvedObject: { kind: 'Pod', name: 'web', namespace: 'default', uid: 'uid-old' } }),
    legacy('other-namespace', 'Started', 'x', 0, 0, 1, {
      metadata: { name: 'other-namespace', namespace: 'prod' },
      involvedObject: { kind: 'Pod', name: 'web', namespace: 'prod', uid: 'uid-web' },
    }),
  ];
  it('Events match by name, namespace and uid, so a deleted namesake\'s events are left out', () => {
    const found = searchEvents(fakeClient(events), { namespace: 'default', name: 'web', uid: pod.metadata.uid! });
    expect(found.map((e) => e.metadata.name)).toEqual(['mine']);
  });
  it('A kind in the reference must match the involved object\'s kind', () => {
    expect(searchEvents(fakeClient(events), { kind: 'Node', namespace: 'default', name: 'web', uid: 'uid-web' })).toEqual([]);
  });
});
