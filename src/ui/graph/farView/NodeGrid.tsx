import { memo, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { NodeProps, Node as FlowNode } from '@xyflow/react';
import type { Node } from 'kubernetes-types/core/v1';
import { useUiStore } from '../../store/uiStore';
import type { Box } from '../layout';
import { podLook } from '../podAppearance';
import { statusSummary } from '../PodDots';
import { nodeStatusText } from '../nodes/WorkerNodeCard';
import { pagePublisher } from '../pagePublisher';
import { usePublishedPods } from '../usePublishedPods';
import { farCards, type FarCardCache } from './farCards';
import { GridPainter } from './gridPainter';
import { gridHit } from './gridHit';

export interface NodeGridData extends Record<string, unknown> {
  nodes: readonly Node[];
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
 * NodeGrid is the far view of the worker nodes: zoomed out so far that a card's text would be a few pixels tall,
 * every card is drawn on one canvas, with text sized for the screen. 100 DOM cards cost 5-10 ms of style, layout,
 * paint and layerization in each frame that changed a few of them; the canvas is one layer, whose changed cards are
 * redrawn in well under a millisecond. Zooming in past the far view brings the DOM cards back. The canvas's
 * fallback content lists every node and its pods by status, for assistive technology and tests.
 */
export const NodeGrid = memo(function NodeGrid({ data }: NodeProps<FlowNode<NodeGridData>>) {
  const { nodes, boxes, bounds, zoom } = data;
  const theme = useUiStore((s) => s.theme);
  const selected = useUiStore((s) => s.selected);
  const select = useUiStore((s) => s.select);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const [painter] = useState(() => new GridPainter());
  const [cache] = useState<FarCardCache>(() => new Map());

  // Pods come from the page's PodPublisher, as they do for the DOM cards: it hands over a few nodes' new lists a
  // frame and holds the next store update until all are drawn. Only the changed cards are repainted.
  const paint = useRef<(resize: boolean) => void>(() => undefined);
  paint.current = (resize) => {
    const canvas = canvasRef.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return;
    const scale = Math.min(zoom * (window.devicePixelRatio || 1), Math.sqrt(MAX_CANVAS_PIXELS / (bounds.width * bounds.height)));
    const [width, height] = [Math.ceil(bounds.width * scale), Math.ceil(bounds.height * scale)];
    const cleared = resize && (canvas.width !== width || canvas.height !== height);
    if (cleared) [canvas.width, canvas.height] = [width, height];
    ctx.setTransform(scale, 0, 0, scale, -bounds.x * scale, -bounds.y * scale);
    painter.draw(ctx, farCards(cache, nodes, (name) => pagePublisher.pods(name), selected), boxes, zoom, theme, cleared);
  };
  useLayoutEffect(() => paint.current(true), [nodes, boxes, bounds, zoom, theme, selected]);
  // Heartbeats bring new Node objects every few seconds: the subscriptions follow the node names only.
  const names = nodes.map((n) => n.metadata?.name ?? '').join('\n');
  useEffect(() => {
    // The publisher calls back once per published node; the canvas is repainted once, after the last.
    let queued = false;
    const repaint = () => {
      if (queued) return;
      queued = true;
      queueMicrotask(() => {
        queued = false;
        paint.current(false);
      });
    };
    const unsubscribe = names.split('\n').map((name) => pagePublisher.subscribe(name, repaint));
    return () => unsubscribe.forEach((u) => u());
  }, [names]);

  const hitAt = (e: React.MouseEvent<HTMLCanvasElement>) => gridHit(bounds.x + e.nativeEvent.offsetX, bounds.y + e.nativeEvent.offsetY, boxes, (name) => pagePublisher.pods(name));
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
          <NodeEntry key={node.metadata?.name} name={node.metadata?.name ?? ''} status={nodeStatusText(node)} />
        ))}
      </ul>
    </canvas>
  );
});

/** NodeEntry is one node in the canvas's fallback content: its status, and its pods counted by kubectl STATUS. */
const NodeEntry = memo(function NodeEntry({ name, status }: { name: string; status: string }) {
  const pods = usePublishedPods(name);
  return (
    <li aria-label={`node ${name}`} data-status={status}>
      <span data-pods={pods.length} aria-label={`pods on ${name}: ${statusSummary(pods)}`} />
    </li>
  );
});
