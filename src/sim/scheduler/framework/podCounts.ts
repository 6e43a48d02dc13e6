// Counts of a NodeInfo's pods by key, kept up to date as pods come and go: PodTopologySpread's pods matching a
// selector, which upstream counts again in every scheduling cycle. Not upstream.
import type { Pod } from 'kubernetes-types/core/v1';

/** PodCount is a count of pods: those `counts` is true for. */
interface PodCount {
  readonly counts: (pod: Pod) => boolean;
  readonly count: number;
}

/**
 * PodCounts holds a node's pod counts by key. The copies of a NodeInfo share one PodCounts until their pods change
 * (a change makes new counts with withPod), so a count set through any of them holds for all of them. The first
 * count lives in the object itself: Score looks it up for every node, and a map lookup there was measurable.
 */
export class PodCounts {
  private firstKey: string | undefined = undefined;
  private firstCounts: ((pod: Pod) => boolean) | undefined = undefined;
  private firstCount = 0;
  private rest: Map<string, PodCount> | undefined = undefined;

  /** size is the number of counts held. */
  get size(): number {
    return this.firstKey === undefined ? 0 : 1 + (this.rest?.size ?? 0);
  }

  /** get returns the count held under the key, if any. */
  get(key: string): number | undefined {
    if (key === this.firstKey) return this.firstCount;
    return this.rest?.get(key)?.count;
  }

  /** set holds `count`, the number of the pods `counts` is true for, under the key. */
  set(key: string, counts: (pod: Pod) => boolean, count: number): void {
    if (this.firstKey === undefined || key === this.firstKey) {
      this.firstKey = key;
      this.firstCounts = counts;
      this.firstCount = count;
    } else {
      (this.rest ??= new Map()).set(key, { counts, count });
    }
  }

  /** clear forgets every count. */
  clear(): void {
    this.firstKey = undefined;
    this.firstCounts = undefined;
    this.firstCount = 0;
    this.rest = undefined;
  }

  /** withPod returns the counts once a pod was added (sign 1) or removed (sign -1); this one is left as it is. */
  withPod(pod: Pod, sign: number): PodCounts {
    const next = new PodCounts();
    if (this.firstKey !== undefined) next.set(this.firstKey, this.firstCounts!, this.firstCount + (this.firstCounts!(pod) ? sign : 0));
    if (this.rest) for (const [key, c] of this.rest) next.set(key, c.counts, c.count + (c.counts(pod) ? sign : 0));
    return next;
  }
}
