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
  private readonly cache = new Map<string, T>();
  private readonly handlers: EventHandlers<T>[] = [];
  private readonly indexers = new Map<string, IndexFunc<T>>();
  private readonly indices = new Map<string, Map<string, Map<string, T>>>();
  // Sorted key orders, kept until a key is added or removed (an update keeps an object's key and place).
  private sortedKeys: string[] | undefined;
  private readonly sortedIndexKeys = new Map<string, string[]>();

  constructor(client: ApiClient, readonly kind: string) {
    for (const obj of client.list<T>(kind)) this.cache.set(cacheKey(obj), obj);
    client.watch<T>(kind, (event) => this.onEvent(event));
  }

  addEventHandler(handlers: EventHandlers<T>): void {
    this.handlers.push(handlers);
    for (const obj of this.cache.values()) handlers.add?.(obj);
  }

  addIndexer(name: string, fn: IndexFunc<T>): void {
    this.indexers.set(name, fn);
    const index = new Map<string, Map<string, T>>();
    this.indices.set(name, index);
    for (const [key, obj] of this.cache) addToIndex(index, fn(obj), key, obj);
    for (const cached of [...this.sortedIndexKeys.keys()]) if (cached.startsWith(`${name}\u0000`)) this.sortedIndexKeys.delete(cached);
  }

  get(namespace: string, name: string): T | undefined {
    return this.cache.get(`${namespace}/${name}`);
  }

  /** list returns cached objects, optionally of one namespace, in namespace/name order. */
  list(namespace?: string): T[] {
    this.sortedKeys ??= sortKeys(this.cache.keys());
    const out: T[] = [];
    for (const key of this.sortedKeys) {
      const obj = this.cache.get(key)!;
      if (namespace === undefined || obj.metadata.namespace === namespace) out.push(obj);
    }
    return out;
  }

  /** byIndex returns the objects whose index `name` contains `value`, in namespace/name order. */
  byIndex(name: string, value: string): T[] {
    const bucket = this.indices.get(name)?.get(value);
    if (!bucket) return [];
    const cacheKey = `${name}\u0000${value}`;
    let keys = this.sortedIndexKeys.get(cacheKey);
    if (!keys) this.sortedIndexKeys.set(cacheKey, (keys = sortKeys(bucket.keys())));
    return keys.map((k) => bucket.get(k)!);
  }

  private onEvent(event: WatchEvent<T>): void {
    const key = cacheKey(event.object);
    const old = this.cache.get(key);
    if (event.type === 'DELETED') this.cache.delete(key);
    else this.cache.set(key, event.object);
    if (!old || event.type === 'DELETED') this.sortedKeys = undefined;
    for (const [name, fn] of this.indexers) {
      const index = this.indices.get(name)!;
      const before = old ? fn(old) : [];
      const after = event.type === 'DELETED' ? [] : fn(event.object);
      removeFromIndex(index, before, key);
      addToIndex(index, after, key, event.object);
      for (const value of before) if (!after.includes(value)) this.sortedIndexKeys.delete(`${name}\u0000${value}`);
      for (const value of after) if (!before.includes(value)) this.sortedIndexKeys.delete(`${name}\u0000${value}`);
    }
    for (const h of this.handlers) {
      if (event.type === 'ADDED') h.add?.(event.object);
      else if (event.type === 'MODIFIED') h.update?.(old ?? event.old ?? event.object, event.object);
      else h.delete?.(event.object);
    }
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

/** sortKeys orders `namespace/name` keys by namespace, then name (so `default` comes before `default-x`). */
function sortKeys(keys: Iterable<string>): string[] {
  return [...keys].map((k) => [k.replace('/', '\u0000'), k] as const).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([, k]) => k);
}

function addToIndex<T>(index: Map<string, Map<string, T>>, values: readonly string[], key: string, obj: T): void {
  for (const value of values) {
    let bucket = index.get(value);
    if (!bucket) index.set(value, (bucket = new Map()));
    bucket.set(key, obj);
  }
}

function removeFromIndex<T>(index: Map<string, Map<string, T>>, values: readonly string[], key: string): void {
  for (const value of values) index.get(value)?.delete(key);
}
