// Reads a V8 sampling heap profile (DevTools protocol HeapProfiler.getSamplingProfile): the bytes sampled where they
// were allocated, by function. Started with includeObjectsCollectedByMajorGC, it counts what is still live and what a
// major collection freed, not what a scavenge freed. A major collection also frees the young generation, so this
// counts the garbage that fragments old space and also young garbage that a major collection happened to find (the
// page's young generation grows to 16-32 MB): a function high on the list did not necessarily promote anything.
// V8's own figures (`--trace-gc-nvp`: `promoted` per scavenge) count promotion.

/** The parts of HeapProfiler.SamplingHeapProfileNode this reads. */
export interface SamplingNode {
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  selfSize: number;
  children: SamplingNode[];
}

/** AllocationSite is one function's sampled bytes, and the callers' share of them (the largest first). */
export interface AllocationSite {
  name: string;
  bytes: number;
  callers: Array<[string, number]>;
}

const where = (f: SamplingNode['callFrame']) => `${f.functionName || '(anonymous)'} ${f.url.replace(/^.*\//, '')}:${f.lineNumber + 1}:${f.columnNumber + 1}`;

/** allocationsByFunction sums self size by function over the whole tree, largest first, with each one's callers. */
export function allocationsByFunction(head: SamplingNode): AllocationSite[] {
  const sites = new Map<string, { bytes: number; callers: Map<string, number> }>();
  const visit = (node: SamplingNode, caller: string) => {
    const name = where(node.callFrame);
    if (node.selfSize > 0) {
      const site = sites.get(name) ?? { bytes: 0, callers: new Map<string, number>() };
      site.bytes += node.selfSize;
      site.callers.set(caller, (site.callers.get(caller) ?? 0) + node.selfSize);
      sites.set(name, site);
    }
    for (const child of node.children) visit(child, name);
  };
  for (const child of head.children) visit(child, '(root)');
  return [...sites]
    .map(([name, s]) => ({ name, bytes: s.bytes, callers: [...s.callers].sort((a, b) => b[1] - a[1]) }))
    .sort((a, b) => b.bytes - a.bytes);
}
