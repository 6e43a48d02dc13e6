import { assign, createActor, emit, setup, type AnyStateMachine, type EventFromLogic, type InputFrom } from 'xstate';
import { describe, expect, it } from 'vitest';
import { SeededRandom } from '../../clock/random';
import { probeMachine, type ProbeMachineEvent } from '../prober/probeMachine';
import { containerMachine, type ContainerEvent } from './containerMachine';
import { MachineRunner } from './machineRunner';
import { podLifecycleMachine, type PodLifecycleEvent, type PodLifecycleInput } from './podLifecycleMachine';

/**
 * Each case drives an XState actor and a MachineRunner with the same seeded random events and asserts that after
 * every event both are in the same state, with the same context and status, having emitted the same intents.
 */
function compare<M extends AnyStateMachine>(machine: M, input: InputFrom<M>, nextEvent: (r: SeededRandom) => EventFromLogic<M>, random: SeededRandom, events: number) {
  const actor = createActor(machine, { input });
  const runner = new MachineRunner(machine, input);
  const fromActor: unknown[] = [];
  const fromRunner: unknown[] = [];
  actor.on('*', (e) => fromActor.push(e));
  runner.on('*', (e) => fromRunner.push(e));
  actor.start();
  runner.start();
  const trail: string[] = [];
  for (let i = 0; i <= events; i++) {
    const snapshot = actor.getSnapshot() as { value: unknown; context: unknown; status: string };
    const where = `after ${trail.join(', ') || 'start'}`;
    expect({ value: runner.value, context: runner.context, status: runner.status, emitted: fromRunner }, where).toEqual({
      value: snapshot.value,
      context: snapshot.context,
      status: snapshot.status,
      emitted: fromActor,
    });
    if (snapshot.status !== 'active') return;
    const event = nextEvent(random);
    trail.push(event.type);
    actor.send(event);
    runner.send(event);
  }
}

const pick = <T,>(r: SeededRandom, items: readonly T[]): T => items[r.int(items.length)];

function containerEvent(r: SeededRandom): ContainerEvent {
  const startedAt = `2026-01-01T09:00:0${r.int(10)}Z`;
  const events: ContainerEvent[] = [
    { type: 'container.start' },
    { type: 'image.pulled', image: 'docker.io/library/nginx:1.14.2', imageID: `sha256:${r.hex(4)}` },
    { type: 'image.failed', reason: pick(r, ['ErrImagePull', 'ImagePullBackOff']), message: 'not found' },
    { type: 'container.started', containerID: `containerd://${r.hex(6)}`, startedAt },
    { type: 'container.exited', exitCode: pick(r, [0, 1, 137, 143]), reason: 'Error', startedAt, finishedAt: startedAt },
    { type: 'container.backOff', message: 'back-off 10s restarting failed container' },
    { type: 'container.kill', message: 'Stopping container', gracePeriodMs: 30000 },
    {
      type: 'container.adopt',
      current: { containerID: `containerd://${r.hex(6)}`, image: 'nginx', imageID: 'sha256:1', restartCount: r.int(3), state: r.int(2) ? { running: { startedAt } } : { terminated: { exitCode: 1 } } },
      previous: r.int(2) ? { terminated: { exitCode: 2 } } : undefined,
    },
  ];
  return pick(r, events);
}

const POD_SHAPES: PodLifecycleInput[] = [
  { restartPolicy: 'Always', initContainers: [], containers: ['app'] },
  { restartPolicy: 'OnFailure', initContainers: [{ name: 'init', restartable: false }], containers: ['app', 'helper'] },
  { restartPolicy: 'Never', initContainers: [{ name: 'sidecar', restartable: true }, { name: 'init', restartable: false }], containers: ['app'] },
  { restartPolicy: 'Always', initContainers: [{ name: 'a', restartable: false }, { name: 'b', restartable: true }], containers: ['app'] },
];

function podEvent(shape: PodLifecycleInput) {
  const names = [...shape.initContainers.map((c) => c.name), ...shape.containers];
  return (r: SeededRandom): PodLifecycleEvent =>
    pick<PodLifecycleEvent>(r, [
      { type: 'sandbox.ready' },
      { type: 'container.started', name: pick(r, names) },
      { type: 'container.started', name: pick(r, names) },
      { type: 'container.exited', name: pick(r, names), exitCode: pick(r, [0, 0, 1, 137]) },
      { type: 'container.exited', name: pick(r, names), exitCode: pick(r, [0, 1]) },
      { type: 'pod.deleted' },
    ]);
}

function probeEvent(r: SeededRandom): ProbeMachineEvent {
  return pick<ProbeMachineEvent>(r, [
    { type: 'probe.tick' },
    { type: 'probe.tick' },
    { type: 'probe.result', result: 'Success' },
    { type: 'probe.result', result: 'Failure' },
    { type: 'probe.errored' },
    { type: 'container.started' },
    { type: 'container.restarted' },
    { type: 'probe.stop' },
  ]);
}

