// Mirrors k8s.io/endpointslice utils.go (podToEndpoint, getEndpointPorts, getEndpointAddresses, newEndpointSlice,
// ownedBy, getSliceToFill, addTriggerTimeAnnotation, ServiceControllerKey, setEndpointSliceLabels,
// getAddressTypesForService, isServiceIPSet, FindPort) and the pod helpers of util/controller_utils.go
// (ShouldPodBeInEndpoints, ShouldSetHostname, EndpointsEqualBeyondHash). Leaves out topology hints.
import type { Node, Pod, Service, ServicePort } from 'kubernetes-types/core/v1';
import type { Endpoint, EndpointPort, EndpointSlice } from 'kubernetes-types/discovery/v1';
import type { ObjectReference } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../api/object';
import { LabelTopologyZone } from '../../api/core/v1/wellKnownLabels';
import { rfc3339 } from '../../clock/timeFormat';
import type { VirtualMs } from '../../clock/virtualClock';
import { isPodReady, isPodTerminal } from '../podUtil';
import { canonicalIP } from './ipString';
import { ENDPOINTS_LAST_CHANGE_TRIGGER_TIME, IS_HEADLESS_SERVICE, LABEL_MANAGED_BY, LABEL_SERVICE_NAME } from './wellKnown';

export type ServiceObject = Service & KubeObject;
export type NodeObject = Node & KubeObject;
export type SliceObject = EndpointSlice & KubeObject;
export type AddressType = 'IPv4' | 'IPv6';

/** EndpointMeta is what slices are grouped by: the resolved ports and the address type. */
export interface EndpointMeta {
  ports: EndpointPort[];
  addressType: AddressType;
}

/**
 * podIPs are status.podIPs, or status.podIP alone: the API server fills podIPs from podIP when a client sets only
 * the latter (Convert_v1_PodStatus_To_core_PodStatus), so a controller always reads both.
 */
export function podIPs(pod: Pod): string[] {
  const ips = pod.status?.podIPs;
  if (ips && ips.length > 0) return ips.map((p) => p.ip ?? '');
  return pod.status?.podIP ? [pod.status.podIP] : [];
}

/**
 * shouldPodBeInEndpoints: a pod that finished (Succeeded, Failed) or has no IP yet is no endpoint; a terminating pod
 * is one only when the caller includes terminating pods.
 */
export function shouldPodBeInEndpoints(pod: Pod, includeTerminating: boolean): boolean {
  if (isPodTerminal(pod)) return false;
  if (podIPs(pod).length === 0) return false;
  return includeTerminating || !pod.metadata?.deletionTimestamp;
}

/** shouldSetHostname: a pod whose subdomain names this Service (a StatefulSet's) gets its hostname published. */
export function shouldSetHostname(pod: Pod, svc: Service): boolean {
  return !!pod.spec?.hostname && pod.spec.subdomain === svc.metadata?.name && svc.metadata?.namespace === pod.metadata?.namespace;
}

/** podToEndpoint builds a pod's endpoint: serving is Ready, and ready also needs the pod not to be terminating. */
export function podToEndpoint(pod: Pod & KubeObject, node: Node | undefined, service: Service, addressType: AddressType): Endpoint {
  const serving = isPodReady(pod);
  const terminating = pod.metadata.deletionTimestamp !== undefined;
  // For compatibility, ready is never true for a terminating pod unless publishNotReadyAddresses says so.
  const ready = !!service.spec?.publishNotReadyAddresses || (serving && !terminating);
  const ep: Endpoint = { addresses: getEndpointAddresses(pod, addressType), conditions: { ready, serving, terminating } };
  if (shouldSetHostname(pod, service)) ep.hostname = pod.spec?.hostname;
  ep.targetRef = { kind: 'Pod', namespace: pod.metadata.namespace, name: pod.metadata.name, uid: pod.metadata.uid };
  if (pod.spec?.nodeName) ep.nodeName = pod.spec.nodeName;
  const zone = node?.metadata?.labels?.[LabelTopologyZone];
  if (zone) ep.zone = zone;
  return ep;
}

