import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../sim/index';
import type { WorkerMessage } from '../../worker/protocol';
import { MessageQueue, reassemble } from './messageQueue';

const pod = (name: string, phase: string): KubeObject => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default' }, status: { phase } });
const act = (seq: number) => ({ seq, time: 0, actor: 'kubelet/node-1', verb: 'updateStatus' as const, kind: 'Pod', namespace: 'default', name: 'a', reason: 'r' });
const batch = (time: number, upserted: KubeObject[], deleted: string[] = [], actions = [act(time)]): WorkerMessage => ({
  type: 'batch',
  time,
  upserted,
  deleted: deleted.map((name) => ({ kind: 'Pod', namespace: 'default', name })),
  actions,
});
const shape = (messages: WorkerMessage[]) =>
  messages.map((m) => (m.type === 'batch' ? [m.time, m.upserted.map((o) => `${o.metadata.name}:${(o.status as { phase: string }).phase}`), m.deleted.map((d) => d.name), m.actions.map((a) => a.seq)] : m.type));

describe('reassemble', () => {
  it.each([
    {
      name: 'joins the parts of one tick, the later version of an object winning and the actions kept in order',
      messages: [batch(10, [pod('a', 'Pending'), pod('b', 'Pending')], [], [act(1)]), batch(10, [pod('a', 'Running')], ['b'], [act(2)])],
      want: [[10, ['a:Running'], ['b'], [1, 2]]],
    },
    {
      name: 'an object deleted in one part and created again in the next is upserted',
      messages: [batch(10, [], ['a'], []), batch(10, [pod('a', 'Pending')], [], [])],
      want: [[10, ['a:Pending'], [], []]],
    },
    {
      name: 'batches of different ticks stay apart, and other messages keep their place',
      messages: [batch(10, [pod('a', 'Pending')]), { type: 'status', playing: true, speed: 1 } as WorkerMessage, batch(10, [pod('b', 'Pending')]), batch(20, [pod('c', 'Pending')])],
      want: [[10, ['a:Pending'], [], [10]], 'status', [10, ['b:Pending'], [], [10]], [20, ['c:Pending'], [], [20]]],
    },
  ])('$name', ({ messages, want }) => expect(shape(reassemble(messages))).toEqual(want));
});

describe('MessageQueue', () => {
  it('delivers nothing until the page is idle, then everything that arrived, reassembled', () => {
    const delivered: WorkerMessage[] = [];
    const idle: Array<() => void> = [];
    const queue = new MessageQueue((m) => delivered.push(m), (flush) => idle.push(flush));
    queue.push(batch(10, [pod('a', 'Pending')]));
    queue.push(batch(10, [pod('b', 'Pending')]));
    expect(delivered).toEqual([]);
    expect(idle.length).toBe(1);
    idle[0]();
    expect(shape(delivered)).toEqual([[10, ['a:Pending', 'b:Pending'], [], [10, 10]]]);
  });
});
