import { describe, expect, it } from 'vitest';
import { initialTransition, transition } from 'xstate';
import { probeMachine, type ProbeMachineEvent, type ProbeMachineInput } from './probeMachine';

const tick: ProbeMachineEvent = { type: 'probe.tick' };
const ok: ProbeMachineEvent = { type: 'probe.result', result: 'Success' };
const bad: ProbeMachineEvent = { type: 'probe.result', result: 'Failure' };

function input(overrides: Partial<ProbeMachineInput>): ProbeMachineInput {
  return { probeType: 'liveness', successThreshold: 1, failureThreshold: 3, gatedByStartup: false, ...overrides };
}

/** run feeds the events through the pure transition API and writes down each intent as it is emitted. */
function run(config: ProbeMachineInput, events: ProbeMachineEvent[]) {
  const intents: string[] = [];
  const record = (actions: ReadonlyArray<{ type: string; params: unknown }>) => {
    for (const a of actions) {
      if (a.type !== 'xstate.emit') continue;
      const e = (a.params as { event: { type: string; result?: string } }).event;
      intents.push(e.type === 'result.set' ? `set ${e.result}` : 'run');
    }
  };
  let [snapshot, actions] = initialTransition(probeMachine, config);
  record(actions);
  for (const event of events) {
    [snapshot, actions] = transition(probeMachine, snapshot, event);
    record(actions);
  }
  return { state: snapshot.value, intents, run: snapshot.context.resultRun };
}

describe('probeMachine', () => {
  const cases: Array<{ name: string; config: ProbeMachineInput; events: ProbeMachineEvent[]; state: unknown; intents: string[]; run?: number }> = [
    {
      name: 'A readiness probe starts as Failure and a liveness probe as Success, as newWorker sets them',
      config: input({ probeType: 'readiness' }),
      events: [],
      state: { running: 'initialDelay' },
      intents: ['set Failure'],
    },
    {
      name: 'A startup probe starts as Unknown',
      config: input({ probeType: 'startup' }),
      events: [],
      state: { running: 'initialDelay' },
      intents: ['set Unknown'],
    },
    {
      name: 'The first tick asks for a probe and waits for its answer',
      config: input({}),
      events: [tick],
      state: { running: { probing: 'inFlight' } },
      intents: ['set Success', 'run'],
    },
    {
      name: 'Two failures below a failureThreshold of 3 leave the result unchanged',
      config: input({}),
      events: [tick, bad, tick, bad],
      state: { running: { probing: 'idle' } },
      intents: ['set Success', 'run', 'run'],
      run: 2,
    },
    {
      name: 'The third failure in a row reports liveness Failure and puts the worker on hold',
      config: input({}),
      events: [tick, bad, tick, bad, tick, bad],
      state: { running: 'onHold' },
      intents: ['set Success', 'run', 'run', 'run', 'set Failure'],
      run: 0,
    },
    {
      name: 'A success between failures starts the count again',
      config: input({}),
      events: [tick, bad, tick, bad, tick, ok, tick, bad, tick, bad],
      state: { running: { probing: 'idle' } },
      intents: ['set Success', 'run', 'run', 'run', 'set Success', 'run', 'run'],
      run: 2,
    },
    {
      name: 'On hold, ticks ask for nothing until the container restarts',
      config: input({ failureThreshold: 1 }),
      events: [tick, bad, tick, tick, { type: 'container.restarted' }, tick],
      state: { running: { probing: 'inFlight' } },
      intents: ['set Success', 'run', 'set Failure', 'set Success', 'run'],
    },
    {
      name: 'A readiness probe with successThreshold 2 turns Success at the second success in a row',
      config: input({ probeType: 'readiness', successThreshold: 2 }),
      events: [tick, ok, tick, ok],
      state: { running: { probing: 'idle' } },
      intents: ['set Failure', 'run', 'run', 'set Success'],
      run: 2,
    },
    {
      name: 'A readiness failure at the threshold flips the result but keeps probing',
      config: input({ probeType: 'readiness', failureThreshold: 1 }),
      events: [tick, ok, tick, bad, tick],
      state: { running: { probing: 'inFlight' } },
      intents: ['set Failure', 'run', 'set Success', 'run', 'set Failure', 'run'],
    },
    {
      name: 'A startup probe goes on hold after its first success',
      config: input({ probeType: 'startup' }),
      events: [tick, ok, tick],
      state: { running: 'onHold' },
      intents: ['set Unknown', 'run', 'set Success'],
    },
    {
      name: 'A liveness probe gated by a startup probe skips its ticks until the container has started',
      config: input({ gatedByStartup: true }),
      events: [tick, tick, { type: 'container.started' }, tick],
      state: { running: { probing: 'inFlight' } },
      intents: ['set Success', 'run'],
    },
    {
      name: 'A restart puts a gated probe back behind the startup probe',
      config: input({ probeType: 'readiness', gatedByStartup: true }),
      events: [{ type: 'container.started' }, { type: 'container.restarted' }, tick, tick],
      state: { running: { probing: 'idle' } },
      intents: ['set Failure', 'set Failure'],
    },
    {
      name: 'An errored probe is thrown away: it neither counts as a failure nor breaks the run of failures',
      config: input({}),
      events: [tick, bad, tick, { type: 'probe.errored' }, tick, bad],
      state: { running: { probing: 'idle' } },
      intents: ['set Success', 'run', 'run', 'run'],
      run: 2,
    },
    {
      name: 'A stopped worker ignores everything that follows',
      config: input({}),
      events: [{ type: 'probe.stop' }, tick, { type: 'container.restarted' }],
      state: 'stopped',
      intents: ['set Success'],
    },
  ];

  for (const c of cases) {
    it(c.name, () => {
      const got = run(c.config, c.events);
      expect(got.state).toEqual(c.state);
      expect(got.intents).toEqual(c.intents);
      if (c.run !== undefined) expect(got.run).toBe(c.run);
    });
  }
});
