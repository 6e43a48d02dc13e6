import type { Action, ApplyResult, ChangeBatch, KubeObject, ObjectRef, SchedulingTrace } from '../sim/index';

/**
 * The one contract between the UI and the simulation worker. Payloads are plain JSON, so a replay is a stored
 * list of commands. Bump PROTOCOL_VERSION on any incompatible change.
 */
export const PROTOCOL_VERSION = 1;

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
  | { type: 'trace'; id: number; namespace: string; name: string };

/** What a user can do to a node from the UI. */
export type NodeAction = 'kill' | 'restart' | 'cordon' | 'uncordon' | 'drain';

/** What a user can do to a pod from the UI. */
export type PodAction = 'delete' | 'crash' | 'failLiveness' | 'failReadiness' | 'healProbes';

/** What the worker sends back. */
export type WorkerMessage =
  | { type: 'ready'; version: number; time: number; objects: KubeObject[]; actions: Action[] }
  | { type: 'batch'; time: number; upserted: KubeObject[]; deleted: ObjectRef[]; actions: Action[] }
  | { type: 'applied'; id: number; results: ApplyResult[] }
  | { type: 'status'; playing: boolean; speed: number }
  | { type: 'trace'; id: number; trace: SchedulingTrace | undefined }
  | { type: 'notice'; message: string }
  | { type: 'error'; message: string };

/** toBatchMessage turns a sim change batch into its wire form. */
export function toBatchMessage(batch: ChangeBatch): WorkerMessage {
  return { type: 'batch', time: batch.time, upserted: batch.upserted, deleted: batch.deleted, actions: batch.actions };
}
