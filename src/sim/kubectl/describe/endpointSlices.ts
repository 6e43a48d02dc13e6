// Mirrors k8s.io/kubectl/pkg/describe/describe.go formatEndpointSlices: the `Endpoints:` of a Service port and the
// backends of an Ingress path.
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import type { KubeObject } from '../../api/object';
import type { ApiClient } from '../../store/types';

export type EndpointSliceObject = EndpointSlice & KubeObject;

/** LABEL_SERVICE_NAME ties an EndpointSlice to its Service. */
const LABEL_SERVICE_NAME = 'kubernetes.io/service-name';

/** endpointSlicesFor lists the EndpointSlices of a Service. */
export function endpointSlicesFor(client: ApiClient, namespace: string, service: string): EndpointSliceObject[] {
  return client.list<EndpointSliceObject>('EndpointSlice', { namespace, labelSelector: `${LABEL_SERVICE_NAME}=${service}` });
}

/**
 * formatEndpointSlices lists the ready endpoints as `ip:port` for the named ports (every port when ports is
 * undefined), the first three and then ` + N more...`; `<none>` without slices.
 */
export function formatEndpointSlices(slices: readonly EndpointSlice[], ports: ReadonlySet<string> | undefined): string {
  if (slices.length === 0) return '<none>';
  const max = 3;
  const list: string[] = [];
  let more = false;
  let count = 0;
  // Upstream checks for the limit before it skips a not-ready endpoint, so a skipped one can still set `more`.
  const visit = (ready: boolean | undefined, text: () => string) => {
    if (list.length === max) more = true;
    if (ready === false) return;
    if (!more) list.push(text());
    count++;
  };
  for (const slice of slices) {
    const endpoints = slice.endpoints ?? [];
    if (!slice.ports || slice.ports.length === 0) {
      // A headless Service may have no ports.
      for (const ep of endpoints) visit(ep.conditions?.ready, () => ep.addresses[0]);
      continue;
    }
    for (const port of slice.ports) {
      if (ports && !ports.has(port.name ?? '')) continue;
      for (const ep of endpoints) visit(ep.conditions?.ready, () => joinHostPort(ep.addresses[0], String(port.port ?? 0)));
    }
  }
  const ret = list.join(',');
  return more ? `${ret} + ${count - max} more...` : ret;
}

function joinHostPort(host: string, port: string): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}
