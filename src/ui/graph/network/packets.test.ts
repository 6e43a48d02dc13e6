import { describe, expect, it } from 'vitest';
import type { Hop } from '../../../sim/index';
import { HOLD_MS, OUTCOME_COLOURS, outcomeKind, outcomeLabel, PACKET_MS, PacketFlights, packetPath, pointAlong, type PacketPath, type Stop } from './packets';

const boxes = {
  client: { x: 1068, y: 0, width: 270, height: 52 },
  ingress: { x: 1068, y: 92, width: 270, height: 88 },
  lb: { x: 1068, y: 220, width: 270, height: 112 },
  web: { x: 1068, y: 348, width: 270, height: 112 },
};
const places: Record<string, Stop> = {
  'External/203.0.113.10': { kind: 'card', box: boxes.client },
  'Ingress/default/web': { kind: 'card', box: boxes.ingress },
  'Service/ingress-nginx/ingress-nginx-controller': { kind: 'card', box: boxes.lb },
  'Service/default/web': { kind: 'card', box: boxes.web },
  'Pod/ingress-nginx/controller-x': { kind: 'pod', at: { x: 574, y: 288 } },
  'Pod/default/web-1': { kind: 'pod', at: { x: 270, y: 312 } },
  'Pod/default/client': { kind: 'pod', at: { x: 270, y: 288 } },
  'Node//node-2': { kind: 'card', box: { x: 304, y: 198, width: 280, height: 142 } },
};
const locate = (hop: Hop) => places[hop.ref];
const hop = (kind: Hop['kind'], ref: string): Hop => ({ kind, ref, detail: '' });
const segments = (path: PacketPath | undefined) => path?.curves.map((c) => `${c.a.x},${c.a.y} → ${c.b.x},${c.b.y}`);

describe('packet paths', () => {
  it('follows an outside request through the balancer, nginx, the Ingress and the Service to the pod, crossing each card', () => {
    const path = packetPath(
      [
        hop('client', 'External/203.0.113.10'),
        hop('dns', 'External/dns'),
        hop('service', 'Service/ingress-nginx/ingress-nginx-controller'),
        hop('kube-proxy', 'Node//node-2'),
        hop('pod', 'Pod/ingress-nginx/controller-x'),
        hop('ingress', 'Ingress/default/web'),
        hop('service', 'Service/default/web'),
        hop('pod', 'Pod/default/web-1'),
      ],
      locate,
    );
    expect(segments(path)).toEqual([
      '1068,26 → 1338,26',
      '1338,26 → 1338,276',
      '1338,276 → 1068,276',
      '1068,276 → 574,288',
      '574,288 → 1068,136',
      '1068,136 → 1338,136',
      '1338,136 → 1338,404',
      '1338,404 → 1068,404',
      '1068,404 → 270,312',
    ]);
    expect(path!.curves[1]).toEqual({ a: { x: 1338, y: 26 }, c1: { x: 1338 + 36 + 250 / 6, y: 26 }, c2: { x: 1338 + 36 + 250 / 6, y: 276 }, b: { x: 1338, y: 276 } });
    expect(path!.end).toEqual({ x: 270, y: 312 });
    expect(path!.endsAtCard).toBe(false);
  });

  it('ends a refused request at the Service card, skipping the hidden DNS Service and kube-proxy', () => {
    const path = packetPath([hop('client', 'Pod/default/client'), hop('dns', 'Service/kube-system/kube-dns'), hop('service', 'Service/default/web'), hop('kube-proxy', 'Node//node-2')], locate);
    expect(segments(path)).toEqual(['270,288 → 1068,404']);
    expect(path!.end).toEqual({ x: 1068, y: 404 });
    expect(path!.endsAtCard).toBe(true);
  });

  it('leaves a request that never resolved standing at its client', () => {
    const path = packetPath([hop('client', 'External/203.0.113.10'), hop('dns', 'External/dns')], locate);
    expect(path).toEqual({ curves: [], lengths: [], length: 0, end: { x: 1068, y: 26 }, endsAtCard: true });
  });

  it('has no path when no hop has a place on the graph', () => {
    expect(packetPath([hop('client', 'Pod/other/gone')], locate)).toBeUndefined();
  });

  it('places a packet by the share of the path it has covered, and never past its end', () => {
    const line: PacketPath = { curves: [{ a: { x: 0, y: 0 }, c1: { x: 0, y: 0 }, c2: { x: 100, y: 0 }, b: { x: 100, y: 0 } }], lengths: [100], length: 100, end: { x: 100, y: 0 }, endsAtCard: false };
    expect(pointAlong(line, 0.5)).toEqual({ x: 50, y: 0 });
    expect(pointAlong(line, 1.5)).toEqual({ x: 100, y: 0 });
  });
});

