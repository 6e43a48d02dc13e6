// Mirrors pkg/api/v1/endpoints/util.go (RepackSubsets, SortSubsets, LessEndpointAddress), with the port -1 sentinel
// that keeps the addresses of a headless Service without ports. Leaves nothing out: the canonical layout, orders
// included, is upstream's, so an Endpoints object reads exactly as a real cluster's for the same pods.
import type { EndpointAddress, EndpointPort, EndpointSubset } from 'kubernetes-types/core/v1';
import { dumpEndpointPort, dumpEndpointSubset } from './dumpForHash';
import { md5Hex } from './md5';

/** The addresses that offer one port (each numbered in order of first sight), with their readiness for that port. */
type AddressSet = Map<{ addr: EndpointAddress; id: number }, boolean>;

/**
 * repackSubsets expands subsets to (address, port, ready) triples and packs them into the canonical layout: one
 * subset per distinct set of addresses, carrying every port those addresses share. Not ready trumps ready for an
 * address that appears both ways for the same port.
 */
export function repackSubsets(subsets: readonly EndpointSubset[]): EndpointSubset[] {
  // Addresses are de-duplicated by IP and target uid: two pods may share an IP (hostNetwork) and stay distinct.
  const allAddrs = new Map<string, { addr: EndpointAddress; id: number }>();
  const portToAddrReady = new Map<string, { port: EndpointPort | undefined; addrs: AddressSet }>();
  const mapAddress = (addr: EndpointAddress, entry: { addrs: AddressSet }, ready: boolean) => {
    const addrKey = `${addr.ip}\u0000${addr.targetRef?.uid ?? ''}`;
    let existing = allAddrs.get(addrKey);
    if (!existing) allAddrs.set(addrKey, (existing = { addr: { ...addr }, id: allAddrs.size }));
    const wasReady = entry.addrs.get(existing);
    if (wasReady === undefined || wasReady) entry.addrs.set(existing, ready);
  };
  for (const subset of subsets) {
    // A subset without ports (a headless Service without ports) still contributes its addresses.
    const ports: readonly (EndpointPort | undefined)[] = (subset.ports ?? []).length === 0 ? [undefined] : subset.ports!;
    for (const port of ports) {
      const portKey = port === undefined ? '' : JSON.stringify([port.name ?? '', port.port, port.protocol ?? '', port.appProtocol ?? null]);
      let entry = portToAddrReady.get(portKey);
      if (!entry) portToAddrReady.set(portKey, (entry = { port, addrs: new Map() }));
      for (const addr of subset.addresses ?? []) mapAddress(addr, entry, true);
      for (const addr of subset.notReadyAddresses ?? []) mapAddress(addr, entry, false);
    }
  }

  // Group the ports by the exact set of (address, ready) pairs that offers them.
  const groups = new Map<string, { addrs: AddressSet; ports: EndpointPort[] | undefined }>();
  for (const { port, addrs } of portToAddrReady.values()) {
    const key = [...addrs]
      .map(([a, ready]) => (ready ? a.id : -1 - a.id))
      .sort((x, y) => x - y)
      .join(',');
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { addrs, ports: undefined }));
    if (port !== undefined) (group.ports ??= []).push(port);
  }

  const final: EndpointSubset[] = [];
  for (const { addrs, ports } of groups.values()) {
    const ready: EndpointAddress[] = [];
    const notReady: EndpointAddress[] = [];
    for (const [{ addr }, r] of addrs) (r ? ready : notReady).push(addr);
    final.push({
      ...(ready.length > 0 ? { addresses: ready } : {}),
      ...(notReady.length > 0 ? { notReadyAddresses: notReady } : {}),
      ...(ports ? { ports } : {}),
    });
  }
  return sortSubsets(final);
}

/** sortSubsets sorts addresses by IP then uid, ports and then subsets by the MD5 of their Go dump, in place. */
export function sortSubsets(subsets: EndpointSubset[]): EndpointSubset[] {
  for (const ss of subsets) {
    ss.addresses?.sort(compareEndpointAddress);
    ss.notReadyAddresses?.sort(compareEndpointAddress);
    ss.ports?.sort(byHash(dumpEndpointPort));
  }
  return subsets.sort(byHash(dumpEndpointSubset));
}

/** compareEndpointAddress is LessEndpointAddress as a comparator: by IP bytes, then target uid (none first). */
export function compareEndpointAddress(a: EndpointAddress, b: EndpointAddress): number {
  if (a.ip !== b.ip) return a.ip < b.ip ? -1 : 1;
  const [ua, ub] = [a.targetRef?.uid, b.targetRef?.uid];
  if (ua === ub) return 0;
  if (ub === undefined) return 1;
  if (ua === undefined) return -1;
  return ua < ub ? -1 : ua > ub ? 1 : 0;
}

/** byHash orders values by the MD5 of their dump, hashing each value once. */
function byHash<T extends object>(dump: (value: T) => string): (a: T, b: T) => number {
  const hashes = new WeakMap<T, string>();
  const hashOf = (v: T) => {
    let h = hashes.get(v);
    if (h === undefined) hashes.set(v, (h = md5Hex(dump(v))));
    return h;
  };
  return (a, b) => {
    const [ha, hb] = [hashOf(a), hashOf(b)];
    return ha < hb ? -1 : ha > hb ? 1 : 0;
  };
}
