import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../sim/index';
import type { Event } from 'kubernetes-types/core/v1';
import { eventOf, eventsAbout, newEventLog, RECENT_EVENTS, recordOf, updateEvents, type EventRecord } from './eventLog';

const event = (name: string, pod: string, count = 1): KubeObject =>
  ({ apiVersion: 'v1', kind: 'Event', metadata: { name, namespace: 'default' }, involvedObject: { kind: 'Pod', namespace: 'default', name: pod }, reason: 'Pulled', count }) as unknown as KubeObject;
const podB = { kind: 'Pod', namespace: 'default', name: 'b' };
const records = (...events: KubeObject[]) => events.map((e) => recordOf(e as unknown as Event));

describe('the event log', () => {
  it('indexes events by the object they are about, oldest first', () => {
    const log = newEventLog([event('b.1', 'b'), event('a.1', 'a'), event('b.2', 'b')]);
    expect(eventsAbout(log, podB).map((e) => e.metadata?.name)).toEqual(['b.1', 'b.2']);
    expect(log.byKey.size).toBe(3);
  });

  it('an update replaces a repeated event in place and returns a new revision around the same maps', () => {
    const log = newEventLog([event('b.1', 'b')]);
    const next = updateEvents(log, records(event('b.1', 'b', 4)), []);
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

  it('keeps the newest RECENT_EVENTS Events across batches, in the order a full sort by time, then arrival, gives', () => {
    // Times wander back and forth, and an update moves an Event later, as a repeated Event's lastTimestamp does.
    const at = (i: number) => `2026-01-01T09:${String(Math.floor(((i * 37) % 500) / 60)).padStart(2, '0')}:${String(((i * 37) % 500) % 60).padStart(2, '0')}Z`;
    const timed = (i: number, stamp: string) => ({ ...event(`e.${i}`, 'p'), lastTimestamp: stamp }) as unknown as KubeObject;
    let log = newEventLog();
    const latest = new Map<string, string>();
    for (let batch = 0; batch < 8; batch++) {
      const upserted = Array.from({ length: 60 }, (_, j) => timed(batch * 60 + j, at(batch * 60 + j)));
      if (batch > 0) upserted.push(timed(batch, '2026-01-01T09:59:00Z'));
      for (const e of upserted) latest.set(e.metadata.name!, (e as unknown as { lastTimestamp: string }).lastTimestamp);
      log = updateEvents(log, records(...upserted), []);
    }
    const arrival = [...latest.keys()];
    const want = arrival
      .map((name, i) => ({ name, time: latest.get(name)!, i }))
      .sort((a, b) => a.time.localeCompare(b.time) || a.i - b.i)
      .slice(-RECENT_EVENTS)
      .map((e) => e.name);
    expect(log.window.map((r) => eventOf(r).metadata?.name)).toEqual(want);
  });

  it('an Event that came as text is parsed only when read: the timeline window holds records, not Events', () => {
    const newer = Array.from({ length: RECENT_EVENTS }, (_, i) => ({ ...event(`e.${i}`, 'p'), lastTimestamp: '2026-01-01T09:30:00Z' }) as unknown as KubeObject);
    // Both texts packed in one buffer, as they come from the worker: the old one's first, then the fresh one's.
    const [oldText, freshText] = [JSON.stringify(event('b.1', 'b', 2)), JSON.stringify(event('b.2', 'b', 1))];
    const texts = new TextEncoder().encode(oldText + freshText);
    const old: EventRecord = { key: 'default/b.1', involved: 'Pod/default/b', time: 7, texts, start: 0, end: oldText.length };
    const fresh: EventRecord = { key: 'default/b.2', involved: 'Pod/default/b', time: 3_600_000, texts, start: oldText.length, end: texts.length };
    const log = updateEvents(newEventLog(newer), [old, fresh], []);
    // Both stay text; the fresh one entered the window.
    expect([old.event, old.texts === texts, log.window.at(-1) === fresh, fresh.event, fresh.texts === texts]).toEqual([undefined, true, true, undefined, true]);
    expect(eventsAbout(log, podB).map((e) => [e.metadata?.name, e.count])).toEqual([['b.1', 2], ['b.2', 1]]);
    expect([old.texts, eventOf(old)]).toEqual([undefined, eventsAbout(log, podB)[0]]);
  });

  it('an Event of a full window that repeats keeps its place in the window, in its latest version', () => {
    const at = (i: number) => ({ ...event(`e.${i}`, 'p'), lastTimestamp: `2026-01-01T09:${String(Math.floor(i / 60)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}Z` }) as unknown as KubeObject;
    const log = newEventLog(Array.from({ length: RECENT_EVENTS }, (_, i) => at(i)));
    const next = updateEvents(log, records({ ...at(5), count: 3 } as KubeObject), []);
    const recent = next.window.map(eventOf);
    expect([recent.length, recent[5].metadata?.name, recent[5].count, recent[6].metadata?.name]).toEqual([RECENT_EVENTS, 'e.5', 3, 'e.6']);
  });

  it('deleting an Event of the window lets the next newest in', () => {
    const many = Array.from({ length: RECENT_EVENTS + 1 }, (_, i) => ({ ...event(`e.${i}`, 'p'), lastTimestamp: `2026-01-01T09:${String(Math.floor(i / 60)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}Z` }) as unknown as KubeObject);
    const log = newEventLog(many);
    expect(eventOf(log.window[0]).metadata?.name).toBe('e.1');
    const next = updateEvents(log, [], [{ kind: 'Event', namespace: 'default', name: `e.${RECENT_EVENTS}` }]);
    expect([next.window.length, eventOf(next.window[0]).metadata?.name, eventOf(next.window.at(-1)!).metadata?.name]).toEqual([RECENT_EVENTS, 'e.0', `e.${RECENT_EVENTS - 1}`]);
  });
});
