import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../sim/index';
import { eventsAbout, newEventLog, updateEvents } from './eventLog';

const event = (name: string, pod: string, count = 1): KubeObject =>
  ({ apiVersion: 'v1', kind: 'Event', metadata: { name, namespace: 'default' }, involvedObject: { kind: 'Pod', namespace: 'default', name: pod }, reason: 'Pulled', count }) as unknown as KubeObject;
const podB = { kind: 'Pod', namespace: 'default', name: 'b' };

describe('the event log', () => {
  it('indexes events by the object they are about, oldest first', () => {
    const log = newEventLog([event('b.1', 'b'), event('a.1', 'a'), event('b.2', 'b')]);
    expect(eventsAbout(log, podB).map((e) => e.metadata?.name)).toEqual(['b.1', 'b.2']);
    expect(log.byKey.size).toBe(3);
  });

  it('an update replaces a repeated event in place and returns a new revision around the same maps', () => {
    const log = newEventLog([event('b.1', 'b')]);
    const next = updateEvents(log, [event('b.1', 'b', 4)], []);
    expect(next).not.toBe(log);
    expect(next.revision).toBe(log.revision + 1);
    expect(next.byKey).toBe(log.byKey);
    expect(eventsAbout(next, podB).map((e) => e.count)).toEqual([4]);
  });

  it('a deleted event leaves both the log and the index of its object', () => {
    const log = updateEvents(newEventLog([event('b.1', 'b'), event('b.2', 'b')]), [], [{ kind: 'Event', namespace: 'default', name: 'b.1' }]);
    expect([...log.byKey.keys()]).toEqual(['default/b.2']);
    expect(eventsAbout(log, podB).map((e) => e.metadata?.name)).toEqual(['b.2']);
  });

  it('an object with no events has an empty list', () => {
    expect(eventsAbout(newEventLog(), podB)).toEqual([]);
  });
});
