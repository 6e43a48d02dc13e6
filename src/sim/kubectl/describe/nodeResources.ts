// Mirrors k8s.io/kubectl/pkg/describe/describe.go describeNodeResource and getPodsTotalRequestsAndLimits, with
// k8s.io/component-helpers/resource PodRequests / PodLimits (init and sidecar containers, pod-level resources,
// overhead) over Quantities; leaves out UseStatusResources (the simulated kubelet reports no container resources).
import type { Container, Node, Pod, ResourceRequirements } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../api/object';
import { Quantity, tryParseQuantity } from '../../api/resource/quantity';
import type { VirtualMs } from '../../clock/virtualClock';
import { byteOrder } from './multiline';
import { LEVEL_0, LEVEL_1, type PrefixWriter } from './prefixWriter';
import { timestampSince } from './timestamps';

type ResourceList = Map<string, Quantity>;
type RawList = Readonly<Record<string, string | number>> | undefined;
type PodSpecWithResources = NonNullable<Pod['spec']> & { resources?: ResourceRequirements };

const ZERO = Quantity.fromValue(0, 'DecimalSI');

function parseList(list: RawList): ResourceList {
  const out: ResourceList = new Map();
  for (const [name, value] of Object.entries(list ?? {})) {
    const q = tryParseQuantity(value);
    if (q) out.set(name, q);
  }
  return out;
}

function addResourceList(into: ResourceList, from: ResourceList): void {
  for (const [name, q] of from) {
    const value = into.get(name);
    into.set(name, value ? value.add(q) : q);
  }
}

function maxResourceList(into: ResourceList, from: ResourceList): void {
  for (const [name, q] of from) {
    const value = into.get(name);
    if (!value || q.cmp(value) > 0) into.set(name, q);
  }
}

/** aggregate is AggregateContainerRequests/Limits: app containers plus sidecars, or the largest init step if more. */
function aggregate(pod: Pod, pick: (c: Container) => RawList): ResourceList {
  const total: ResourceList = new Map();
  for (const c of pod.spec?.containers ?? []) addResourceList(total, parseList(pick(c)));
  const restartable: ResourceList = new Map();
  const init: ResourceList = new Map();
  for (const c of pod.spec?.initContainers ?? []) {
    const own = parseList(pick(c));
    let step: ResourceList;
    if (c.restartPolicy === 'Always') {
      addResourceList(total, own);
      addResourceList(restartable, own);
      step = restartable;
    } else {
      step = new Map();
      addResourceList(step, own);
      addResourceList(step, restartable);
    }
    maxResourceList(init, step);
  }
  maxResourceList(total, init);
  return total;
}

/** isSupportedPodLevelResource: pod-level resources cover cpu, memory and hugepages. */
function isSupportedPodLevelResource(name: string): boolean {
  return name === 'cpu' || name === 'memory' || name.startsWith('hugepages-');
}

function withPodLevel(list: ResourceList, podLevel: RawList): void {
  for (const [name, q] of parseList(podLevel)) if (isSupportedPodLevelResource(name)) list.set(name, q);
}

/** podRequests is PodRequests: what the scheduler reserves for the pod on its node. */
export function podRequests(pod: Pod): ResourceList {
  const reqs = aggregate(pod, (c) => c.resources?.requests);
  withPodLevel(reqs, (pod.spec as PodSpecWithResources | undefined)?.resources?.requests);
  addResourceList(reqs, parseList(pod.spec?.overhead));
  return reqs;
}

/** podLimits is PodLimits: overhead is added only to resources that have a limit. */
export function podLimits(pod: Pod): ResourceList {
  const limits = aggregate(pod, (c) => c.resources?.limits);
  withPodLevel(limits, (pod.spec as PodSpecWithResources | undefined)?.resources?.limits);
  for (const [name, q] of parseList(pod.spec?.overhead)) {
    const value = limits.get(name);
    if (value) limits.set(name, value.add(q));
  }
  return limits;
}

/** percent is `int64(float64(a) / float64(b) * 100)`; Go turns NaN and infinities into the smallest int64. */
function percent(a: number, b: number): number | string {
  const v = (a / b) * 100;
  return Number.isFinite(v) ? Math.trunc(v) : '-9223372036854775808';
}

/** describeNodeResource prints `Non-terminated Pods:` with each pod's share and the `Allocated resources:` totals. */
export function describeNodeResource(pods: readonly (Pod & KubeObject)[], node: Node, w: PrefixWriter, now: VirtualMs): void {
  w.write(LEVEL_0, `Non-terminated Pods:\t(${pods.length} in total)\n`);
  w.write(LEVEL_1, 'Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge\n');
  w.write(LEVEL_1, '---------\t----\t\t------------\t----------\t---------------\t-------------\t---\n');
  const allocatable = parseList(Object.keys(node.status?.allocatable ?? {}).length > 0 ? node.status?.allocatable : node.status?.capacity);
  const get = (list: ResourceList, name: string) => list.get(name) ?? ZERO;
  const allocCpu = get(allocatable, 'cpu').milliValue();
  const allocMemory = get(allocatable, 'memory').value();
  for (const pod of pods) {
    const req = podRequests(pod);
    const limit = podLimits(pod);
    const [cpuReq, cpuLimit, memReq, memLimit] = [get(req, 'cpu'), get(limit, 'cpu'), get(req, 'memory'), get(limit, 'memory')];
    w.write(
      LEVEL_1,
      `${pod.metadata.namespace ?? ''}\t${pod.metadata.name ?? ''}\t\t` +
        `${cpuReq} (${percent(cpuReq.milliValue(), allocCpu)}%)\t${cpuLimit} (${percent(cpuLimit.milliValue(), allocCpu)}%)\t` +
        `${memReq} (${percent(memReq.value(), allocMemory)}%)\t${memLimit} (${percent(memLimit.value(), allocMemory)}%)\t` +
        `${timestampSince(pod.metadata.creationTimestamp, now)}\n`,
    );
  }

  w.write(LEVEL_0, 'Allocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n');
  w.write(LEVEL_1, 'Resource\tRequests\tLimits\n');
  w.write(LEVEL_1, '--------\t--------\t------\n');
  const reqs: ResourceList = new Map();
  const limits: ResourceList = new Map();
  for (const pod of pods) {
    addResourceList(reqs, podRequests(pod));
    addResourceList(limits, podLimits(pod));
  }
  // The totals guard against an empty allocatable: the fraction is then 0.
  const row = (name: string, value: (q: Quantity) => number) => {
    const alloc = value(get(allocatable, name));
    const share = (q: Quantity) => (alloc === 0 ? 0 : percent(value(q), alloc));
    w.write(LEVEL_1, `${name}\t${get(reqs, name)} (${share(get(reqs, name))}%)\t${get(limits, name)} (${share(get(limits, name))}%)\n`);
  };
  row('cpu', (q) => q.milliValue());
  row('memory', (q) => q.value());
  row('ephemeral-storage', (q) => q.value());
  const names = [...allocatable.keys()].sort(byteOrder);
  for (const name of names.filter((n) => n.startsWith('hugepages-'))) row(name, (q) => q.value());
  const standard = new Set(['cpu', 'memory', 'ephemeral-storage', 'pods']);
  for (const name of names.filter((n) => !n.startsWith('hugepages-') && !standard.has(n))) {
    w.write(LEVEL_1, `${name}\t${get(reqs, name)}\t${get(limits, name)}\n`);
  }
}
