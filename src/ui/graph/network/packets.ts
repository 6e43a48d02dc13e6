// Sampled requests drawn as packets: the path a request's hops trace over the cards and pods, how it ended (colour
// and words), and the packets in flight. No upstream counterpart; hop kinds and outcomes are those of
// src/sim/network (request.ts).
import type { Hop, OutcomeStatus } from '../../../sim/index';
import type { Box } from '../layout';
import { curveLength, loopRight, pointOnCurve, sCurve, straight, type Curve, type Point } from './curves';
import { leftPort, rightPort } from './edges';

/** Stop is where a hop is on the graph: a card in the network column, or a pod. */
export type Stop = { kind: 'card'; box: Box } | { kind: 'pod'; at: Point };

/** PacketPath is the line a packet travels, and where it ends (where a failed request failed). */
export interface PacketPath {
  curves: Curve[];
  lengths: number[];
  length: number;
  end: Point;
  /** The path ends at a card (its label goes left, into the gap before the column) or at a pod (label to the right). */
  endsAtCard: boolean;
}

/** DNS lookups and kube-proxy's rules happen inside the nodes: a packet does not stop for them. */
const PASS_THROUGH = new Set<Hop['kind']>(['dns', 'kube-proxy', 'kubelet']);

const sameStop = (a: Stop, b: Stop) => (a.kind === 'card' && b.kind === 'card' ? a.box === b.box : a.kind === 'pod' && b.kind === 'pod' && a.at.x === b.at.x && a.at.y === b.at.y);

/**
 * packetPath turns hops into curves: between two cards of the column a loop on its right side (as Ingress→Service
 * edges are drawn), between a card and a pod an S-curve from the card's left side (as endpoint edges are drawn),
 * and straight through a card when the packet comes in on one side and leaves by the other. Hops without a place
 * on the graph (hidden cards) are skipped. Undefined when no hop has a place.
 */
export function packetPath(hops: readonly Hop[], locate: (hop: Hop) => Stop | undefined): PacketPath | undefined {
  const stops: Stop[] = [];
  for (const hop of hops) {
    if (PASS_THROUGH.has(hop.kind)) continue;
    const stop = locate(hop);
    if (stop && !(stops.length > 0 && sameStop(stops[stops.length - 1], stop))) stops.push(stop);
  }
  if (stops.length === 0) return undefined;
  const curves: Curve[] = [];
  let at: Point = stops[0].kind === 'card' ? leftPort(stops[0].box) : stops[0].at;
  for (let i = 0; i + 1 < stops.length; i++) {
    const [from, to] = [stops[i], stops[i + 1]];
    const loop = from.kind === 'card' && to.kind === 'card';
    const exit = from.kind === 'pod' ? from.at : loop ? rightPort(from.box) : leftPort(from.box);
    if (exit.x !== at.x || exit.y !== at.y) curves.push(straight(at, exit));
    const entry = to.kind === 'pod' ? to.at : loop ? rightPort(to.box) : leftPort(to.box);
    curves.push(loop ? loopRight(exit, entry) : sCurve(exit, entry));
    at = entry;
  }
  const lengths = curves.map(curveLength);
  return { curves, lengths, length: lengths.reduce((s, l) => s + l, 0), end: at, endsAtCard: stops[stops.length - 1].kind === 'card' };
}

/** pointAlong is the point `fraction` (0..1) of the way along the path, by length. */
export function pointAlong(path: PacketPath, fraction: number): Point {
  if (path.curves.length === 0) return path.end;
  let left = Math.min(1, Math.max(0, fraction)) * path.length;
  for (let i = 0; i < path.curves.length; i++) {
    if (left <= path.lengths[i] || i === path.curves.length - 1) return pointOnCurve(path.curves[i], path.lengths[i] > 0 ? Math.min(1, left / path.lengths[i]) : 1);
    left -= path.lengths[i];
  }
  return path.end;
}

export type OutcomeKind = 'success' | 'httpError' | 'failed';

/** outcomeKind: an HTTP answer below 400 succeeded, 4xx/5xx is an HTTP error, anything else never got an answer. */
export function outcomeKind(status: OutcomeStatus): OutcomeKind {
  if (typeof status !== 'number') return 'failed';
  return status < 400 ? 'success' : 'httpError';
}

/** Green, amber, red: the packet's colour only repeats what its label says. */
export const OUTCOME_COLOURS: Record<OutcomeKind, string> = { success: '#10b981', httpError: '#f59e0b', failed: '#ef4444' };

/** outcomeLabel is the short text drawn by a packet's end mark: `200`, `503`, `refused`, `timeout`, `NXDOMAIN`. */
export function outcomeLabel(status: OutcomeStatus): string {
  if (status === 'connection refused') return 'refused';
  if (status === 'source not running') return 'not running';
  return String(status);
}

/** A packet's trip over the graph, in wall-clock milliseconds. */
export const PACKET_MS = 1200;
/** How long the end mark stays after the packet arrives (or, with reduced motion, the whole static flash). */
export const HOLD_MS = 600;
/** At most this many packets are drawn at once; samples arriving while it is full are not drawn. */
export const MAX_IN_FLIGHT = 60;

export interface Packet {
  path: PacketPath;
  kind: OutcomeKind;
  label: string;
  start: number;
}

/** PacketFrame is one packet as it should look at some instant. */
export interface PacketFrame {
  packet: Packet;
  /** Where the dot is; with reduced motion, the end of the path. */
  at: Point;
  /** The packet has arrived: draw its end mark (a cross and the label when it failed). */
  arrived: boolean;
  /** 1 while travelling, fading to 0 over HOLD_MS after arriving. */
  alpha: number;
}

/**
 * PacketFlights holds the packets in flight. With reduced motion a packet does not travel: its whole path and end
 * mark flash for HOLD_MS from its start.
 */
export class PacketFlights {
  private packets: Packet[] = [];

  constructor(private readonly max = MAX_IN_FLIGHT) {}

  /** add takes a packet unless MAX_IN_FLIGHT are already in flight. */
  add(packet: Packet): boolean {
    if (this.packets.length >= this.max) return false;
    this.packets.push(packet);
    return true;
  }

  get size(): number {
    return this.packets.length;
  }

  /** frame drops finished packets and says how the others look at `now`; packets not yet started are left out. */
  frame(now: number, reducedMotion: boolean): PacketFrame[] {
    const travel = reducedMotion ? 0 : PACKET_MS;
    this.packets = this.packets.filter((p) => now < p.start + travel + HOLD_MS);
    const out: PacketFrame[] = [];
    for (const packet of this.packets) {
      const elapsed = now - packet.start;
      if (elapsed < 0) continue;
      const arrived = elapsed >= travel;
      const alpha = arrived ? Math.max(0, 1 - (elapsed - travel) / HOLD_MS) : 1;
      out.push({ packet, at: arrived ? packet.path.end : pointAlong(packet.path, elapsed / travel), arrived, alpha });
    }
    return out;
  }
}