/** getEndpointAddresses returns the pod's IPs of the slice's family, written canonically. */
export function getEndpointAddresses(pod: Pod, addressType: AddressType): string[] {
  const addresses: string[] = [];
  for (const raw of podIPs(pod)) {
    const ip = canonicalIP(raw);
    if (ip && ip.ipv6 === (addressType === 'IPv6')) addresses.push(ip.text);
  }
  return addresses;
}

/**
 * getEndpointPorts resolves every Service port for one pod (a named targetPort may be a different number on each
 * pod); a port the pod does not offer is skipped. A headless Service may have no ports at all.
 */
export function getEndpointPorts(service: Service, pod: Pod): EndpointPort[] {
  const ports: EndpointPort[] = [];
  for (const sp of service.spec?.ports ?? []) {
    const port = findPort(pod, sp);
    if (port === undefined) continue;
    ports.push({ name: sp.name ?? '', protocol: sp.protocol ?? 'TCP', port, ...(sp.appProtocol !== undefined ? { appProtocol: sp.appProtocol } : {}) });
  }
  return ports;
}

/**
 * findPort is FindPort: a numeric targetPort is used as is; a named one is looked up among the containers' ports
 * (and those of sidecars, init containers with restartPolicy Always) with the Service port's protocol.
 */
export function findPort(pod: Pod, svcPort: ServicePort): number | undefined {
  const target = svcPort.targetPort ?? svcPort.port;
  if (typeof target === 'number') return target;
  const protocol = svcPort.protocol ?? 'TCP';
  const sidecars = (pod.spec?.initContainers ?? []).filter((c) => c.restartPolicy === 'Always');
  for (const container of [...(pod.spec?.containers ?? []), ...sidecars]) {
    for (const port of container.ports ?? []) if (port.name === target && (port.protocol ?? 'TCP') === protocol) return port.containerPort;
  }
  return undefined;
}

/**
 * newEndpointSlice returns a slice to be created: named by the API server from `<service>-` (a Service name is a
 * DNS label, so the prefix is always a valid one), owned by the Service, labelled as setEndpointSliceLabels says.
 */
export function newEndpointSlice(service: ServiceObject, meta: EndpointMeta, controllerName: string): SliceObject {
  const slice: SliceObject = {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: {
      labels: {},
      generateName: `${service.metadata.name}-`,
      namespace: service.metadata.namespace,
      ownerReferences: [
        { apiVersion: 'v1', kind: 'Service', name: service.metadata.name ?? '', uid: service.metadata.uid ?? '', controller: true, blockOwnerDeletion: true },
      ],
    },
    addressType: meta.addressType,
    endpoints: [],
    ports: meta.ports,
  };
  slice.metadata.labels = setEndpointSliceLabels(slice, service, controllerName).labels;
  return slice;
}

/** ownedBy: the slice has an owner reference to this very Service (same uid). */
export function ownedBy(slice: EndpointSlice, svc: ServiceObject): boolean {
  return (slice.metadata?.ownerReferences ?? []).some((o) => o.uid === svc.metadata.uid && o.kind === 'Service' && o.apiVersion === 'v1');
}

/** getSliceToFill returns the slice that comes closest to full when `numEndpoints` are added, if any has room. */
export function getSliceToFill<T extends EndpointSlice>(slices: readonly T[], numEndpoints: number, maxEndpoints: number): T | undefined {
  let closestDiff = maxEndpoints;
  let closest: T | undefined;
  for (const slice of slices) {
    const diff = maxEndpoints - (numEndpoints + slice.endpoints.length);
    if (diff >= 0 && diff < closestDiff) {
      closestDiff = diff;
      closest = slice;
      if (diff === 0) return closest;
    }
  }
  return closest;
}

