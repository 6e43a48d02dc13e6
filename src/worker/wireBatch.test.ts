import { describe, expect, it } from 'vitest';
import type { Event } from 'kubernetes-types/core/v1';
import type { Action, ChangeBatch, KubeObject } from '../sim/index';
import { ACTION_WINDOW, EVENT_WINDOW } from './protocol';
import { encodeBatch, eventTime, slimEvent } from './wireBatch';
import { parseText, textAt, type PackedTexts } from './packedTexts';

const parsed = (texts: PackedTexts) => texts.ends.map((_, i) => parseText<KubeObject>(textAt(texts, i)));

const pod = (name: string): KubeObject => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default' } });
const ref = (name: string) => ({ kind: 'Pod', namespace: 'default', name });
const act = (seq: number): Action => ({ seq, time: 5, actor: 'default-scheduler', verb: 'bind', kind: 'Pod', namespace: 'default', name: 'a', reason: 'assigned' });
const podChars = JSON.stringify(pod('a')).length;

describe('encodeBatch', () => {
  const shape = (batch: ChangeBatch, maxChars: number) =>
    encodeBatch(batch, maxChars).map((m) => [m.time, m.keys, parsed(m.upserted).map((o) => o.metadata.name), m.events.keys, m.deleted.map((d) => d.name), m.actions.map((a) => a.seq), m.actionCount]);

  it.each<{ name: string; batch: ChangeBatch; maxChars: number; want: unknown[] }>([
    {
      name: 'a batch within the limit is one message, each object as JSON text under its kind/namespace/name key',
      batch: { time: 5, upserted: [pod('a')], deleted: [ref('z')], actions: [act(1)] },
      maxChars: 1 << 20,
      want: [[5, ['Pod/default/a'], ['a'], [], ['z'], [1], 1]],
    },
    {
      name: 'a larger batch is cut in order by the size of its text, with deletions and actions in the last part',
      batch: { time: 5, upserted: [pod('a'), pod('b'), pod('c')], deleted: [ref('x')], actions: [act(1), act(2)] },
      maxChars: 2 * podChars,
      want: [
        [5, ['Pod/default/a', 'Pod/default/b'], ['a', 'b'], [], [], [], 0],
        [5, ['Pod/default/c'], ['c'], [], ['x'], [1, 2], 2],
      ],
    },
    {
      name: 'an object larger than the limit still travels, alone in its part',
      batch: { time: 7, upserted: [pod('a'), pod('b')], deleted: [], actions: [] },
      maxChars: 1,
      want: [
        [7, ['Pod/default/a'], ['a'], [], [], [], 0],
        [7, ['Pod/default/b'], ['b'], [], [], [], 0],
      ],
    },
  ])('$name', ({ batch, maxChars, want }) => expect(shape(batch, maxChars)).toEqual(want));

  it('Events travel apart from the other objects, and their text counts towards the size of a part', () => {
    const pulled = { apiVersion: 'v1', kind: 'Event', metadata: { name: 'a.1', namespace: 'default' }, involvedObject: { kind: 'Pod', namespace: 'default', name: 'a' }, lastTimestamp: '2026-01-01T09:00:05Z' };
    const eventChars = JSON.stringify(slimEvent(pulled as Event)).length;
    const parts = encodeBatch({ time: 5, upserted: [pod('a'), pulled as KubeObject, pod('b')], deleted: [], actions: [] }, podChars + eventChars);
    expect(parts.map((m) => [m.keys, m.events.keys, m.events.involved, m.events.times])).toEqual([
      [['Pod/default/a'], ['default/a.1'], ['Pod/default/a'], [5000]],
      [['Pod/default/b'], [], [], []],
    ]);
  });

  it.each([
    { name: 'an Event happened at its eventTime, to the millisecond', event: { eventTime: '2026-01-01T09:00:01.250000Z', lastTimestamp: '2026-01-01T09:00:03Z' }, want: 1250 },
    { name: 'without an eventTime, at its lastTimestamp', event: { lastTimestamp: '2026-01-01T09:00:03Z', firstTimestamp: '2026-01-01T09:00:01Z' }, want: 3000 },
    { name: 'with neither, at its firstTimestamp', event: { firstTimestamp: '2026-01-01T09:01:00Z' }, want: 60_000 },
    { name: 'with no time at all, at the start of the clock', event: {}, want: 0 },
  ])('$name', ({ event, want }) => expect(eventTime(event as Event)).toBe(want));

  it('a batch carries only its newest EVENT_WINDOW Events, the later in the batch first among equal times, and names once each object the others were about', () => {
    const second = (s: number) => `2026-01-01T09:${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}Z`;
    // Pod p<i>'s Event at second i, for i from 0 to EVENT_WINDOW, then one more about p0 at second 1.
    const event = (name: string, pod: string, s: number) => ({ apiVersion: 'v1', kind: 'Event', metadata: { name, namespace: 'default' }, involvedObject: { kind: 'Pod', namespace: 'default', name: pod }, lastTimestamp: second(s) }) as unknown as KubeObject;
    const events = [...Array.from({ length: EVENT_WINDOW + 1 }, (_, i) => event(`e${i}`, `p${i}`, i)), event('again', 'p0', 1)];
    const [message] = encodeBatch({ time: 5, upserted: [pod('a'), ...events], deleted: [], actions: [] });
    expect([message.keys, message.events.keys.length, message.events.keys.slice(0, 2), message.events.keys.at(-1), message.events.touched]).toEqual([
      ['Pod/default/a'],
      EVENT_WINDOW,
      ['default/e2', 'default/e3'],
      'default/again',
      ['Pod/default/p1', 'Pod/default/p0'],
    ]);
  });

  it('a batch carries only the newest ACTION_WINDOW actions, and counts them all', () => {
    const actions = Array.from({ length: ACTION_WINDOW + 20 }, (_, i) => act(i + 1));
    const [message] = encodeBatch({ time: 5, upserted: [], deleted: [], actions });
    expect([message.actions.length, message.actions[0].seq, message.actions.at(-1)?.seq, message.actionCount]).toEqual([ACTION_WINDOW, 21, ACTION_WINDOW + 20, ACTION_WINDOW + 20]);
  });

  it('an Event keeps what the timeline and inspector show, and loses uids and resource versions', () => {
    const event: Event = {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name: 'web.01', namespace: 'default', uid: 'u1', resourceVersion: '31', creationTimestamp: '2026-01-01T09:00:00Z' },
      involvedObject: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', namespace: 'default', uid: 'u2', resourceVersion: '11' },
      reason: 'ScalingReplicaSet',
      message: 'Scaled up replica set web-7957885594 from 0 to 2',
      type: 'Normal',
      source: { component: 'deployment-controller' },
      count: 1,
      firstTimestamp: '2026-01-01T09:00:00Z',
      lastTimestamp: '2026-01-01T09:00:00Z',
      eventTime: '2026-01-01T09:00:00.000000Z',
      reportingComponent: 'deployment-controller',
      action: 'ScalingReplicaSet',
      reportingInstance: '',
    };
    expect(JSON.parse(JSON.stringify(slimEvent(event)))).toEqual({
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name: 'web.01', namespace: 'default' },
      involvedObject: { kind: 'Deployment', name: 'web', namespace: 'default' },
      reason: 'ScalingReplicaSet',
      message: 'Scaled up replica set web-7957885594 from 0 to 2',
      type: 'Normal',
      source: { component: 'deployment-controller' },
      count: 1,
      firstTimestamp: '2026-01-01T09:00:00Z',
      lastTimestamp: '2026-01-01T09:00:00Z',
      eventTime: '2026-01-01T09:00:00.000000Z',
      reportingComponent: 'deployment-controller',
    });
    const [message] = encodeBatch({ time: 0, upserted: [event as unknown as KubeObject], deleted: [], actions: [] });
    const { keys, involved, times, texts } = message.events;
    expect([message.keys, keys, involved, times, parsed(texts)]).toEqual([[], ['default/web.01'], ['Deployment/default/web'], [0], [JSON.parse(JSON.stringify(slimEvent(event)))]]);
  });
});
