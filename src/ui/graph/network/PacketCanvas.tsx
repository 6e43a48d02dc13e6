// Sampled requests travelling over the graph: one canvas inside React Flow's viewport, covering just the visible
// part of it, redrawn by requestAnimationFrame only while a packet is in flight. No upstream counterpart.
import { useEffect, useRef, type RefObject } from 'react';
import { useStoreApi } from '@xyflow/react';
import type { Hop, TrafficSample } from '../../../sim/index';
import { useClusterStore } from '../../store/clusterStore';
import { useTrafficStore } from '../../store/trafficStore';
import { useUiStore } from '../../store/uiStore';
import { OUTCOME_COLOURS, outcomeKind, outcomeLabel, PacketFlights, packetPath, type PacketFrame, type Stop } from './packets';
import type { NetworkGeometry } from './geometry';

/** Samples of one update are spread over at most this much wall time, by their virtual send times. */
const MAX_STAGGER_MS = 1000;

/** locateHop finds a hop's card or pod on the graph; hidden cards and unknown pods have no place. */
export function locateHop(g: NetworkGeometry, hop: Hop): Stop | undefined {
  const slash = hop.ref.indexOf('/');
  const kind = hop.ref.slice(0, slash);
  const key = hop.ref.slice(slash + 1);
  if (kind === 'External') return key !== 'dns' && g.layout.client ? { kind: 'card', box: g.layout.client } : undefined;
  if (kind === 'Service') return cardStop(g.layout.services.get(key));
  if (kind === 'Ingress') return cardStop(g.layout.ingresses.get(key));
  if (kind === 'Pod') {
    const at = g.anchorOf(key);
    return at ? { kind: 'pod', at } : undefined;
  }
  return undefined;
}

const cardStop = (box: NetworkGeometry['layout']['client']): Stop | undefined => (box ? { kind: 'card', box } : undefined);

function newestSeq(samples: readonly TrafficSample[]): number {
  return samples.length > 0 ? samples[samples.length - 1].seq : 0;
}

/**
 * PacketCanvas turns each new traffic sample into a packet on the path of its hops, coloured by outcome; a failed
 * one ends in a cross and its outcome in words. With prefers-reduced-motion the path flashes in place instead.
 */
export function PacketCanvas({ geometry }: { geometry: RefObject<NetworkGeometry> }) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const flow = useStoreApi();

  useEffect(() => {
    const flights = new PacketFlights();
    const reduced = window.matchMedia('(prefers-reduced-motion: reduce)');
    let lastSeq = newestSeq(useTrafficStore.getState().samples);
    let frame = 0;

    const draw = () => {
      frame = 0;
      const canvas = canvasRef.current;
      const ctx = canvas?.getContext('2d');
      if (!canvas || !ctx) return;
      const frames = flights.frame(performance.now(), reduced.matches);
      const { transform, width, height } = flow.getState();
      const [tx, ty, zoom] = transform;
      const scale = window.devicePixelRatio || 1;
      // The canvas covers the visible pane only: its size stays the screen's, whatever the graph's size.
      canvas.style.transform = `translate(${-tx / zoom}px, ${-ty / zoom}px)`;
      canvas.style.width = `${width / zoom}px`;
      canvas.style.height = `${height / zoom}px`;
      if (canvas.width !== Math.round(width * scale)) canvas.width = Math.round(width * scale);
      if (canvas.height !== Math.round(height * scale)) canvas.height = Math.round(height * scale);
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.clearRect(0, 0, canvas.width, canvas.height);
      ctx.setTransform(scale * zoom, 0, 0, scale * zoom, scale * tx, scale * ty);
      const halo = useUiStore.getState().theme === 'dark' ? '#020617' : '#ffffff';
      for (const f of frames) drawPacket(ctx, f, 1 / zoom, halo, reduced.matches);
      // What is drawn, for tests and assistive tooling that cannot read pixels: packets in flight, by outcome.
      canvas.dataset.inFlight = String(frames.length);
      canvas.dataset.outcomes = [...new Set(frames.map((f) => f.packet.kind))].sort().join(' ');
      if (flights.size > 0) frame = requestAnimationFrame(draw);
    };

    const unsubscribe = useTrafficStore.subscribe((state) => {
      const newest = newestSeq(state.samples);
      if (newest < lastSeq) lastSeq = 0; // the simulation was reset: sequence numbers start again
      const fresh = state.samples.filter((s) => s.seq > lastSeq);
      if (fresh.length === 0) return;
      lastSeq = newest;
      const now = performance.now();
      const speed = useClusterStore.getState().speed || 1;
      for (const sample of fresh) {
        const path = packetPath(sample.hops, (hop) => locateHop(geometry.current, hop));
        if (!path) continue;
        const delay = Math.min(MAX_STAGGER_MS, Math.max(0, (sample.time - fresh[0].time) / speed));
        flights.add({ path, kind: outcomeKind(sample.outcome.status), label: outcomeLabel(sample.outcome.status), start: now + delay });
      }
      if (!frame && flights.size > 0) frame = requestAnimationFrame(draw);
    });
    return () => {
      unsubscribe();
      cancelAnimationFrame(frame);
    };
  }, [flow, geometry]);

  return <canvas ref={canvasRef} aria-hidden="true" className="pointer-events-none absolute left-0 top-0 origin-top-left" data-testid="packet-canvas" />;
}

