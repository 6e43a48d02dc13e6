import type { KubeObject } from '../api/object';
import type { VirtualMs } from '../clock/virtualClock';

/**
 * WriteContext travels with every API write: who makes it and why, in one sentence a learner can read.
 * These narrated writes are the steps of `step()` and the lines of the timeline.
 */
export interface WriteContext {
  /** `user`, `default-scheduler`, `deployment-controller`, `kubelet/node-2`, ... */
  actor: string;
  /**
   * One plain sentence: "scaled up ReplicaSet web-7c5ddbdf54 to 2: maxSurge 1 allows 4 pods for 3 replicas".
   * `{name}` is replaced by the object's name at commit, for names the API server generates.
   */
  reason: string;
  /** Quiet writes (Event objects, heartbeats) are stored and broadcast but are not narrated steps. */
  quiet?: boolean;
  /**
   * The caller built the object for this write and hands it over: the store keeps it (for updateStatus, its status)
   * without a copy. It is frozen once stored, so a caller that touches it afterwards fails loudly.
   */
  handOver?: boolean;
}

export type Verb = 'create' | 'update' | 'updateStatus' | 'patch' | 'delete' | 'bind';

/** Action is one narrated API write. */
export interface Action {
  seq: number;
  time: VirtualMs;
  actor: string;
  verb: Verb;
  kind: string;
  namespace: string;
  name: string;
  reason: string;
}

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED';

/** WatchEvent mirrors apimachinery watch.Event; `old` is the previous version for MODIFIED and DELETED. */
export interface WatchEvent<T extends KubeObject = KubeObject> {
  type: WatchEventType;
  object: T;
  old?: T;
}

export type WatchHandler<T extends KubeObject = KubeObject> = (event: WatchEvent<T>) => void;

export interface ListOptions {
  namespace?: string;
  /** Label selector in kubectl grammar, e.g. `app=web,tier in (frontend)`. */
  labelSelector?: string;
  /** Field selector, e.g. `spec.nodeName=node-1,status.phase!=Running`. */
  fieldSelector?: string;
}

export type PropagationPolicy = 'Background' | 'Foreground' | 'Orphan';

export interface DeleteOptions {
  /** Overrides the object's grace period (pods); 0 deletes at once. */
  gracePeriodSeconds?: number;
  propagationPolicy?: PropagationPolicy;
}

/**
 * ApiClient is how every component talks to the API server, as client-go clients do. Objects returned are the
 * stored copies and frozen: copy (structuredClone) before changing anything.
 */
export interface ApiClient {
  create<T extends KubeObject>(obj: T, ctx: WriteContext): T;
  update<T extends KubeObject>(obj: T, ctx: WriteContext): T;
  updateStatus<T extends KubeObject>(obj: T, ctx: WriteContext): T;
  /** JSON merge patch (RFC 7386) against the current object. */
  patch<T extends KubeObject>(kind: string, namespace: string, name: string, patch: object, ctx: WriteContext): T;
  delete(kind: string, namespace: string, name: string, ctx: WriteContext, opts?: DeleteOptions): KubeObject | undefined;
  /** Binding subresource: sets spec.nodeName and PodScheduled=True on an unbound pod. */
  bind(namespace: string, podName: string, nodeName: string, ctx: WriteContext): KubeObject;
  get<T extends KubeObject>(kind: string, namespace: string, name: string): T | undefined;
  /** Lists come back in namespace/name order, as etcd keys sort. */
  list<T extends KubeObject>(kind: string, opts?: ListOptions): T[];
  /** watch calls the handler synchronously after each committed write of this kind; returns an unsubscribe. */
  watch<T extends KubeObject>(kind: string, handler: WatchHandler<T>): () => void;
}
