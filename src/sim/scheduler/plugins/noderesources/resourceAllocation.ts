// Mirrors pkg/scheduler/framework/plugins/noderesources/resource_allocation.go; leaves out DRA-backed
// extended resources and in-place resize.
import type { Pod } from 'kubernetes-types/core/v1';
import type { NodeInfo } from '../../framework/nodeInfo';
import { cachedPodRequests } from '../../framework/podRequests';
import { ResourceCPU, ResourceEphemeralStorage, ResourceMemory, isScalarResourceName } from '../../framework/resource';

/** ResourceSpec is a resource and its weight in a scoring strategy (config.ResourceSpec). */
export interface ResourceSpec {
  name: string;
  weight: number;
}

/** defaultResources is cpu and memory with weight 1 each, the default of every strategy. */
export const defaultResources: readonly ResourceSpec[] = [
  { name: ResourceCPU, weight: 1 },
  { name: ResourceMemory, weight: 1 },
];

const kindCPU = 0;
const kindMemory = 1;
const kindEphemeral = 2;
const kindScalar = 3;

/** Scorer turns per-resource requested and allocatable amounts (same order as the resources) into a node score. */
export type Scorer = (requested: number[], allocatable: number[]) => number;

/**
 * ResourceAllocationScorer contains information to calculate resource allocation score, shared by
 * NodeResourcesFit's strategies and NodeResourcesBalancedAllocation.
 */
export class ResourceAllocationScorer {
  /** Scratch arrays reused for every node: scoring is synchronous, and a fresh pair per node was measurable. */
  private readonly requested: number[];
  private readonly allocatable: number[];
  /** kinds classifies each resource once (cpu, memory, ephemeral storage, scalar) for the per-node loop. */
  private readonly kinds: number[];
  private readonly scalar: boolean[];
  /** cpuThenMemory is true for the default resources: score then fills the two amounts without the general loop. */
  private readonly cpuThenMemory: boolean;

  constructor(
    readonly name: string,
    /** useRequested decides whether cpu/memory use Requested (true) or NonZeroRequested (false). */
    readonly useRequested: boolean,
    readonly scorer: Scorer,
    readonly resources: readonly ResourceSpec[],
  ) {
    this.requested = new Array<number>(resources.length).fill(0);
    this.allocatable = new Array<number>(resources.length).fill(0);
    this.kinds = resources.map((r) => (r.name === ResourceCPU ? kindCPU : r.name === ResourceMemory ? kindMemory : r.name === ResourceEphemeralStorage ? kindEphemeral : kindScalar));
    this.scalar = resources.map((r) => isScalarResourceName(r.name));
    this.cpuThenMemory = this.kinds.length === 2 && this.kinds[0] === kindCPU && this.kinds[1] === kindMemory;
  }

  /** score computes the node's score from the pod's per-resource requests (see calculatePodResourceRequestList). */
  score(nodeInfo: NodeInfo, podRequests: readonly number[]): number {
    if (this.resources.length === 0) throw new Error('resources not found');
    const requested = this.requested;
    const allocatable = this.allocatable;
    const alloc = nodeInfo.allocatable;
    const req = this.useRequested ? nodeInfo.requested : nodeInfo.nonZeroRequested;
    if (this.cpuThenMemory) {
      requested[0] = req.milliCPU + podRequests[0];
      allocatable[0] = alloc.milliCPU;
      requested[1] = req.memory + podRequests[1];
      allocatable[1] = alloc.memory;
      return this.scorer(requested, allocatable);
    }
    for (let i = 0; i < this.kinds.length; i++) {
      requested[i] = 0;
      allocatable[i] = 0;
      const podRequest = podRequests[i];
      // An extended resource the pod does not request is left out of scoring (allocatable 0).
      if (podRequest === 0 && this.scalar[i]) continue;
      switch (this.kinds[i]) {
        case kindCPU:
          allocatable[i] = alloc.milliCPU;
          requested[i] = req.milliCPU + podRequest;
          break;
        case kindMemory:
          allocatable[i] = alloc.memory;
          requested[i] = req.memory + podRequest;
          break;
        case kindEphemeral:
          allocatable[i] = alloc.ephemeralStorage;
          requested[i] = nodeInfo.requested.ephemeralStorage + podRequest;
          break;
        default: {
          const name = this.resources[i].name;
          if (alloc.scalarResources?.has(name)) {
            allocatable[i] = alloc.scalar(name);
            requested[i] = nodeInfo.requested.scalar(name) + podRequest;
          }
        }
      }
    }
    return this.scorer(requested, allocatable);
  }

  /**
   * calculatePodResourceRequestList returns the pod's request for each configured resource: cpu in millicores,
   * the rest in units. Without useRequested, containers missing a cpu/memory request count as 100m/200Mi.
   */
  calculatePodResourceRequestList(pod: Pod): number[] {
    const reqs = cachedPodRequests(pod, !this.useRequested);
    return this.resources.map((r) => {
      const milli = reqs[r.name] ?? 0;
      return r.name === ResourceCPU ? milli : Math.ceil(milli / 1000);
    });
  }

  /** isBestEffortPod is true when the pod requests none of the configured resources. */
  isBestEffortPod(podRequests: readonly number[]): boolean {
    return podRequests.every((r) => r === 0);
  }
}

/** validateResources mirrors the weight checks of ValidateNodeResourcesFitArgs: each weight must be in 1..100. */
export function validateResources(resources: readonly ResourceSpec[], path: string): void {
  resources.forEach((r, i) => {
    if (r.weight <= 0 || r.weight > 100) {
      throw new Error(`${path}[${i}].weight: Invalid value: ${r.weight}: resource weight of ${r.name} should be in range 1-100`);
    }
  });
}
