import { memo, useLayoutEffect, useMemo, useRef } from 'react';
import type { Pod } from 'kubernetes-types/core/v1';
import { podLook, type PodLook } from './podAppearance';
import { DOT_SIZE, DOTS_PER_ROW } from './layout';
import { useUiStore, type Theme } from '../store/uiStore';

/** Fill and border of a dot per tone and theme: the colours of the chips' TONE_CLASSES, for a canvas. */
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
  for (const pod of pods) counts.set(podLook(pod).status, (counts.get(podLook(pod).status) ?? 0) + 1);
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

/**
 * PodDots draws a crowded node's pods as coloured squares on one canvas, in slot order. With 2,000 pods on screen,
 * one DOM element per pod cost 80-110 ms of style, layout and paint for every batch that touched them all; a canvas
 * per node costs a redraw of that node only. Clicking a square selects its pod; hovering names it.
 */
export const PodDots = memo(function PodDots({ node, pods }: { node: string; pods: readonly Pod[] }) {
  const ref = useRef<HTMLCanvasElement>(null);
  const theme = useUiStore((s) => s.theme);
  const select = useUiStore((s) => s.select);
  const rows = Math.max(1, Math.ceil(pods.length / DOTS_PER_ROW));
  const [width, height] = [DOTS_PER_ROW * DOT_SIZE, rows * DOT_SIZE];
  const summary = useMemo(() => statusSummary(pods), [pods]);

  useLayoutEffect(() => {
    const canvas = ref.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return;
    const scale = window.devicePixelRatio || 1;
    // Assigning a canvas's size reallocates it, even to the same value: only when the node gains or loses a row.
    if (canvas.width !== Math.round(width * scale)) canvas.width = Math.round(width * scale);
    if (canvas.height !== Math.round(height * scale)) canvas.height = Math.round(height * scale);
    ctx.setTransform(scale, 0, 0, scale, 0, 0);
    ctx.clearRect(0, 0, width, height);
    // One path per tone and colour: a few fills per node instead of two per pod.
    const byTone = new Map<PodLook['tone'], number[]>();
    pods.forEach((pod, i) => {
      const tone = podLook(pod).tone;
      let slots = byTone.get(tone);
      if (!slots) byTone.set(tone, (slots = []));
      slots.push(i);
    });
    for (const [tone, slots] of byTone) {
      const [fill, border] = DOT_COLOURS[theme][tone];
      for (const [colour, inset] of [[border, 0], [fill, 1]] as const) {
        ctx.beginPath();
        for (const i of slots) ctx.rect((i % DOTS_PER_ROW) * DOT_SIZE + inset, Math.floor(i / DOTS_PER_ROW) * DOT_SIZE + inset, DOT_SIZE - 1 - 2 * inset, DOT_SIZE - 1 - 2 * inset);
        ctx.fillStyle = colour;
        ctx.fill();
      }
    }
  }, [pods, theme, width, height]);

  const podAt = (e: React.MouseEvent<HTMLCanvasElement>) => pods[dotAt(e.nativeEvent.offsetX, e.nativeEvent.offsetY, pods.length)];
  return (
    <canvas
      ref={ref}
      role="img"
      aria-label={`pods on ${node}: ${summary}`}
      data-pods={pods.length}
      className="nodrag block cursor-pointer"
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
    />
  );
});
