// Mirrors k8s.io/component-helpers/resource/helpers.go PodRequests / AggregateContainerRequests; leaves out
// pod-level resources and status (in-place resize) resources.
import type { Container, Pod } from 'kubernetes-types/core/v1';
import { parseQuantity } from '../../resource/quantity';

/**
 * ResourceAmounts is a v1.ResourceList parsed into milli-units for every resource (cpu in millicores, memory
 * in thousandths of a byte). Summing milli-values and rounding up only at the end keeps Quantity's exact
 * arithmetic for the sums PodRequests makes.
 */
export type ResourceAmounts = Record<string, number>;

/** DefaultMilliCPURequest is the cpu a container without a cpu request counts as when scoring (0.1 core). */
export const DefaultMilliCPURequest = 100;
/** DefaultMemoryRequest is the memory a container without a memory request counts as when scoring (200 MB). */
export const DefaultMemoryRequest = 200 * 1024 * 1024;

/**
 * parsedMilli remembers the milli-value of quantity strings: a cluster uses a handful of them ('100m', '500Mi')
 * over and over, and the scheduler reads every pod's requests several times per cycle.
 */
const parsedMilli = new Map<string, number>();
const parsedMilliLimit = 4096;

function milliValue(q: string | number): number {
  const key = String(q);
  let v = parsedMilli.get(key);
  if (v === undefined) {
    v = parseQuantity(key).milliValue();
    if (parsedMilli.size >= parsedMilliLimit) parsedMilli.clear();
    parsedMilli.set(key, v);
  }
  return v;
}

/** milliValues parses a ResourceList (`{cpu: '500m', memory: '1Gi'}`) into milli-units. */
export function milliValues(list: Readonly<Record<string, string | number>>): ResourceAmounts {
  const out: ResourceAmounts = {};
  for (const name in list) out[name] = milliValue(list[name]);
  return out;
}

/** PodResourcesOptions controls the behaviour of podRequests. */
export interface PodResourcesOptions {
  /** excludeOverhead leaves spec.overhead out of the result. */
  excludeOverhead?: boolean;
  /**
   * nonMissingContainerRequests (milli-units) replaces a container's *missing* request for a resource; an explicit
   * request, even zero, is kept. The scheduler passes cpu 100m / memory 200Mi for scoring.
   */
  nonMissingContainerRequests?: ResourceAmounts;
}

function addAmounts(into: ResourceAmounts, from: ResourceAmounts): void {
  for (const name in from) into[name] = (into[name] ?? 0) + from[name];
}

function maxAmounts(into: ResourceAmounts, from: ResourceAmounts): void {
  for (const name in from) {
    if (into[name] === undefined || from[name] > into[name]) into[name] = from[name];
  }
}

function containerRequests(c: Container, nonMissing: ResourceAmounts | undefined): ResourceAmounts {
  const reqs = milliValues((c.resources?.requests ?? {}) as Record<string, string | number>);
  if (nonMissing) {
    for (const name in nonMissing) if (reqs[name] === undefined) reqs[name] = nonMissing[name];
  }
  return reqs;
}

/**
 * podRequests computes the pod's resource requests in milli-units:
 * max(sum of app containers + sum of restartable (sidecar) init containers,
 *     max over regular init containers of (that init container + sidecars started before it)) + overhead.
 * See KEP-753 "exposing pod resource requirements".
 */
export function podRequests(pod: Pod, opts: PodResourcesOptions = {}): ResourceAmounts {
  const nonMissing = opts.nonMissingContainerRequests;
  const reqs: ResourceAmounts = {};
  for (const c of pod.spec?.containers ?? []) addAmounts(reqs, containerRequests(c, nonMissing));

  const restartableInitContainerReqs: ResourceAmounts = {};
  const initContainerReqs: ResourceAmounts = {};
  for (const c of pod.spec?.initContainers ?? []) {
    let cReqs = containerRequests(c, nonMissing);
    if (c.restartPolicy === 'Always') {
      // A sidecar keeps running: it adds to the pod's steady-state requests and to every later init container.
      addAmounts(reqs, cReqs);
      addAmounts(restartableInitContainerReqs, cReqs);
      cReqs = restartableInitContainerReqs;
    } else {
      const tmp: ResourceAmounts = {};
      addAmounts(tmp, cReqs);
      addAmounts(tmp, restartableInitContainerReqs);
      cReqs = tmp;
    }
    maxAmounts(initContainerReqs, cReqs);
  }
  maxAmounts(reqs, initContainerReqs);

  if (!opts.excludeOverhead && pod.spec?.overhead) {
    addAmounts(reqs, milliValues(pod.spec.overhead as Record<string, string | number>));
  }
  return reqs;
}
