// What the page's heap holds, from a V8 heap snapshot (the format DevTools' Memory panel reads): the long frame left is
// V8 compacting that heap once the page idles, and its cost follows what is live there.

/** HeapSnapshot is the JSON of a `.heapsnapshot` file: flat arrays of nodes and edges described by `snapshot.meta`. */
export interface HeapSnapshot {
  snapshot: { meta: { node_fields: string[]; node_types: [string[], ...unknown[]]; edge_fields: string[]; edge_types: [string[], ...unknown[]] } };
  nodes: number[];
  edges: number[];
  strings: string[];
}

/** HeapGroup is the nodes of one kind: how many, and their own size (not what they keep alive). */
export interface HeapGroup {
  name: string;
  count: number;
  bytes: number;
}

export interface HeapSummary {
  /** Each node type (object, string, array, code, native...) with its count and bytes, largest first. */
  byType: HeapGroup[];
  /** Objects by constructor and first property names, e.g. `Object {key, involved, time}`, largest first. */
  objects: HeapGroup[];
  /** Strings by content, largest total first: many copies of one text are what sharing would save. */
  strings: HeapGroup[];
}

const STRING_TYPES = new Set(['string', 'concatenated string', 'sliced string']);
/** How many property names name an object's group: enough to tell an EventRecord from a Pod's metadata. */
const GROUP_PROPERTIES = 5;

/** heapSummary groups the snapshot's nodes by type, by object shape and by string content. */
export function heapSummary(heap: HeapSnapshot): HeapSummary {
  const { node_fields, node_types, edge_fields, edge_types } = heap.snapshot.meta;
  const nodeSize = node_fields.length;
  const edgeSize = edge_fields.length;
  const [typeAt, nameAt, sizeAt, edgeCountAt] = ['type', 'name', 'self_size', 'edge_count'].map((f) => node_fields.indexOf(f));
  const [edgeTypeAt, edgeNameAt] = ['type', 'name_or_index'].map((f) => edge_fields.indexOf(f));
  const typeNames = node_types[0];
  const property = edge_types[0].indexOf('property');
  const byType = new Groups();
  const objects = new Groups();
  const strings = new Groups();
  for (let n = 0, e = 0; n < heap.nodes.length; n += nodeSize) {
    const type = typeNames[heap.nodes[n + typeAt]];
    const name = heap.strings[heap.nodes[n + nameAt]];
    const bytes = heap.nodes[n + sizeAt];
    const edgeCount = heap.nodes[n + edgeCountAt];
    byType.add(type, bytes);
    if (type === 'object') {
      const props: string[] = [];
      for (let i = 0; i < edgeCount && props.length < GROUP_PROPERTIES; i++) {
        const edge = e + i * edgeSize;
        const edgeName = heap.strings[heap.edges[edge + edgeNameAt]];
        if (heap.edges[edge + edgeTypeAt] === property && edgeName !== '__proto__') props.push(edgeName);
      }
      objects.add(props.length > 0 ? `${name} {${props.join(', ')}}` : name, bytes);
    } else if (STRING_TYPES.has(type)) strings.add(name, bytes);
    e += edgeCount * edgeSize;
  }
  return { byType: byType.largest(), objects: objects.largest(), strings: strings.largest() };
}

class Groups {
  private readonly groups = new Map<string, HeapGroup>();

  add(name: string, bytes: number): void {
    const group = this.groups.get(name);
    if (group) {
      group.count++;
      group.bytes += bytes;
    } else this.groups.set(name, { name, count: 1, bytes });
  }

  largest(): HeapGroup[] {
    return [...this.groups.values()].sort((a, b) => b.bytes - a.bytes || a.name.localeCompare(b.name));
  }
}
