import type { Node, Pod } from 'kubernetes-types/core/v1';
import { podRequests, milliValues } from '../../sim/api/core/v1/podResources';

/** NodeUsage: requested vs allocatable cpu (millicores) and memory (bytes), as `kubectl describe node` sums it. */
export interface NodeUsage {
  cpuRequested: number;
  cpuAllocatable: number;
  memoryRequested: number;
  memoryAllocatable: number;
  pods: number;
  podsAllocatable: number;
}

/**
 * Requests by the Pod's spec. The mirror gives pods of one template on one node one spec object (see SharedParts),
 * while every status update brings a new pod object: parsing the quantities of 2,000 pods again on each update was
 * a tenth of the graph's render in a rollout. Keyed weakly, an entry goes with the last pod holding its spec.
 */
const requestCache = new WeakMap<object, { cpu: number; memory: number }>();

function requestsOf(pod: Pod): { cpu: number; memory: number } {
  const spec = pod.spec;
  let cached = spec && requestCache.get(spec);
  if (!cached) {
    try {
      const r = podRequests(pod);
      cached = { cpu: r.cpu ?? 0, memory: Math.ceil((r.memory ?? 0) / 1000) };
    } catch {
      cached = { cpu: 0, memory: 0 };
    }
    if (spec) requestCache.set(spec, cached);
  }
  return cached;
}

/** nodeUsage counts the pods that hold resources on the node: every pod not yet Succeeded or Failed. */
export function nodeUsage(node: Node, pods: readonly Pod[]): NodeUsage {
  let cpu = 0;
  let memory = 0;
  let count = 0;
  for (const pod of pods) {
    if (pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed') continue;
    const r = requestsOf(pod);
    cpu += r.cpu;
    memory += r.memory;
    count++;
  }
  let alloc: Record<string, number> = {};
  try {
    alloc = milliValues((node.status?.allocatable ?? {}) as Record<string, string>);
  } catch {
    alloc = {};
  }
  return {
    cpuRequested: cpu,
    cpuAllocatable: alloc.cpu ?? 0,
    memoryRequested: memory,
    memoryAllocatable: Math.floor((alloc.memory ?? 0) / 1000),
    pods: count,
    podsAllocatable: Math.floor((alloc.pods ?? 0) / 1000),
  };
}

/** formatCpu prints millicores as kubectl does: `1500m`, `2`. */
export function formatCpu(milli: number): string {
  return milli % 1000 === 0 ? String(milli / 1000) : `${milli}m`;
}

/** formatMemory prints bytes in the largest binary unit that keeps one decimal: `7.9Gi`, `512Mi`. */
export function formatMemory(bytes: number): string {
  const units = ['', 'Ki', 'Mi', 'Gi', 'Ti'];
  let value = bytes;
  let i = 0;
  while (value >= 1024 && i < units.length - 1) {
    value /= 1024;
    i++;
  }
  return `${Number.isInteger(value) ? value : value.toFixed(1)}${units[i]}`;
}
