/** Geometry of the cluster drawing, in React Flow units. */
export const NODE_WIDTH = 280;
const NODE_HEADER = 86;
const CHIP_HEIGHT = 24;
const CHIP_COLUMNS = 1;
/** A crowded node's pod dots: the side of one, in pixels, and how many fit in a row of a node box. */
export const DOT_SIZE = 11;
export const DOTS_PER_ROW = 22;
const GAP = 24;
const CONTROL_PLANE_HEIGHT = 150;
const LANE_HEIGHT = 110;

/** How the graph frames the cluster: the whole drawing, a little margin, never zoomed in past 1.1. */
export const FIT_VIEW = { padding: 0.06, maxZoom: 1.1 };

/** Above this many pods a node box draws one dot per pod instead of one chip, until the user zooms in. */
export const DENSE_POD_THRESHOLD = 12;

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface ClusterLayout {
  controlPlane: Box;
  pendingLane: Box;
  nodes: Map<string, Box>;
}

/**
 * isDense: a node box draws dots instead of chips when it holds more pods than fit as chips, unless the user zoomed
 * in to read them, and always when zoomed out so far that no chip's text can be read.
 */
export function isDense(podCount: number, zoomedIn: boolean, zoomedOut: boolean): boolean {
  return zoomedOut || (podCount > DENSE_POD_THRESHOLD && !zoomedIn);
}

/**
 * A crowded node's rows of dots come in steps of this many rows. A rollout's surge moves a node's pod count back and
 * forth across a row's end (20 pods, then 25, then 20); had its box grown and shrunk with it, every update would
 * have moved the cards below and re-laid out most of the graph.
 */
const DOT_ROW_STEP = 2;

/** dotRows is how many rows of dots a crowded node with `podCount` pods draws: enough for all, in steps of DOT_ROW_STEP. */
export function dotRows(podCount: number): number {
  return Math.max(1, Math.ceil(podCount / (DOTS_PER_ROW * DOT_ROW_STEP))) * DOT_ROW_STEP;
}

/** nodeBoxHeight: header and bars, then one row per two chips, or rows of dots when the node is crowded. */
export function nodeBoxHeight(podCount: number, dense: boolean): number {
  if (dense) return NODE_HEADER + dotRows(podCount) * DOT_SIZE + 28;
  return NODE_HEADER + Math.max(1, Math.ceil(podCount / CHIP_COLUMNS)) * CHIP_HEIGHT + 8;
}

// One collator for all comparisons: localeCompare with options builds a new one per call, which showed in profiles.
const naturalOrder = new Intl.Collator('en', { numeric: true });

/** byNaturalName sorts node-2 before node-10, as a person would. */
export function byNaturalName(a: string, b: string): number {
  return naturalOrder.compare(a, b);
}

/**
 * layoutCluster places the control plane and the unscheduled lane on top and the worker nodes below in a grid,
 * ordered by name, so a node keeps its place when others come, go or grow.
 */
export function layoutCluster(nodes: ReadonlyArray<{ name: string; podCount: number }>, zoomedIn = false, zoomedOut = false): ClusterLayout {
  const sorted = [...nodes].sort((a, b) => byNaturalName(a.name, b.name));
  const columns = Math.max(2, Math.min(10, Math.ceil(Math.sqrt(sorted.length * 1.6))));
  const laneWidth = columns * (NODE_WIDTH + GAP) - GAP - (NODE_WIDTH + GAP);
  const controlPlane = { x: 0, y: 0, width: NODE_WIDTH, height: CONTROL_PLANE_HEIGHT };
  const pendingLane = { x: NODE_WIDTH + GAP, y: 0, width: Math.max(NODE_WIDTH, laneWidth), height: LANE_HEIGHT };
  const boxes = new Map<string, Box>();
  let y = CONTROL_PLANE_HEIGHT + GAP * 2;
  for (let row = 0; row * columns < sorted.length; row++) {
    const members = sorted.slice(row * columns, (row + 1) * columns);
    const heights = members.map((n) => nodeBoxHeight(n.podCount, isDense(n.podCount, zoomedIn, zoomedOut)));
    const rowHeight = Math.max(...heights);
    members.forEach((n, i) => boxes.set(n.name, { x: i * (NODE_WIDTH + GAP), y, width: NODE_WIDTH, height: rowHeight }));
    y += rowHeight + GAP;
  }
  return { controlPlane, pendingLane, nodes: boxes };
}
