import type { KubeObject } from '../api/object';
import type { ApiClient, WatchEvent } from '../store/types';

export interface EventHandlers<T extends KubeObject> {
  add?(obj: T): void;
  update?(oldObj: T, newObj: T): void;
  delete?(obj: T): void;
}

/** IndexFunc returns the index values of an object, e.g. its node name or its owners' uids. */
export type IndexFunc<T extends KubeObject> = (obj: T) => readonly string[];

/**
 * Informer mirrors client-go's SharedIndexInformer: a local cache of one kind kept current from a watch, with
 * named indexes, and handlers that controllers use only to enqueue keys. The cache holds the store's frozen
 * objects: never modify them.
 */
export class Informer<T extends KubeObject = KubeObject> {
  private readonly cache = new SortedBucket<T>();
  private readonly handlers: EventHandlers<T>[] = [];
  private readonly indexers = new Map<string, IndexFunc<T>>();
  private readonly indices = new Map<string, Map<string, SortedBucket<T>>>();

  constructor(client: ApiClient, readonly kind: string) {
    for (const obj of client.list<T>(kind)) this.cache.set(cacheKey(obj), obj);
    client.watch<T>(kind, (event) => this.onEvent(event));
  }

  addEventHandler(handlers: EventHandlers<T>): void {
    this.handlers.push(handlers);
    for (const obj of this.cache.objects.values()) handlers.add?.(obj);
  }

  addIndexer(name: string, fn: IndexFunc<T>): void {
    this.indexers.set(name, fn);
    const index = new Map<string, SortedBucket<T>>();
    this.indices.set(name, index);
    for (const [key, obj] of this.cache.objects) addToIndex(index, fn(obj), key, obj);
  }

  get(namespace: string, name: string): T | undefined {
    return this.cache.objects.get(`${namespace}/${name}`);
  }

  /** list returns cached objects, optionally of one namespace, in namespace/name order. */
  list(namespace?: string): T[] {
    const all = this.cache.sorted();
    return namespace === undefined ? [...all] : all.filter((obj) => obj.metadata.namespace === namespace);
  }

  /** byIndex returns the objects whose index `name` contains `value`, in namespace/name order. */
  byIndex(name: string, value: string): T[] {
    const bucket = this.indices.get(name)?.get(value);
    return bucket ? [...bucket.sorted()] : [];
  }

  /** indexed is byIndex without the copy, for hot paths that only read: never change the array it returns. */
  indexed(name: string, value: string): readonly T[] {
    return this.indices.get(name)?.get(value)?.sorted() ?? [];
  }

  private onEvent(event: WatchEvent<T>): void {
    const key = cacheKey(event.object);
    const old = this.cache.objects.get(key);
    if (event.type === 'DELETED') this.cache.delete(key);
    else this.cache.set(key, event.object);
    for (const [name, fn] of this.indexers) {
      const index = this.indices.get(name)!;
      const before = old ? fn(old) : [];
      const after = event.type === 'DELETED' ? [] : fn(event.object);
      for (const value of before) if (!after.includes(value)) index.get(value)?.delete(key);
      addToIndex(index, after, key, event.object);
    }
    for (const h of this.handlers) {
      if (event.type === 'ADDED') h.add?.(event.object);
      else if (event.type === 'MODIFIED') h.update?.(old ?? event.old ?? event.object, event.object);
      else h.delete?.(event.object);
    }
  }
}

/**
 * SortedBucket holds objects by `namespace/name` key and, once asked for, their namespace/name order, which it then
 * keeps current as objects come, change and go. Controllers read a bucket on every sync, so it is never re-sorted.
 */
class SortedBucket<T> {
  readonly objects = new Map<string, T>();
  /**
   * The keys in namespace/name order (sort keys: namespace, NUL, name) and the objects in that order; undefined
   * until first asked for. An update of a known key only drops `values`, rebuilt when next asked for: pods are
   * updated far more often than listed, and finding a key in the order takes a search.
   */
  private order: { sortKeys: string[]; keys: string[]; values: T[] | undefined } | undefined;

  set(key: string, obj: T): void {
    const known = this.objects.has(key);
    this.objects.set(key, obj);
    if (!this.order) return;
    this.order.values = undefined;
    if (known) return;
    const sortKey = toSortKey(key);
    const i = lowerBound(this.order.sortKeys, sortKey);
    this.order.sortKeys.splice(i, 0, sortKey);
    this.order.keys.splice(i, 0, key);
  }

  delete(key: string): void {
    if (!this.objects.delete(key) || !this.order) return;
    const i = lowerBound(this.order.sortKeys, toSortKey(key));
    this.order.sortKeys.splice(i, 1);
    this.order.keys.splice(i, 1);
    this.order.values = undefined;
  }

  /** sorted returns the objects in namespace/name order; callers must copy before changing the array. */
  sorted(): readonly T[] {
    if (!this.order) {
      const sortKeys = [...this.objects.keys()].map(toSortKey).sort(compareStrings);
      this.order = { sortKeys, keys: sortKeys.map(fromSortKey), values: undefined };
    }
    return (this.order.values ??= this.order.keys.map((k) => this.objects.get(k)!));
  }
}

/** InformerFactory shares one informer per kind between controllers, as SharedInformerFactory does. */
export class InformerFactory {
  private readonly informers = new Map<string, Informer>();

  constructor(private readonly client: ApiClient) {}

  forKind<T extends KubeObject>(kind: string): Informer<T> {
    let informer = this.informers.get(kind);
    if (!informer) {
      informer = new Informer(this.client, kind);
      this.informers.set(kind, informer);
    }
    return informer as unknown as Informer<T>;
  }
}

/** keyFunc is client-go's MetaNamespaceKeyFunc: `namespace/name`, or `name` for cluster-scoped objects. */
export function keyFunc(obj: KubeObject): string {
  return obj.metadata.namespace ? `${obj.metadata.namespace}/${obj.metadata.name}` : (obj.metadata.name ?? '');
}

/** splitKey is cache.SplitMetaNamespaceKey. */
export function splitKey(key: string): { namespace: string; name: string } {
  const slash = key.indexOf('/');
  return slash < 0 ? { namespace: '', name: key } : { namespace: key.slice(0, slash), name: key.slice(slash + 1) };
}

function cacheKey(obj: KubeObject): string {
  return `${obj.metadata.namespace ?? ''}/${obj.metadata.name}`;
}

/** toSortKey makes `namespace/name` keys sort by namespace, then name (so `default` comes before `default-x`). */
function toSortKey(key: string): string {
  return key.replace('/', '\u0000');
}

function fromSortKey(sortKey: string): string {
  return sortKey.replace('\u0000', '/');
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** lowerBound is the index of the first key not less than `key` in ascending `keys`. */
function lowerBound(keys: readonly string[], key: string): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (keys[mid] < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function addToIndex<T>(index: Map<string, SortedBucket<T>>, values: readonly string[], key: string, obj: T): void {
  for (const value of values) {
    let bucket = index.get(value);
    if (!bucket) index.set(value, (bucket = new SortedBucket()));
    bucket.set(key, obj);
  }
}