/** addTriggerTimeAnnotation stamps the trigger time, or removes the annotation when nothing new triggered the write. */
export function addTriggerTimeAnnotation(slice: EndpointSlice, triggerTime: VirtualMs | undefined): void {
  const annotations = { ...slice.metadata?.annotations };
  if (triggerTime !== undefined) annotations[ENDPOINTS_LAST_CHANGE_TRIGGER_TIME] = rfc3339(triggerTime);
  else delete annotations[ENDPOINTS_LAST_CHANGE_TRIGGER_TIME];
  slice.metadata = { ...slice.metadata, annotations };
  // An empty map is left out, as Go's omitempty leaves it out of the written object.
  if (Object.keys(annotations).length === 0) delete slice.metadata.annotations;
}

/** serviceControllerKey is ServiceControllerKey: `namespace/service` from the slice's service-name label. */
export function serviceControllerKey(slice: EndpointSlice): string | undefined {
  const name = slice.metadata?.labels?.[LABEL_SERVICE_NAME];
  return name ? `${slice.metadata?.namespace}/${name}` : undefined;
}

/**
 * setEndpointSliceLabels returns the labels a slice should carry: the Service's own labels (without the reserved
 * ones), the headless label for a Service without a cluster IP, the service name and the managing controller.
 * `changed` says whether the copied Service labels differ from the slice's, which alone warrants an update.
 */
export function setEndpointSliceLabels(slice: EndpointSlice, service: Service, controllerName: string): { labels: Record<string, string>; changed: boolean } {
  const sliceLabels = withoutReserved(slice.metadata?.labels);
  const svcLabels = withoutReserved(service.metadata?.labels);
  const keys = Object.keys(svcLabels);
  const changed = keys.length !== Object.keys(sliceLabels).length || keys.some((k) => sliceLabels[k] !== svcLabels[k]);
  if (!isServiceIPSet(service)) svcLabels[IS_HEADLESS_SERVICE] = '';
  svcLabels[LABEL_SERVICE_NAME] = service.metadata?.name ?? '';
  svcLabels[LABEL_MANAGED_BY] = controllerName;
  return { labels: svcLabels, changed };
}

function withoutReserved(labels: Readonly<Record<string, string>> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(labels ?? {})) if (k !== LABEL_SERVICE_NAME && k !== LABEL_MANAGED_BY && k !== IS_HEADLESS_SERVICE) out[k] = v;
  return out;
}

/** isServiceIPSet: the Service has a cluster IP (it is neither headless nor waiting for one). */
export function isServiceIPSet(service: Service): boolean {
  const ip = service.spec?.clusterIP;
  return ip !== undefined && ip !== '' && ip !== 'None';
}

/**
 * getAddressTypesForService: the Service's ipFamilies; without them (an old API server), the family of its
 * cluster IP, or both families for a headless Service.
 */
export function getAddressTypesForService(service: Service): AddressType[] {
  const types = new Set<AddressType>();
  for (const family of service.spec?.ipFamilies ?? []) {
    if (family === 'IPv4') types.add('IPv4');
    if (family === 'IPv6') types.add('IPv6');
  }
  if (types.size > 0) return [...types];
  if (isServiceIPSet(service)) return [service.spec!.clusterIP!.includes(':') ? 'IPv6' : 'IPv4'];
  return ['IPv4', 'IPv6'];
}

/**
 * endpointsEqualBeyondHash compares what the endpoint identity (addresses, hostname, pod) does not cover: node,
 * zone, conditions and the target reference except its resourceVersion.
 */
export function endpointsEqualBeyondHash(a: Endpoint, b: Endpoint): boolean {
  return (
    a.nodeName === b.nodeName &&
    a.zone === b.zone &&
    a.conditions?.ready === b.conditions?.ready &&
    a.conditions?.serving === b.conditions?.serving &&
    a.conditions?.terminating === b.conditions?.terminating &&
    sameReference(a.targetRef, b.targetRef)
  );
}

function sameReference(a: ObjectReference | undefined, b: ObjectReference | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return (
    (a.kind ?? '') === (b.kind ?? '') &&
    (a.namespace ?? '') === (b.namespace ?? '') &&
    (a.name ?? '') === (b.name ?? '') &&
    (a.uid ?? '') === (b.uid ?? '') &&
    (a.apiVersion ?? '') === (b.apiVersion ?? '') &&
    (a.fieldPath ?? '') === (b.fieldPath ?? '')
  );
}

