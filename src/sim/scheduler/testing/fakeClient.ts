// A small in-memory ApiClient for scheduler tests, in the spirit of client-go's fake clientset (testing/fixture.go
// ObjectTracker with Watch): uids, resourceVersions, synchronous watch events and the pods/binding subresource.
// It does no validation, defaulting or admission; the real object store does.
import type { Pod } from 'kubernetes-types/core/v1';
import { objectKey, type KubeObject } from '../../api/object';
import { StatusError } from '../../api/statusError';
import type { ApiClient, ListOptions, Verb, WatchEvent, WatchHandler, WriteContext } from '../../store/types';

/** RecordedWrite is one write the fake client accepted, for assertions. */
export interface RecordedWrite {
  verb: Verb;
  kind: string;
  namespace: string;
  name: string;
  actor: string;
  reason: string;
}

function key(o: KubeObject): string {
  return objectKey(o.kind, o.metadata.namespace, o.metadata.name ?? '');
}

/** FakeClient keeps objects in memory and calls watch handlers synchronously after each write. */
export class FakeClient implements ApiClient {
  private readonly objects = new Map<string, KubeObject>();
  /** byKind indexes the objects by kind, as a store's per-resource prefix does. */
  private readonly byKind = new Map<string, Map<string, KubeObject>>();
  private readonly watchers = new Map<string, Set<WatchHandler>>();
  private rv = 0;
  private uid = 0;
  readonly writes: RecordedWrite[] = [];

  private record(verb: Verb, o: KubeObject, ctx: WriteContext): void {
    if (o.kind === 'Event') return;
    this.writes.push({ verb, kind: o.kind, namespace: o.metadata.namespace ?? '', name: o.metadata.name ?? '', actor: ctx.actor, reason: ctx.reason });
  }

  private emit(e: WatchEvent): void {
    for (const h of this.watchers.get(e.object.kind) ?? []) h(e);
  }

  private commit<T extends KubeObject>(obj: T, verb: Verb, ctx: WriteContext): T {
    const k = key(obj);
    const old = this.objects.get(k);
    // A shallow copy with new metadata: callers must not change objects after writing them (the real store
    // freezes its copies; this fixture stays cheap for the throughput benchmark).
    const stored: T = { ...obj, metadata: { ...obj.metadata, resourceVersion: String(++this.rv), uid: old?.metadata.uid ?? obj.metadata.uid ?? `uid-${++this.uid}` } };
    this.objects.set(k, stored);
    if (!this.byKind.has(stored.kind)) this.byKind.set(stored.kind, new Map());
    this.byKind.get(stored.kind)!.set(k, stored);
    this.record(verb, stored, ctx);
    this.emit(old ? { type: 'MODIFIED', object: stored, old } : { type: 'ADDED', object: stored });
    return stored;
  }

  create<T extends KubeObject>(obj: T, ctx: WriteContext): T {
    if (this.objects.has(key(obj))) throw new StatusError('AlreadyExists', `${obj.kind} "${obj.metadata.name}" already exists`);
    return this.commit(obj, 'create', ctx);
  }

  update<T extends KubeObject>(obj: T, ctx: WriteContext): T {
    this.mustGet(obj.kind, obj.metadata.namespace ?? '', obj.metadata.name ?? '', obj.metadata.resourceVersion);
    return this.commit(obj, 'update', ctx);
  }

  updateStatus<T extends KubeObject>(obj: T, ctx: WriteContext): T {
    const cur = this.mustGet(obj.kind, obj.metadata.namespace ?? '', obj.metadata.name ?? '', obj.metadata.resourceVersion);
    return this.commit({ ...cur, status: obj.status } as T, 'updateStatus', ctx);
  }

  patch<T extends KubeObject>(kind: string, namespace: string, name: string, patch: object, ctx: WriteContext): T {
    const cur = this.mustGet(kind, namespace, name);
    return this.commit({ ...cur, ...patch } as T, 'patch', ctx);
  }

  delete(kind: string, namespace: string, name: string, ctx: WriteContext): KubeObject | undefined {
    const k = objectKey(kind, namespace, name);
    const old = this.objects.get(k);
    if (!old) throw new StatusError('NotFound', `${kind} "${name}" not found`);
    this.objects.delete(k);
    this.byKind.get(kind)?.delete(k);
    this.record('delete', old, ctx);
    this.emit({ type: 'DELETED', object: old, old });
    return old;
  }

  bind(namespace: string, podName: string, nodeName: string, ctx: WriteContext): KubeObject {
    const pod = this.mustGet('Pod', namespace, podName) as Pod & KubeObject;
    if (pod.spec?.nodeName) {
      throw new StatusError('Conflict', `pod ${podName} is already assigned to node "${pod.spec.nodeName}"`);
    }
    const conditions = (pod.status?.conditions ?? []).filter((c) => c.type !== 'PodScheduled');
    const bound: Pod & KubeObject = {
      ...pod,
      spec: { ...pod.spec!, nodeName },
      status: { ...pod.status, conditions: [...conditions, { type: 'PodScheduled', status: 'True' }] },
    };
    return this.commit(bound, 'bind', ctx);
  }

  get<T extends KubeObject>(kind: string, namespace: string, name: string): T | undefined {
    return this.objects.get(objectKey(kind, namespace, name)) as T | undefined;
  }

  list<T extends KubeObject>(kind: string, opts?: ListOptions): T[] {
    const out: T[] = [];
    for (const o of this.byKind.get(kind)?.values() ?? []) {
      if (opts?.namespace !== undefined && (o.metadata.namespace ?? '') !== opts.namespace) continue;
      out.push(o as T);
    }
    return out.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  }

  watch<T extends KubeObject>(kind: string, handler: WatchHandler<T>): () => void {
    if (!this.watchers.has(kind)) this.watchers.set(kind, new Set());
    const set = this.watchers.get(kind)!;
    set.add(handler as WatchHandler);
    return () => set.delete(handler as WatchHandler);
  }

  private mustGet(kind: string, namespace: string, name: string, resourceVersion?: string): KubeObject {
    const cur = this.objects.get(objectKey(kind, namespace, name));
    if (!cur) throw new StatusError('NotFound', `${kind.toLowerCase()}s "${name}" not found`);
    if (resourceVersion !== undefined && resourceVersion !== cur.metadata.resourceVersion) {
      throw new StatusError('Conflict', `Operation cannot be fulfilled on ${kind.toLowerCase()}s "${name}": the object has been modified; please apply your changes to the latest version and try again`);
    }
    return cur;
  }
}
