import type { KubeObject } from '../api/object';
import type { ApiClient, WatchEvent } from '../store/types';
import { SortedBucket, toSortKey, type Member } from './sortedBucket';

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
  /** The cached objects, as members of one bucket. */
  private readonly cache = new SortedBucket<T, Entry<T>>();
  /** Each handler's methods, split by event type (in registration order) so that an event calls only its own. */
  private readonly onAdd: ((obj: T) => void)[] = [];
  private readonly onUpdate: ((oldObj: T, newObj: T) => void)[] = [];
  private readonly onDelete: ((obj: T) => void)[] = [];
  /** The indexers in the order they were first added; re-adding a name replaces its function and index in place. */
  private readonly indexers: Indexer<T>[] = [];
  /**
   * An entry per cached object, by namespace, then name: an event or a get finds its object's key and version with
   * the object's own name strings (shared by its versions, their hashes kept), where a key string built anew would
   * have to be hashed each time.
   */
  private readonly entries = new Map<string, Map<string | undefined, Entry<T>>>();

  constructor(client: ApiClient, readonly kind: string) {
    for (const obj of client.list<T>(kind)) {
      const byName = this.namespaceEntries(obj.metadata.namespace ?? '');
      this.put(byName, byName.get(obj.metadata.name), obj);
    }
    client.watch<T>(kind, (event) => this.onEvent(event));
  }

  addEventHandler(handlers: EventHandlers<T>): void {
    if (handlers.add) this.onAdd.push(handlers.add.bind(handlers));
    if (handlers.update) this.onUpdate.push(handlers.update.bind(handlers));
    if (handlers.delete) this.onDelete.push(handlers.delete.bind(handlers));
    for (const entry of this.cache.members) handlers.add?.(entry.obj);
  }

  addIndexer(name: string, fn: IndexFunc<T>): void {
    const indexer: Indexer<T> = { name, fn, index: new Map() };
    let position = this.indexers.findIndex((i) => i.name === name);
    if (position < 0) position = this.indexers.push(indexer) - 1;
    else this.indexers[position] = indexer;
    for (const entry of this.cache.members) {
      entry.indexValues[position] = fn(entry.obj);
      for (const value of entry.indexValues[position]) bucketFor(indexer.index, value).add(entry);
    }
  }

  get(namespace: string, name: string): T | undefined {
    return this.entries.get(namespace)?.get(name)?.obj;
  }

  /** list returns cached objects, optionally of one namespace, in namespace/name order. */
  list(namespace?: string): T[] {
    const all = this.cache.sorted();
    return namespace === undefined ? [...all] : all.filter((obj) => obj.metadata.namespace === namespace);
  }

  /**
   * listed is list() without the copy, for hot paths that only read: never change the array it returns. The cache
   * replaces the array whenever an object comes, changes or goes, so one array always stands for one cache state.
   */
  listed(): readonly T[] {
    return this.cache.sorted();
  }

  /** byIndex returns the objects whose index `name` contains `value`, in namespace/name order. */
  byIndex(name: string, value: string): T[] {
    const bucket = this.indexNamed(name)?.get(value);
    return bucket ? [...bucket.sorted()] : [];
  }

  /** indexed is byIndex without the copy, for hot paths that only read: never change the array it returns. */
  indexed(name: string, value: string): readonly T[] {
    return this.indexNamed(name)?.get(value)?.sorted() ?? [];
  }

  private indexNamed(name: string): Map<string, SortedBucket<T, Entry<T>>> | undefined {
    for (const indexer of this.indexers) if (indexer.name === name) return indexer.index;
    return undefined;
  }

  private onEvent(event: WatchEvent<T>): void {
    const obj = event.object;
    if (event.type === 'DELETED') {
      this.remove(obj);
      for (const handler of this.onDelete) handler(obj);
      return;
    }
    const byName = this.namespaceEntries(obj.metadata.namespace ?? '');
    const entry = byName.get(obj.metadata.name);
    const old = entry?.obj;
    this.put(byName, entry, obj);
    if (event.type === 'ADDED') for (const handler of this.onAdd) handler(obj);
    else for (const handler of this.onUpdate) handler(old ?? event.old ?? obj, obj);
  }

  private namespaceEntries(namespace: string): Map<string | undefined, Entry<T>> {
    let byName = this.entries.get(namespace);
    if (!byName) this.entries.set(namespace, (byName = new Map()));
    return byName;
  }

  /** put makes `obj` the cached version of its object (in a new entry if it has none) and indexes it. */
  private put(byName: Map<string | undefined, Entry<T>>, entry: Entry<T> | undefined, obj: T): void {
    if (entry) {
      entry.obj = obj;
      this.cache.changed();
    } else {
      const key = cacheKey(obj);
      byName.set(obj.metadata.name, (entry = { key, sortKey: toSortKey(key), obj, indexValues: [] }));
      this.cache.add(entry);
    }
    if (this.indexers.length > 0) this.index(entry);
  }

  /** remove forgets a deleted object: its entry, its cache slot and every index bucket it was filed under. */
  private remove(obj: T): void {
    const { namespace = '', name } = obj.metadata;
    const byName = this.entries.get(namespace);
    const entry = byName?.get(name);
    if (!byName || !entry) return;
    byName.delete(name);
    if (byName.size === 0) this.entries.delete(namespace);
    this.cache.delete(entry);
    for (let i = 0; i < this.indexers.length; i++) {
      const index = this.indexers[i].index;
      for (const value of entry.indexValues[i]) index.get(value)?.delete(entry);
    }
  }

  /**
   * index files the entry's new version under its index values: it leaves the buckets it no longer belongs to, joins
   * new ones, and tells those it stays in that its version changed.
   */
  private index(entry: Entry<T>): void {
    const indexValues = entry.indexValues;
    for (let i = 0; i < this.indexers.length; i++) {
      const { fn, index } = this.indexers[i];
      const before = indexValues[i];
      const after = fn(entry.obj);
      if (before) for (const value of before) if (!after.includes(value)) index.get(value)?.delete(entry);
      for (const value of after) {
        if (before?.includes(value)) index.get(value)!.changed();
        else bucketFor(index, value).add(entry);
      }
      indexValues[i] = after;
    }
  }
}

/**
 * Entry is what the informer keeps of one object: a bucket member, and its index values, one array per indexer, so
 * that a new version or a delete leaves the buckets the last version was filed under without calling the index
 * functions on it again.
 */
interface Entry<T> extends Member<T> {
  readonly indexValues: (readonly string[])[];
}

/** Indexer is one named index: its function and its buckets by index value. */
interface Indexer<T extends KubeObject> {
  readonly name: string;
  readonly fn: IndexFunc<T>;
  readonly index: Map<string, SortedBucket<T, Entry<T>>>;
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

function bucketFor<T>(index: Map<string, SortedBucket<T, Entry<T>>>, value: string): SortedBucket<T, Entry<T>> {
  let bucket = index.get(value);
  if (!bucket) index.set(value, (bucket = new SortedBucket()));
  return bucket;
}
