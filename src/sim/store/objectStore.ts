import type { Pod, PodCondition } from 'kubernetes-types/core/v1';
import { serverMeta, type KubeObject } from '../api/object';
import { StatusError, statusErrors } from '../api/statusError';
import { fieldErrors } from '../api/fieldError';
import type { VirtualClock } from '../clock/virtualClock';
import type { SeededRandom } from '../clock/random';
import { rfc3339 } from '../clock/timeFormat';
import { apiVersionOf, type AdmissionView, type KindSpec } from '../kinds/kindSpec';
import type { KindRegistry } from '../kinds/registry';
import type { AdmissionPlugin, Operation } from './admission/admissionPlugin';
import { deepFreeze } from './deepFreeze';
import { shareUnchanged } from './structuralSharing';
import { applyMergePatch, deepEqual } from './mergePatch';
import { filterList } from './listFilter';
import type { Action, ApiClient, DeleteOptions, ListOptions, Verb, WatchEvent, WatchHandler, WriteContext } from './types';
import { deepCopy } from './deepCopy';
import { KindBucket } from './kindBucket';
import { ActionLog } from './actionLog';
import { ObjectTTL, type Leased } from './objectTTL';

/** apimachinery's SimpleNameGenerator: a generated name is the prefix (at most 58 chars) plus 5 random chars. */
const MAX_GENERATED_PREFIX = 58;
const GENERATED_SUFFIX_LENGTH = 5;
/** The API server retries a generateName collision a few times before giving up (RetryGenerateName, GA 1.32). */
const GENERATE_NAME_ATTEMPTS = 8;

export interface ObjectStoreOptions {
  clock: VirtualClock;
  random: SeededRandom;
  registry: KindRegistry;
  admission: readonly AdmissionPlugin[];
}

/**
 * ObjectStore is the simulated kube-apiserver and etcd in one: it stores objects by kind/namespace/name, assigns
 * server-set metadata on the virtual clock, runs defaulting, admission and validation, honours finalizers and
 * graceful pod deletion, and tells watchers about every committed change, in commit order.
 */
export class ObjectStore implements ApiClient {
  private readonly objects = new Map<string, KindBucket>();
  private readonly sortedCache = new Map<string, KubeObject[]>();
  private readonly handlers = new Map<string, WatchHandler[]>();
  /** The narrated write history (see ActionLog); Cluster trims it. */
  readonly actionLog = new ActionLog();
  /** The leases of kinds whose writes expire (see ObjectTTL), by kind. */
  private readonly ttls = new Map<string, ObjectTTL>();
  private resourceVersion = 0;
  private readonly view: AdmissionView;
  /** The plugins of each phase, in order: looked up once, not by phase name on every write. */
  private readonly mutating: readonly AdmissionPlugin[];
  private readonly validating: readonly AdmissionPlugin[];

  constructor(private readonly options: ObjectStoreOptions) {
    this.mutating = options.admission.filter((plugin) => plugin.admit);
    this.validating = options.admission.filter((plugin) => plugin.validate);
    this.view = {
      get: (kind, namespace, name) => this.get(kind, namespace, name),
      list: (kind, namespace) => this.list(kind, namespace ? { namespace } : undefined),
    };
  }

  /** actions is the narrated write history kept (see ActionLog), oldest first. */
  actions(): readonly Action[] {
    return this.actionLog.kept();
  }

  create<T extends KubeObject>(input: T, ctx: WriteContext): T {
    const spec = this.specFor(input.kind);
    const obj = this.normalise(ctx.handOver ? input : deepCopy(input), spec);
    spec.defaults?.(obj);
    this.runAdmission('admit', obj, undefined, 'CREATE');
    // BeforeCreate (apiserver rest/create.go) fills uid and creationTimestamp before the strategy runs.
    serverMeta(obj).uid = this.options.random.uuid();
    serverMeta(obj).creationTimestamp = rfc3339(this.options.clock.now());
    spec.prepareForCreate?.(obj);
    if (!obj.metadata.name && obj.metadata.generateName) obj.metadata.name = this.generateName(spec, obj);
    this.validate(spec, obj, undefined);
    this.runAdmission('validate', obj, undefined, 'CREATE');
    const name = obj.metadata.name ?? '';
    if (this.bucket(spec.kind).has(obj.metadata.namespace ?? '', name)) throw statusErrors.alreadyExists(spec.plural, spec.group, name);
    if (spec.generation) serverMeta(obj).generation = 1;
    return this.commit('ADDED', 'create', obj, undefined, ctx) as T;
  }

