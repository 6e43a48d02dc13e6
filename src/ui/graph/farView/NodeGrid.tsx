import { memo, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { NodeProps, Node as FlowNode } from '@xyflow/react';
import type { Node, Pod } from 'kubernetes-types/core/v1';
import { useUiStore } from '../../store/uiStore';
import type { Box } from '../layout';
import { podLook } from '../podAppearance';
import { statusSummary } from '../PodDots';
import { drawingNow } from '../drawingNow';
import { nodeStatusText } from '../nodes/WorkerNodeCard';
import { farCards, type FarCardCache } from './farCards';
import { GridPainter } from './gridPainter';
import { gridHit } from './gridHit';

export interface NodeGridData extends Record<string, unknown> {
  nodes: readonly Node[];
  /** The pods of each node, from the store (a node whose pods did not change keeps the very same list). */
  pods: ReadonlyMap<string, readonly Pod[]>;
  /** Each node's card, in graph units. */
  boxes: ReadonlyMap<string, Box>;
  /** The box around all cards: where the canvas sits. */
  bounds: Box;
  /** The graph's zoom, in steps (see ClusterGraph): the canvas holds a pixel per screen pixel at this zoom. */
  zoom: number;
}

/** The most pixels the canvas holds (64 MB): a thousand nodes at a high zoom on a HiDPI screen would need several times that. */
const MAX_CANVAS_PIXELS = 16_000_000;

/**
 * The most cards repainted per frame after a store update: a rollout changes the pods of every node in each update,
 * and 100 cards in one frame took some 6 ms. Each frame whose canvas changed also costs the display compositor a
 * frame (some 3 ms in software): the DOM cards' pace of 3 cards a frame kept it busy in every frame of a rollout.
 */
export const CARDS_PER_FRAME = 25;

const NO_PODS: readonly Pod[] = [];

/**
 * NodeGrid is the far view of the worker nodes: zoomed out so far that a card's text would be a few pixels tall,
 * every card is drawn on one canvas, with text sized for the screen. 100 DOM cards cost 5-10 ms of style, layout,
 * paint and layerization in each frame that changed a few of them; the canvas is one layer, whose changed cards are
 * redrawn in well under a millisecond. Its pods come straight from the store, not through the PodPublisher that
 * paces the DOM cards: the changed cards are repainted CARDS_PER_FRAME a frame. Zooming in past the far view brings
 * the DOM cards back. The canvas's fallback content lists every node and its pods by status, for assistive
 * technology and tests.
 */
export const NodeGrid = memo(function NodeGrid({ data }: NodeProps<FlowNode<NodeGridData>>) {
  const { nodes, pods, boxes, bounds, zoom } = data;
  const theme = useUiStore((s) => s.theme);
  const selected = useUiStore((s) => s.selected);
  const select = useUiStore((s) => s.select);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const [painter] = useState(() => new GridPainter());
  const [cache] = useState<FarCardCache>(() => new Map());

  // A new size, zoom or theme repaints every card at once; new pods repaint the changed cards a few a frame.
  const paint = useRef<(resize: boolean, limit: number) => number>(() => 0);
  paint.current = (resize, limit) => {
    const canvas = canvasRef.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return 0;
    const scale = Math.min(zoom * (window.devicePixelRatio || 1), Math.sqrt(MAX_CANVAS_PIXELS / (bounds.width * bounds.height)));
    const [width, height] = [Math.ceil(bounds.width * scale), Math.ceil(bounds.height * scale)];
    const cleared = resize && (canvas.width !== width || canvas.height !== height);
    if (cleared) [canvas.width, canvas.height] = [width, height];
    ctx.setTransform(scale, 0, 0, scale, -bounds.x * scale, -bounds.y * scale);
    return painter.draw(ctx, farCards(cache, nodes, (name) => pods.get(name), selected), boxes, zoom, theme, cleared, limit).length;
  };
  useLayoutEffect(() => void paint.current(true, Infinity), [bounds.x, bounds.y, bounds.width, bounds.height, zoom, theme]);
  useEffect(() => {
    drawingNow.farView = true;
    let frame = requestAnimationFrame(function next() {
      const more = paint.current(false, CARDS_PER_FRAME) === CARDS_PER_FRAME;
      frame = more ? requestAnimationFrame(next) : 0;
      drawingNow.farView = more;
    });
    return () => {
      cancelAnimationFrame(frame);
      drawingNow.farView = false;
    };
  }, [nodes, pods, boxes, selected]);

  const hitAt = (e: React.MouseEvent<HTMLCanvasElement>) => gridHit(bounds.x + e.nativeEvent.offsetX, bounds.y + e.nativeEvent.offsetY, boxes, (name) => pods.get(name));
  return (
    <canvas
      ref={canvasRef}
      aria-label="worker nodes (zoom in for their cards)"
      className="cursor-pointer"
      style={{ width: bounds.width, height: bounds.height }}
      onMouseMove={(e) => {
        const hit = hitAt(e);
        e.currentTarget.title = hit?.pod ? `${hit.pod.metadata?.name}: ${podLook(hit.pod).status} ${podLook(hit.pod).ready}` : hit ? `node ${hit.node}` : '';
      }}
      onClick={(e) => {
        e.stopPropagation();
        const hit = hitAt(e);
        if (hit?.pod) select({ kind: 'Pod', namespace: hit.pod.metadata?.namespace ?? 'default', name: hit.pod.metadata?.name ?? '' });
        else select(hit ? { kind: 'Node', namespace: '', name: hit.node } : undefined);
      }}
    >
      <ul>
        {nodes.map((node) => (
          <NodeEntry key={node.metadata?.name} name={node.metadata?.name ?? ''} status={nodeStatusText(node)} pods={pods.get(node.metadata?.name ?? '') ?? NO_PODS} />
        ))}
      </ul>
    </canvas>
  );
});

/** NodeEntry is one node in the canvas's fallback content: its status, and its pods counted by kubectl STATUS. */
const NodeEntry = memo(function NodeEntry({ name, status, pods }: { name: string; status: string; pods: readonly Pod[] }) {
  return (
    <li aria-label={`node ${name}`} data-status={status}>
      <span data-pods={pods.length} aria-label={`pods on ${name}: ${statusSummary(pods)}`} />
    </li>
  );
});
