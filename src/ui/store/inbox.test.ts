import { describe, expect, it } from 'vitest';
import type { Action, KubeObject } from '../../sim/index';
import type { BatchMessage, WorkerMessage } from '../../worker/protocol';
import { TextPacker } from '../../worker/packedTexts';
import { Inbox, type StoreMessage } from './inbox';

const packed = (texts: string[]) => {
  const packer = new TextPacker();
  texts.forEach((t) => packer.add(t));
  return packer.pack();
};

const pod = (name: string, phase: string): KubeObject => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default' }, status: { phase } });
const act = (seq: number): Action => ({ seq, time: 0, actor: 'kubelet/node-1', verb: 'updateStatus', kind: 'Pod', namespace: 'default', name: 'a', reason: 'r' });
const batch = (time: number, upserted: KubeObject[], deleted: string[] = [], actions: Action[] = [act(time)]): BatchMessage => ({
  type: 'batch',
  time,
  keys: upserted.map((o) => `${o.kind}/${o.metadata.namespace}/${o.metadata.name}`),
  upserted: packed(upserted.map((o) => JSON.stringify(o))),
  events: { keys: [], involved: [], times: [], texts: packed([]), touched: [] },
  deleted: deleted.map((name) => ({ kind: 'Pod', namespace: 'default', name })),
  actions,
  actionCount: actions.length,
});
const shape = (m: StoreMessage) =>
  m.type === 'batch'
    ? [m.time, m.upserted.map((o) => `${o.metadata.name}:${(o.status as { phase: string }).phase}`), m.deleted.map((d) => d.name), m.actions.map((a) => a.seq), m.latest?.count]
    : m.type;

/**
 * inbox gives an Inbox whose idle callbacks ('frames') the test runs by hand and whose clock moves 1 ms each time it
 * is read, and `storeMs` more while the store takes an update; by default updates are not paced nor spaced.
 */
function inbox(budgetMs: number, holdMs = 1000, pace = 0, storeMs = 0, updateSize = 100, decodedAloneMs = Infinity, minIntervalMs = 0) {
  const delivered: StoreMessage[] = [];
  let drawing = false;
  const frames: Array<() => void> = [];
  let clock = 0;
  const box = new Inbox(
    (m) => {
      delivered.push(m);
      clock += storeMs;
    },
    { whenIdle: (run) => frames.push(run), afterUpdate: (run) => run(), now: () => clock++, drawing: () => drawing },
    { budgetMs, decodedAloneMs, holdMs, pace, minIntervalMs, updateSize },
  );
  const frame = () => frames.shift()?.();
  return { box, delivered, frames, frame, clock: () => clock, setDrawing: (d: boolean) => (drawing = d) };
}

