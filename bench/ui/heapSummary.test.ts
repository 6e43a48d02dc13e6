import { describe, expect, it } from 'vitest';
import { heapSummary, type HeapSnapshot } from './heapSummary';

/** The meta block as Chromium writes it. */
const META: HeapSnapshot['snapshot']['meta'] = {
  node_fields: ['type', 'name', 'id', 'self_size', 'edge_count', 'trace_node_id', 'detachedness'],
  node_types: [['hidden', 'array', 'string', 'object', 'code', 'closure', 'regexp', 'number', 'native', 'synthetic', 'concatenated string', 'sliced string', 'symbol', 'bigint', 'object shape'], 'string', 'number', 'number', 'number', 'number', 'number'],
  edge_fields: ['type', 'name_or_index', 'to_node'],
  edge_types: [['context', 'element', 'property', 'internal', 'hidden', 'shortcut', 'weak'], 'string_or_number', 'node'],
};

/** snapshot lays out nodes [type, name, self_size, edges] and their edges [type, name or index, to] the way V8 does. */
function snapshot(nodes: Array<[string, string, number, Array<[string, string | number]>]>): HeapSnapshot {
  const strings: string[] = [];
  const str = (s: string) => (strings.includes(s) ? strings.indexOf(s) : strings.push(s) - 1);
  const flatNodes: number[] = [];
  const flatEdges: number[] = [];
  nodes.forEach(([type, name, size, edges], id) => {
    flatNodes.push(META.node_types[0].indexOf(type), str(name), id, size, edges.length, 0, 0);
    for (const [edgeType, nameOrIndex] of edges) flatEdges.push(META.edge_types[0].indexOf(edgeType), typeof nameOrIndex === 'number' ? nameOrIndex : str(nameOrIndex), 0);
  });
  return { snapshot: { meta: META }, nodes: flatNodes, edges: flatEdges, strings };
}

describe('heapSummary', () => {
  it('groups objects by constructor and their first property names, strings by content, and every node by type, largest first', () => {
    const record: Array<[string, string | number]> = [['property', 'key'], ['property', '__proto__'], ['internal', 'map'], ['property', 'involved'], ['property', 'time']];
    const heap = snapshot([
      ['object', 'Array', 16, [['element', 0], ['element', 1]]],
      ['object', 'Object', 28, record],
      ['object', 'Object', 28, record],
      ['string', 'Pod/default/a', 32, []],
      ['string', 'Pod/default/a', 32, []],
      ['concatenated string', 'default/x', 20, []],
      ['array', '(object properties)', 40, []],
    ]);
    expect(heapSummary(heap)).toEqual({
      byType: [
        { name: 'object', count: 3, bytes: 72 },
        { name: 'string', count: 2, bytes: 64 },
        { name: 'array', count: 1, bytes: 40 },
        { name: 'concatenated string', count: 1, bytes: 20 },
      ],
      objects: [
        { name: 'Object {key, involved, time}', count: 2, bytes: 56 },
        { name: 'Array', count: 1, bytes: 16 },
      ],
      strings: [
        { name: 'Pod/default/a', count: 2, bytes: 64 },
        { name: 'default/x', count: 1, bytes: 20 },
      ],
    });
  });
});
