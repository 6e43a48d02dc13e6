// The reasons the Endpoints controller gives for its writes, in plain words with the numbers behind them.
import type { EndpointAddress, EndpointSubset, Pod } from 'kubernetes-types/core/v1';
import { names, whyNotReady } from '../endpointslice/narration';

/** addressState lists each pod (or bare IP) of the subsets once, with whether it is ready for every port. */
function addressState(subsets: readonly EndpointSubset[] | undefined): Map<string, boolean> {
  const state = new Map<string, boolean>();
  const nameOf = (a: EndpointAddress) => a.targetRef?.name ?? a.ip;
  for (const s of subsets ?? []) {
    for (const a of s.addresses ?? []) if (!state.has(nameOf(a))) state.set(nameOf(a), true);
    // Not ready for one port is not ready.
    for (const a of s.notReadyAddresses ?? []) state.set(nameOf(a), false);
  }
  return state;
}

/** podIPs maps each pod of the subsets to its IP. */
function podIPs(subsets: readonly EndpointSubset[] | undefined): Map<string, string> {
  const ips = new Map<string, string>();
  for (const s of subsets ?? []) for (const a of [...(s.addresses ?? []), ...(s.notReadyAddresses ?? [])]) if (a.targetRef?.name) ips.set(a.targetRef.name, a.ip);
  return ips;
}

/** summary: `3 addresses, 2 ready (pod web-x not ready: containers with unready status: [app])`. */
export function summary(subsets: readonly EndpointSubset[], podByName: (name: string) => Pod | undefined): string {
  const state = addressState(subsets);
  const notReady = [...state].filter(([, ready]) => !ready).map(([n]) => n);
  const head = `${state.size} address${state.size === 1 ? '' : 'es'}, ${state.size - notReady.length} ready`;
  if (notReady.length === 0) return head;
  if (notReady.length === 1) return `${head} (pod ${notReady[0]} ${whyNotReady(podByName(notReady[0]))})`;
  return `${head} (not ready: ${names(notReady)})`;
}

/** changes: `added web-z; removed web-y; web-x now ready; web-w now at 10.244.1.9`, or '' when only labels changed. */
export function changes(before: readonly EndpointSubset[] | undefined, after: readonly EndpointSubset[]): string {
  const [old, cur] = [addressState(before), addressState(after)];
  const parts: string[] = [];
  const lists: [string, string[]][] = [
    ['added', [...cur.keys()].filter((n) => !old.has(n))],
    ['removed', [...old.keys()].filter((n) => !cur.has(n))],
  ];
  for (const [verb, list] of lists) if (list.length > 0) parts.push(`${verb} ${names(list)}`);
  const states: [string, string[]][] = [
    ['now ready', [...cur].filter(([n, r]) => r && old.get(n) === false).map(([n]) => n)],
    ['no longer ready', [...cur].filter(([n, r]) => !r && old.get(n) === true).map(([n]) => n)],
  ];
  for (const [state, list] of states) if (list.length > 0) parts.push(`${names(list)} ${state}`);
  const [oldIPs, curIPs] = [podIPs(before), podIPs(after)];
  for (const [n, ip] of curIPs) if (oldIPs.has(n) && oldIPs.get(n) !== ip) parts.push(`${n} now at ${ip}`);
  return parts.join('; ');
}