/** drawPacket draws one packet; `px` is one screen pixel in flow units, so marks keep their size at any zoom. */
function drawPacket(ctx: CanvasRenderingContext2D, f: PacketFrame, px: number, halo: string, reduced: boolean): void {
  const colour = OUTCOME_COLOURS[f.packet.kind];
  ctx.globalAlpha = f.alpha;
  if (reduced) {
    ctx.beginPath();
    for (const c of f.packet.path.curves) {
      ctx.moveTo(c.a.x, c.a.y);
      ctx.bezierCurveTo(c.c1.x, c.c1.y, c.c2.x, c.c2.y, c.b.x, c.b.y);
    }
    ctx.strokeStyle = colour;
    ctx.lineWidth = 3 * px;
    ctx.stroke();
  }
  const { x, y } = f.arrived || f.packet.path.curves.length === 0 ? f.packet.path.end : f.at;
  if (!f.arrived || f.packet.kind === 'success') {
    ctx.beginPath();
    ctx.arc(x, y, (f.arrived ? 7 : 5) * px, 0, Math.PI * 2);
    ctx.lineWidth = 2 * px;
    ctx.strokeStyle = halo;
    ctx.fillStyle = colour;
    if (f.arrived) {
      ctx.strokeStyle = colour;
      ctx.stroke();
    } else {
      ctx.stroke();
      ctx.fill();
    }
  } else {
    const s = 6 * px;
    ctx.beginPath();
    ctx.moveTo(x - s, y - s);
    ctx.lineTo(x + s, y + s);
    ctx.moveTo(x - s, y + s);
    ctx.lineTo(x + s, y - s);
    ctx.lineCap = 'round';
    ctx.lineWidth = 5 * px;
    ctx.strokeStyle = halo;
    ctx.stroke();
    ctx.lineWidth = 3 * px;
    ctx.strokeStyle = colour;
    ctx.stroke();
    const left = f.packet.path.endsAtCard;
    const lx = left ? x - 10 * px : x + 10 * px;
    ctx.font = `bold ${12 * px}px ui-monospace, monospace`;
    ctx.textAlign = left ? 'right' : 'left';
    ctx.textBaseline = 'middle';
    ctx.lineWidth = 3 * px;
    ctx.strokeStyle = halo;
    ctx.strokeText(f.packet.label, lx, y);
    ctx.fillStyle = colour;
    ctx.fillText(f.packet.label, lx, y);
  }
  ctx.globalAlpha = 1;
}
