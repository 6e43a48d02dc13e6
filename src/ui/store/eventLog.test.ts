import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../sim/index';
import type { Event } from 'kubernetes-types/core/v1';
import { eventOf, newEventLog, RECENT_EVENTS, recordOf, touches, updateEvents, type EventRecord } from './eventLog';

const event = (name: string, pod: string, count = 1): KubeObject =>
  ({ apiVersion: 'v1', kind: 'Event', metadata: { name, namespace: 'default' }, involvedObject: { kind: 'Pod', namespace: 'default', name: pod }, reason: 'Pulled', count }) as unknown as KubeObject;
const podA = { kind: 'Pod', namespace: 'default', name: 'a' };
const podB = { kind: 'Pod', namespace: 'default', name: 'b' };
const records = (...events: KubeObject[]) => events.map((e) => recordOf(e as unknown as Event));

describe('the event log', () => {
  it('a new log holds its Events in time order, and counts every object as touched', () => {
    const stamped = (name: string, pod: string, minute: number) => ({ ...event(name, pod), lastTimestamp: `2026-01-01T09:0${minute}:00Z` }) as unknown as KubeObject;
    const log = newEventLog([stamped('b.1', 'b', 2), stamped('a.1', 'a', 1), stamped('b.2', 'b', 3)]);
    expect(log.window.map((r) => r.key)).toEqual(['default/a.1', 'default/b.1', 'default/b.2']);
    expect([log.touched, touches(log, podB)]).toEqual(['every', true]);
  });

  it('an update replaces a repeated Event in the window and says whose Events it touched', () => {
    const log = newEventLog([event('b.1', 'b'), event('a.1', 'a')]);
    const next = updateEvents(log, records(event('b.1', 'b', 4)), []);
    expect(next.revision).toBe(log.revision + 1);
    expect(next.window.map((r) => [r.key, eventOf(r).count])).toEqual([['default/b.1', 4], ['default/a.1', 1]]);
    expect([next.touched, touches(next, podB), touches(next, podA)]).toEqual([new Set(['Pod/default/b']), true, false]);
  });

  it("a deleted Event leaves the window and touches its object's Events; one the log no longer held touches every object's", () => {
    const log = newEventLog([event('b.1', 'b'), event('b.2', 'b')]);
    const next = updateEvents(log, [], [{ kind: 'Event', namespace: 'default', name: 'b.1' }]);
    expect([next.window.map((r) => r.key), next.touched]).toEqual([['default/b.2'], new Set(['Pod/default/b'])]);
    expect(updateEvents(next, [], [{ kind: 'Event', namespace: 'default', name: 'gone.1' }]).touched).toBe('every');
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
    // Both stay text; the fresh one entered the window, the old one did not, and both touched pod b's Events.
    expect([old.event, old.texts === texts, log.window.includes(old), log.window.at(-1) === fresh, fresh.event, fresh.texts === texts]).toEqual([undefined, true, false, true, undefined, true]);
    expect(log.touched).toEqual(new Set(['Pod/default/b']));
    expect([eventOf(fresh).metadata?.name, eventOf(fresh).count, fresh.texts]).toEqual(['b.2', 1, undefined]);
  });

  it('an Event of a full window that repeats keeps its place in the window, in its latest version', () => {
    const at = (i: number) => ({ ...event(`e.${i}`, 'p'), lastTimestamp: `2026-01-01T09:${String(Math.floor(i / 60)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}Z` }) as unknown as KubeObject;
    const log = newEventLog(Array.from({ length: RECENT_EVENTS }, (_, i) => at(i)));
    const next = updateEvents(log, records({ ...at(5), count: 3 } as KubeObject), []);
    const recent = next.window.map(eventOf);
    expect([recent.length, recent[5].metadata?.name, recent[5].count, recent[6].metadata?.name]).toEqual([RECENT_EVENTS, 'e.5', 3, 'e.6']);
  });

  it('deleting an Event of the window leaves it one shorter: the log holds no older Event to let in', () => {
    const many = Array.from({ length: RECENT_EVENTS + 1 }, (_, i) => ({ ...event(`e.${i}`, 'p'), lastTimestamp: `2026-01-01T09:${String(Math.floor(i / 60)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}Z` }) as unknown as KubeObject);
    const log = newEventLog(many);
    expect(eventOf(log.window[0]).metadata?.name).toBe('e.1');
    const next = updateEvents(log, [], [{ kind: 'Event', namespace: 'default', name: `e.${RECENT_EVENTS}` }]);
    expect([next.window.length, eventOf(next.window[0]).metadata?.name, eventOf(next.window.at(-1)!).metadata?.name]).toEqual([RECENT_EVENTS - 1, 'e.1', `e.${RECENT_EVENTS - 1}`]);
  });
});