  update<T extends KubeObject>(input: T, ctx: WriteContext): T {
    return this.replace(input, ctx, 'update');
  }

  private replace<T extends KubeObject>(input: T, ctx: WriteContext, verb: Verb): T {
    const spec = this.specFor(input.kind);
    const existing = this.mustGet(spec, input.metadata.namespace ?? '', input.metadata.name ?? '');
    this.checkResourceVersion(spec, input, existing);
    const obj = this.normalise(deepCopy(input), spec);
    keepServerMetadata(obj, existing);
    // An update without a resourceVersion is unconditional: it applies to the stored version.
    serverMeta(obj).resourceVersion = existing.metadata.resourceVersion;
    if (spec.statusSubresource) obj.status = deepCopy(existing.status);
    spec.defaults?.(obj);
    this.runAdmission('admit', obj, existing, 'UPDATE');
    this.validate(spec, obj, existing);
    this.runAdmission('validate', obj, existing, 'UPDATE');
    if (spec.generation) {
      serverMeta(obj).generation = (existing.metadata.generation ?? 1) + (specChanged(obj, existing) ? 1 : 0);
    }
    return this.commitUpdate(obj, existing, verb, ctx) as T;
  }

  updateStatus<T extends KubeObject>(input: T, ctx: WriteContext): T {
    const spec = this.specFor(input.kind);
    const existing = this.mustGet(spec, input.metadata.namespace ?? '', input.metadata.name ?? '');
    this.checkResourceVersion(spec, input, existing);
    // Copy only what changes; unchanged parts stay shared with the stored (frozen) version.
    const obj: KubeObject = { ...existing, metadata: { ...existing.metadata }, status: ctx.handOver ? input.status : deepCopy(input.status) };
    // Status strategies reset the spec and labels but let annotations through (apps deploymentStatusStrategy):
    // that is how the Deployment controller records its revision in the same write as the status.
    if (input.metadata.annotations) obj.metadata.annotations = deepCopy(input.metadata.annotations);
    return this.commitUpdate(obj, existing, 'updateStatus', ctx) as T;
  }

  patch<T extends KubeObject>(kind: string, namespace: string, name: string, patch: object, ctx: WriteContext): T {
    const spec = this.specFor(kind);
    const existing = this.mustGet(spec, namespace, name);
    const merged = applyMergePatch(existing, patch) as T;
    merged.metadata = { ...merged.metadata, resourceVersion: existing.metadata.resourceVersion };
    return this.replace(merged, ctx, 'patch');
  }

