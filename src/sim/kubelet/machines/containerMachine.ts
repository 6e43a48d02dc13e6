// Mirrors one container's path through kuberuntime_container.go startContainer (pull image, create, start) and
// killContainer, and the container state the kubelet reports for it (convertToAPIContainerStatuses with the reason
// cache: ErrImagePull, ImagePullBackOff, CrashLoopBackOff). The machine emits intents; the pod worker acts.
import type { ContainerState } from 'kubernetes-types/core/v1';
import { assign, emit, setup } from 'xstate';

export interface ContainerInput {
  name: string;
  /** The image as the spec names it, shown until a container of it runs. */
  image: string;
  /** ContainerCreating, or PodInitializing for pods with init containers. */
  waitingReason: string;
}

/** InstanceState is a runtime container instance as a status shows it. */
export interface InstanceState {
  containerID: string;
  image: string;
  imageID: string;
  restartCount: number;
  state: ContainerState;
}

export interface ContainerContext {
  name: string;
  /** The state containerStatuses shows, and the previous instance's. */
  state: ContainerState;
  lastState: ContainerState;
  restartCount: number;
  /** `containerd://…` of the current (or last) instance; undefined until one was created. */
  containerID?: string;
  image: string;
  imageID: string;
  /** The image resolved by the last successful EnsureImageExists, used by the next create. */
  pulled?: { image: string; imageID: string };
}

export type ContainerEvent =
  | { type: 'container.start' }
  | { type: 'image.pulled'; image: string; imageID: string }
  | { type: 'image.failed'; reason: string; message: string }
  | { type: 'container.started'; containerID: string; startedAt: string }
  | { type: 'container.exited'; exitCode: number; reason: string; startedAt: string; finishedAt: string }
  | { type: 'container.backOff'; message: string }
  | { type: 'container.kill'; message: string; gracePeriodMs: number }
  | { type: 'container.adopt'; current: InstanceState; previous?: ContainerState };

/** ContainerIntent is what the machine asks the pod worker to do. */
export type ContainerIntent =
  | { type: 'intent.ensureImage'; name: string }
  | { type: 'intent.createContainer'; name: string }
  | { type: 'intent.stopContainer'; name: string; message: string; gracePeriodMs: number }
  | { type: 'intent.containerStarted'; name: string }
  | { type: 'intent.containerExited'; name: string; exitCode: number }
  | { type: 'intent.startFailed'; name: string };

type Ev<T extends ContainerEvent['type']> = Extract<ContainerEvent, { type: T }>;

