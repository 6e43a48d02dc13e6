// Kubeplay's own: client-go's thread_safe_store.go lists in Go map order, which is random; the informer here lists in
// namespace/name order, as the API server does, so that every reader sees one order and runs replay byte for byte.

/** Member is one cached object as buckets hold it: its keys, and its current version (replaced in place). */
export interface Member<T> {
  /** `namespace/name`. */
  readonly key: string;
  /** The key as it sorts: namespace, NUL, name (so `default` comes before `default-x`). */
  readonly sortKey: string;
  obj: T;
}

/** Order is a bucket's members in sortKey order, kept once someone has asked for it. */
interface Order<T, M extends Member<T>> {
  members: M[];
  /** Members that came since the order was last read, in arrival order: they join it when it is next read. */
  added: M[];
  /** The members' objects in order; dropped by any change, rebuilt when next read. */
  values: T[] | undefined;
}

/**
 * SortedBucket holds members and, once asked for, their namespace/name order, which it then keeps current as members
 * come, change and go. Controllers read a bucket on every sync, so it is never re-sorted; new members are merged in
 * when the order is next read, in one pass however many came: pods are created by the thousand and listed far less
 * often, and inserting each into a sorted array of thousands moves them all. Members are shared with the owner,
 * which replaces their versions and then calls changed(), so that a new version costs no lookup here.
 */
export class SortedBucket<T, M extends Member<T> = Member<T>> {
  /** The members in arrival order (one that leaves and comes back arrives anew). */
  readonly members = new Set<M>();
  private order: Order<T, M> | undefined;

  add(member: M): void {
    const size = this.members.size;
    this.members.add(member);
    if (!this.order) return;
    this.order.values = undefined;
    if (this.members.size !== size) this.order.added.push(member);
  }

  /** changed says that a member's object was replaced by a new version. */
  changed(): void {
    if (this.order) this.order.values = undefined;
  }

  delete(member: M): void {
    if (!this.members.delete(member) || !this.order) return;
    const order = mergeAdded(this.order);
    order.members.splice(lowerBound(order.members, member.sortKey), 1);
    order.values = undefined;
  }

  /** sorted returns the objects in namespace/name order; callers must copy before changing the array. */
  sorted(): readonly T[] {
    this.order ??= { members: [...this.members].sort(bySortKey), added: [], values: undefined };
    const order = mergeAdded(this.order);
    return (order.values ??= order.members.map((m) => m.obj));
  }
}

/** toSortKey makes `namespace/name` keys sort by namespace, then name. */
export function toSortKey(key: string): string {
  return key.replace('/', '\u0000');
}

/** mergeAdded moves the added members into the order: they are sorted, then merged with it in one pass. */
function mergeAdded<T, M extends Member<T>>(order: Order<T, M>): Order<T, M> {
  if (order.added.length === 0) return order;
  const added = order.added.sort(bySortKey);
  const total = order.members.length + added.length;
  const members = new Array<M>(total);
  let i = 0;
  let j = 0;
  for (let out = 0; out < total; out++) {
    // Sort keys are distinct (a key has exactly one slash), so which side wins a tie never arises.
    if (j >= added.length || (i < order.members.length && order.members[i].sortKey < added[j].sortKey)) members[out] = order.members[i++];
    else members[out] = added[j++];
  }
  order.members = members;
  order.added = [];
  return order;
}

function bySortKey<T>(a: Member<T>, b: Member<T>): number {
  return a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : 0;
}

/** lowerBound is the index of the first member whose sort key is not less than `sortKey`. */
function lowerBound<T>(members: readonly Member<T>[], sortKey: string): number {
  let lo = 0;
  let hi = members.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (members[mid].sortKey < sortKey) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
