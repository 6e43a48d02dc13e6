import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { Background, Controls, ReactFlow, ReactFlowProvider, useReactFlow, useStore, type Node as FlowNode } from '@xyflow/react';
import type { Node, Pod } from 'kubernetes-types/core/v1';
import { useClusterStore } from '../store/clusterStore';
import { objectList, type KindObjects } from '../store/kindObjects';
import { useUiStore } from '../store/uiStore';
import { FIT_VIEW, layoutCluster, type Box } from './layout';
import { memoById, prune, type MemoCache } from './stableNodes';
import { PodsByNode } from './podsByNode';
import { pagePublisher } from './pagePublisher';
import { useNextFrame } from './useNextFrame';
import { WorkerNodeCard, nodeCardKey } from './nodes/WorkerNodeCard';
import { PendingLaneCard } from './nodes/PendingLaneCard';
import { ControlPlaneCard, componentOf } from './nodes/ControlPlaneCard';
import { networkNodeTypes, useNetworkLayer } from './network/useNetworkLayer';
import { NodeGrid } from './farView/NodeGrid';
import { gridBounds } from './farView/gridHit';
import './nodeLayer.css';

/** Registered once at module level, as React Flow requires for stable node types. */
const nodeTypes = { worker: WorkerNodeCard, nodeGrid: NodeGrid, lane: PendingLaneCard, controlPlane: ControlPlaneCard, ...networkNodeTypes };

/** Zoom level above which crowded nodes draw chips instead of dots. */
const DETAIL_ZOOM = 1.4;

/** Zoom level below which a chip's 11px text is under 5px on screen: the far view then draws every node on one canvas. */
const FAR_ZOOM = 0.5;

/** The far view's canvas is drawn for the zoom rounded up to this step, so zooming does not resize it at every wheel tick. */
const FAR_ZOOM_STEP = 0.05;

const NO_PODS: Pod[] = [];

/** One empty edge list for every render: a new array each time made React Flow rebuild its edge state. */
const NO_EDGES: never[] = [];

/**
 * flowNode builds a React Flow node whose size is known up front (width, height, measured, no handles): React Flow
 * then never hides it to measure it, which it otherwise does for every new node object, restyling the whole card.
 */
function flowNode(id: string, type: string, box: Box, data: Record<string, unknown>): FlowNode {
  const { x, y, width, height } = box;
  return { id, type, position: { x, y }, width, height, measured: { width, height }, handles: [], data, draggable: false };
}

const boxInputs = (box: Box) => [box.x, box.y, box.width, box.height];

