import { describe, expect, it } from 'vitest';
import type { Action, KubeObject } from '../../sim/index';
import type { BatchMessage, WorkerMessage } from '../../worker/protocol';
import { Inbox, type StoreMessage } from './inbox';

const pod = (name: string, phase: string): KubeObject => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default' }, status: { phase } });
const act = (seq: number): Action => ({ seq, time: 0, actor: 'kubelet/node-1', verb: 'updateStatus', kind: 'Pod', namespace: 'default', name: 'a', reason: 'r' });
const batch = (time: number, upserted: KubeObject[], deleted: string[] = [], actions: Action[] = [act(time)]): BatchMessage => ({
  type: 'batch',
  time,
  keys: upserted.map((o) => `${o.kind}/${o.metadata.namespace}/${o.metadata.name}`),
  upserted: upserted.map((o) => JSON.stringify(o)),
  deleted: deleted.map((name) => ({ kind: 'Pod', namespace: 'default', name })),
  actions,
  actionCount: actions.length,
});
const shape = (m: StoreMessage) =>
  m.type === 'batch'
    ? [m.time, m.upserted.map((o) => `${o.metadata.name}:${(o.status as { phase: string }).phase}`), m.deleted.map((d) => d.name), m.actions.map((a) => a.seq), m.latest?.count]
    : m.type;

/** inbox gives an Inbox whose idle callbacks ('frames') the test runs by hand and whose clock moves 1 ms each time it is read. */
function inbox(budgetMs: number, holdMs = 1000) {
  const delivered: StoreMessage[] = [];
  const frames: Array<() => void> = [];
  let clock = 0;
  const box = new Inbox((m) => delivered.push(m), (run) => frames.push(run), () => clock++, budgetMs, holdMs);
  const frame = () => frames.shift()?.();
  return { box, delivered, frames, frame };
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