describe('the inbox', () => {
  it.each<{ name: string; messages: WorkerMessage[]; frames: number; holdMs?: number; want: unknown[] }>([
    {
      name: 'joins the batches that arrived before it ran, the later version of an object winning and the actions kept in order',
      messages: [batch(10, [pod('a', 'Pending'), pod('b', 'Pending')], [], [act(1)]), batch(20, [pod('a', 'Running')], ['b'], [act(2)])],
      frames: 1,
      want: [[20, ['a:Running'], ['b'], [1, 2], 1]],
    },
    {
      name: 'an object deleted and then created again is upserted',
      messages: [batch(10, [], ['a'], []), batch(10, [pod('a', 'Pending')], [], [])],
      frames: 1,
      want: [[10, ['a:Pending'], [], [], 0]],
    },
    {
      name: 'decodes no more per call than the budget allows, and updates the store once it has caught up',
      messages: [batch(10, [pod('a', 'Pending'), pod('b', 'Pending'), pod('c', 'Pending')], ['z'], [act(1)])],
      frames: 2,
      want: [[10, ['a:Pending', 'b:Pending', 'c:Pending'], ['z'], [1], 1]],
    },
    {
      name: 'objects that waited longer than the hold reach the store without the time, before the rest of their batch',
      messages: [batch(10, ['a', 'b', 'c', 'd', 'e'].map((n) => pod(n, 'Pending')), [], [act(1)])],
      frames: 3,
      holdMs: 4,
      want: [
        [undefined, ['a:Pending', 'b:Pending', 'c:Pending', 'd:Pending'], [], [1], 1],
        [10, ['e:Pending'], [], [], undefined],
      ],
    },
    {
      name: 'messages other than batches pass straight through, and ready drops what the old cluster left waiting',
      messages: [batch(10, [pod('a', 'Pending')]), { type: 'status', playing: true, speed: 1 }, { type: 'ready', version: 2, time: 0, objects: [], actions: [] }],
      frames: 1,
      want: ['status', 'ready'],
    },
  ])('$name', ({ messages, frames, holdMs, want }) => {
    const { box, delivered, frame } = inbox(2, holdMs);
    messages.forEach((m) => box.push(m));
    for (let i = 0; i < frames; i++) frame();
    expect(delivered.map(shape)).toEqual(want);
  });

  it('gives Pods decoded in different batches, or sent whole in a ready message, one copy of the labels they hold alike', () => {
    const { box, delivered, frame } = inbox(100);
    const labelled = (name: string): KubeObject => ({ ...pod(name, 'Running'), metadata: { name, namespace: 'default', labels: { app: 'web' } } });
    box.push({ type: 'ready', version: 2, time: 0, objects: [labelled('a'), labelled('b')], actions: [] });
    box.push(batch(10, [labelled('c')]));
    frame();
    box.push(batch(20, [labelled('d')]));
    frame();
    const pods = delivered.flatMap((m) => (m.type === 'ready' ? m.objects : m.type === 'batch' ? m.upserted : []));
    expect(pods.map((p) => p.metadata.name)).toEqual(['a', 'b', 'c', 'd']);
    expect(new Set(pods.map((p) => p.metadata.labels)).size).toBe(1);
  });

  it('a large update brings its objects first, then its actions and Events in updates of at most the update size', () => {
    const { box, delivered, frame } = inbox(100, 0, 0, 0, 2);
    const names = ['e1', 'e2', 'e3'];
    box.push({
      ...batch(10, [pod('a', 'Pending')], ['b'], [act(1)]),
      events: { keys: names.map((n) => `default/${n}`), involved: names.map(() => 'Pod/default/a'), times: [1, 2, 3], texts: packed(names.map(() => '{}')), touched: [] },
    });
    for (let i = 0; i < 3; i++) frame();
    expect(delivered.map((m) => m.type === 'batch' && [m.time, m.upserted.length, m.deleted.length, m.events.map((e) => e.key), m.actions.length])).toEqual([
      [undefined, 1, 1, [], 0],
      [undefined, 0, 0, ['default/e1', 'default/e2'], 1],
      [10, 0, 0, ['default/e3'], 0],
    ]);
  });

  it('keeps Events as text records, the newest version of each, and drops one deleted before the store got it', () => {
    const { box, delivered, frame } = inbox(2);
    const events = (time: number, names: string[]): BatchMessage => ({
      ...batch(time, [], [], []),
      events: { keys: names.map((n) => `default/${n}`), involved: names.map(() => 'Pod/default/a'), times: names.map(() => time), texts: packed(names.map((n) => `{"n":"${n}@${time}"}`)), touched: [] },
    });
    box.push(events(10, ['e1', 'e2', 'e3']));
    box.push(events(20, ['e1']));
    box.push({ ...batch(20, [], [], []), deleted: [{ kind: 'Event', namespace: 'default', name: 'e2' }] });
    frame();
    const [m] = delivered;
    expect(m.type === 'batch' && [m.events.map((e) => [e.key, e.involved, e.time, new TextDecoder().decode(e.texts!.subarray(e.start, e.end))]), m.deleted.map((d) => `${d.kind}/${d.name}`)]).toEqual([
      [
        ['default/e1', 'Pod/default/a', 20, '{"n":"e1@20"}'],
        ['default/e3', 'Pod/default/a', 10, '{"n":"e3@10"}'],
      ],
      ['Event/e2'],
    ]);
  });

  it('waits, after an update, the pace times as long as the update took before the next', () => {
    // The store takes 10 ms per update: at pace 3 the next waits some 30 ms after the first ended.
    const { box, delivered, frame, clock } = inbox(100, 0, 3, 10);
    const at: number[] = [];
    box.push(batch(10, [pod('a', 'Pending')]));
    frame();
    at.push(clock());
    box.push(batch(20, [pod('a', 'Running')]));
    let frames = 0;
    for (; delivered.length < 2; frames++) frame();
    at.push(clock());
    expect([delivered.map(shape), frames, at]).toEqual([
      [
        [10, ['a:Pending'], [], [10], 1],
        [20, ['a:Running'], [], [20], 1],
      ],
      33,
      // The first update took some 11 ms and ended near 14: the second could not come before about 14 + 3 × 11;
      // idle callbacks during the pause only read the clock, and the one after it decoded and delivered, at 60.
      [14, 60],
    ]);
  });

  it('spaces updates at least minIntervalMs apart, however quick each one was, and the newest version waiting wins', () => {
    const { box, delivered, frame, clock } = inbox(100, 0, 0, 0, 100, Infinity, 50);
    box.push(batch(10, [pod('a', 'Pending')]));
    frame();
    const first = clock();
    box.push(batch(20, [pod('a', 'ContainerCreating')]));
    box.push(batch(30, [pod('a', 'Running')]));
    const at: number[] = [];
    for (let frames = 0; delivered.length < 2 && frames < 100; frames++) {
      frame();
      at.push(clock());
    }
    expect([delivered.map(shape), first, at.filter((t) => t < 53).length, at.at(-1)]).toEqual([
      [
        [10, ['a:Pending'], [], [10], 1],
        [30, ['a:Running'], [], [20, 30], 1],
      ],
      // The first update was handed over at 3, in a call that ended at 4. The 48 idle callbacks before 53 each only
      // read the clock; the first from 53 on decoded and handed over the newest version, ending at 56.
      4,
      48,
      56,
    ]);
  });

  it('does not space updates while the cluster is paused: a Step shows at once', () => {
    const { box, delivered, frame } = inbox(100, 0, 0, 0, 100, Infinity, 50);
    box.push({ type: 'status', playing: false, speed: 1 });
    box.push(batch(10, [pod('a', 'Pending')]));
    frame();
    box.push(batch(20, [pod('a', 'Running')]));
    frame();
    expect(delivered.filter((m) => m.type === 'batch').map(shape)).toEqual([
      [10, ['a:Pending'], [], [10], 1],
      [20, ['a:Running'], [], [20], 1],
    ]);
  });

  it('hands the store an update in the call after one that decoded for DECODED_ALONE_MS or longer', () => {
    const { box, delivered, frame } = inbox(100, 1000, 0, 0, 100, 1);
    box.push(batch(10, [pod('a', 'Pending')]));
    frame();
    expect(delivered).toEqual([]);
    frame();
    expect(delivered.map(shape)).toEqual([[10, ['a:Pending'], [], [10], 1]]);
  });

  it('holds the next update while the page still draws the last one, and at most MAX_PAUSE_MS after it', () => {
    const { box, delivered, frame, setDrawing } = inbox(100);
    box.push(batch(10, [pod('a', 'Pending')]));
    frame();
    setDrawing(true);
    box.push(batch(20, [pod('a', 'Running')]));
    for (let i = 0; i < 5; i++) frame();
    expect(delivered.length).toBe(1);
    setDrawing(false);
    frame();
    expect(delivered.map(shape)).toEqual([
      [10, ['a:Pending'], [], [10], 1],
      [20, ['a:Running'], [], [20], 1],
    ]);
    setDrawing(true);
    box.push(batch(30, [pod('a', 'Succeeded')]));
    let frames = 0;
    for (; delivered.length < 3; frames++) frame();
    // Each idle callback that only looks at the clock moves it 1 ms, and the first came 2 ms after the second update
    // was handed over: 998 callbacks waited, and the 999th, 1000 ms after that update, delivered the third.
    expect([frames, delivered.length]).toEqual([999, 3]);
  });

  it('an Event deleted and then created again before the store got either is upserted', () => {
    const { box, delivered, frame } = inbox(2);
    box.push({ ...batch(10, [], [], []), deleted: [{ kind: 'Event', namespace: 'default', name: 'e1' }] });
    box.push({ ...batch(20, [], [], []), events: { keys: ['default/e1'], involved: ['Pod/default/a'], times: [20], texts: packed(['{}']), touched: [] } });
    frame();
    const [m] = delivered;
    expect(m.type === 'batch' && [m.events.map((e) => e.key), m.deleted]).toEqual([['default/e1'], []]);
  });

  it('keeps only the newest EVENT_WINDOW of the Events waiting, the later to arrive first among equal times, and names the objects the others were about', () => {
    const { box, delivered, frame } = inbox(2, 1000, 0, 0, 1000);
    // 600 Events about pods p0-p599, two of each time: 0-149, then 149-298 (four at 149, two of each batch); then one at 0.
    const names = Array.from({ length: 600 }, (_, i) => `e${i}`);
    const events = (time: number, some: string[], times: number[], involved: string[], touched: string[] = []): BatchMessage => ({
      ...batch(time, [], [], []),
      events: { keys: some.map((n) => `default/${n}`), involved, times, texts: packed(some.map(() => '{}')), touched },
    });
    box.push(events(10, names.slice(0, 300), names.slice(0, 300).map((_, i) => Math.floor(i / 2)), names.slice(0, 300).map((_, i) => `Pod/default/p${i}`), ['Pod/default/old']));
    box.push(events(20, names.slice(300), names.slice(300).map((_, i) => 149 + Math.floor(i / 2)), names.slice(300).map((_, i) => `Pod/default/p${300 + i}`)));
    box.push(events(30, ['late'], [0], ['Pod/default/p600']));
    frame();
    const [m] = delivered;
    if (m.type !== 'batch') throw new Error('expected a batch');
    expect(m.events.map((e) => e.key)).toEqual([...names.slice(300).map((n) => `default/${n}`), 'default/late']);
    expect(m.touched).toEqual(['Pod/default/old', ...Array.from({ length: 300 }, (_, i) => `Pod/default/p${299 - i}`)]);
  });

  it('asks for one idle callback at a time, and none once everything is delivered', () => {
    const { box, frames, frame } = inbox(1);
    box.push(batch(10, [pod('a', 'Pending'), pod('b', 'Pending')]));
    box.push(batch(20, [pod('c', 'Pending')]));
    expect(frames.length).toBe(1);
    frame();
    expect([frames.length, box.waiting]).toEqual([1, 3]);
    frame();
    frame();
    expect([frames.length, box.waiting]).toEqual([0, 0]);
  });
});
