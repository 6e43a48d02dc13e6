// Mirrors the decisions of pkg/kubelet/prober/worker.go (doProbe); leaves out everything that touches the world:
// the worker owns the virtual-clock timers and runs the handler, the machine only says what to do next.
import { assign, emit, setup } from 'xstate';
import type { ProbeResult, ProbeType } from './types';

/** ProbeMachineInput configures one worker's machine. */
export interface ProbeMachineInput {
  probeType: ProbeType;
  successThreshold: number;
  failureThreshold: number;
  /** The container also has a startup probe, so liveness and readiness wait until it succeeds. */
  gatedByStartup: boolean;
}

interface ProbeMachineContext extends ProbeMachineInput {
  /** The container is started: no startup probe, or it has succeeded (ContainerStatus.started). */
  started: boolean;
  /** The last probe result and how many times in a row it came back (worker.go lastResult, resultRun). */
  lastResult: 'Success' | 'Failure' | undefined;
  resultRun: number;
}

/** ProbeMachineEvent is everything a worker tells its machine. */
export type ProbeMachineEvent =
  | { type: 'probe.tick' }
  | { type: 'probe.result'; result: 'Success' | 'Failure' }
  | { type: 'probe.errored' }
  | { type: 'container.started' }
  | { type: 'container.restarted' }
  | { type: 'probe.stop' };

/** ProbeIntent is what the machine asks its worker to do: run the handler now, or cache a new result. */
export type ProbeIntent = { type: 'probe.run' } | { type: 'result.set'; result: ProbeResult };

/** initialValue is the result a probe is taken to have before it runs (worker.go newWorker). */
function initialValue(probeType: ProbeType): ProbeResult {
  // Not ready until proven ready; never killed over a probe that has not run; not started until it has.
  return probeType === 'readiness' ? 'Failure' : probeType === 'liveness' ? 'Success' : 'Unknown';
}

/** Result is what a finished probe said, the params of the actions and guards that count it. */
type Result = { result: 'Success' | 'Failure' };

/** theResult picks a `probe.result` event's result as action and guard params. */
const theResult = ({ event }: { event: Result }): Result => ({ result: event.result });

/** nextRun counts the result in: one more of the same, or the first of a new kind. */
function nextRun(context: ProbeMachineContext, result: 'Success' | 'Failure'): number {
  return context.lastResult === result ? context.resultRun + 1 : 1;
}

/** reachesThreshold: enough of the same result in a row to change the cached result. */
function reachesThreshold(context: ProbeMachineContext, result: 'Success' | 'Failure'): boolean {
  const threshold = result === 'Failure' ? context.failureThreshold : context.successThreshold;
  return nextRun(context, result) >= threshold;
}

/**
 * probeMachine decides, for one probe of one container, when to probe and what a result means.
 *
 * - `running.initialDelay`: waiting for the first tick at startedAt + initialDelaySeconds.
 * - `running.probing.idle` / `.inFlight`: ticking every periodSeconds; a tick asks for a probe unless the container
 *   is still waiting for its startup probe ("Disable other probes until container has started").
 * - `running.onHold`: a liveness failure, or a startup probe that reached either threshold, was reported; nothing
 *   more runs until a new container id (worker.go onHold).
 * - `stopped`: the container or pod is gone.
 *
 * Results change only at the thresholds ("Success or failure is below threshold - leave the probe state unchanged").
 */
export const probeMachine = setup({
  types: {
    input: {} as ProbeMachineInput,
    context: {} as ProbeMachineContext,
    events: {} as ProbeMachineEvent,
    emitted: {} as ProbeIntent,
  },
  actions: {
    requestProbe: emit({ type: 'probe.run' } as const),
    reportInitialResult: emit(({ context }) => ({ type: 'result.set' as const, result: initialValue(context.probeType) })),
    reportResult: emit((_, { result }: Result) => ({ type: 'result.set' as const, result })),
    countResult: assign(({ context }, { result }: Result) => ({ lastResult: result, resultRun: nextRun(context, result) })),
    // Upstream zeroes the run when it goes on hold, so the next container starts counting afresh.
    resetRun: assign({ lastResult: undefined, resultRun: 0 }),
    markStarted: assign({ started: true }),
    forgetStarted: assign(({ context }) => ({ started: !context.gatedByStartup })),
  },
  guards: {
    awaitingStartup: ({ context }) => context.probeType !== 'startup' && !context.started,
    reachesThreshold: ({ context }, { result }: Result) => reachesThreshold(context, result),
    // A startup probe stops at either verdict; a liveness probe only at a failure, which gets the container killed.
    holdsAfterResult: ({ context }, { result }: Result) =>
      reachesThreshold(context, result) && (context.probeType === 'startup' || (context.probeType === 'liveness' && result === 'Failure')),
  },
}).createMachine({
  id: 'probe',
  // Listed rather than spread from the input: V8 takes a slow path (about a microsecond) for a spread followed by
  // new keys, and every probe worker starts a machine.
  context: ({ input }) => ({
    probeType: input.probeType,
    successThreshold: input.successThreshold,
    failureThreshold: input.failureThreshold,
    gatedByStartup: input.gatedByStartup,
    started: !input.gatedByStartup,
    lastResult: undefined,
    resultRun: 0,
  }),
  initial: 'running',
  entry: 'reportInitialResult',
  states: {
    // Every state but `stopped` follows the container; a stopped machine ignores whatever comes after.
    running: {
      initial: 'initialDelay',
      on: {
        'container.started': { actions: 'markStarted' },
        'container.restarted': { target: '.initialDelay', actions: ['resetRun', 'forgetStarted', 'reportInitialResult'] },
        'probe.stop': { target: 'stopped' },
      },
      states: {
        initialDelay: {
          on: {
            'probe.tick': [{ guard: 'awaitingStartup', target: 'probing.idle' }, { target: 'probing.inFlight', actions: 'requestProbe' }],
          },
        },
        probing: {
          initial: 'idle',
          states: {
            idle: {
              on: {
                'probe.tick': [{ guard: 'awaitingStartup' }, { target: 'inFlight', actions: 'requestProbe' }],
              },
            },
            inFlight: {
              on: {
                'probe.result': [
                  {
                    guard: { type: 'holdsAfterResult', params: theResult },
                    target: '#probe.running.onHold',
                    actions: [{ type: 'reportResult', params: theResult }, 'resetRun'],
                  },
                  {
                    guard: { type: 'reachesThreshold', params: theResult },
                    target: 'idle',
                    actions: [{ type: 'countResult', params: theResult }, { type: 'reportResult', params: theResult }],
                  },
                  { target: 'idle', actions: { type: 'countResult', params: theResult } },
                ],
                'probe.errored': { target: 'idle' },
              },
            },
          },
        },
        onHold: {},
      },
    },
    stopped: { type: 'final' },
  },
});
