import { memo, useMemo } from 'react';
import type { Pod } from 'kubernetes-types/core/v1';
import { podLook, type PodLook } from './podAppearance';
import { DOT_SIZE, DOTS_PER_ROW, dotRows } from './layout';
import { useUiStore, type Theme } from '../store/uiStore';

/** Fill and border of a dot per tone and theme: the colours of the chips' TONE_CLASSES, for box-shadows. */
export const DOT_COLOURS: Record<Theme, Record<PodLook['tone'], [fill: string, border: string]>> = {
  light: {
    pending: ['#fef3c7', '#fbbf24'],
    creating: ['#e0f2fe', '#38bdf8'],
    running: ['#ccfbf1', '#2dd4bf'],
    ready: ['#d1fae5', '#10b981'],
    failing: ['#ffe4e6', '#f43f5e'],
    terminating: ['#e2e8f0', '#94a3b8'],
    done: ['#f1f5f9', '#cbd5e1'],
  },
  dark: {
    pending: ['#451a03', '#f59e0b'],
    creating: ['#082f49', '#0ea5e9'],
    running: ['#042f2e', '#0d9488'],
    ready: ['#064e3b', '#34d399'],
    failing: ['#4c0519', '#f43f5e'],
    terminating: ['#1e293b', '#64748b'],
    done: ['#0f172a', '#475569'],
  },
};

/** statusSummary counts a node's pods by kubectl STATUS, most common first: `18 Running, 2 ContainerCreating`. */
export function statusSummary(pods: readonly Pod[]): string {
  const counts = new Map<string, number>();
  for (const pod of pods) {
    const { status } = podLook(pod);
    counts.set(status, (counts.get(status) ?? 0) + 1);
  }
  return [...counts]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([status, n]) => `${n} ${status}`)
    .join(', ');
}

/** dotAt is the index of the pod whose dot covers (x, y) in CSS pixels, or -1. */
export function dotAt(x: number, y: number, count: number): number {
  const i = Math.floor(y / DOT_SIZE) * DOTS_PER_ROW + Math.floor(x / DOT_SIZE);
  return x >= 0 && y >= 0 && x < DOTS_PER_ROW * DOT_SIZE && i < count ? i : -1;
}

/** A square's half side: the shadows of a zero-sized element at (HALF, HALF) are squares of the sides below. */
const HALF = (DOT_SIZE - 1) / 2;
/** A square's border is 1px wide: the outer square's spread, and the fill's inside it. */
const BORDER_SPREAD = HALF;
const FILL_SPREAD = HALF - 1;

/**
 * dotShadows draws pods as squares (by slot: the i-th tone is the i-th pod's), 22 a row at a pitch of DOT_SIZE, as
 * box-shadows of one zero-sized element placed at (HALF, HALF): for each pod a square of its tone's border colour and
 * a square of its fill colour inside it. The first shadow paints on top, so the fills come first.
 */
export function dotShadows(tones: readonly PodLook['tone'][], colours: Record<PodLook['tone'], [fill: string, border: string]>): string {
  const fills: string[] = [];
  const borders: string[] = [];
  tones.forEach((tone, i) => {
    const at = `${(i % DOTS_PER_ROW) * DOT_SIZE}px ${Math.floor(i / DOTS_PER_ROW) * DOT_SIZE}px 0`;
    fills.push(`${at} ${FILL_SPREAD}px ${colours[tone][0]}`);
    borders.push(`${at} ${BORDER_SPREAD}px ${colours[tone][1]}`);
  });
  return [...fills, ...borders].join(',');
}

/**
 * PodDots draws a crowded node's pods as coloured squares, in slot order. With 2,000 pods on screen, one DOM element
 * per pod cost 80-110 ms of style, layout and paint for every batch that touched them all. A canvas per node was
 * cheap to draw, but Chromium composites every canvas in a layer of its own: some 200 layers, whose layerization
 * took 20-100 ms after each update. An SVG per node (a path per colour) painted in the graph's one layer, but each
 * SVG root brought paint properties of its own: 100 of them were half the layerization time of every frame that
 * changed anything in the graph. So the squares are the box-shadows of one empty element per node, painted with the
 * card. Clicking a square selects its pod; hovering names it.
 */
export const PodDots = memo(function PodDots({ node, pods }: { node: string; pods: readonly Pod[] }) {
  const theme = useUiStore((s) => s.theme);
  const select = useUiStore((s) => s.select);
  const [width, height] = [DOTS_PER_ROW * DOT_SIZE, dotRows(pods.length) * DOT_SIZE];
  const summary = useMemo(() => statusSummary(pods), [pods]);
  const shadows = useMemo(() => dotShadows(pods.map((pod) => podLook(pod).tone), DOT_COLOURS[theme]), [pods, theme]);

  const podAt = (e: React.MouseEvent<HTMLDivElement>) => pods[dotAt(e.nativeEvent.offsetX, e.nativeEvent.offsetY, pods.length)];
  return (
    <div
      role="img"
      aria-label={`pods on ${node}: ${summary}`}
      data-pods={pods.length}
      className="nodrag relative cursor-pointer"
      style={{ width, height }}
      onMouseMove={(e) => {
        const pod = podAt(e);
        e.currentTarget.title = pod ? `${pod.metadata?.name}: ${podLook(pod).status} ${podLook(pod).ready}` : '';
      }}
      onClick={(e) => {
        e.stopPropagation();
        const pod = podAt(e);
        if (pod) select({ kind: 'Pod', namespace: pod.metadata?.namespace ?? 'default', name: pod.metadata?.name ?? '' });
      }}
    >
      {/* It takes no pointer events, so offsetX/offsetY are always the outer box's, whichever square is under it. */}
      <div className="pointer-events-none absolute size-0" style={{ left: HALF, top: HALF, boxShadow: shadows }} />
    </div>
  );
});
