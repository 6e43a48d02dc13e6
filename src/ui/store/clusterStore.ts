import { create } from 'zustand';
import type { Action, KubeObject } from '../../sim/index';
import type { WorkerMessage } from '../../worker/protocol';

/** objectsKey is how the mirror indexes objects: by kind, then `namespace/name`. */
export function nameKey(namespace: string | undefined, name: string | undefined): string {
  return `${namespace ?? ''}/${name ?? ''}`;
}

export interface ClusterState {
  time: number;
  playing: boolean;
  speed: number;
  /** kind -> `namespace/name` -> object, as the worker last reported it. */
  objects: Record<string, Record<string, KubeObject>>;
  actions: Action[];
  /** Actors of the latest batch's actions: what the control plane is doing right now. */
  activeActors: string[];
  /** kubectl's answer to the last node, pod or workload action. */
  notice: string | undefined;
  receive(message: WorkerMessage): void;
}

/** The most recent narrated actions the UI keeps; older ones live in the worker. */
const ACTION_LIMIT = 500;

/**
 * useClusterStore mirrors the simulated cluster from worker messages. The UI never computes cluster state: it only
 * applies what the worker sends. Components read it through narrow selectors.
 */
export const useClusterStore = create<ClusterState>()((set) => ({
  time: 0,
  playing: false,
  speed: 1,
  objects: {},
  actions: [],
  activeActors: [],
  notice: undefined,
  receive: (message) => set((state) => reduce(state, message)),
}));

/** reduce is the pure state transition for one worker message. */
export function reduce(state: ClusterState, message: WorkerMessage): Partial<ClusterState> {
  switch (message.type) {
    case 'ready': {
      const objects: ClusterState['objects'] = {};
      for (const obj of message.objects) (objects[obj.kind] ??= {})[nameKey(obj.metadata.namespace, obj.metadata.name)] = obj;
      return { time: message.time, objects, actions: message.actions.slice(-ACTION_LIMIT) };
    }
    case 'batch': {
      const objects = { ...state.objects };
      const touched = new Set<string>();
      const bucket = (kind: string) => {
        if (!touched.has(kind)) {
          objects[kind] = { ...objects[kind] };
          touched.add(kind);
        }
        return objects[kind];
      };
      for (const obj of message.upserted) bucket(obj.kind)[nameKey(obj.metadata.namespace, obj.metadata.name)] = obj;
      for (const ref of message.deleted) delete bucket(ref.kind)[nameKey(ref.namespace, ref.name)];
      const actions = message.actions.length > 0 ? [...state.actions, ...message.actions].slice(-ACTION_LIMIT) : state.actions;
      const activeActors = [...new Set(message.actions.map((a) => a.actor))];
      return { time: message.time, objects, actions, activeActors };
    }
    case 'status':
      return { playing: message.playing, speed: message.speed };
    case 'notice':
    case 'error':
      return { notice: message.message };
    default:
      return {};
  }
}
