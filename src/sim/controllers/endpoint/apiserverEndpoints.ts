// Mirrors pkg/controlplane/reconcilers/endpointsadapter.go (Sync, updateEndpoints, updateEndpointSlice,
// listEndpointSlices) as the lease endpoint reconciler drives it for the `default/kubernetes` Service. Leaves out
// leases, several API servers and dual-stack: one API server, one address.
import type { Endpoints } from 'kubernetes-types/core/v1';
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import type { KubeObject } from '../../api/object';
import { deepCopy } from '../../store/deepCopy';
import { deepEqual } from '../../store/mergePatch';
import type { ApiClient, WriteContext } from '../../store/types';
import { canonicalIP } from '../endpointslice/ipString';
import { LABEL_SERVICE_NAME, LABEL_SKIP_MIRROR } from '../endpointslice/wellKnown';

/** The Service every API server publishes itself under. */
const SERVICE_NAMESPACE = 'default';
const SERVICE_NAME = 'kubernetes';
/** The API server's secure port, published as port `https`. */
export const APISERVER_PORT = 6443;
const ACTOR = 'kube-apiserver';

/**
 * reconcileApiserverEndpoints makes the `default/kubernetes` Endpoints and EndpointSlice list the API server at
 * `masterIP`:6443, as the API server's endpoint reconciler does (upstream repeats it every 10 s). It writes only
 * what differs, and deletes any other slice labelled for the Service.
 */
export function reconcileApiserverEndpoints(client: ApiClient, masterIP: string): void {
  syncEndpoints(client, masterIP);
  syncEndpointSlices(client, masterIP);
}

function syncEndpoints(client: ApiClient, ip: string): void {
  const current = client.get<Endpoints & KubeObject>('Endpoints', SERVICE_NAMESPACE, SERVICE_NAME);
  const endpoints: Endpoints & KubeObject = current
    ? deepCopy(current)
    : { apiVersion: 'v1', kind: 'Endpoints', metadata: { name: SERVICE_NAME, namespace: SERVICE_NAMESPACE } };
  // The EndpointSlice mirroring controller must not copy this object: the API server writes the slice itself.
  endpoints.metadata.labels = { [LABEL_SKIP_MIRROR]: 'true' };
  endpoints.subsets = [{ addresses: [{ ip }], ports: [{ name: 'https', port: APISERVER_PORT, protocol: 'TCP' }] }];
  const why = `the API server at ${ip}:${APISERVER_PORT} serves Service ${SERVICE_NAME}`;
  if (!current) client.create(endpoints, write(`created Endpoints ${SERVICE_NAME}: ${why}`));
  else if (!deepEqual(current.subsets, endpoints.subsets) || !deepEqual(current.metadata.labels, endpoints.metadata.labels)) {
    client.update(endpoints, write(`reset Endpoints ${SERVICE_NAME}: ${why}`));
  }
}

function syncEndpointSlices(client: ApiClient, ip: string): void {
  const addressType = canonicalIP(ip)?.ipv6 ? 'IPv6' : 'IPv4';
  const slices = client.list<EndpointSlice & KubeObject>('EndpointSlice', { namespace: SERVICE_NAMESPACE, labelSelector: `${LABEL_SERVICE_NAME}=${SERVICE_NAME}` });
  const current = slices.find((s) => s.metadata.name === SERVICE_NAME && s.addressType === addressType);
  // Any other slice for the Service (a stale one of another family) should not exist.
  for (const other of slices) {
    if (other === current) continue;
    client.delete('EndpointSlice', SERVICE_NAMESPACE, other.metadata.name ?? '', write(`deleted EndpointSlice ${other.metadata.name}: the API server keeps only slice ${SERVICE_NAME} for Service ${SERVICE_NAME}`));
  }
  const slice: EndpointSlice & KubeObject = current
    ? deepCopy(current)
    : { apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', metadata: { name: SERVICE_NAME, namespace: SERVICE_NAMESPACE }, addressType, endpoints: [] };
  // Only the service-name label: no managed-by, so the EndpointSlice controller leaves the slice alone.
  slice.metadata.labels = { [LABEL_SERVICE_NAME]: SERVICE_NAME };
  slice.addressType = addressType;
  slice.endpoints = [{ addresses: [ip], conditions: { ready: true } }];
  slice.ports = [{ name: 'https', protocol: 'TCP', port: APISERVER_PORT }];
  const why = `the API server at ${ip}:${APISERVER_PORT} serves Service ${SERVICE_NAME}`;
  if (!current) client.create(slice, write(`created EndpointSlice ${SERVICE_NAME}: ${why}`));
  else if (!deepEqual(current.endpoints, slice.endpoints) || !deepEqual(current.ports, slice.ports) || !deepEqual(current.metadata.labels, slice.metadata.labels)) {
    client.update(slice, write(`reset EndpointSlice ${SERVICE_NAME}: ${why}`));
  }
}

function write(reason: string): WriteContext {
  return { actor: ACTOR, reason };
}
