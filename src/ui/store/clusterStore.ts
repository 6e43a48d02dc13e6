import { create } from 'zustand';
import type { Action, KubeObject } from '../../sim/index';
import { ACTION_WINDOW } from '../../worker/protocol';
import { newEventLog, updateEvents, type EventLog } from './eventLog';
import type { StoreMessage } from './inbox';
import type { KindObjects } from './kindObjects';
import type { ObjectChange } from './objectChanges';

/** objectsKey is how the mirror indexes objects: by kind, then `namespace/name`. */
export function nameKey(namespace: string | undefined, name: string | undefined): string {
  return `${namespace ?? ''}/${name ?? ''}`;
}

export interface ClusterState {
  time: number;
  playing: boolean;
  speed: number;
  /** The speed virtual time actually keeps, when the cluster cannot keep up with `speed`; undefined while it does. */
  keptSpeed: number | undefined;
  /** kind -> its objects (see KindObjects); every kind but Event. */
  objects: Record<string, KindObjects>;
  /** What the latest update did to each kind it touched (see ObjectChange); empty after a `ready`. */
  changes: Readonly<Record<string, ObjectChange>>;
  /** The Events, kept apart because there are so many (see EventLog). */
  events: EventLog;
  actions: Action[];
  /** Actors of the latest batch's actions: what the control plane is doing right now. */
  activeActors: string[];
  /** The actions of the latest batch that had any: what the last step (or tick) did, for the narration bar. */
  lastActions: Action[];
  /** How many actions that batch narrated; lastActions holds the newest ACTION_WINDOW of them. */
  lastActionCount: number;
  /** kubectl's answer to the last node, pod or workload action. */
  notice: string | undefined;
  receive(message: StoreMessage): void;
}


/**
 * useClusterStore mirrors the simulated cluster from worker messages. The UI never computes cluster state: it only
 * applies what the worker sends. Components read it through narrow selectors.
 */
export const useClusterStore = create<ClusterState>()((set) => ({
  time: 0,
  playing: false,
  speed: 1,
  keptSpeed: undefined,
  objects: {},
  changes: {},
  events: newEventLog(),
  actions: [],
  activeActors: [],
  lastActions: [],
  lastActionCount: 0,
  notice: undefined,
  receive: (message) => set((state) => reduce(state, message)),
}));

/**
 * reduce is the state transition for one worker message. It updates the kinds' maps (see KindObjects) and the Event
 * log's (see EventLog) in place, and gives each a new wrapper when it changes them.
 */
export function reduce(state: ClusterState, message: StoreMessage): Partial<ClusterState> {
  switch (message.type) {
    case 'ready': {
      const objects: ClusterState['objects'] = {};
      for (const obj of message.objects) {
        if (obj.kind !== 'Event') ((objects[obj.kind] ??= { byKey: new Map() }).byKey as Map<string, KubeObject>).set(nameKey(obj.metadata.namespace, obj.metadata.name), obj);
      }
      const events = newEventLog(message.objects.filter((o) => o.kind === 'Event'));
      return { time: message.time, objects, changes: {}, events, actions: message.actions.slice(-ACTION_WINDOW) };
    }
    case 'batch': {
      const objects = { ...state.objects };
      const changes: Record<string, { before: ObjectChange['before']; keys: string[] }> = {};
      // The first change to a kind wraps its map anew (see KindObjects); the map itself changes in place.
      const mapOf = (kind: string) => {
        if (!changes[kind]) {
          const before = objects[kind];
          changes[kind] = { before, keys: [] };
          objects[kind] = { byKey: before ? before.byKey : new Map() };
        }
        return objects[kind].byKey as Map<string, KubeObject>;
      };
      for (const obj of message.upserted) {
        const key = nameKey(obj.metadata.namespace, obj.metadata.name);
        mapOf(obj.kind).set(key, obj);
        changes[obj.kind].keys.push(key);
      }
      const deletedEvents: typeof message.deleted = [];
      for (const ref of message.deleted) {
        if (ref.kind === 'Event') {
          deletedEvents.push(ref);
          continue;
        }
        const key = nameKey(ref.namespace, ref.name);
        mapOf(ref.kind).delete(key);
        changes[ref.kind].keys.push(key);
      }
      const events = message.events.length + deletedEvents.length + message.touched.length > 0 ? updateEvents(state.events, message.events, deletedEvents, message.touched) : state.events;
      const actions = message.actions.length > 0 ? [...state.actions, ...message.actions].slice(-ACTION_WINDOW) : state.actions;
      const next: Partial<ClusterState> = { objects, changes, events, actions };
      if (message.time !== undefined) next.time = message.time;
      const latest = message.latest;
      if (latest) {
        const actors = [...new Set(latest.actions.map((a) => a.actor))];
        // Keep the same array while the same components act, so the control-plane card does not redraw.
        if (actors.join() !== state.activeActors.join()) next.activeActors = actors;
        if (latest.actions.length > 0) {
          next.lastActions = latest.actions;
          next.lastActionCount = latest.count;
        }
      }
      return next;
    }
    case 'status':
      return { playing: message.playing, speed: message.speed, keptSpeed: message.keptSpeed };
    case 'notice':
    case 'error':
      return { notice: message.message };
    default:
      return {};
  }
}
