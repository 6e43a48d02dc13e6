// Mirrors the Resource type of pkg/scheduler/framework/types.go and IsScalarResourceName of
// pkg/scheduler/util/utils.go; leaves out pod-level resources and in-place resize.
import type { ResourceAmounts } from '../../api/core/v1/podResources';
import { milliValues } from '../../api/core/v1/podResources';

/** ResourceCPU and friends are the v1.ResourceName values the scheduler treats specially. */
export const ResourceCPU = 'cpu';
export const ResourceMemory = 'memory';
export const ResourceEphemeralStorage = 'ephemeral-storage';
export const ResourcePods = 'pods';

const hugePagesPrefix = 'hugepages-';
const attachableVolumePrefix = 'attachable-volumes-';
const defaultNamespacePrefix = 'kubernetes.io/';
const requestsPrefix = 'requests.';

/** isNativeResource is true for names without a domain or in the kubernetes.io/ domain. */
function isNativeResource(name: string): boolean {
  return !name.includes('/') || name.startsWith(defaultNamespacePrefix);
}

/** isExtendedResourceName is true for resources outside kubernetes.io/ (e.g. `example.com/gpu`). */
export function isExtendedResourceName(name: string): boolean {
  if (isNativeResource(name) || name.startsWith(requestsPrefix)) return false;
  return true;
}

/**
 * isScalarResourceName is true for extended resources, hugepages, prefixed native resources and attachable
 * volumes: the resources kept in Resource.scalarResources.
 */
export function isScalarResourceName(name: string): boolean {
  return (
    isExtendedResourceName(name) ||
    name.startsWith(hugePagesPrefix) ||
    (name.includes('/') && name.startsWith(defaultNamespacePrefix)) ||
    name.startsWith(attachableVolumePrefix)
  );
}

/**
 * Resource is a collection of compute resources: milliCPU in millicores, the others in whole units (bytes,
 * pods). Values are parsed once (when a pod or node enters the cache), never in the scheduling hot loop.
 */
export class Resource {
  milliCPU = 0;
  memory = 0;
  ephemeralStorage = 0;
  /** allowedPodNumber is only set for allocatable (`pods`); pod counts are len(nodeInfo.pods). */
  allowedPodNumber = 0;
  /** scalarResources holds extended resources, hugepages and attachable volumes. */
  scalarResources: Map<string, number> | undefined = undefined;

  /** add adds amounts given in milli-units (cpu stays milli; others are rounded up, as Quantity.Value). */
  addAmounts(amounts: ResourceAmounts): void {
    for (const name in amounts) {
      const milli = amounts[name];
      switch (name) {
        case ResourceCPU:
          this.milliCPU += milli;
          break;
        case ResourceMemory:
          this.memory += Math.ceil(milli / 1000);
          break;
        case ResourcePods:
          this.allowedPodNumber += Math.ceil(milli / 1000);
          break;
        case ResourceEphemeralStorage:
          this.ephemeralStorage += Math.ceil(milli / 1000);
          break;
        default:
          if (isScalarResourceName(name)) this.addScalar(name, Math.ceil(milli / 1000));
      }
    }
  }

  /** addScalar adds a quantity of a scalar resource. */
  addScalar(name: string, quantity: number): void {
    this.setScalar(name, (this.scalarResources?.get(name) ?? 0) + quantity);
  }

  /** setScalar sets a quantity of a scalar resource. */
  setScalar(name: string, quantity: number): void {
    if (!this.scalarResources) this.scalarResources = new Map();
    this.scalarResources.set(name, quantity);
  }

  /** scalar returns the quantity of a scalar resource (0 when absent). */
  scalar(name: string): number {
    return this.scalarResources?.get(name) ?? 0;
  }

  /** addResource adds (sign 1) or subtracts (sign -1) another Resource, as NodeInfo.update does. */
  addResource(other: Resource, sign: number): void {
    this.milliCPU += sign * other.milliCPU;
    this.memory += sign * other.memory;
    this.ephemeralStorage += sign * other.ephemeralStorage;
    if (other.scalarResources) {
      for (const [name, q] of other.scalarResources) this.setScalar(name, this.scalar(name) + sign * q);
    }
  }

  /** assign makes this Resource a deep copy of another, as clone does into a new one. */
  assign(other: Resource): void {
    this.milliCPU = other.milliCPU;
    this.memory = other.memory;
    this.ephemeralStorage = other.ephemeralStorage;
    this.allowedPodNumber = other.allowedPodNumber;
    this.scalarResources = other.scalarResources ? new Map(other.scalarResources) : undefined;
  }

  /** clone returns a deep copy. */
  clone(): Resource {
    const r = new Resource();
    r.milliCPU = this.milliCPU;
    r.memory = this.memory;
    r.ephemeralStorage = this.ephemeralStorage;
    r.allowedPodNumber = this.allowedPodNumber;
    if (this.scalarResources) r.scalarResources = new Map(this.scalarResources);
    return r;
  }
}

/** newResource builds a Resource from a v1.ResourceList (e.g. node.status.allocatable), as framework.NewResource. */
export function newResource(list: Record<string, string | number> | undefined): Resource {
  const r = new Resource();
  if (list) r.addAmounts(milliValues(list));
  return r;
}
