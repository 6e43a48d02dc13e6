// The lines of the network overlay: each Service to its endpoints' pods (ready solid, not ready faint and dashed,
// terminating dashed with a cross at the pod), each Ingress to its backend Services, the client to the Ingresses.
// One SVG path per style and Service keeps thousands of endpoints to a handful of DOM elements. No upstream
// counterpart; the endpoint states are those of api/discovery/v1 EndpointConditions.
import type { Box } from '../layout';
import { byNaturalName } from '../layout';
import { curvePath, loopRight, sCurve, type Curve, type Point } from './curves';
import type { EndpointRow } from './endpointRows';
import { nodeAnchor, type AnchorOf } from './podAnchors';

/** Above this many endpoints a Service draws one edge per node, labelled with its counts, instead of one per pod. */
export const MAX_ENDPOINT_EDGES = 200;

export type EdgeState = 'ready' | 'notReady' | 'terminating';

export interface EndpointEdge {
  curve: Curve;
  state: EdgeState;
  /** For an edge standing for a node's endpoints: `3/4 ready`. */
  label?: string;
}

/** leftPort and rightPort are the middles of a card's sides, where edges and packets meet it. */
export const leftPort = (box: Box): Point => ({ x: box.x, y: box.y + box.height / 2 });
export const rightPort = (box: Box): Point => ({ x: box.x + box.width, y: box.y + box.height / 2 });

export function edgeState(row: EndpointRow): EdgeState {
  if (row.terminating) return 'terminating';
  return row.ready ? 'ready' : 'notReady';
}

/**
 * endpointEdges draws a Service's endpoints from `from` (its card's left side). Endpoints whose pod has no place on
 * the graph (not mirrored yet, or no pod behind the address) are left out. With more than `max` endpoints, one edge
 * per node.
 */
export function endpointEdges(
  from: Point,
  rows: readonly EndpointRow[],
  anchorOf: AnchorOf,
  nodeBoxes: ReadonlyMap<string, Box>,
  max = MAX_ENDPOINT_EDGES,
): EndpointEdge[] {
  if (rows.length <= max) {
    const out: EndpointEdge[] = [];
    for (const row of rows) {
      const to = row.pod ? anchorOf(row.pod, row.node) : undefined;
      if (to) out.push({ curve: sCurve(from, { x: to.x, y: to.y }), state: edgeState(row) });
    }
    return out;
  }
  const perNode = new Map<string, { ready: number; total: number; terminating: number }>();
  for (const row of rows) {
    const node = row.node ?? (row.pod ? anchorOf(row.pod)?.node : undefined);
    if (!node || !nodeBoxes.has(node)) continue;
    let c = perNode.get(node);
    if (!c) perNode.set(node, (c = { ready: 0, total: 0, terminating: 0 }));
    c.total++;
    if (row.ready) c.ready++;
    if (row.terminating) c.terminating++;
  }
  return [...perNode]
    .sort(([a], [b]) => byNaturalName(a, b))
    .map(([node, c]) => ({
      curve: sCurve(from, nodeAnchor(nodeBoxes.get(node)!)),
      state: c.ready > 0 ? 'ready' : c.terminating === c.total ? 'terminating' : 'notReady',
      label: `${c.ready}/${c.total} ready`,
    }));
}

/** EdgeLayers is what the overlay draws for a set of edges: one path per style, and the labels. */
export interface EdgeLayers {
  ready: string;
  notReady: string;
  terminating: string;
  labels: Array<{ x: number; y: number; text: string }>;
}

const CROSS = 4;

/** edgeLayers joins edges into one path per style; a terminating edge ends in a small cross at the pod. */
export function edgeLayers(edges: readonly EndpointEdge[]): EdgeLayers {
  const parts: Record<EdgeState, string[]> = { ready: [], notReady: [], terminating: [] };
  const labels: EdgeLayers['labels'] = [];
  for (const e of edges) {
    parts[e.state].push(curvePath(e.curve));
    const { x, y } = e.curve.b;
    if (e.state === 'terminating') parts.terminating.push(`M${x - CROSS} ${y - CROSS}L${x + CROSS} ${y + CROSS}M${x - CROSS} ${y + CROSS}L${x + CROSS} ${y - CROSS}`);
    if (e.label) labels.push({ x: x + 6, y: y - 4, text: e.label });
  }
  return { ready: parts.ready.join(''), notReady: parts.notReady.join(''), terminating: parts.terminating.join(''), labels };
}

/** cardLinks draws loops on the column's right side: from each card in `from` to its targets that have a card. */
export function cardLinks(from: ReadonlyMap<string, Box>, targets: (key: string) => readonly string[], to: ReadonlyMap<string, Box>): string {
  const parts: string[] = [];
  for (const [key, box] of from) {
    for (const target of targets(key)) {
      const dest = to.get(target);
      if (dest) parts.push(curvePath(loopRight(rightPort(box), rightPort(dest))));
    }
  }
  return parts.join('');
}
