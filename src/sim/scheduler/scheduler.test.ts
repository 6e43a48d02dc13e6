// End-to-end tests of the scheduler component on an in-memory API (testing/fakeClient.ts): watches in, bindings,
// status updates and Events out, one clock task per scheduling cycle.
import { describe, expect, it } from 'vitest';
import type { Event, Pod } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../api/object';
import { SeededRandom } from '../clock/random';
import { rfc3339 } from '../clock/timeFormat';
import { VirtualClock } from '../clock/virtualClock';
import { EventRecorder } from '../events/recorder';
import { Scheduler } from './scheduler';
import { FakeClient } from './testing/fakeClient';
import { makeNode, makePod, type TestPod } from './testing/wrappers';

const user = { actor: 'user', reason: 'test' };

function setup(opts: { seed?: number; percentageOfNodesToScore?: number } = {}) {
  const client = new FakeClient();
  const clock = new VirtualClock();
  const random = new SeededRandom(opts.seed ?? 1);
  const recorder = new EventRecorder(client, clock);
  const scheduler = new Scheduler({ client, clock, random, recorder, percentageOfNodesToScore: opts.percentageOfNodesToScore });
  const settle = () => {
    while (clock.runNext(clock.now()));
  };
  return { client, clock, scheduler, settle };
}

const worker = (name: string, cpu = '4', memory = '8Gi') => makeNode().name(name).capacity({ cpu, memory, pods: '110' });
const controlPlane = () => worker('control-plane', '2', '4Gi').taints([{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }]);

function nodeOf(client: FakeClient, name: string, ns = 'default'): string | undefined {
  return client.get<TestPod>('Pod', ns, name)?.spec?.nodeName;
}

function events(client: FakeClient, reason: string): (Event & KubeObject)[] {
  return client.list<Event & KubeObject>('Event').filter((e) => e.reason === reason);
}

