// Mirrors pkg/controller/garbagecollector/uid_cache.go: the absent-owner cache, an LRU of 500 references.
import type { ObjectReference } from './graph';

/** ABSENT_OWNER_CACHE_SIZE is NewReferenceCache(500) in NewDependencyGraphBuilder. */
export const ABSENT_OWNER_CACHE_SIZE = 500;

/**
 * ReferenceCache remembers owners the API server said do not exist, so that every dependent of a deleted owner does
 * not cost another GET. A reference includes the uid: an owner re-created under the same name is a different entry.
 */
export class ReferenceCache {
  /** A Map keeps insertion order: the first key is the least recently used. */
  private readonly entries = new Map<string, ObjectReference>();

  constructor(private readonly maxEntries: number = ABSENT_OWNER_CACHE_SIZE) {}

  add(ref: ObjectReference): void {
    const key = cacheKey(ref);
    this.entries.delete(key);
    this.entries.set(key, ref);
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
  }

  /** has reports whether the reference is cached, and marks it recently used, as lru.Cache.Get does. */
  has(ref: ObjectReference): boolean {
    const key = cacheKey(ref);
    const found = this.entries.get(key);
    if (!found) return false;
    this.entries.delete(key);
    this.entries.set(key, found);
    return true;
  }
}

function cacheKey(ref: ObjectReference): string {
  return [ref.apiVersion, ref.kind, ref.namespace, ref.name, ref.uid].join('\u0000');
}
