import { memo, useMemo } from 'react';
import type { Pod } from 'kubernetes-types/core/v1';
import { podLook, type PodLook } from './podAppearance';
import { DOT_SIZE, DOTS_PER_ROW } from './layout';
import { useUiStore, type Theme } from '../store/uiStore';

/** Fill and border of a dot per tone and theme: the colours of the chips' TONE_CLASSES, for SVG. */
const DOT_COLOURS: Record<Theme, Record<PodLook['tone'], [fill: string, border: string]>> = {
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

/** DotPath is one tone's squares as one SVG path: `d` draws a square per pod of that tone, at its slot. */
export interface DotPath {
  tone: PodLook['tone'];
  d: string;
}

/** The side of a square's outline path: its 1px stroke, centred on it, spans DOT_SIZE - 1 pixels, a 1px gap between squares. */
const SQUARE = DOT_SIZE - 2;

/**
 * dotPaths groups the squares of pods (by slot: the i-th tone is the i-th pod's) into one path per tone, tones in
 * the order they first occur. Squares sit on half pixels so their 1px outlines fall on whole pixels.
 */
export function dotPaths(tones: readonly PodLook['tone'][]): DotPath[] {
  const byTone = new Map<PodLook['tone'], string[]>();
  tones.forEach((tone, i) => {
    let parts = byTone.get(tone);
    if (!parts) byTone.set(tone, (parts = []));
    parts.push(`M${(i % DOTS_PER_ROW) * DOT_SIZE + 0.5} ${Math.floor(i / DOTS_PER_ROW) * DOT_SIZE + 0.5}h${SQUARE}v${SQUARE}h-${SQUARE}z`);
  });
  return [...byTone].map(([tone, parts]) => ({ tone, d: parts.join('') }));
}

/**
 * PodDots draws a crowded node's pods as coloured squares, in slot order, as one SVG path per tone. With 2,000
 * pods on screen, one DOM element per pod cost 80-110 ms of style, layout and paint for every batch that touched
 * them all. A canvas per node was cheap to draw, but Chromium composites every canvas in a layer of its own, and
 * the cards painted over them in more: some 200 layers, whose layerization took 20-100 ms after each update. A few
 * paths per node paint inside the graph's one layer. Clicking a square selects its pod; hovering names it.
 */
export const PodDots = memo(function PodDots({ node, pods }: { node: string; pods: readonly Pod[] }) {
  const theme = useUiStore((s) => s.theme);
  const select = useUiStore((s) => s.select);
  const rows = Math.max(1, Math.ceil(pods.length / DOTS_PER_ROW));
  const [width, height] = [DOTS_PER_ROW * DOT_SIZE, rows * DOT_SIZE];
  const summary = useMemo(() => statusSummary(pods), [pods]);
  const paths = useMemo(() => dotPaths(pods.map((pod) => podLook(pod).tone)), [pods]);

  const podAt = (e: React.MouseEvent<SVGSVGElement>) => pods[dotAt(e.nativeEvent.offsetX, e.nativeEvent.offsetY, pods.length)];
  return (
    <svg
      role="img"
      aria-label={`pods on ${node}: ${summary}`}
      data-pods={pods.length}
      className="nodrag block cursor-pointer"
      width={width}
      height={height}
      onMouseMove={(e) => {
        const pod = podAt(e);
        e.currentTarget.querySelector('title')!.textContent = pod ? `${pod.metadata?.name}: ${podLook(pod).status} ${podLook(pod).ready}` : '';
      }}
      onClick={(e) => {
        e.stopPropagation();
        const pod = podAt(e);
        if (pod) select({ kind: 'Pod', namespace: pod.metadata?.namespace ?? 'default', name: pod.metadata?.name ?? '' });
      }}
    >
      <title />
      {paths.map(({ tone, d }) => (
        // The svg itself takes the pointer, so offsetX/offsetY are always within it, whichever square is under it.
        <path key={tone} d={d} fill={DOT_COLOURS[theme][tone][0]} stroke={DOT_COLOURS[theme][tone][1]} pointerEvents="none" />
      ))}
    </svg>
  );
});
