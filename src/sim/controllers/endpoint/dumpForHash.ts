// Mirrors k8s.io/utils/dump ForHash (go-spew `%#v` with SortKeys, DisablePointerAddresses, DisableCapacities) for the
// core/v1 types that pkg/api/v1/endpoints hashes: EndpointSubset, EndpointAddress, ObjectReference, EndpointPort.
// Leaves out every other type: spew's output for these was checked byte for byte against go-spew 1.1.1.
import type { EndpointAddress, EndpointPort, EndpointSubset, ObjectReference } from 'kubernetes-types/core/v1';

/** dumpEndpointPort is ForHash(v1.EndpointPort): what portsByHash hashes. */
export function dumpEndpointPort(port: EndpointPort): string {
  return `(v1.EndpointPort)${portFields(port)}`;
}

/** dumpEndpointSubset is ForHash(v1.EndpointSubset): what subsetsByHash hashes. An absent list is Go's nil slice. */
export function dumpEndpointSubset(subset: EndpointSubset): string {
  return (
    `(v1.EndpointSubset){Addresses:([]v1.EndpointAddress)${list(subset.addresses, addressFields)} ` +
    `NotReadyAddresses:([]v1.EndpointAddress)${list(subset.notReadyAddresses, addressFields)} ` +
    `Ports:([]v1.EndpointPort)${list(subset.ports, portFields)}}`
  );
}

function list<T>(items: readonly T[] | undefined, fields: (item: T) => string): string {
  return items === undefined ? '<nil>' : `[${items.map(fields).join(' ')}]`;
}

function portFields(p: EndpointPort): string {
  return `{Name:(string)${p.name ?? ''} Port:(int32)${p.port} Protocol:(v1.Protocol)${p.protocol ?? ''} AppProtocol:(*string)${pointer(p.appProtocol)}}`;
}

function addressFields(a: EndpointAddress): string {
  const ref = a.targetRef === undefined ? '<nil>' : referenceFields(a.targetRef);
  return `{IP:(string)${a.ip} Hostname:(string)${a.hostname ?? ''} NodeName:(*string)${pointer(a.nodeName)} TargetRef:(*v1.ObjectReference)${ref}}`;
}

function referenceFields(r: ObjectReference): string {
  return (
    `{Kind:(string)${r.kind ?? ''} Namespace:(string)${r.namespace ?? ''} Name:(string)${r.name ?? ''} UID:(types.UID)${r.uid ?? ''} ` +
    `APIVersion:(string)${r.apiVersion ?? ''} ResourceVersion:(string)${r.resourceVersion ?? ''} FieldPath:(string)${r.fieldPath ?? ''}}`
  );
}

/** pointer prints a *string: its value, or `<nil>` when unset. */
function pointer(value: string | undefined): string {
  return value === undefined ? '<nil>' : value;
}
