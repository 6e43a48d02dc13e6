// Mirrors the life of a pod in the kubelet: pod_workers.go (syncing → terminating → terminated) and the steps of
// kuberuntime_manager.go SyncPod/computePodActions (sandbox, init containers one by one, then the app containers,
// restarts per restartPolicy). The machine only decides; it emits intents that the pod worker carries out.
import { and, assign, emit, setup } from 'xstate';

export type RestartPolicy = 'Always' | 'OnFailure' | 'Never';

/** PodLifecycleInput is the part of the pod spec the lifecycle depends on. */
export interface PodLifecycleInput {
  restartPolicy: RestartPolicy;
  /** Init containers in spec order; restartable ones are sidecars. */
  initContainers: { name: string; restartable: boolean }[];
  containers: string[];
}

export interface PodLifecycleContext extends PodLifecycleInput {
  /** Index of the init container that runs (or runs next). */
  nextInit: number;
  /** Containers whose process is running now. */
  running: string[];
  /** App containers that exited and will not be restarted. */
  finished: string[];
}

export type PodLifecycleEvent =
  | { type: 'sandbox.ready' }
  | { type: 'container.started'; name: string }
  | { type: 'container.exited'; name: string; exitCode: number }
  | { type: 'pod.deleted' };

/** PodIntent is what the machine asks the pod worker to do. */
export type PodIntent =
  | { type: 'intent.runPodSandbox' }
  | { type: 'intent.startInitContainer'; name: string }
  | { type: 'intent.startContainers' }
  | { type: 'intent.restartContainer'; name: string }
  | { type: 'intent.stopPodSandbox' }
  | { type: 'intent.killPod' }
  | { type: 'intent.removePod' };

type Exited = Extract<PodLifecycleEvent, { type: 'container.exited' }>;
type Started = Extract<PodLifecycleEvent, { type: 'container.started' }>;

const currentInit = (c: PodLifecycleContext) => c.initContainers[c.nextInit];
const isSidecar = (c: PodLifecycleContext, name: string) => c.initContainers.some((i) => i.name === name && i.restartable);
const isInit = (c: PodLifecycleContext, name: string) => c.initContainers.some((i) => i.name === name);

/** shouldRestart is kubecontainer.ShouldContainerBeRestarted for a container that exited with `exitCode`. */
export function shouldRestart(policy: RestartPolicy, exitCode: number): boolean {
  if (policy === 'Never') return false;
  if (policy === 'OnFailure') return exitCode !== 0;
  return true;
}