  delete(kind: string, namespace: string, name: string, ctx: WriteContext, opts: DeleteOptions = {}): KubeObject | undefined {
    const spec = this.specFor(kind);
    const existing = this.mustGet(spec, namespace, name);
    for (const plugin of this.options.admission) plugin.validateDelete?.(existing);
    const grace = this.gracePeriodSeconds(existing, opts);
    const finalizers = [...(existing.metadata.finalizers ?? [])];
    if (opts.propagationPolicy === 'Foreground' && !finalizers.includes('foregroundDeletion')) finalizers.push('foregroundDeletion');
    if (opts.propagationPolicy === 'Orphan' && !finalizers.includes('orphan')) finalizers.push('orphan');
    const namespaceFinalizers = kind === 'Namespace' && ((existing.spec as { finalizers?: string[] })?.finalizers ?? []).length > 0;
    if (finalizers.length === 0 && grace === 0 && !namespaceFinalizers) {
      this.remove(existing, ctx);
      return undefined;
    }
    // Copy only what changes; unchanged parts stay shared with the stored (frozen) version.
    const obj: KubeObject = { ...existing, metadata: { ...existing.metadata } };
    obj.metadata.finalizers = finalizers.length > 0 ? finalizers : undefined;
    if (!obj.metadata.finalizers) delete obj.metadata.finalizers;
    const now = this.options.clock.now();
    const alreadyDeleting = existing.metadata.deletionTimestamp !== undefined;
    // A second delete may shorten a pod's grace period, never lengthen it (pkg/registry/rest/delete.go).
    if (!alreadyDeleting || grace < (existing.metadata.deletionGracePeriodSeconds ?? Infinity)) {
      serverMeta(obj).deletionTimestamp = rfc3339(now + grace * 1000);
      serverMeta(obj).deletionGracePeriodSeconds = grace;
    }
    if (kind === 'Namespace') obj.status = { ...(obj.status as object), phase: 'Terminating' };
    if (alreadyDeleting && grace === 0 && finalizers.length === 0 && !namespaceFinalizers) {
      this.remove(existing, ctx);
      return undefined;
    }
    // Deleting what is already being deleted, with nothing to change, writes nothing (as the API server does).
    if (alreadyDeleting && deepEqual(obj, existing)) return existing;
    return this.commit('MODIFIED', 'delete', obj, existing, ctx);
  }

  bind(namespace: string, podName: string, nodeName: string, ctx: WriteContext): KubeObject {
    const spec = this.specFor('Pod');
    const existing = this.mustGet(spec, namespace, podName) as unknown as Pod & KubeObject;
    if (existing.spec?.nodeName) {
      throw new StatusError('Conflict', `pod ${podName} is already assigned to node "${existing.spec.nodeName}"`);
    }
    if (existing.metadata.deletionTimestamp) {
      throw new StatusError('Conflict', `pod ${podName} is being deleted, cannot be assigned to a host`);
    }
    // Copy only what changes; unchanged parts stay shared with the stored (frozen) version.
    const pod = { ...existing, metadata: { ...existing.metadata } } as Pod & KubeObject;
    // Object.assign, not a spread: V8 takes a slow path when a spread copy gains a key (nodeName, conditions).
    pod.spec = Object.assign({}, pod.spec, { nodeName });
    const scheduled: PodCondition = {
      type: 'PodScheduled',
      status: 'True',
      lastProbeTime: null as unknown as undefined,
      lastTransitionTime: rfc3339(this.options.clock.now()),
    };
    const conditions = (pod.status?.conditions ?? []).filter((c) => c.type !== 'PodScheduled');
    pod.status = Object.assign({}, pod.status, { conditions: [...conditions, scheduled] });
    return this.commit('MODIFIED', 'bind', pod, existing, ctx);
  }

  get<T extends KubeObject>(kind: string, namespace: string, name: string): T | undefined {
    return this.objects.get(kind)?.get(namespace, name) as T | undefined;
  }

  list<T extends KubeObject>(kind: string, opts?: ListOptions): T[] {
    let sorted = this.sortedCache.get(kind);
    if (!sorted) {
      sorted = this.bucket(kind).values().sort(compareNamespaceName);
      this.sortedCache.set(kind, sorted);
    }
    return filterList(kind, sorted, opts) as T[];
  }

  watch<T extends KubeObject>(kind: string, handler: WatchHandler<T>): () => void {
    const list = this.handlers.get(kind) ?? [];
    list.push(handler as WatchHandler);
    this.handlers.set(kind, list);
    return () => {
      const current = this.handlers.get(kind) ?? [];
      this.handlers.set(kind, current.filter((h) => h !== handler));
    };
  }

  /** watchAll sees every kind's changes (the cluster uses it to build change batches). */
  watchAll(handler: WatchHandler): () => void {
    return this.watch('*', handler);
  }

  private commitUpdate(obj: KubeObject, existing: KubeObject, verb: Verb, ctx: WriteContext): KubeObject {
    serverMeta(obj).resourceVersion = existing.metadata.resourceVersion;
    if (shareUnchanged(obj, existing) === existing) return existing;
    // commit stamps a new resourceVersion: metadata stays the update's own, its unchanged fields shared.
    if (obj.metadata === existing.metadata) obj.metadata = { ...existing.metadata };
    if (existing.metadata.deletionTimestamp && this.deletionComplete(obj)) {
      this.remove(existing, ctx, verb);
      return obj;
    }
    return this.commit('MODIFIED', verb, obj, existing, ctx);
  }

