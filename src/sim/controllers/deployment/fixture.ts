// Test fixture for the deployment controller's unit tables, after deployment_controller_test.go: the builders
// newDeployment, rs and newRSWithStatus, a RecordingClient that stands in for client-go's fake clientset (it keeps
// objects and lists every write, in order) and a recorder that keeps events as record.FakeRecorder does.
import type { KubeObject } from '../../api/object';
import { rfc3339 } from '../../clock/timeFormat';
import type { VirtualMs } from '../../clock/virtualClock';
import { applyMergePatch } from '../../store/mergePatch';
import type { ApiClient, Verb, WatchHandler, WriteContext } from '../../store/types';
import type { DeploymentObject, ReplicaSetObject } from './replicaSets';
import type { DeploymentSyncContext } from './syncContext';

/** RecordedAction is one write the code under test made. */
export interface RecordedAction {
  verb: Verb;
  kind: string;
  name: string;
  object?: KubeObject;
  reason: string;
}

/** RecordingClient is an in-memory ApiClient that records writes; it does no validation, defaulting or admission. */
export class RecordingClient implements ApiClient {
  readonly actions: RecordedAction[] = [];
  private readonly objects = new Map<string, KubeObject>();
  private resourceVersion = 0;

  constructor(seed: readonly KubeObject[] = []) {
    for (const obj of seed) this.objects.set(keyOf(obj.kind, obj.metadata.namespace ?? '', obj.metadata.name ?? ''), obj);
  }

  create<T extends KubeObject>(obj: T, ctx: WriteContext): T {
    return this.store('create', obj, ctx);
  }

  update<T extends KubeObject>(obj: T, ctx: WriteContext): T {
    return this.store('update', obj, ctx);
  }

  updateStatus<T extends KubeObject>(obj: T, ctx: WriteContext): T {
    return this.store('updateStatus', obj, ctx);
  }

  patch<T extends KubeObject>(kind: string, namespace: string, name: string, patch: object, ctx: WriteContext): T {
    const existing = this.objects.get(keyOf(kind, namespace, name)) ?? { apiVersion: '', kind, metadata: { name, namespace } };
    return this.store('patch', applyMergePatch(existing, patch) as T, ctx);
  }

  delete(kind: string, namespace: string, name: string, ctx: WriteContext): undefined {
    this.objects.delete(keyOf(kind, namespace, name));
    this.actions.push({ verb: 'delete', kind, name, reason: ctx.reason });
    return undefined;
  }

  bind(): KubeObject {
    throw new Error('the deployment controller never binds pods');
  }

  get<T extends KubeObject>(kind: string, namespace: string, name: string): T | undefined {
    return this.objects.get(keyOf(kind, namespace, name)) as T | undefined;
  }

  list<T extends KubeObject>(kind: string): T[] {
    return [...this.objects.values()].filter((o) => o.kind === kind) as T[];
  }

  watch<T extends KubeObject>(_kind: string, _handler: WatchHandler<T>): () => void {
    return () => undefined;
  }

  /** writes lists the recorded writes of one kind as `verb name` lines. */
  writes(kind: string): string[] {
    return this.actions.filter((a) => a.kind === kind).map((a) => `${a.verb} ${a.name}`);
  }

  private store<T extends KubeObject>(verb: Verb, obj: T, ctx: WriteContext): T {
    const copy = structuredClone(obj);
    copy.metadata = { ...copy.metadata, resourceVersion: String(++this.resourceVersion) };
    this.objects.set(keyOf(copy.kind, copy.metadata.namespace ?? '', copy.metadata.name ?? ''), copy);
    this.actions.push({ verb, kind: copy.kind, name: copy.metadata.name ?? '', object: copy, reason: ctx.reason });
    return copy;
  }
}

function keyOf(kind: string, namespace: string, name: string): string {
  return `${kind}/${namespace}/${name}`;
}

/** FakeSync is a DeploymentSyncContext over a RecordingClient, with events and requeues kept as strings. */
export interface FakeSync extends DeploymentSyncContext {
  client: RecordingClient;
  events: string[];
  requeues: string[];
}

/** fakeSync builds a sync context at virtual time `now`. */
export function fakeSync(seed: readonly KubeObject[] = [], now: VirtualMs = 0): FakeSync {
  const client = new RecordingClient(seed);
  const events: string[] = [];
  const requeues: string[] = [];
  return {
    client,
    events,
    requeues,
    recorder: { event: (_obj, type, reason, message) => events.push(`${type} ${reason} ${message}`) },
    now: () => now,
    getReplicaSet: (namespace, name) => client.get<ReplicaSetObject>('ReplicaSet', namespace, name),
    enqueueAfter: (d, delay) => requeues.push(`after ${delay}ms ${d.metadata.name}`),
    enqueueRateLimited: (d) => requeues.push(`rate limited ${d.metadata.name}`),
  };
}

/**
 * newDeployment mirrors the upstream test helper: a RollingUpdate Deployment in `default` whose maxSurge and
 * maxUnavailable default to 0 (so the fenceposts resolve to 0 and 1).
 */
export function newDeployment(
  name: string,
  replicas: number,
  opts: { revisionHistoryLimit?: number; maxSurge?: number | string; maxUnavailable?: number | string; selector?: Record<string, string> } = {},
): DeploymentObject {
  const selector = opts.selector ?? {};
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: 'default', uid: `uid-${name}`, annotations: {} },
    spec: {
      replicas,
      selector: { matchLabels: { ...selector } },
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: opts.maxSurge ?? 0, maxUnavailable: opts.maxUnavailable ?? 0 } },
      template: { metadata: { labels: { ...selector } }, spec: { containers: [{ name: 'foo', image: 'foo/bar' }] } },
      revisionHistoryLimit: opts.revisionHistoryLimit,
    },
  };
}

/** rs mirrors the upstream test helper: a ReplicaSet in `default` created at virtual time `createdAt` (undefined: zero time). */
export function rs(name: string, replicas: number, selector: Record<string, string> = {}, createdAt?: VirtualMs): ReplicaSetObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name, namespace: 'default', uid: `uid-${name}`, creationTimestamp: createdAt === undefined ? undefined : rfc3339(createdAt) },
    spec: { replicas, selector: { matchLabels: { ...selector } }, template: {} },
  };
}

/** newRSWithStatus is rs with status.replicas set. */
export function newRSWithStatus(name: string, specReplicas: number, statusReplicas: number, selector: Record<string, string> = {}): ReplicaSetObject {
  return { ...rs(name, specReplicas, selector), status: { replicas: statusReplicas } };
}

/** withStatus returns a copy of a ReplicaSet with the given status fields. */
export function withStatus(replicaSet: ReplicaSetObject, status: Record<string, number>): ReplicaSetObject {
  return { ...replicaSet, status: { replicas: 0, ...replicaSet.status, ...status } };
}
