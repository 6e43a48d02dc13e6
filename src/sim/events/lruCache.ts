/** Entry is one cached value in the recency list. */
interface Entry<V> {
  key: string;
  value: V;
  newer: Entry<V> | undefined;
  older: Entry<V> | undefined;
}

/**
 * LruCache mirrors k8s.io/utils/lru as the event correlator uses it: adding beyond the capacity evicts the entry
 * used longest ago. Like the Go list it keeps entries in a linked list, so a hit moves one entry instead of
 * re-inserting its key in the Map (the correlator hits its caches several times for every Event).
 */
export class LruCache<V> {
  private readonly entries = new Map<string, Entry<V>>();
  private newest: Entry<V> | undefined;
  private oldest: Entry<V> | undefined;

  constructor(private readonly capacity: number) {}

  /** has says whether the key is cached, without making it more recent. */
  has(key: string): boolean {
    return this.entries.has(key);
  }

  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.touch(entry);
    return entry.value;
  }

  add(key: string, value: V): void {
    const entry = this.entries.get(key);
    if (entry) {
      entry.value = value;
      this.touch(entry);
      return;
    }
    const added: Entry<V> = { key, value, newer: undefined, older: this.newest };
    if (this.newest) this.newest.newer = added;
    this.newest = added;
    this.oldest ??= added;
    this.entries.set(key, added);
    if (this.entries.size > this.capacity) this.evictOldest();
  }

  /** touch makes the entry the most recently used. */
  private touch(entry: Entry<V>): void {
    if (entry === this.newest) return;
    this.unlink(entry);
    entry.older = this.newest;
    entry.newer = undefined;
    this.newest!.newer = entry;
    this.newest = entry;
  }

  private unlink(entry: Entry<V>): void {
    if (entry.newer) entry.newer.older = entry.older;
    else this.newest = entry.older;
    if (entry.older) entry.older.newer = entry.newer;
    else this.oldest = entry.newer;
  }

  private evictOldest(): void {
    const oldest = this.oldest!;
    this.unlink(oldest);
    this.entries.delete(oldest.key);
  }
}