/** A machine for what the kubelet's machines do not use: exit actions and a self-targeted transition on a parent. */
const door = setup({
  types: { events: {} as { type: 'open' } | { type: 'close' } | { type: 'lock' } | { type: 'reset' }, emitted: {} as { type: string }, context: {} as { n: number } },
  actions: {
    say: emit((_, p: { what: string }) => ({ type: p.what })),
    count: assign({ n: ({ context }) => context.n + 1 }),
  },
}).createMachine({
  id: 'door',
  context: { n: 0 },
  initial: 'shut',
  states: {
    shut: {
      entry: { type: 'say', params: { what: 'enter shut' } },
      exit: { type: 'say', params: { what: 'exit shut' } },
      initial: 'unlocked',
      on: { reset: { target: 'shut', actions: 'count' }, open: '#door.open' },
      states: {
        unlocked: { exit: { type: 'say', params: { what: 'exit unlocked' } }, on: { lock: 'locked' } },
        locked: { entry: { type: 'say', params: { what: 'enter locked' } }, on: { open: { actions: 'count' } } },
      },
    },
    open: { entry: { type: 'say', params: { what: 'enter open' } }, on: { close: 'shut' } },
  },
});

describe('MachineRunner', () => {
  it('Exit actions run innermost first, and a parent targeting itself resets its child without leaving itself, as in XState.', () => {
    const random = new SeededRandom(14);
    const next = (r: SeededRandom) => pick(r, [{ type: 'open' }, { type: 'close' }, { type: 'lock' }, { type: 'reset' }] as const);
    for (let run = 0; run < 50; run++) compare(door, undefined, next, random, 30);
  });

  it('The container machine goes through the same states, context and intents as its XState actor, over 300 random runs.', () => {
    const random = new SeededRandom(11);
    for (let run = 0; run < 300; run++) {
      compare(containerMachine, { name: 'app', image: 'nginx:1.14.2', waitingReason: pick(random, ['ContainerCreating', 'PodInitializing']) }, containerEvent, random, 40);
    }
  });

  it('The pod lifecycle machine, with and without init and sidecar containers, matches its XState actor over 400 random runs.', () => {
    const random = new SeededRandom(12);
    for (let run = 0; run < 400; run++) {
      const shape = POD_SHAPES[run % POD_SHAPES.length];
      compare(podLifecycleMachine, shape, podEvent(shape), random, 40);
    }
  });

  it('The probe machine, for every probe type and threshold, matches its XState actor over 400 random runs.', () => {
    const random = new SeededRandom(13);
    for (let run = 0; run < 400; run++) {
      const input = {
        probeType: pick(random, ['liveness', 'readiness', 'startup'] as const),
        successThreshold: pick(random, [1, 2]),
        failureThreshold: pick(random, [1, 3]),
        gatedByStartup: random.int(2) === 1,
      };
      compare(probeMachine, input, probeEvent, random, 60);
    }
  });

  it('matches reads a partial state value as XState does.', () => {
    const runner = new MachineRunner(probeMachine, { probeType: 'readiness', successThreshold: 1, failureThreshold: 3, gatedByStartup: false }).start();
    runner.send({ type: 'probe.tick' });
    expect(runner.value).toEqual({ running: { probing: 'inFlight' } });
    expect([runner.matches('running'), runner.matches({ running: 'probing' }), runner.matches({ running: { probing: 'inFlight' } })]).toEqual([true, true, true]);
    expect([runner.matches('stopped'), runner.matches({ running: 'initialDelay' }), runner.matches({ running: { probing: 'idle' } })]).toEqual([false, false, false]);
  });

  it('A stopped runner ignores later events, as a stopped actor does.', () => {
    const input = { name: 'app', image: 'nginx', waitingReason: 'ContainerCreating' };
    const actor = createActor(containerMachine, { input }).start();
    const runner = new MachineRunner(containerMachine, input).start();
    actor.stop();
    runner.stop();
    actor.send({ type: 'container.start' });
    runner.send({ type: 'container.start' });
    expect([runner.value, runner.status]).toEqual([actor.getSnapshot().value, actor.getSnapshot().status]);
    expect([runner.value, runner.status]).toEqual(['waiting', 'stopped']);
  });

  it('Events sent while the runner delivers what it emitted wait their turn, as in an actor mailbox.', () => {
    const runner = new MachineRunner(containerMachine, { name: 'app', image: 'nginx', waitingReason: 'ContainerCreating' });
    const seen: string[] = [];
    runner.on('*', (intent) => {
      seen.push(`${intent.type} in ${String(runner.value)}`);
      if (intent.type === 'intent.ensureImage') runner.send({ type: 'image.pulled', image: 'nginx', imageID: 'sha256:1' });
    });
    runner.start();
    runner.send({ type: 'container.start' });
    expect(seen).toEqual(['intent.ensureImage in pulling', 'intent.createContainer in creating']);
  });
});
