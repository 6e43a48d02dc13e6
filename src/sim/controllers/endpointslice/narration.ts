// The reasons the EndpointSlice controller gives for its writes, in plain words with the numbers behind them.
import type { Pod } from 'kubernetes-types/core/v1';
import type { Endpoint } from 'kubernetes-types/discovery/v1';
import { getPodReadyCondition } from '../podUtil';

/** How many pod names a reason lists before it says "and N more". */
const MAX_NAMES = 3;

/** names lists a few names: `a, b, c and 4 more`. */
export function names(list: readonly string[]): string {
  if (list.length <= MAX_NAMES) return list.join(', ');
  return `${list.slice(0, MAX_NAMES).join(', ')} and ${list.length - MAX_NAMES} more`;
}

/** whyNotReady says why a pod is no ready endpoint: terminating, or its Ready condition's message. */
export function whyNotReady(pod: Pod | undefined): string {
  if (pod?.metadata?.deletionTimestamp) return 'terminating';
  const message = pod ? getPodReadyCondition(pod)?.message : undefined;
  return message ? `not ready: ${message}` : 'not ready';
}

/**
 * summary counts endpoints and ready ones, naming the pods that are not ready: `3 endpoints, 2 ready (pod web-x not
 * ready: containers with unready status: [app])`.
 */
export function summary(endpoints: readonly Endpoint[], podByName: (name: string) => Pod | undefined): string {
  const notReady = endpoints.filter((ep) => !ep.conditions?.ready).map((ep) => ep.targetRef?.name ?? ep.addresses[0]);
  const head = `${endpoints.length} endpoint${endpoints.length === 1 ? '' : 's'}, ${endpoints.length - notReady.length} ready`;
  if (notReady.length === 0) return head;
  if (notReady.length === 1) return `${head} (pod ${notReady[0]} ${whyNotReady(podByName(notReady[0]))})`;
  return `${head} (not ready: ${names(notReady)})`;
}

/**
 * changes describes how a slice's endpoints moved: `added web-z; removed web-y; web-x now ready; web-w terminating;
 * web-v now at 10.244.1.9`. It is empty when only a node or zone changed.
 */
export function changes(before: readonly Endpoint[], after: readonly Endpoint[]): string {
  const byName = (eps: readonly Endpoint[]) => new Map(eps.map((ep) => [ep.targetRef?.name ?? ep.addresses.join(','), ep]));
  const [old, cur] = [byName(before), byName(after)];
  const kept = [...cur].filter(([n]) => old.has(n)).map(([n, ep]) => ({ n, was: old.get(n)!.conditions ?? {}, now: ep.conditions ?? {} }));
  const startedTerminating = kept.filter((e) => e.now.terminating && !e.was.terminating);
  const rest = kept.filter((e) => !(e.now.terminating && !e.was.terminating));
  const groups: [string, string[]][] = [
    ['added', [...cur.keys()].filter((n) => !old.has(n))],
    ['removed', [...old.keys()].filter((n) => !cur.has(n))],
  ];
  const parts = groups.filter(([, list]) => list.length > 0).map(([verb, list]) => `${verb} ${names(list)}`);
  const states: [string, string[]][] = [
    ['terminating', startedTerminating.map((e) => e.n)],
    ['now ready', rest.filter((e) => e.now.ready && !e.was.ready).map((e) => e.n)],
    ['no longer ready', rest.filter((e) => !e.now.ready && e.was.ready).map((e) => e.n)],
    ['stopped serving', rest.filter((e) => e.now.ready === e.was.ready && !e.now.serving && e.was.serving).map((e) => e.n)],
  ];
  for (const [state, list] of states) if (list.length > 0) parts.push(`${names(list)} ${state}`);
  for (const [n, ep] of cur) {
    const was = old.get(n);
    if (was && was.addresses.join(',') !== ep.addresses.join(',')) parts.push(`${n} now at ${ep.addresses.join(', ')}`);
  }
  return parts.join('; ');
}

/** selectorText prints a Service selector as kubectl does: `app=web,tier=front`. */
export function selectorText(selector: Readonly<Record<string, string>> | undefined): string {
  return Object.entries(selector ?? {})
    .map(([k, v]) => `${k}=${v}`)
    .join(',');
}

/** whyEmpty explains a placeholder slice: no pod matches, or none of the matching pods can be an endpoint yet. */
export function whyEmpty(podsMatching: number, selector: string): string {
  if (podsMatching === 0) return `no pod matches its selector ${selector}`;
  return `${podsMatching === 1 ? 'the 1 pod' : `none of the ${podsMatching} pods`} matching ${selector} ${podsMatching === 1 ? 'is not' : 'is'} running with an IP yet`;
}
