// Mirrors ImageStateSummary.Snapshot of pkg/scheduler/framework/types.go for all the images of a NodeInfo. Unlike
// upstream, NodeInfos with the same images share one snapshot map while the counts hold, so that ImageLocality
// reads a few shared objects rather than a map per node.
import type { ImageStateSummary } from './nodeInfo';

/** A snapshot map and, in its order, the names, sizes and node counts it was built from. */
interface ImageSnapshot {
  map: Map<string, ImageStateSummary>;
  names: string[];
  sizes: number[];
  numNodes: number[];
}

/** Snapshot maps by the image names they hold, in order. Bounded, since image sets come and go with nodes. */
const shared = new Map<string, ImageSnapshot>();
const MAX_SHARED = 256;

/** Live describes a live map: its key in `shared`, its entries, and the snapshot whose names are known to be its. */
interface Live {
  key: string;
  names: string[];
  states: ImageStateSummary[];
  sameNames: ImageSnapshot | undefined;
}

/** Each live map's Live, found once: the cache replaces a node's map when its images change. */
const lives = new WeakMap<ReadonlyMap<string, ImageStateSummary>, Live>();

/** numNodesNow is the number of nodes having the image: the cache's live set, or a snapshot's count. */
function numNodesNow(st: ImageStateSummary): number {
  return st.nodes ? st.nodes.size : st.numNodes;
}

/**
 * holds is true when a snapshot has the live map's images with their sizes and current node counts, in order.
 * Names are compared once per pair: every node has its own strings, and image names are long.
 */
function holds(snapshot: ImageSnapshot, live: Live): boolean {
  if (live.sameNames !== snapshot) {
    if (snapshot.names.length !== live.names.length || snapshot.names.some((name, i) => name !== live.names[i])) return false;
    live.sameNames = snapshot;
  }
  for (let i = 0; i < live.states.length; i++) {
    if (snapshot.sizes[i] !== live.states[i].size || snapshot.numNodes[i] !== numNodesNow(live.states[i])) return false;
  }
  return true;
}

/**
 * snapshotImageStates returns the snapshot of a NodeInfo's image states: per image its size and the number of
 * nodes having it now. The map may be shared with other NodeInfos: read it, never change it.
 */
export function snapshotImageStates(states: ReadonlyMap<string, ImageStateSummary>): Map<string, ImageStateSummary> {
  if (states.size === 0) return new Map();
  let live = lives.get(states);
  if (!live) {
    const names = [...states.keys()];
    lives.set(states, (live = { key: names.join('\u0000'), names, states: [...states.values()], sameNames: undefined }));
  }
  const known = shared.get(live.key);
  if (known && holds(known, live)) return known.map;
  const snapshot: ImageSnapshot = { map: new Map(), names: live.names, sizes: live.states.map((st) => st.size), numNodes: live.states.map(numNodesNow) };
  live.names.forEach((name, i) => snapshot.map.set(name, { size: snapshot.sizes[i], numNodes: snapshot.numNodes[i] }));
  live.sameNames = snapshot;
  if (shared.size >= MAX_SHARED) shared.clear();
  shared.set(live.key, snapshot);
  return snapshot.map;
}
