// Mirrors pkg/kubelet/prober/results/results_manager.go; leaves out the buffered updates channel (listeners are
// called synchronously, which keeps the order of updates the order of virtual time).
import type { ProbeResult } from './types';

/** ContainerRef says whose result it is; upstream sends the pod along with each update for the same reason. */
export interface ContainerRef {
  podUid: string;
  containerName: string;
}

/** ResultUpdate is results.Update: a container's cached result changed. */
export interface ResultUpdate extends ContainerRef {
  containerId: string;
  result: ProbeResult;
}

/**
 * ResultsManager is results.Manager: a cache of probe results by container id. Set reports an update only when
 * the result is new or different, which is why a liveness failure reaches the kubelet exactly once.
 */
export class ResultsManager {
  private readonly cache = new Map<string, ProbeResult>();

  constructor(private readonly onUpdate: (update: ResultUpdate) => void) {}

  get(containerId: string): ProbeResult | undefined {
    return this.cache.get(containerId);
  }

  set(containerId: string, result: ProbeResult, ref: ContainerRef): void {
    if (this.cache.get(containerId) === result) return;
    this.cache.set(containerId, result);
    // Listed rather than spread: V8 takes a slow path for a spread followed by new keys.
    this.onUpdate({ podUid: ref.podUid, containerName: ref.containerName, containerId, result });
  }

  /** remove forgets a container's result without reporting an update, as upstream's Remove does. */
  remove(containerId: string): void {
    this.cache.delete(containerId);
  }
}