describe('Scheduler', () => {
  it('binds a pod to the least allocated, balanced node and narrates the scores that decided it', () => {
    const { client, scheduler, settle } = setup();
    client.create(worker('node-1').obj(), user);
    client.create(worker('node-2').obj(), user);
    client.create(controlPlane().obj(), user);
    client.create(makePod().name('busy').node('node-2').req({ cpu: '2', memory: '4Gi' }).obj(), user);
    client.create(makePod().name('web').req({ cpu: '1', memory: '2Gi' }).obj(), user);
    settle();

    expect(nodeOf(client, 'web')).toBe('node-1');
    const bind = client.writes.find((w) => w.verb === 'bind');
    // TaintToleration 100×3 + NodeResourcesFit 75 + BalancedAllocation 100 + ImageLocality 0 = 475 (node-2: 425).
    expect(bind).toEqual({ verb: 'bind', kind: 'Pod', namespace: 'default', name: 'web', actor: 'default-scheduler', reason: 'assigned default/web to node-1: highest score 475 of 2 feasible nodes' });
    const scheduled = events(client, 'Scheduled');
    expect(scheduled.map((e) => [e.type, e.message, e.source?.component])).toEqual([['Normal', 'Successfully assigned default/web to node-1', 'default-scheduler']]);

    const trace = scheduler.traceFor('default', 'web')!;
    expect(trace.outcome).toEqual({ result: 'Scheduled', node: 'node-1', totalScore: 475, feasibleNodes: 2, evaluatedNodes: 3, tiedNodes: [] });
    expect(trace.filter.map((f) => [f.node, f.feasible])).toEqual([['node-1', true], ['node-2', true], ['control-plane', false]]);
    const cp = trace.filter[2].verdicts;
    expect(cp[cp.length - 1]).toEqual({ plugin: 'TaintToleration', code: 'UnschedulableAndUnresolvable', reasons: ['node(s) had untolerated taint(s)'] });
    expect(trace.score.map((s) => [s.node, s.total])).toEqual([['node-1', 475], ['node-2', 425]]);
    expect(trace.score[1].scores.find((p) => p.plugin === 'NodeResourcesFit')).toEqual({ plugin: 'NodeResourcesFit', raw: 25, normalized: 25, weight: 1, weighted: 25 });
    expect(trace.score[0].scores.find((p) => p.plugin === 'TaintToleration')).toEqual({ plugin: 'TaintToleration', raw: 0, normalized: 100, weight: 3, weighted: 300 });
  });

  it('reports an unschedulable pod with the upstream FailedScheduling message, then schedules it when room frees up', () => {
    const { client, clock, scheduler, settle } = setup();
    client.create(controlPlane().obj(), user);
    client.create(worker('node-1', '1').obj(), user);
    client.create(worker('node-2', '1').obj(), user);
    client.create(makePod().name('a').node('node-1').req({ cpu: '1' }).obj(), user);
    client.create(makePod().name('b').node('node-2').req({ cpu: '1' }).obj(), user);
    client.create(makePod().name('web').req({ cpu: '1' }).obj(), user);
    settle();

    const msg =
      '0/3 nodes are available: 1 node(s) had untolerated taint(s), 2 Insufficient cpu. ' +
      'preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.';
    const pod = client.get<TestPod>('Pod', 'default', 'web')!;
    expect(pod.spec?.nodeName).toBeUndefined();
    expect(pod.status?.conditions).toEqual([{ type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message: msg, lastTransitionTime: rfc3339(0) }]);
    expect(events(client, 'FailedScheduling').map((e) => [e.type, e.message])).toEqual([['Warning', msg]]);
    expect(scheduler.traceFor('default', 'web')?.outcome).toEqual({ result: 'Unschedulable', message: msg });
    expect(scheduler.queue.pendingPods().unschedulable.map((p) => p.metadata?.name)).toEqual(['web']);

    clock.advanceTo(3000);
    client.delete('Pod', 'default', 'a', user);
    settle();
    expect(nodeOf(client, 'web')).toBe('node-1');
    expect(client.writes.filter((w) => w.verb === 'bind').map((w) => w.reason)).toEqual(['assigned default/web to node-1: node-1 is the only node of 3 that passed the filters']);
  });

  it('preempts a lower-priority pod, nominates the node and schedules the preemptor there', () => {
    const { client, scheduler, settle } = setup();
    client.create(worker('node-1', '1').obj(), user);
    client.create(makePod().name('low').node('node-1').priority(0).req({ cpu: '1' }).obj(), user);
    client.create(makePod().name('high').priority(1000).req({ cpu: '1' }).obj(), user);
    settle();
    expect(client.get('Pod', 'default', 'low')).toBeUndefined();
    expect(nodeOf(client, 'high')).toBe('node-1');
    expect(client.writes.filter((w) => w.actor === 'default-scheduler').map((w) => `${w.verb} ${w.name}`)).toEqual([
      'updateStatus low',
      'delete low',
      'updateStatus high',
      'bind high',
    ]);
    const nominated = client.writes.find((w) => w.verb === 'updateStatus' && w.name === 'high')!;
    expect(nominated.reason).toBe('nominated default/high to node-1: preemption is making room there');
    // The preempting cycle still fails (the room is not free yet); successful preemption adds no message.
    expect(events(client, 'FailedScheduling').map((e) => e.message)).toEqual(['0/1 nodes are available: 1 Insufficient cpu.']);
    expect(scheduler.traceFor('default', 'high')?.nominatedNode).toBe('node-1');
  });

  it('retries an unschedulable pod when a matching node joins, and not before', () => {
    const { client, scheduler, settle } = setup();
    client.create(worker('node-1').obj(), user);
    client.create(makePod().name('ssd').nodeSelector({ disk: 'ssd' }).req({ cpu: '100m' }).obj(), user);
    settle();
    expect(client.get<TestPod>('Pod', 'default', 'ssd')?.status?.conditions?.[0].message).toBe(
      "0/1 nodes are available: 1 node(s) didn't match Pod's node affinity/selector. preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.",
    );
    client.create(worker('node-2').obj(), user);
    settle();
    expect(scheduler.traceFor('default', 'ssd')?.attempt).toBe(1);
    client.create(worker('node-3').label('disk', 'ssd').obj(), user);
    settle();
    expect(nodeOf(client, 'ssd')).toBe('node-3');
    expect(scheduler.traceFor('default', 'ssd')?.attempt).toBe(2);
  });

  it('schedules higher-priority pods first and one pod per clock task', () => {
    const { client, clock } = setup();
    client.create(worker('node-1').obj(), user);
    client.create(makePod().name('low').req({ cpu: '100m' }).obj(), user);
    client.create(makePod().name('high').priority(1000).req({ cpu: '100m' }).obj(), user);
    expect(clock.runNext()).toBe(true);
    expect([nodeOf(client, 'high'), nodeOf(client, 'low')]).toEqual(['node-1', undefined]);
    expect(clock.runNext()).toBe(true);
    expect(nodeOf(client, 'low')).toBe('node-1');
    expect(clock.runNext()).toBe(false);
  });

  it('breaks a tie between equal nodes with the seeded random, and says so', () => {
    const picks = [1, 2, 3, 4, 5, 6].map((seed) => {
      const { client, settle } = setup({ seed });
      client.create(worker('node-1').obj(), user);
      client.create(worker('node-2').obj(), user);
      client.create(makePod().name('web').req({ cpu: '100m' }).obj(), user);
      settle();
      return client.writes.find((w) => w.verb === 'bind')!.reason;
    });
    // Fit: cpu (4000-100)/4000 → 97, memory (8Gi-200Mi)/8Gi → 97; Balanced: |0.025 - 0| / 2 → 98; 300 + 97 + 98.
    expect(new Set(picks)).toEqual(
      new Set([
        'assigned default/web to node-1: highest score 495 of 2 feasible nodes, tied with node-2 and picked at random',
        'assigned default/web to node-2: highest score 495 of 2 feasible nodes, tied with node-1 and picked at random',
      ]),
    );
    const again = setup({ seed: 1 });
    again.client.create(worker('node-1').obj(), user);
    again.client.create(worker('node-2').obj(), user);
    again.client.create(makePod().name('web').req({ cpu: '100m' }).obj(), user);
    again.settle();
    expect(again.client.writes.find((w) => w.verb === 'bind')!.reason).toBe(picks[0]);
  });

  it('rotates the start of the filter search over large clusters (percentageOfNodesToScore)', () => {
    const { client, scheduler, settle } = setup();
    for (let i = 0; i < 200; i++) client.create(worker(`node-${String(i).padStart(3, '0')}`).obj(), user);
    client.create(makePod().name('p1').req({ cpu: '100m' }).obj(), user);
    settle();
    client.create(makePod().name('p2').req({ cpu: '100m' }).obj(), user);
    settle();
    const t1 = scheduler.traceFor('default', 'p1')!;
    const t2 = scheduler.traceFor('default', 'p2')!;
    expect([t1.numFeasibleNodesToFind, t1.startNodeIndex, t1.filter.length]).toEqual([100, 0, 100]);
    expect([t2.startNodeIndex, t2.filter[0].node]).toEqual([100, 'node-100']);
  });

  it('keeps gated pods out of scheduling until their scheduling gates are removed', () => {
    const { client, settle } = setup();
    client.create(worker('node-1').obj(), user);
    const gated = makePod().name('gated').req({ cpu: '100m' }).obj();
    gated.spec!.schedulingGates = [{ name: 'example.com/wait' }];
    client.create(gated, user);
    settle();
    expect(nodeOf(client, 'gated')).toBeUndefined();
    expect(events(client, 'FailedScheduling')).toEqual([]);
    const ungated: Pod & KubeObject = structuredClone(client.get<TestPod>('Pod', 'default', 'gated')!);
    ungated.spec!.schedulingGates = [];
    client.update(ungated, user);
    settle();
    expect(nodeOf(client, 'gated')).toBe('node-1');
  });

  it('ignores pods for other schedulers, bound pods and terminating pods, and forgets traces of deleted pods', () => {
    const { client, scheduler, settle } = setup();
    client.create(worker('node-1').obj(), user);
    client.create(makePod().name('other').schedulerName('my-scheduler').obj(), user);
    client.create(makePod().name('doomed').terminating().obj(), user);
    client.create(makePod().name('web').obj(), user);
    settle();
    expect([nodeOf(client, 'other'), nodeOf(client, 'doomed'), nodeOf(client, 'web')]).toEqual([undefined, undefined, 'node-1']);
    expect(scheduler.traceFor('default', 'web')).toBeDefined();
    client.delete('Pod', 'default', 'web', user);
    expect(scheduler.traceFor('default', 'web')).toBeUndefined();
  });

  it('fails with "no nodes available to schedule pods" in an empty cluster, then schedules once a node joins', () => {
    const { client, clock, settle } = setup();
    client.create(makePod().name('web').obj(), user);
    settle();
    expect(client.get<TestPod>('Pod', 'default', 'web')?.status?.conditions?.[0]).toMatchObject({ reason: 'Unschedulable', message: 'no nodes available to schedule pods' });
    client.create(worker('node-1').obj(), user);
    settle();
    clock.advanceTo(clock.nextAt()!);
    settle();
    expect(nodeOf(client, 'web')).toBe('node-1');
  });
});
