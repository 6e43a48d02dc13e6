// What metrics-server would report (the Metrics API, metrics.k8s.io/v1beta1, fed by each kubelet's /metrics/resource):
// a deterministic model of CPU and memory use. There are no real processes to measure, so each container's use comes
// from what it runs: an idle server uses a few millicores and a small working set, `stress` uses what its arguments
// ask for, and served requests add CPU through the optional `metrics.requestRate` hook. Usage never exceeds a
// container's limits (CPU is throttled; memory at the limit would be an OOM kill, which the kubelet models).
import type { Container, ContainerStatus, Node, Pod } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../api/object';
import { parseQuantity } from '../../api/resource/quantity';
import type { VirtualMs } from '../../clock/virtualClock';
import { parseTime } from '../../clock/timeFormat';
import { programFor } from '../../kubelet/behaviour/program';
import { parseImageReference } from '../../kubelet/images/reference';

/**
 * MetricsHooks are what the rest of the simulation tells the model. requestRate is the requests per second a pod is
 * serving now (from the network model); each one costs the pod's containers CPU (`cpuPerRequest` of their image).
 */
export interface MetricsHooks {
  requestRate(podUid: string): number;
}

declare module '../verb' {
  interface KubectlExtensions {
    metrics?: MetricsHooks;
  }
}

/** metrics-server scrapes every 15 s: a container has no metrics before its first scrape. */
export const METRIC_RESOLUTION_MS = 15_000;

const Mi = 1024 * 1024;

export interface ResourceUsage {
  cpuMillis: number;
  memoryBytes: number;
}

export interface ContainerMetrics extends ResourceUsage {
  name: string;
}

export interface PodMetrics {
  namespace: string;
  name: string;
  containers: ContainerMetrics[];
}

/** Profile is an image's use when idle, and the CPU one request per second costs it. */
interface Profile {
  cpuMillis: number;
  memoryBytes: number;
  cpuPerRequest: number;
}

const SERVER: Profile = { cpuMillis: 1, memoryBytes: 12 * Mi, cpuPerRequest: 1 };
const SCRIPT: Profile = { cpuMillis: 0, memoryBytes: 0.5 * Mi, cpuPerRequest: 0 };
const JVM: Profile = { cpuMillis: 4, memoryBytes: 300 * Mi, cpuPerRequest: 2 };

/** PROFILES by repository (the tail of it: `library/nginx`, `coredns/coredns`), from typical `kubectl top` readings. */
const PROFILES: Readonly<Record<string, Profile>> = {
  'library/nginx': { cpuMillis: 0, memoryBytes: 3 * Mi, cpuPerRequest: 0.2 },
  'nginx-slim': { cpuMillis: 0, memoryBytes: 3 * Mi, cpuPerRequest: 0.2 },
  echoserver: { cpuMillis: 1, memoryBytes: 4 * Mi, cpuPerRequest: 0.3 },
  'library/httpd': { cpuMillis: 1, memoryBytes: 6 * Mi, cpuPerRequest: 0.5 },
  'library/redis': { cpuMillis: 2, memoryBytes: 4 * Mi, cpuPerRequest: 0.1 },
  redis: { cpuMillis: 2, memoryBytes: 4 * Mi, cpuPerRequest: 0.1 },
  'library/postgres': { cpuMillis: 1, memoryBytes: 25 * Mi, cpuPerRequest: 1 },
  'library/mysql': { cpuMillis: 5, memoryBytes: 360 * Mi, cpuPerRequest: 1 },
  'library/mongo': { cpuMillis: 5, memoryBytes: 80 * Mi, cpuPerRequest: 1 },
  'library/rabbitmq': { cpuMillis: 5, memoryBytes: 110 * Mi, cpuPerRequest: 1 },
  'coredns/coredns': { cpuMillis: 2, memoryBytes: 13 * Mi, cpuPerRequest: 0.1 },
  'ingress-nginx/controller': { cpuMillis: 2, memoryBytes: 45 * Mi, cpuPerRequest: 0.3 },
  // php-apache computes square roots for every request: the HPA walkthrough's load.
  'hpa-example': { cpuMillis: 1, memoryBytes: 10 * Mi, cpuPerRequest: 30 },
  'google-samples/hello-app': { cpuMillis: 0, memoryBytes: 2 * Mi, cpuPerRequest: 0.2 },
  pause: { cpuMillis: 0, memoryBytes: 0.25 * Mi, cpuPerRequest: 0 },
  'polinux/stress': { cpuMillis: 0, memoryBytes: 4 * Mi, cpuPerRequest: 0 },
  'vish/stress': { cpuMillis: 0, memoryBytes: 4 * Mi, cpuPerRequest: 0 },
  liveness: { cpuMillis: 0, memoryBytes: 2 * Mi, cpuPerRequest: 0.2 },
  'e2e-test-images/agnhost': { cpuMillis: 1, memoryBytes: 8 * Mi, cpuPerRequest: 0.3 },
  'weaveworksdemos/carts': JVM,
  'weaveworksdemos/orders': JVM,
  'weaveworksdemos/shipping': JVM,
  'weaveworksdemos/queue-master': JVM,
};

