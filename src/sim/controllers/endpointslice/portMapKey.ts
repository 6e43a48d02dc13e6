// Mirrors k8s.io/endpointslice/util controller_utils.go NewPortMapKey and portsInOrder: ports are ordered by the
// FNV-128a hash of their Go dump (k8s.io/utils/dump ForHash of discovery/v1 EndpointPort, checked byte for byte
// against go-spew 1.1.1), so a slice lists its ports in the order a real controller writes them. The key itself
// only groups equal port lists, so it is their canonical JSON rather than upstream's hash of the list.
import type { EndpointPort } from 'kubernetes-types/discovery/v1';
import { fnv128aHex } from './fnv128a';

/** PortMapKey identifies one list of endpoint ports: pods with the same resolved ports share slices. */
export type PortMapKey = string;

/** Hashes by dump: a cluster has few distinct ports, and hashing (BigInt arithmetic) is slow. */
const hashCache = new Map<string, string>();
const HASH_CACHE_SIZE = 1024;

/**
 * newPortMapKey sorts `ports` in place, as upstream's sort.Sort does (the sorted list becomes the slice's ports), and
 * returns the key of the list.
 */
export function newPortMapKey(ports: EndpointPort[]): PortMapKey {
  const hashes = new Map(ports.map((p) => [p, portHash(p)]));
  ports.sort((a, b) => {
    const [ha, hb] = [hashes.get(a)!, hashes.get(b)!];
    return ha < hb ? -1 : ha > hb ? 1 : 0;
  });
  return JSON.stringify(ports.map((p) => [p.name ?? null, p.protocol ?? null, p.port ?? null, p.appProtocol ?? null]));
}

/** dumpEndpointPort is ForHash(discovery.EndpointPort): every field is a pointer, printed `<nil>` when unset. */
export function dumpEndpointPort(p: EndpointPort): string {
  const ptr = (v: string | number | undefined) => (v === undefined ? '<nil>' : String(v));
  return `(v1.EndpointPort){Name:(*string)${ptr(p.name)} Protocol:(*v1.Protocol)${ptr(p.protocol)} Port:(*int32)${ptr(p.port)} AppProtocol:(*string)${ptr(p.appProtocol)}}`;
}

function portHash(p: EndpointPort): string {
  const dump = dumpEndpointPort(p);
  let hash = hashCache.get(dump);
  if (hash === undefined) {
    if (hashCache.size >= HASH_CACHE_SIZE) hashCache.clear();
    hash = fnv128aHex(dump);
    hashCache.set(dump, hash);
  }
  return hash;
}