  /** deletionComplete: a deleting object goes once no finalizer holds it and any grace period is confirmed. */
  private deletionComplete(obj: KubeObject): boolean {
    if ((obj.metadata.finalizers ?? []).length > 0) return false;
    if (obj.kind === 'Namespace') return ((obj.spec as { finalizers?: string[] })?.finalizers ?? []).length === 0;
    return (obj.metadata.deletionGracePeriodSeconds ?? 0) === 0;
  }

  private commit(type: 'ADDED' | 'MODIFIED', verb: Verb, obj: KubeObject, old: KubeObject | undefined, ctx: WriteContext): KubeObject {
    serverMeta(obj).resourceVersion = String(++this.resourceVersion);
    deepFreeze(obj);
    this.bucket(obj.kind).set(obj);
    this.sortedCache.delete(obj.kind);
    this.record(verb, obj, ctx);
    this.lease(obj);
    this.dispatch({ type, object: obj, old });
    return obj;
  }

  /** lease gives a write of a kind with a TTL its lease (see ObjectTTL). */
  private lease(obj: KubeObject): void {
    const ttlSeconds = this.options.registry.forKind(obj.kind)?.ttlSeconds;
    if (ttlSeconds === undefined) return;
    let ttl = this.ttls.get(obj.kind);
    if (!ttl) this.ttls.set(obj.kind, (ttl = new ObjectTTL(this.options.clock, ttlSeconds, (lease) => this.expire(obj.kind, lease))));
    ttl.track(obj);
  }

  /** expire deletes what a lease ran out on, unless a later write (with a lease of its own) replaced it. */
  private expire(kind: string, { namespace, name, resourceVersion }: Leased): void {
    const current = this.get(kind, namespace, name);
    if (current?.metadata.resourceVersion !== resourceVersion) return;
    this.remove(current, { actor: 'kube-apiserver', reason: `${kind} ${name} expired: its TTL ran out`, quiet: true });
  }

  private remove(existing: KubeObject, ctx: WriteContext, verb: Verb = 'delete'): void {
    this.bucket(existing.kind).delete(existing);
    this.sortedCache.delete(existing.kind);
    this.resourceVersion++;
    this.record(verb, existing, ctx);
    this.dispatch({ type: 'DELETED', object: existing, old: existing });
  }

  private record(verb: Verb, obj: KubeObject, ctx: WriteContext): void {
    if (ctx.quiet) return;
    this.actionLog.append({
      time: this.options.clock.now(),
      actor: ctx.actor,
      verb,
      kind: obj.kind,
      namespace: obj.metadata.namespace ?? '',
      name: obj.metadata.name ?? '',
      // Most reasons name their object already; only a generated name is filled in here.
      reason: ctx.reason.includes('{name}') ? ctx.reason.replaceAll('{name}', obj.metadata.name ?? '') : ctx.reason,
    });
  }

  private dispatch(event: WatchEvent): void {
    for (const handler of this.handlers.get(event.object.kind) ?? []) handler(event);
    for (const handler of this.handlers.get('*') ?? []) handler(event);
  }

