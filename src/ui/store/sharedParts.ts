// One copy of each part that many mirrored Pods hold alike (hash-consing). No upstream counterpart.
import type { Pod } from 'kubernetes-types/core/v1';

/** How many distinct parts (and strings) a pool remembers before it starts afresh; parts already shared stay so. */
export const MAX_PARTS = 4096;

/**
 * SharedParts hands out one frozen copy of each distinct part it is shown. JSON.parse gives every pod its own copy of
 * parts that the pods of a ReplicaSet all hold alike: labels, owner, containers, conditions, container states, and
 * on one node the whole spec. In the UI benchmark's 2,000-pod rollout that was 1.4 KB of the page's heap per pod,
 * 0.25 KB once shared: less for V8 to copy when it compacts the heap after the rollout, the longest frame the page
 * had left. Frozen, because every pod holding a part sees any change to it; the mirror never changes an object anyway.
 */
export class SharedParts {
  private readonly parts = new Map<string, unknown>();
  private readonly strings = new Map<string, string>();

  /** part is the pool's copy of a JSON value equal to `value`. */
  part<T>(value: T): T {
    const key = JSON.stringify(value);
    const known = this.parts.get(key);
    if (known !== undefined) return known as T;
    if (this.parts.size >= MAX_PARTS) this.parts.clear();
    this.parts.set(key, deepFreeze(value));
    return value;
  }

  /** string is the pool's copy of a string many pods hold (a node name, a phase); parsed strings are not shared. */
  string<S extends string>(value: S): S {
    const known = this.strings.get(value);
    if (known !== undefined) return known as S;
    if (this.strings.size >= MAX_PARTS) this.strings.clear();
    this.strings.set(value, value);
    return value;
  }

  clear(): void {
    this.parts.clear();
    this.strings.clear();
  }
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

/**
 * sharePod swaps, in a Pod just decoded (and so the caller's alone), each part that other pods are likely to hold
 * alike for the pool's copy. What identifies the pod (name, uid, resourceVersion, pod IP) stays its own.
 */
export function sharePod(pod: Pod, pool: SharedParts): Pod {
  const part = <T>(value: T) => pool.part(value);
  const string = <S extends string>(value: S) => pool.string(value);
  swap(pod, 'apiVersion', string);
  swap(pod, 'kind', string);
  const { metadata, spec, status } = pod;
  if (metadata) {
    swap(metadata, 'namespace', string);
    swap(metadata, 'labels', part);
    swap(metadata, 'ownerReferences', part);
  }
  if (spec) {
    swap(spec, 'nodeName', string);
    swap(spec, 'containers', part);
    swap(spec, 'initContainers', part);
    swap(spec, 'overhead', part);
    // One spec for the pods of a template on a node: the node bars cache each spec's requests (see nodeUsage).
    pod.spec = pool.part(spec);
  }
  if (status) {
    swap(status, 'phase', string);
    swap(status, 'reason', string);
    swap(status, 'hostIP', string);
    swap(status, 'conditions', part);
    swap(status, 'initContainerStatuses', part);
    swap(status, 'containerStatuses', part);
  }
  return pod;
}

/** swap replaces a field the object has; one it lacks stays absent rather than becoming an undefined one. */
function swap<T extends object, K extends keyof T>(obj: T, key: K, shared: (value: NonNullable<T[K]>) => T[K]): void {
  const value = obj[key];
  if (value !== undefined && value !== null) obj[key] = shared(value);
}
