import { describe, expect, it } from 'vitest';
import type { Event } from 'kubernetes-types/core/v1';
import type { Action } from '../../sim/index';
import { recordOf } from '../store/eventLog';
import { entryOf, timeline } from './timelineModel';

const action = (seq: number, time: number, name: string, reason: string): Action => ({ seq, time, actor: 'default-scheduler', verb: 'bind', kind: 'Pod', namespace: 'default', name, reason });
const event = (name: string, at: string, pod: string, message: string, count = 1) =>
  recordOf({
    metadata: { name },
    involvedObject: { kind: 'Pod', namespace: 'default', name: pod },
    reason: 'Scheduled',
    type: 'Normal',
    message,
    count,
    lastTimestamp: at,
    source: { component: 'default-scheduler' },
  } as Event);

describe('timeline', () => {
  it('merges actions and events in time order, the action before the event it caused', () => {
    const entries = timeline(
      [action(1, 0, 'a', 'assigned default/a to node-1'), action(2, 2000, 'b', 'assigned default/b to node-2')],
      [event('a.1', '2026-01-01T09:00:00Z', 'a', 'Successfully assigned default/a to node-1')],
    );
    expect(entries.map(entryOf).map((e) => [e.time, e.source, e.text])).toEqual([
      [0, 'action', 'assigned default/a to node-1'],
      [0, 'event', 'Successfully assigned default/a to node-1'],
      [2000, 'action', 'assigned default/b to node-2'],
    ]);
  });

  it('filters to one object and shows repeated events with their count', () => {
    const entries = timeline([action(1, 0, 'a', 'x')], [event('b.1', '2026-01-01T09:00:05Z', 'b', 'Back-off restarting failed container app in pod b', 4)], { kind: 'Pod', namespace: 'default', name: 'b' });
    expect(entries.map((e) => entryOf(e).text)).toEqual(['Back-off restarting failed container app in pod b (x4)']);
  });

  it('keeps only the newest entries, ordered as a full sort would order them, ties included', () => {
    const actions = [action(1, 3000, 'a', 'third'), action(2, 1000, 'b', 'first'), action(3, 2000, 'c', 'second-action'), action(4, 3000, 'd', 'fourth')];
    const events = [event('c.1', '2026-01-01T09:00:02Z', 'c', 'second-event')];
    expect(timeline(actions, events, undefined, 4).map((e) => entryOf(e).text)).toEqual(['second-action', 'second-event', 'third', 'fourth']);
  });
});