  private gracePeriodSeconds(obj: KubeObject, opts: DeleteOptions): number {
    if (obj.kind !== 'Pod') return 0;
    const pod = obj as unknown as Pod;
    // pkg/registry/core/pod/strategy.go CheckGracefulDelete: unscheduled and terminated pods go at once.
    if (!pod.spec?.nodeName) return 0;
    if (pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed') return 0;
    return Math.max(0, opts.gracePeriodSeconds ?? pod.spec.terminationGracePeriodSeconds ?? 30);
  }

  private generateName(spec: KindSpec, obj: KubeObject): string {
    const prefix = (obj.metadata.generateName ?? '').slice(0, MAX_GENERATED_PREFIX);
    for (let i = 0; i < GENERATE_NAME_ATTEMPTS; i++) {
      const name = prefix + this.options.random.string(GENERATED_SUFFIX_LENGTH);
      if (!this.bucket(spec.kind).has(obj.metadata.namespace ?? '', name)) return name;
    }
    throw statusErrors.alreadyExists(spec.plural, spec.group, prefix);
  }

  private normalise(obj: KubeObject, spec: KindSpec): KubeObject {
    obj.apiVersion = apiVersionOf(spec);
    obj.metadata = obj.metadata ?? {};
    if (spec.namespaced) obj.metadata.namespace = obj.metadata.namespace || 'default';
    else delete obj.metadata.namespace;
    return obj;
  }

  private validate(spec: KindSpec, obj: KubeObject, old: KubeObject | undefined): void {
    const errors = spec.validate?.(obj, old, this.view) ?? [];
    if (!obj.metadata.name && !errors.some((e) => e.path.join('.') === 'metadata.name')) {
      errors.unshift(fieldErrors.required(['metadata', 'name'], 'name or generateName is required'));
    }
    if (errors.length > 0) throw statusErrors.invalid(spec.kind, spec.group, obj.metadata.name ?? '', errors);
  }

  private runAdmission(phase: 'admit' | 'validate', obj: KubeObject, old: KubeObject | undefined, op: Operation): void {
    if (phase === 'admit') for (const plugin of this.mutating) plugin.admit!(obj, old, op, this.view);
    else for (const plugin of this.validating) plugin.validate!(obj, old, op, this.view);
  }

  private checkResourceVersion(spec: KindSpec, input: KubeObject, existing: KubeObject): void {
    const rv = input.metadata.resourceVersion;
    if (rv && rv !== existing.metadata.resourceVersion) throw statusErrors.conflict(spec.plural, spec.group, input.metadata.name ?? '');
  }

  private mustGet(spec: KindSpec, namespace: string, name: string): KubeObject {
    const obj = this.get(spec.kind, spec.namespaced ? namespace || 'default' : '', name);
    if (!obj) throw statusErrors.notFound(spec.plural, spec.group, name);
    return obj;
  }

  private specFor(kind: string): KindSpec {
    const spec = this.options.registry.forKind(kind);
    if (!spec) throw statusErrors.badRequest(`no kind "${kind}" is registered`);
    return spec;
  }

  private bucket(kind: string): KindBucket {
    let bucket = this.objects.get(kind);
    if (!bucket) {
      bucket = new KindBucket();
      this.objects.set(kind, bucket);
    }
    return bucket;
  }
}

/** compareNamespaceName is etcd key order: by namespace, then name. */
function compareNamespaceName(a: KubeObject, b: KubeObject): number {
  const an = a.metadata.namespace ?? '';
  const bn = b.metadata.namespace ?? '';
  if (an !== bn) return an < bn ? -1 : 1;
  const a2 = a.metadata.name ?? '';
  const b2 = b.metadata.name ?? '';
  return a2 < b2 ? -1 : a2 > b2 ? 1 : 0;
}

/** keepServerMetadata copies the fields a client may not change on update (uid, creation and deletion stamps). */
function keepServerMetadata(obj: KubeObject, existing: KubeObject): void {
  const m = existing.metadata;
  serverMeta(obj).uid = m.uid;
  serverMeta(obj).creationTimestamp = m.creationTimestamp;
  serverMeta(obj).generation = m.generation;
  if (m.deletionTimestamp) {
    serverMeta(obj).deletionTimestamp = m.deletionTimestamp;
    serverMeta(obj).deletionGracePeriodSeconds = m.deletionGracePeriodSeconds;
  } else {
    delete serverMeta(obj).deletionTimestamp;
    delete serverMeta(obj).deletionGracePeriodSeconds;
  }
}

/** specChanged: metadata.generation moves when anything but metadata and status changes. */
function specChanged(obj: KubeObject, existing: KubeObject): boolean {
  const strip = ({ metadata: _m, status: _s, ...rest }: KubeObject) => rest;
  return !deepEqual(strip(obj), strip(existing));
}