describe('outcomes', () => {
  it.each([
    { name: 'a 200 is a green success', status: 200, kind: 'success', colour: '#10b981', label: '200' },
    { name: 'a 404 from nginx is an amber HTTP error', status: 404, kind: 'httpError', colour: '#f59e0b', label: '404' },
    { name: 'a 503 without endpoints is an amber HTTP error', status: 503, kind: 'httpError', colour: '#f59e0b', label: '503' },
    { name: 'a refused connection is red and says refused', status: 'connection refused', kind: 'failed', colour: '#ef4444', label: 'refused' },
    { name: 'a timeout is red', status: 'timeout', kind: 'failed', colour: '#ef4444', label: 'timeout' },
    { name: 'an unknown name is red', status: 'NXDOMAIN', kind: 'failed', colour: '#ef4444', label: 'NXDOMAIN' },
    { name: 'a source pod that is not running is red', status: 'source not running', kind: 'failed', colour: '#ef4444', label: 'not running' },
  ] as const)('$name', ({ status, kind, colour, label }) => {
    expect(outcomeKind(status)).toBe(kind);
    expect(OUTCOME_COLOURS[outcomeKind(status)]).toBe(colour);
    expect(outcomeLabel(status)).toBe(label);
  });
});

describe('packets in flight', () => {
  const line: PacketPath = { curves: [{ a: { x: 0, y: 0 }, c1: { x: 0, y: 0 }, c2: { x: 120, y: 0 }, b: { x: 120, y: 0 } }], lengths: [120], length: 120, end: { x: 120, y: 0 }, endsAtCard: false };
  const packet = (start: number) => ({ path: line, kind: 'success' as const, label: '200', start });

  it('refuses packets beyond the cap', () => {
    const flights = new PacketFlights(2);
    expect([flights.add(packet(0)), flights.add(packet(0)), flights.add(packet(0))]).toEqual([true, true, false]);
    expect(flights.size).toBe(2);
  });

  it('moves a packet along its path, holds its end mark while fading, then drops it', () => {
    const flights = new PacketFlights();
    flights.add(packet(1000));
    expect(flights.frame(900, false)).toEqual([]);
    expect(flights.frame(1000 + PACKET_MS / 2, false).map((f) => [f.at, f.arrived, f.alpha])).toEqual([[{ x: 60, y: 0 }, false, 1]]);
    expect(flights.frame(1000 + PACKET_MS + HOLD_MS / 2, false).map((f) => [f.at, f.arrived, f.alpha])).toEqual([[{ x: 120, y: 0 }, true, 0.5]]);
    expect(flights.frame(1000 + PACKET_MS + HOLD_MS, false)).toEqual([]);
    expect(flights.size).toBe(0);
  });

  it('with reduced motion shows the packet at its end at once, for the hold time only', () => {
    const flights = new PacketFlights();
    flights.add(packet(0));
    expect(flights.frame(0, true).map((f) => [f.at, f.arrived, f.alpha])).toEqual([[{ x: 120, y: 0 }, true, 1]]);
    expect(flights.frame(HOLD_MS, true)).toEqual([]);
  });
});
