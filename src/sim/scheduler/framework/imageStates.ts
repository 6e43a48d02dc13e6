// Mirrors ImageStateSummary.Snapshot of pkg/scheduler/framework/types.go for all the images of a NodeInfo. Unlike
// upstream, NodeInfos with the same images share one snapshot map while the counts hold, so that ImageLocality
// reads a few shared objects rather than a map per node.
import type { ImageStateSummary } from './nodeInfo';

/** Snapshot maps by the image names they hold, in order. Bounded, since image sets come and go with nodes. */
const shared = new Map<string, Map<string, ImageStateSummary>>();
const MAX_SHARED = 256;

/** Each live map's key in `shared`, built once: the cache replaces a node's map when the node's images change. */
const sharedKeys = new WeakMap<ReadonlyMap<string, ImageStateSummary>, string>();

/** numNodesNow is the number of nodes having the image: the cache's live set, or a snapshot's count. */
function numNodesNow(st: ImageStateSummary): number {
  return st.nodes ? st.nodes.size : st.numNodes;
}

/** holds is true when a snapshot map has the images of `states` with their sizes and current node counts. */
function holds(snapshot: ReadonlyMap<string, ImageStateSummary>, states: ReadonlyMap<string, ImageStateSummary>): boolean {
  if (snapshot.size !== states.size) return false;
  for (const [name, st] of states) {
    const snap = snapshot.get(name);
    if (!snap || snap.size !== st.size || snap.numNodes !== numNodesNow(st)) return false;
  }
  return true;
}

/**
 * snapshotImageStates returns the snapshot of a NodeInfo's image states: per image its size and the number of
 * nodes having it now. The map may be shared with other NodeInfos: read it, never change it.
 */
export function snapshotImageStates(states: ReadonlyMap<string, ImageStateSummary>): Map<string, ImageStateSummary> {
  if (states.size === 0) return new Map();
  let key = sharedKeys.get(states);
  if (key === undefined) sharedKeys.set(states, (key = [...states.keys()].join('\u0000')));
  const known = shared.get(key);
  if (known && holds(known, states)) return known;
  const snapshot = new Map<string, ImageStateSummary>();
  for (const [name, st] of states) snapshot.set(name, { size: st.size, numNodes: numNodesNow(st) });
  if (shared.size >= MAX_SHARED) shared.clear();
  shared.set(key, snapshot);
  return snapshot;
}