/** podLifecycleMachine is one pod's life on its node, from admission to removal. */
export const podLifecycleMachine = setup({
  types: {
    input: {} as PodLifecycleInput,
    context: {} as PodLifecycleContext,
    events: {} as PodLifecycleEvent,
    emitted: {} as PodIntent,
  },
  actions: {
    runPodSandbox: emit({ type: 'intent.runPodSandbox' } as const),
    startInitContainer: emit(({ context }) => ({ type: 'intent.startInitContainer' as const, name: currentInit(context)!.name })),
    startContainers: emit({ type: 'intent.startContainers' } as const),
    restartContainer: emit(({ event }) => ({ type: 'intent.restartContainer' as const, name: (event as Exited).name })),
    stopPodSandbox: emit({ type: 'intent.stopPodSandbox' } as const),
    killPod: emit({ type: 'intent.killPod' } as const),
    removePod: emit({ type: 'intent.removePod' } as const),
    markRunning: assign({ running: ({ context, event }) => [...context.running.filter((n) => n !== (event as Started).name), (event as Started).name] }),
    markExited: assign({ running: ({ context, event }) => context.running.filter((n) => n !== (event as Exited).name) }),
    markFinished: assign({ finished: ({ context, event }) => [...context.finished, (event as Exited).name] }),
    advanceInit: assign({ nextInit: ({ context }) => context.nextInit + 1 }),
  },
  guards: {
    'hasInitContainers?': ({ context }) => context.initContainers.length > 0,
    'isSidecar?': ({ context, event }) => isSidecar(context, (event as Exited).name),
    'currentSidecarStarted?': ({ context, event }) => {
      const init = currentInit(context);
      return init !== undefined && init.restartable && init.name === (event as Started).name;
    },
    'currentInitSucceeded?': ({ context, event }) => {
      const e = event as Exited;
      return currentInit(context)?.name === e.name && e.exitCode === 0;
    },
    'moreInitContainers?': ({ context }) => context.nextInit + 1 < context.initContainers.length,
    'shouldRestart?': ({ context, event }) => shouldRestart(context.restartPolicy, (event as Exited).exitCode),
    'isInitContainer?': ({ context, event }) => isInit(context, (event as Exited).name),
    'lastToFinish?': ({ context, event }) => context.containers.every((n) => n === (event as Exited).name || context.finished.includes(n)),
    'noContainersRunning?': ({ context }) => context.running.length === 0,
  },
}).createMachine({
  id: 'podLifecycle',
  // Listed rather than spread from the input: V8 takes a slow path for a spread followed by new keys.
  context: ({ input }) => ({ restartPolicy: input.restartPolicy, initContainers: input.initContainers, containers: input.containers, nextInit: 0, running: [], finished: [] }),
  initial: 'creatingSandbox',
  on: {
    'pod.deleted': '.terminating',
  },
  states: {
    /** RunPodSandbox: network namespace and pod IP. */
    creatingSandbox: {
      entry: 'runPodSandbox',
      on: {
        'sandbox.ready': [{ guard: 'hasInitContainers?', target: 'initializing' }, { target: 'running' }],
      },
    },
    /** Init containers run one at a time; each must exit 0 before the next starts (a sidecar need only start). */
    initializing: {
      entry: 'startInitContainer',
      on: {
        'container.started': [
          { guard: and(['currentSidecarStarted?', 'moreInitContainers?']), target: 'initializing', reenter: true, actions: ['markRunning', 'advanceInit'] },
          { guard: 'currentSidecarStarted?', target: 'running', actions: ['markRunning', 'advanceInit'] },
          { actions: 'markRunning' },
        ],
        'container.exited': [
          { guard: 'isSidecar?', actions: ['markExited', 'restartContainer'] },
          { guard: and(['currentInitSucceeded?', 'moreInitContainers?']), target: 'initializing', reenter: true, actions: ['markExited', 'advanceInit'] },
          { guard: 'currentInitSucceeded?', target: 'running', actions: ['markExited', 'advanceInit'] },
          { guard: 'shouldRestart?', actions: ['markExited', 'restartContainer'] },
          { target: 'completed', actions: 'markExited' },
        ],
      },
    },
    /** The app containers run and are restarted per restartPolicy, each after its crash back-off. */
    running: {
      entry: 'startContainers',
      on: {
        'container.started': { actions: 'markRunning' },
        'container.exited': [
          { guard: 'isSidecar?', actions: ['markExited', 'restartContainer'] },
          { guard: 'shouldRestart?', actions: ['markExited', 'restartContainer'] },
          { guard: 'isInitContainer?', actions: 'markExited' },
          { guard: 'lastToFinish?', target: 'completed', actions: ['markExited', 'markFinished'] },
          { actions: ['markExited', 'markFinished'] },
        ],
      },
    },
    /** Every app container is done for good: the pod is Succeeded or Failed and its sandbox is stopped. */
    completed: {
      entry: 'stopPodSandbox',
      on: {
        'container.exited': { actions: 'markExited' },
        'pod.deleted': 'terminated',
      },
    },
    /** Deletion: preStop hooks, SIGTERM, SIGKILL after the grace period. */
    terminating: {
      entry: 'killPod',
      always: { guard: 'noContainersRunning?', target: 'terminated' },
      on: {
        'container.started': { actions: 'markRunning' },
        'container.exited': { actions: 'markExited' },
        // A second delete can shorten the grace period: the kill is issued again with the new one.
        'pod.deleted': { actions: 'killPod' },
      },
    },
    /** Everything stopped: release the sandbox and let the API server remove the pod. */
    terminated: {
      entry: 'removePod',
      type: 'final',
    },
  },
});
