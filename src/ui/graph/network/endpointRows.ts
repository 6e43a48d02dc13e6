// A Service's endpoints as its EndpointSlices list them, read the way api/discovery/v1/types.go says consumers must
// (ready nil means ready, serving nil defers to ready, terminating nil means not terminating) and grouped by the
// kubernetes.io/service-name label, as pkg/proxy/endpointslicecache.go does. Leaves out ports and topology hints.
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import { byNaturalName } from '../layout';

/** The label an EndpointSlice names its Service with (discovery.LabelServiceName). */
export const SERVICE_NAME_LABEL = 'kubernetes.io/service-name';

/** EndpointRow is one endpoint of a Service: the pod behind it (if any), its address and conditions. */
export interface EndpointRow {
  /** `namespace/name` of the pod of targetRef; undefined for an address no pod stands behind. */
  pod: string | undefined;
  ip: string;
  ready: boolean;
  serving: boolean;
  terminating: boolean;
  node: string | undefined;
}

/** slicesByService indexes EndpointSlices by the `namespace/name` of the Service their label names. */
export function slicesByService(slices: Iterable<EndpointSlice>): Map<string, EndpointSlice[]> {
  const out = new Map<string, EndpointSlice[]>();
  for (const slice of slices) {
    const service = slice.metadata?.labels?.[SERVICE_NAME_LABEL];
    if (!service) continue;
    const key = `${slice.metadata?.namespace ?? ''}/${service}`;
    const list = out.get(key);
    if (list) list.push(slice);
    else out.set(key, [slice]);
  }
  return out;
}

/** Each slice's endpoints read once: slices that did not change keep their rows from one batch to the next. */
const sliceRows = new WeakMap<EndpointSlice, EndpointRow[]>();

function rowsOf(slice: EndpointSlice): EndpointRow[] {
  let rows = sliceRows.get(slice);
  if (rows) return rows;
  rows = [];
  for (const ep of slice.endpoints ?? []) {
    const ip = ep.addresses?.[0];
    if (!ip) continue;
    const ready = ep.conditions?.ready ?? true;
    const target = ep.targetRef?.kind === 'Pod' ? ep.targetRef : undefined;
    rows.push({
      pod: target ? `${target.namespace ?? slice.metadata?.namespace ?? ''}/${target.name}` : undefined,
      ip,
      ready,
      serving: ep.conditions?.serving ?? ready,
      terminating: ep.conditions?.terminating ?? false,
      node: ep.nodeName,
    });
  }
  sliceRows.set(slice, rows);
  return rows;
}

/**
 * endpointRows lists the endpoints of a Service's slices once per address (an address may sit in two slices while
 * the controller moves it), in slice order: counting and drawing need no order, and sorting 2,000 names on every
 * EndpointSlice update of a rollout would cost more than the rest.
 */
export function endpointRows(slices: readonly EndpointSlice[] | undefined): EndpointRow[] {
  if (!slices || slices.length === 0) return [];
  if (slices.length === 1) return rowsOf(slices[0]);
  const seen = new Set<string>();
  const out: EndpointRow[] = [];
  for (const slice of slices) {
    for (const row of rowsOf(slice)) {
      if (seen.has(row.ip)) continue;
      seen.add(row.ip);
      out.push(row);
    }
  }
  return out;
}

/** byPodName orders rows as a person reads them: by pod name (web-2 before web-10), then address. */
export function byPodName(a: EndpointRow, b: EndpointRow): number {
  return byNaturalName(a.pod ?? '', b.pod ?? '') || byNaturalName(a.ip, b.ip);
}

/** EndpointCounts: how many endpoints a Service has, how many are ready, how many are terminating. */
export interface EndpointCounts {
  ready: number;
  total: number;
  terminating: number;
}

export function countEndpoints(rows: readonly EndpointRow[]): EndpointCounts {
  let ready = 0;
  let terminating = 0;
  for (const r of rows) {
    if (r.ready) ready++;
    if (r.terminating) terminating++;
  }
  return { ready, total: rows.length, terminating };
}

/** endpointsText says it in words: `2/3 ready`, `2/3 ready, 1 terminating`, `no endpoints`. */
export function endpointsText({ ready, total, terminating }: EndpointCounts): string {
  if (total === 0) return 'no endpoints';
  return `${ready}/${total} ready${terminating > 0 ? `, ${terminating} terminating` : ''}`;
}
