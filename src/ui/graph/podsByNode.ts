import type { Pod } from 'kubernetes-types/core/v1';
import type { KindObjects } from '../store/kindObjects';
import { changedKeys, type ObjectChange } from '../store/objectChanges';
import { NodeSlots } from './slots';
import { keepLists } from './stableNodes';

const nodeOf = (p: Pod) => p.spec?.nodeName ?? '';

/** The same pod, newer: it keeps its slot. A pod recreated under the same name (another uid) is a newcomer. */
const samePod = (a: Pod, b: Pod) => nodeOf(a) === nodeOf(b) && a.metadata?.uid === b.metadata?.uid;

/**
 * PodsByNode groups the mirrored pods by node ('' for the unscheduled lane), each node's list in slot order (see
 * slots.ts). After a store update it visits only the pods the update changed (see ObjectChange), moves them between
 * the nodes' slots, and hands back the very same list for every other node: regrouping all 2,000 pods of the
 * benchmark after each update cost 2-4 ms a frame while a rollout streamed in a few nodes at a time, and rescanning
 * them for changes was most of what remained.
 */
export class PodsByNode {
  private previous: KindObjects<Pod> | undefined;
  /** The pods as this grouping last saw them: the store's map has moved on (see KindObjects). */
  private readonly known = new Map<string, Pod>();
  private readonly slots = new Map<string, NodeSlots>();
  private lists = new Map<string, Pod[]>();

  /**
   * update takes the store's pods and what the store update that made them changed, and returns node → pods in
   * slot order.
   */
  update(pods: KindObjects<Pod> | undefined, change?: ObjectChange): ReadonlyMap<string, Pod[]> {
    const seen = this.previous;
    this.previous = pods;
    const dirty = new Set<string>();
    const joining: Array<[string, Pod]> = [];
    const slotsOf = (node: string) => {
      dirty.add(node);
      let slots = this.slots.get(node);
      if (!slots) this.slots.set(node, (slots = new NodeSlots()));
      return slots;
    };
    // Every departure first, then the newcomers in order: a slot freed in this update goes to the first of them.
    for (const key of new Set(changedKeys(seen, pods, change, this.known.keys()))) {
      const [old, pod] = [this.known.get(key), pods?.byKey.get(key)];
      if (old === pod) continue;
      if (pod) this.known.set(key, pod);
      else this.known.delete(key);
      if (old && pod && samePod(old, pod)) slotsOf(nodeOf(pod)).replace(key, pod);
      else {
        if (old) slotsOf(nodeOf(old)).leave(key);
        if (pod) joining.push([key, pod]);
      }
    }
    for (const [key, pod] of joining) slotsOf(nodeOf(pod)).join(key, pod);
    if (dirty.size === 0) return this.lists;
    const regrouped = new Map<string, Pod[]>();
    for (const node of dirty) {
      const slots = this.slots.get(node)!;
      if (slots.size === 0) this.slots.delete(node);
      else regrouped.set(node, slots.pods());
    }
    const next = new Map(this.lists);
    for (const node of dirty) next.delete(node);
    for (const [node, list] of keepLists(this.lists, regrouped)) next.set(node, list);
    this.lists = next;
    return next;
  }
}
