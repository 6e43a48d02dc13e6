import type { Action, ApplyResult, Flow, KubeObject, ObjectRef, SchedulingTrace, TrafficSample, TrafficStats } from '../sim/index';
import type { Event } from 'kubernetes-types/core/v1';
import type { PackedTexts } from './packedTexts';

/**
 * The one contract between the UI and the simulation worker. Payloads are plain JSON, so a replay is a stored
 * list of commands. Bump PROTOCOL_VERSION on any incompatible change.
 *
 * Version 2: a batch carries each upserted object as its JSON text, under its key, so the UI decodes a few per
 * frame and skips versions a later message replaced; Events carry only the fields the UI shows; a batch carries at
 * most the newest ACTION_WINDOW actions and says how many it had.
 *
 * Version 3: a batch carries its Events apart from the other objects, each with the fields the UI indexes them by,
 * so the UI keeps their text and parses only those it shows; texts travel packed in buffers that are transferred.
 *
 * Version 4: `ready` and `batch` carry Pods slimmed to what the page draws (see slimPod); `get` asks for one object
 * whole, as the API server holds it, and `object` answers.
 *
 * Version 5: `eventsAbout` asks for the Events about one object, and `events` answers: the page keeps only the
 * newest Events, for the timeline.
 *
 * Version 6: a batch carries at most the newest EVENT_WINDOW of its Events, and names the objects the others were
 * about (`WireEvents.touched`).
 */
export const PROTOCOL_VERSION = 6;

/**
 * Kinds the worker leaves out of `ready` and `batch` messages: nothing on the page shows them, and kubectl reads
 * them in the worker. Every kubelet renews its node's Lease every 10 s (k8s.io/component-helpers/apimachinery/lease,
 * which src/sim/kubelet/nodeLease.ts mirrors), so at 100x a 100-node cluster wrote some 1,000 Leases a second,
 * which the page decoded and kept for nothing: without them an idle 100-node cluster's batches carry 8 KB of text
 * a tick instead of 52 KB.
 */
export const UNMIRRORED_KINDS: ReadonlySet<string> = new Set(['Lease']);

/** The newest narrated actions the UI keeps; a batch never carries more, since older ones would be dropped at once. */
export const ACTION_WINDOW = 500;

/**
 * The newest Events the page keeps (for the timeline, which shows at most this many); a batch never carries more,
 * since older ones would be dropped at once. The Events about one object come on request (`eventsAbout`).
 */
export const EVENT_WINDOW = 300;

/** Commands the UI sends. */
export type Command =
  | { type: 'hello'; version: number }
  | { type: 'apply'; id: number; yaml: string }
  | { type: 'delete'; ref: ObjectRef }
  | { type: 'play' }
  | { type: 'pause' }
  | { type: 'step' }
  | { type: 'setSpeed'; speed: number }
  | { type: 'reset'; seed?: number; workers?: number }
  | { type: 'nodeAction'; node: string; action: NodeAction }
  | { type: 'addNode' }
  | { type: 'podAction'; namespace: string; name: string; action: PodAction }
  | { type: 'scale'; namespace: string; name: string; replicas: number }
  | { type: 'setImage'; namespace: string; name: string; image: string }
  | { type: 'trace'; id: number; namespace: string; name: string }
  | { type: 'get'; id: number; ref: ObjectRef }
  | { type: 'eventsAbout'; id: number; ref: ObjectRef }
  | { type: 'kubectl'; id: number; line: string; files: Record<string, string> }
  | { type: 'kubectlCancel'; id: number }
  | { type: 'kubectlComplete'; id: number; line: string }
  | { type: 'traffic'; action: 'start'; flow: Flow }
  | { type: 'traffic'; action: 'stop'; id: string };

/** What a user can do to a node from the UI. */
export type NodeAction = 'kill' | 'restart' | 'cordon' | 'uncordon' | 'drain';

/** What a user can do to a pod from the UI. */
export type PodAction = 'delete' | 'crash' | 'failLiveness' | 'failReadiness' | 'healProbes';

/**
 * WireEvents are a batch's upserted Events, field by field (the i-th entry of each list is the i-th Event): the
 * newest EVENT_WINDOW of them. A 2,000-pod rollout writes some 17,000 Events, and the UI shows a few hundred: it
 * indexes them by these fields and parses the text of only those it shows.
 */
export interface WireEvents {
  /** `namespace/name` of the Event. */
  keys: string[];
  /** `kind/namespace/name` of the object the Event is about. */
  involved: string[];
  /** When the Event last happened, in virtual ms: its eventTime, else its lastTimestamp, else its firstTimestamp. */
  times: number[];
  /** The Events' JSON texts, slimmed to what the UI shows (see slimEvent). */
  texts: PackedTexts;
  /**
   * `kind/namespace/name` of the objects the batch's other Events, older than these and left out, were about, each
   * once: whoever shows an object's Events asks for them again.
   */
  touched: string[];
}

/**
 * BatchMessage is what changed in the cluster, in wire form. The i-th text of `upserted` is the JSON of the object
 * whose `kind/namespace/name` is `keys[i]`; Events travel in `events` instead. `actions` are the newest (at most
 * ACTION_WINDOW) of the `actionCount` actions the batch narrated, in order.
 */
export interface BatchMessage {
  type: 'batch';
  time: number;
  keys: string[];
  upserted: PackedTexts;
  events: WireEvents;
  deleted: ObjectRef[];
  actions: Action[];
  actionCount: number;
}

/** TrafficMessage is the traffic since the previous one: running flows, counters, newly sampled requests, and the port-forwards. */
export interface TrafficMessage {
  type: 'traffic';
  flows: Flow[];
  stats: TrafficStats;
  samples: TrafficSample[];
  /** Local ports `kubectl port-forward` listens on. */
  portForwards: number[];
}

/** transfers lists the buffers postMessage moves to the UI with a message instead of copying them. */
export function transfers(message: WorkerMessage): Transferable[] {
  return message.type === 'batch' ? [message.upserted.bytes.buffer, message.events.texts.bytes.buffer] : [];
}

/** What the worker sends back. */
export type WorkerMessage =
  | { type: 'ready'; version: number; time: number; objects: KubeObject[]; actions: Action[] }
  | BatchMessage
  | { type: 'applied'; id: number; results: ApplyResult[] }
  /** keptSpeed: the speed virtual time actually runs at, when the cluster cannot keep up with the chosen one. */
  | { type: 'status'; playing: boolean; speed: number; keptSpeed?: number }
  | { type: 'trace'; id: number; trace: SchedulingTrace | undefined }
  /** The object a `get` asked for, whole; absent when it no longer exists. */
  | { type: 'object'; id: number; object: KubeObject | undefined }
  /** The Events about the object an `eventsAbout` named, slimmed as batches carry them (see slimEvent), oldest first. */
  | { type: 'events'; id: number; events: Event[] }
  | { type: 'notice'; message: string }
  | { type: 'error'; message: string }
  | { type: 'kubectl'; id: number; stdout: string; stderr: string; exitCode: number; streaming: boolean }
  | { type: 'kubectlStream'; id: number; stdout: string; stderr: string; exitCode?: number }
  | { type: 'completions'; id: number; candidates: string[] }
  | TrafficMessage;
