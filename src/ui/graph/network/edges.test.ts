import { describe, expect, it } from 'vitest';
import { cardLinks, edgeLayers, endpointEdges, MAX_ENDPOINT_EDGES } from './edges';
import type { EndpointRow } from './endpointRows';
import type { PodAnchor } from './podAnchors';

const row = (pod: string | undefined, node: string, state: Partial<EndpointRow> = {}): EndpointRow => ({ pod, ip: '10.244.0.1', ready: true, serving: true, terminating: false, node, ...state });
const places = new Map<string, PodAnchor>([
  ['default/web-1', { x: 270, y: 288, node: 'node-1', dot: false }],
  ['default/web-2', { x: 270, y: 312, node: 'node-1', dot: false }],
  ['default/web-3', { x: 584, y: 282.5, node: 'node-2', dot: true }],
]);
const anchors = (pod: string, node?: string) => (node === undefined || places.get(pod)?.node === node ? places.get(pod) : undefined);
const nodeBoxes = new Map([
  ['node-1', { x: 0, y: 198, width: 280, height: 142 }],
  ['node-2', { x: 304, y: 198, width: 280, height: 142 }],
]);
const from = { x: 1068, y: 276 };
const rows = [
  row('default/web-1', 'node-1'),
  row('default/web-2', 'node-1', { ready: false, serving: false }),
  row('default/web-3', 'node-2', { ready: false, serving: true, terminating: true }),
  row('default/gone', 'node-2'),
  row(undefined, 'node-9'),
];

describe('endpoint edges', () => {
  it('draws one S-curve per endpoint with a place on the graph, styled by its conditions', () => {
    expect(endpointEdges(from, rows, anchors, nodeBoxes)).toEqual([
      { curve: { a: from, c1: { x: 669, y: 276 }, c2: { x: 669, y: 288 }, b: { x: 270, y: 288 } }, state: 'ready' },
      { curve: { a: from, c1: { x: 669, y: 276 }, c2: { x: 669, y: 312 }, b: { x: 270, y: 312 } }, state: 'notReady' },
      { curve: { a: from, c1: { x: 826, y: 276 }, c2: { x: 826, y: 282.5 }, b: { x: 584, y: 282.5 } }, state: 'terminating' },
    ]);
  });

  it('draws one edge per node, labelled with its counts, when a Service has more endpoints than the limit', () => {
    expect(endpointEdges(from, rows, anchors, nodeBoxes, 2)).toEqual([
      { curve: { a: from, c1: { x: 674, y: 276 }, c2: { x: 674, y: 222 }, b: { x: 280, y: 222 } }, state: 'ready', label: '1/2 ready' },
      { curve: { a: from, c1: { x: 826, y: 276 }, c2: { x: 826, y: 222 }, b: { x: 584, y: 222 } }, state: 'ready', label: '1/2 ready' },
    ]);
  });

  it('a Service of 2,000 endpoints on 100 nodes draws 100 edges', () => {
    const boxes = new Map(Array.from({ length: 100 }, (_, i) => [`node-${i}`, { x: (i % 10) * 304, y: 200 + Math.floor(i / 10) * 500, width: 280, height: 480 }]));
    const many = Array.from({ length: 2000 }, (_, i) => row(`default/web-${i}`, `node-${i % 100}`, { ready: i % 3 !== 0 }));
    const edges = endpointEdges(from, many, () => undefined, boxes);
    expect(many.length).toBeGreaterThan(MAX_ENDPOINT_EDGES);
    expect(edges).toHaveLength(100);
    expect(edges[0].label).toBe('13/20 ready');
  });

  it('marks an aggregated node edge terminating only when all its endpoints terminate, else not ready', () => {
    const states = endpointEdges(from, [row('a', 'node-1', { ready: false, terminating: true }), row('b', 'node-2', { ready: false }), row('c', 'node-2', { ready: false, terminating: true })], anchors, nodeBoxes, 1).map((e) => e.state);
    expect(states).toEqual(['terminating', 'notReady']);
  });

  it('joins the edges into one path per style, crosses terminating ones at the pod and keeps the labels', () => {
    const edges = endpointEdges(from, rows, anchors, nodeBoxes);
    expect(edgeLayers([...edges, { ...edges[0], label: '3/4 ready' }])).toEqual({
      ready: 'M1068 276C669 276 669 288 270 288M1068 276C669 276 669 288 270 288',
      notReady: 'M1068 276C669 276 669 312 270 312',
      terminating: 'M1068 276C826 276 826 282.5 584 282.5M580 278.5L588 286.5M580 286.5L588 278.5',
      labels: [{ x: 276, y: 284, text: '3/4 ready' }],
    });
  });

  it('links cards with loops on the column’s right side, only to targets that have a card', () => {
    const ingresses = new Map([['default/web', { x: 1068, y: 92, width: 270, height: 88 }]]);
    const services = new Map([['default/web', { x: 1068, y: 220, width: 270, height: 112 }]]);
    expect(cardLinks(ingresses, () => ['default/web', 'default/hidden'], services)).toBe('M1338 136C1397.3 136 1397.3 276 1338 276');
  });
});
