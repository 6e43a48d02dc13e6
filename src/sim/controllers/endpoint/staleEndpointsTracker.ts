// Mirrors pkg/controller/endpoint/endpoints_tracker.go: the resourceVersion an Endpoints had before the controller's
// last update of it. Seeing that version again in the cache means the cache has not caught up with the write yet.
import type { Endpoints } from 'kubernetes-types/core/v1';

export class StaleEndpointsTracker {
  private readonly staleResourceVersion = new Map<string, string>();

  /** stale remembers the version the controller just replaced. */
  stale(endpoints: Endpoints): void {
    this.staleResourceVersion.set(keyOf(endpoints), endpoints.metadata?.resourceVersion ?? '');
  }

  isStale(endpoints: Endpoints): boolean {
    return this.staleResourceVersion.get(keyOf(endpoints)) === endpoints.metadata?.resourceVersion;
  }

  delete(namespace: string, name: string): void {
    this.staleResourceVersion.delete(`${namespace}/${name}`);
  }
}

function keyOf(endpoints: Endpoints): string {
  return `${endpoints.metadata?.namespace}/${endpoints.metadata?.name}`;
}