/** What the node itself uses besides its pods: kubelet, containerd and the OS, and on kubeadm's control-plane node
 * the static pods of etcd, kube-apiserver, kube-controller-manager and kube-scheduler, which Kubeplay does not list. */
const NODE_OVERHEAD: ResourceUsage = { cpuMillis: 20, memoryBytes: 230 * Mi };
const CONTROL_PLANE_OVERHEAD: ResourceUsage = { cpuMillis: 120, memoryBytes: 560 * Mi };
/** Each pod's sandbox (pause) and containerd shim. */
const POD_OVERHEAD_BYTES = 1 * Mi;

/**
 * podMetrics is the PodMetrics metrics-server serves for a pod: its running containers that have been scraped at
 * least once, or undefined when there are none.
 */
export function podMetrics(pod: Pod & KubeObject, now: VirtualMs, hooks?: MetricsHooks): PodMetrics | undefined {
  const containers = measuredContainers(pod, now, hooks).filter((c) => c.scraped);
  if (containers.length === 0) return undefined;
  return {
    namespace: pod.metadata.namespace ?? '',
    name: pod.metadata.name ?? '',
    containers: containers.map(({ name, cpuMillis, memoryBytes }) => ({ name, cpuMillis, memoryBytes })),
  };
}

/** nodeMetrics is a node's NodeMetrics: its own use plus its pods'; undefined when its kubelet is not Ready. */
export function nodeMetrics(node: Node & KubeObject, pods: readonly (Pod & KubeObject)[], now: VirtualMs, hooks?: MetricsHooks): ResourceUsage | undefined {
  const ready = node.status?.conditions?.find((c) => c.type === 'Ready')?.status === 'True';
  if (!ready) return undefined;
  const controlPlane = node.metadata.labels?.['node-role.kubernetes.io/control-plane'] !== undefined;
  const base = controlPlane ? CONTROL_PLANE_OVERHEAD : NODE_OVERHEAD;
  const usage = { cpuMillis: base.cpuMillis, memoryBytes: base.memoryBytes };
  usage.cpuMillis += Math.floor(jitter(`${node.metadata.name}`, now) * 0.2 * base.cpuMillis);
  for (const pod of pods) {
    if (pod.spec?.nodeName !== node.metadata.name || pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed') continue;
    usage.memoryBytes += POD_OVERHEAD_BYTES;
    for (const c of measuredContainers(pod, now, hooks)) {
      usage.cpuMillis += c.cpuMillis;
      usage.memoryBytes += c.memoryBytes;
    }
  }
  return usage;
}

interface Measured extends ContainerMetrics {
  scraped: boolean;
}

/** measuredContainers is the use of each running container of a pod, and whether metrics-server has scraped it. */
function measuredContainers(pod: Pod & KubeObject, now: VirtualMs, hooks?: MetricsHooks): Measured[] {
  const statuses = new Map<string, ContainerStatus>((pod.status?.containerStatuses ?? []).map((s) => [s.name, s]));
  const rate = hooks?.requestRate(pod.metadata.uid ?? '') ?? 0;
  const out: Measured[] = [];
  for (const container of pod.spec?.containers ?? []) {
    const started = parseTime(statuses.get(container.name)?.state?.running?.startedAt);
    if (started === undefined) continue;
    const usage = containerUsage(container, `${pod.metadata.uid}/${container.name}`, now, rate);
    out.push({ name: container.name, ...usage, scraped: now - started >= METRIC_RESOLUTION_MS });
  }
  return out;
}

/** containerUsage is one running container's use now: its profile, stress's arguments, requests, capped by limits. */
export function containerUsage(container: Container, seed: string, now: VirtualMs, requestRate: number): ResourceUsage {
  const profile = profileOf(container);
  const j = jitter(seed, now);
  let cpu = profile.cpuMillis + Math.round(j) + requestRate * profile.cpuPerRequest;
  let memory = profile.memoryBytes * (0.9 + 0.2 * jitter(seed, 0));
  const stress = stressLoad(container);
  if (stress) {
    cpu += stress.cpuMillis;
    memory += stress.memoryBytes;
  } else if (profile === SERVER) {
    // An unknown server's working set is about what its author requested for it.
    const requested = quantityOf(container.resources?.requests?.memory);
    if (requested !== undefined) memory = requested * (0.5 + 0.3 * jitter(seed, 0));
  }
  const cpuLimit = quantityOf(container.resources?.limits?.cpu, true);
  const memoryLimit = quantityOf(container.resources?.limits?.memory);
  if (cpuLimit !== undefined) cpu = Math.min(cpu, cpuLimit);
  if (memoryLimit !== undefined) memory = Math.min(memory, memoryLimit);
  return { cpuMillis: Math.ceil(cpu), memoryBytes: Math.floor(memory) };
}

function profileOf(container: Container): Profile {
  const repository = parseImageReference(container.image ?? '')?.repository ?? '';
  for (const [suffix, profile] of Object.entries(PROFILES)) if (repository.endsWith(`/${suffix}`)) return profile;
  return programFor(container).server ? SERVER : SCRIPT;
}

/**
 * stressLoad reads stress's arguments: polinux/stress `--cpu N` (N busy cores) and `--vm N --vm-bytes B` (B in
 * stress's units, k/m/g being powers of 1024; each vm worker keeps a core busy re-touching its memory unless
 * `--vm-hang` makes it sleep), vish/stress `-cpus N` and `-mem-total Q`.
 */
function stressLoad(container: Container): ResourceUsage | undefined {
  const argv = [...(container.command ?? []), ...(container.args ?? [])];
  const repository = parseImageReference(container.image ?? '')?.repository ?? '';
  if (!repository.endsWith('/stress') && !argv.some((a) => a === 'stress' || a.endsWith('/stress'))) return undefined;
  const value = (...names: string[]) => {
    const i = argv.findIndex((a) => names.includes(a));
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const cpus = Number(value('--cpu', '-c', '-cpus') ?? 0) || 0;
  const vms = Number(value('--vm', '-m') ?? 0) || 0;
  const vmBytes = stressBytes(value('--vm-bytes') ?? '256M');
  const memTotal = quantityOf(value('-mem-total')) ?? 0;
  const vmCpu = argv.includes('--vm-hang') ? 0 : vms * 1000;
  return { cpuMillis: cpus * 1000 + vmCpu, memoryBytes: vms * vmBytes + memTotal };
}

function stressBytes(text: string): number {
  const match = /^(\d+)([bBkKmMgG]?)$/.exec(text);
  if (!match) return 0;
  const unit = { '': 1, b: 1, k: 1024, m: Mi, g: 1024 * Mi }[match[2]!.toLowerCase() as '' | 'b' | 'k' | 'm' | 'g'];
  return Number(match[1]) * unit;
}

/** quantityOf parses a resource quantity: its value, or its milli-value when `milli` (CPU). */
function quantityOf(value: string | number | undefined, milli = false): number | undefined {
  if (value === undefined) return undefined;
  try {
    const q = parseQuantity(value);
    return milli ? q.milliValue() : q.value();
  } catch {
    return undefined;
  }
}

/**
 * jitter is a number in [0, 1) that changes with every scrape window (FNV-1a of the seed and the window), so two
 * replicas of one Deployment do not read the same and readings move a little between scrapes.
 */
function jitter(seed: string, now: VirtualMs): number {
  const text = `${seed}@${Math.floor(now / METRIC_RESOLUTION_MS)}`;
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h / 0x1_0000_0000;
}