function Graph() {
  // The graph draws the store's nodes and pods a frame after the store update, in a frame of its own: grouping
  // 2,000 pods by node and laying out the graph, in the same task as the update, made its frame the longest.
  const latestNodes = useClusterStore((s) => s.objects.Node);
  const latestPods = useClusterStore((s) => s.objects.Pod);
  const latestPodChange = useClusterStore((s) => s.changes.Pod);
  // The pods' change rides along with the pods it made: an update that changes no pod clears it, which must not
  // redraw the graph.
  const [nodes, pods, podChange] = useNextFrame(useMemo(() => [latestNodes, latestPods, latestPodChange] as const, [latestNodes, latestPods]));
  const actors = useClusterStore((s) => s.activeActors);
  const theme = useUiStore((s) => s.theme);
  const select = useUiStore((s) => s.select);
  const zoomedIn = useStore((s) => s.transform[2] > DETAIL_ZOOM);
  const farZoom = useStore((s) => (s.transform[2] < FAR_ZOOM ? Math.ceil(s.transform[2] / FAR_ZOOM_STEP) * FAR_ZOOM_STEP : 0));
  const zoomedOut = farZoom > 0;
  const [podsByNode] = useState(() => new PodsByNode());
  const cacheRef = useRef<MemoCache<FlowNode>>(new Map());
  const flow = useReactFlow();
  const nodeCount = nodes?.byKey.size ?? 0;
  // Frame the whole cluster whenever nodes come or go; the user's own zoom stays until then.
  useEffect(() => {
    if (nodeCount > 0) requestAnimationFrame(() => void flow.fitView(FIT_VIEW));
  }, [nodeCount, flow]);

  // Pods by node, in slot order; a node whose pods did not change keeps the very same list.
  const grouped = useMemo(() => podsByNode.update(pods as KindObjects<Pod> | undefined, podChange), [pods, podChange, podsByNode]);
  // Node cards read their pods from the publisher, which hands them the newest lists a few cards a frame.
  useLayoutEffect(() => pagePublisher.offer(grouped), [grouped]);
  useEffect(() => () => pagePublisher.stop(), []);

  // One layout for the node cards and the network layer, recomputed only when nodes, pods or zoom change.
  const layout = useMemo(
    () =>
      layoutCluster(
        objectList<Node>(nodes).map((n) => ({ name: n.metadata?.name ?? '', podCount: grouped.get(n.metadata?.name ?? '')?.length ?? 0 })),
        zoomedIn,
        zoomedOut,
      ),
    [nodes, grouped, zoomedIn, zoomedOut],
  );

  const flowNodes = useMemo(() => {
    const cache = cacheRef.current;
    const nodeList = objectList<Node>(nodes);
    const active = [...new Set(actors.flatMap(componentOf))].sort().join(',');
    const waiting = grouped.get('') ?? NO_PODS;
    const out: FlowNode[] = [
      memoById(cache, 'control-plane', [active, ...boxInputs(layout.controlPlane)], () =>
        flowNode('control-plane', 'controlPlane', layout.controlPlane, { active: active ? active.split(',') : [] }),
      ),
      memoById(cache, 'pending', [waiting, farZoom, ...boxInputs(layout.pendingLane)], () => flowNode('pending', 'lane', layout.pendingLane, { pods: waiting, farZoom })),
    ];
    const bounds = gridBounds(layout.nodes.values());
    if (zoomedOut && bounds) {
      out.push(memoById(cache, 'node-grid', [nodes, grouped, farZoom, layout], () => flowNode('node-grid', 'nodeGrid', bounds, { nodes: nodeList, pods: grouped, boxes: layout.nodes, bounds, zoom: farZoom })));
    } else {
      for (const node of nodeList) {
        const name = node.metadata?.name ?? '';
        const box = layout.nodes.get(name)!;
        out.push(memoById(cache, `node/${name}`, [nodeCardKey(node), zoomedIn, ...boxInputs(box)], () => flowNode(`node/${name}`, 'worker', box, { node, zoomedIn })));
      }
    }
    prune(cache, new Set(out.map((n) => n.id)));
    return out;
  }, [nodes, grouped, zoomedIn, zoomedOut, farZoom, actors, layout]);
  // Services, Ingresses and traffic: cards appended to the nodes, edges and packets drawn in the viewport.
  const network = useNetworkLayer(flowNodes, layout, grouped, zoomedIn, zoomedOut);

  return (
    <ReactFlow
      nodes={network.nodes}
      edges={NO_EDGES}
      nodeTypes={nodeTypes}
      colorMode={theme}
      fitView
      fitViewOptions={FIT_VIEW}
      minZoom={0.1}
      maxZoom={3}
      nodesConnectable={false}
      onPaneClick={() => select(undefined)}
      proOptions={{ hideAttribution: true }}
    >
      <Background />
      <Controls showInteractive={false} />
      {network.overlay}
    </ReactFlow>
  );
}

/** ClusterGraph is the live drawing of the cluster: control plane, unscheduled lane, nodes and their pods. */
export function ClusterGraph() {
  return (
    <div className="cluster-graph h-full w-full" data-testid="cluster-graph">
      <ReactFlowProvider>
        <Graph />
      </ReactFlowProvider>
    </div>
  );
}
