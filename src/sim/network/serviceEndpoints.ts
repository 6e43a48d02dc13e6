// Mirrors pkg/proxy/endpointslicecache.go (addEndpoints: one endpoint per address[0] and slice port, nil ready and
// nil serving mean true, nil terminating false; endpoints sorted by "ip:port"; a port without a number is skipped) and
// pkg/proxy/types.go ServicePortName.String. Leaves out IP families other than IPv4, zone hints and FQDN slices.
import type { ServicePort } from 'kubernetes-types/core/v1';
import type { EndpointSliceObject, ServiceObject } from './types';

/** ServiceEndpoint is one backend of one service port, as kube-proxy keeps it. */
export interface ServiceEndpoint {
  ip: string;
  /** The target port: the EndpointSlice port with the service port's name. */
  port: number;
  nodeName: string | undefined;
  hostname: string | undefined;
  /** The pod behind the endpoint, `namespace/name`, when the slice names one. */
  pod: string | undefined;
  ready: boolean;
  serving: boolean;
  terminating: boolean;
}

/** endpointKey is "ip:port", the order and identity kube-proxy gives endpoints. */
export function endpointKey(ep: ServiceEndpoint): string {
  return `${ep.ip}:${ep.port}`;
}

/**
 * servicePortName is ServicePortName.String(): `namespace/name:port-name`, or `namespace/name` for an unnamed
 * port. kube-proxy's rule comments and messages use it.
 */
export function servicePortName(svc: ServiceObject, port: ServicePort): string {
  return `${svc.metadata.namespace}/${svc.metadata.name}${port.name ? `:${port.name}` : ''}`;
}

/**
 * endpointsForServicePort collects the endpoints of the slice ports whose name and protocol are the service port's,
 * de-duplicated by "ip:port" and sorted by it.
 */
export function endpointsForServicePort(slices: readonly EndpointSliceObject[], port: ServicePort): ServiceEndpoint[] {
  const name = port.name ?? '';
  const protocol = port.protocol ?? 'TCP';
  const byKey = new Map<string, ServiceEndpoint>();
  for (const slice of slices) {
    if (slice.addressType !== 'IPv4') continue;
    for (const p of slice.ports ?? []) {
      if ((p.name ?? '') !== name || (p.protocol ?? 'TCP') !== protocol || !p.port) continue;
      for (const ep of slice.endpoints ?? []) {
        const ip = ep.addresses?.[0];
        if (!ip) continue;
        const ready = ep.conditions?.ready ?? true;
        const endpoint: ServiceEndpoint = {
          ip,
          port: p.port,
          nodeName: ep.nodeName,
          hostname: ep.hostname,
          pod: ep.targetRef?.kind === 'Pod' ? `${ep.targetRef.namespace ?? slice.metadata.namespace}/${ep.targetRef.name}` : undefined,
          ready,
          serving: ep.conditions?.serving ?? true,
          terminating: ep.conditions?.terminating ?? false,
        };
        // One IP in two slices: a pod moving between slices, or a new pod reusing a terminating pod's IP. The
        // running one wins.
        const key = endpointKey(endpoint);
        if (!byKey.has(key) || !endpoint.terminating) byKey.set(key, endpoint);
      }
    }
  }
  return [...byKey.values()].sort((a, b) => compare(endpointKey(a), endpointKey(b)));
}

/** findServicePort finds a Service's port by number or by name (an Ingress backend names it either way). */
export function findServicePort(svc: ServiceObject, port: { number?: number; name?: string }): ServicePort | undefined {
  return (svc.spec?.ports ?? []).find((p) => (port.name ? p.name === port.name : p.port === port.number));
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
