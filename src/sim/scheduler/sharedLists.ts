/**
 * SharedLists hands out one frozen array for lists of strings that are equal. Pods scheduled on the same nodes have
 * traces that list the same node names (and plugin names) in the same order: 2,000 traces on 100 nodes held 4 MB of
 * copies, which every major collection of the worker marked.
 */
export class SharedLists {
  private readonly recent: (readonly string[])[] = [];

  /** keep is how many distinct lists it remembers, the latest first. */
  constructor(private readonly keep = 4) {}

  /** share returns the remembered list equal to `list`, or else freezes `list` itself: its owner hands it over. */
  share(list: string[]): readonly string[] {
    const found = this.recent.findIndex((r) => sameList(r, list));
    const shared = found >= 0 ? this.recent.splice(found, 1)[0]! : Object.freeze(list);
    this.recent.unshift(shared);
    if (this.recent.length > this.keep) this.recent.pop();
    return shared;
  }
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