/** containerMachine is one container of a pod across all its restarts. */
export const containerMachine = setup({
  types: {
    input: {} as ContainerInput,
    context: {} as ContainerContext,
    events: {} as ContainerEvent,
    emitted: {} as ContainerIntent,
  },
  actions: {
    ensureImage: emit(({ context }) => ({ type: 'intent.ensureImage' as const, name: context.name })),
    createContainer: emit(({ context }) => ({ type: 'intent.createContainer' as const, name: context.name })),
    stopContainer: emit(({ context, event }) => {
      const e = event as Ev<'container.kill'>;
      return { type: 'intent.stopContainer' as const, name: context.name, message: e.message, gracePeriodMs: e.gracePeriodMs };
    }),
    notifyStarted: emit(({ context }) => ({ type: 'intent.containerStarted' as const, name: context.name })),
    notifyExited: emit(({ context, event }) => ({ type: 'intent.containerExited' as const, name: context.name, exitCode: (event as Ev<'container.exited'>).exitCode })),
    notifyStartFailed: emit(({ context }) => ({ type: 'intent.startFailed' as const, name: context.name })),
    notifyAdopted: emit(({ context }) =>
      context.state.running
        ? { type: 'intent.containerStarted' as const, name: context.name }
        : { type: 'intent.containerExited' as const, name: context.name, exitCode: context.state.terminated?.exitCode ?? 0 },
    ),
    rememberImage: assign({ pulled: ({ event }) => ({ image: (event as Ev<'image.pulled'>).image, imageID: (event as Ev<'image.pulled'>).imageID }) }),
    showImageError: assign(({ context, event }) => {
      const e = event as Ev<'image.failed'>;
      return { state: { waiting: { reason: e.reason, message: e.message } }, lastState: context.state.terminated ? context.state : context.lastState };
    }),
    showRunning: assign(({ context, event }) => {
      const e = event as Ev<'container.started'>;
      const restarted = context.containerID !== undefined;
      return {
        restartCount: restarted ? context.restartCount + 1 : context.restartCount,
        lastState: context.state.terminated ? context.state : context.lastState,
        state: { running: { startedAt: e.startedAt } },
        containerID: e.containerID,
        image: context.pulled?.image ?? context.image,
        imageID: context.pulled?.imageID ?? context.imageID,
      };
    }),
    showTerminated: assign(({ context, event }) => {
      const e = event as Ev<'container.exited'>;
      return {
        state: {
          terminated: { containerID: context.containerID, exitCode: e.exitCode, finishedAt: e.finishedAt, reason: e.reason, startedAt: e.startedAt },
        },
      };
    }),
    showCrashLoopBackOff: assign(({ context, event }) => ({
      state: { waiting: { reason: 'CrashLoopBackOff', message: (event as Ev<'container.backOff'>).message } },
      lastState: context.state.terminated ? context.state : context.lastState,
    })),
    adopt: assign(({ event }) => {
      const e = event as Ev<'container.adopt'>;
      return { ...e.current, lastState: e.previous ?? {} };
    }),
  },
  guards: {
    'adoptsRunning?': ({ event }) => (event as Ev<'container.adopt'>).current.state.running !== undefined,
  },
}).createMachine({
  id: 'container',
  context: ({ input }) => ({
    name: input.name,
    state: { waiting: { reason: input.waitingReason } },
    lastState: {},
    restartCount: 0,
    image: input.image,
    imageID: '',
  }),
  initial: 'waiting',
  states: {
    /** Not started yet, or the image could not be pulled (ErrImagePull, ImagePullBackOff). */
    waiting: {
      on: {
        'container.start': 'pulling',
        'container.adopt': [
          { guard: 'adoptsRunning?', target: 'running', actions: ['adopt', 'notifyAdopted'] },
          { target: 'terminated', actions: ['adopt', 'notifyAdopted'] },
        ],
        'image.failed': { actions: 'showImageError' },
        'container.kill': 'cancelled',
      },
    },
    /** EnsureImageExists: already present, or pulling. */
    pulling: {
      entry: 'ensureImage',
      on: {
        'image.pulled': { target: 'creating', actions: 'rememberImage' },
        'image.failed': { target: 'waiting', actions: ['showImageError', 'notifyStartFailed'] },
        'container.kill': 'cancelled',
      },
    },
    /** CreateContainer + StartContainer. */
    creating: {
      entry: 'createContainer',
      on: {
        'container.started': { target: 'running', actions: ['showRunning', 'notifyStarted'] },
        'container.kill': 'cancelled',
      },
    },
    running: {
      on: {
        'container.exited': { target: 'terminated', actions: ['showTerminated', 'notifyExited'] },
        'container.kill': 'stopping',
      },
    },
    /** killContainer: preStop, SIGTERM, SIGKILL when the grace period is over. */
    stopping: {
      entry: 'stopContainer',
      on: {
        'container.exited': { target: 'terminated', actions: ['showTerminated', 'notifyExited'] },
        'container.kill': { actions: 'stopContainer' },
      },
    },
    /** The process exited; the pod decides whether and when it restarts. */
    terminated: {
      on: {
        'container.start': 'pulling',
        'container.backOff': { target: 'backOff', actions: 'showCrashLoopBackOff' },
        'container.kill': 'cancelled',
      },
    },
    /** CrashLoopBackOff: waiting for the back-off window to close. */
    backOff: {
      on: {
        'container.start': 'pulling',
        'container.kill': 'cancelled',
      },
    },
    /** The pod is going away; nothing more happens to this container. */
    cancelled: {
      type: 'final',
    },
  },
});
