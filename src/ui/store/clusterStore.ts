import { create } from 'zustand';
import type { Action, KubeObject } from '../../sim/index';
import type { WorkerMessage } from '../../worker/protocol';
import { newEventLog, updateEvents, type EventLog } from './eventLog';

/** objectsKey is how the mirror indexes objects: by kind, then `namespace/name`. */
export function nameKey(namespace: string | undefined, name: string | undefined): string {
  return `${namespace ?? ''}/${name ?? ''}`;
}

export interface ClusterState {
  time: number;
  playing: boolean;
  speed: number;
  /** kind -> `namespace/name` -> object, as the worker last reported it; every kind but Event. */
  objects: Record<string, Record<string, KubeObject>>;
  /** The Events, kept apart because there are so many (see EventLog). */
  events: EventLog;
  actions: Action[];
  /** Actors of the latest batch's actions: what the control plane is doing right now. */
  activeActors: string[];
  /** The actions of the latest batch that had any: what the last step (or tick) did, for the narration bar. */
  lastActions: Action[];
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
  events: newEventLog(),
  actions: [],
  activeActors: [],
  lastActions: [],
  notice: undefined,
  receive: (message) => set((state) => reduce(state, message)),
}));

/**
 * reduce is the state transition for one worker message. It copies what it changes, except the maps of the Event
 * log, which it updates in place (see EventLog).
 */
export function reduce(state: ClusterState, message: WorkerMessage): Partial<ClusterState> {
  switch (message.type) {
    case 'ready': {
      const objects: ClusterState['objects'] = {};
      for (const obj of message.objects) if (obj.kind !== 'Event') (objects[obj.kind] ??= {})[nameKey(obj.metadata.namespace, obj.metadata.name)] = obj;
      const events = newEventLog(message.objects.filter((o) => o.kind === 'Event'));
      return { time: message.time, objects, events, actions: message.actions.slice(-ACTION_LIMIT) };
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
      const upsertedEvents: KubeObject[] = [];
      const deletedEvents: typeof message.deleted = [];
      for (const obj of message.upserted) {
        if (obj.kind === 'Event') upsertedEvents.push(obj);
        else bucket(obj.kind)[nameKey(obj.metadata.namespace, obj.metadata.name)] = obj;
      }
      for (const ref of message.deleted) {
        if (ref.kind === 'Event') deletedEvents.push(ref);
        else delete bucket(ref.kind)[nameKey(ref.namespace, ref.name)];
      }
      const events = upsertedEvents.length + deletedEvents.length > 0 ? updateEvents(state.events, upsertedEvents, deletedEvents) : state.events;
      const actions = message.actions.length > 0 ? [...state.actions, ...message.actions].slice(-ACTION_LIMIT) : state.actions;
      const activeActors = [...new Set(message.actions.map((a) => a.actor))];
      const lastActions = message.actions.length > 0 ? message.actions : state.lastActions;
      return { time: message.time, objects, events, actions, activeActors, lastActions };
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
