// Mirrors k8s.io/endpointslice/util endpointslice_tracker.go: the generations the controller itself wrote, so that
// it can tell its own changes from others' and notice an informer cache that lags behind its writes.
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import type { ServiceObject } from './utils';
import { LABEL_SERVICE_NAME } from './wellKnown';

/** DELETION_EXPECTED marks a slice the controller deleted and expects to see go. */
const DELETION_EXPECTED = -1;

export class EndpointSliceTracker {
  /** Expected generation by slice uid, per Service `namespace/name`. */
  private readonly generationsByService = new Map<string, Map<string, number>>();
  private readonly servicesByUID = new Map<string, string>();

  /** has: a generation is tracked for this slice. */
  has(slice: EndpointSlice): boolean {
    return this.generationsByService.get(serviceKey(slice))?.has(slice.metadata?.uid ?? '') ?? false;
  }

  /** shouldSync: the slice is unknown, or newer than what the controller wrote (someone else changed it). */
  shouldSync(slice: EndpointSlice): boolean {
    const g = this.generationsByService.get(serviceKey(slice))?.get(slice.metadata?.uid ?? '');
    return g === undefined || (slice.metadata?.generation ?? 0) > g;
  }

  /**
   * staleSlices: the cache lags behind the controller's writes for this Service (an older generation, a slice that
   * should be gone, or a slice it wrote that is not there yet). A Service re-created under the same name starts clean.
   */
  staleSlices(service: ServiceObject, slices: readonly EndpointSlice[]): boolean {
    const key = `${service.metadata.namespace}/${service.metadata.name}`;
    const uid = service.metadata.uid ?? '';
    const trackedUID = this.servicesByUID.get(key);
    if (trackedUID && uid && trackedUID !== uid) this.generationsByService.delete(key);
    this.servicesByUID.set(key, uid);
    const gfs = this.generationsByService.get(key);
    if (!gfs) return false;
    const provided = new Set<string>();
    for (const slice of slices) {
      const sliceUID = slice.metadata?.uid ?? '';
      provided.add(sliceUID);
      const g = gfs.get(sliceUID);
      if (g !== undefined && (g === DELETION_EXPECTED || g > (slice.metadata?.generation ?? 0))) return true;
    }
    for (const [sliceUID, g] of gfs) if (g !== DELETION_EXPECTED && !provided.has(sliceUID)) return true;
    return false;
  }

  /** update records the generation the controller just wrote. */
  update(slice: EndpointSlice): void {
    this.generationsFor(slice).set(slice.metadata?.uid ?? '', slice.metadata?.generation ?? 0);
  }

  /** expectDeletion records that the controller deleted the slice. */
  expectDeletion(slice: EndpointSlice): void {
    this.generationsFor(slice).set(slice.metadata?.uid ?? '', DELETION_EXPECTED);
  }

  /** handleDeletion forgets the slice; false if its deletion was not the controller's doing. */
  handleDeletion(slice: EndpointSlice): boolean {
    const gfs = this.generationsByService.get(serviceKey(slice));
    if (!gfs) return true;
    const uid = slice.metadata?.uid ?? '';
    const g = gfs.get(uid);
    gfs.delete(uid);
    return g === undefined || g === DELETION_EXPECTED;
  }

  deleteService(namespace: string, name: string): void {
    this.generationsByService.delete(`${namespace}/${name}`);
    this.servicesByUID.delete(`${namespace}/${name}`);
  }

  private generationsFor(slice: EndpointSlice): Map<string, number> {
    const key = serviceKey(slice);
    let gfs = this.generationsByService.get(key);
    if (!gfs) this.generationsByService.set(key, (gfs = new Map()));
    return gfs;
  }
}

function serviceKey(slice: EndpointSlice): string {
  return `${slice.metadata?.namespace}/${slice.metadata?.labels?.[LABEL_SERVICE_NAME] ?? ''}`;
}
