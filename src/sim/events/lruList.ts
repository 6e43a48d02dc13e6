// Mirrors the recency list of k8s.io/utils/lru (a map over a container/list) as events_cache.go uses it; leaves out
// the map: the correlator finds its entries next to the involved object, so the list holds the nodes themselves.
// Leaves out Remove and Clear; the eviction function gets the evicted node.

/** Linked is a node of a recency list: its neighbours used more and less recently. */
export interface Linked<N> {
  newer: N | undefined;
  older: N | undefined;
}

/**
 * LruList orders nodes by recency and drops the least recently used beyond its capacity, telling `evicted` so the
 * owner of the node can forget it. Owners find their nodes themselves (the correlator
 * finds an object's aggregates and events next to the object, without building a key string).
 */
export class LruList<N extends Linked<N>> {
  private newest: N | undefined;
  private oldest: N | undefined;
  private size = 0;

  constructor(
    private readonly capacity: number,
    private readonly evicted: (node: N) => void,
  ) {}

  /** push adds a node that is not in the list as the most recently used, evicting the least recent beyond the capacity. */
  push(node: N): void {
    node.newer = undefined;
    node.older = this.newest;
    if (this.newest) this.newest.newer = node;
    this.newest = node;
    this.oldest ??= node;
    if (++this.size > this.capacity) {
      const oldest = this.oldest!;
      this.unlink(oldest);
      this.size--;
      this.evicted(oldest);
    }
  }

  /** touch makes a node in the list the most recently used. */
  touch(node: N): void {
    if (node === this.newest) return;
    this.unlink(node);
    node.older = this.newest;
    node.newer = undefined;
    this.newest!.newer = node;
    this.newest = node;
  }

  private unlink(node: N): void {
    if (node.newer) node.newer.older = node.older;
    else this.newest = node.older;
    if (node.older) node.older.newer = node.newer;
    else this.oldest = node.newer;
  }
}
