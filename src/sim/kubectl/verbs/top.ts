// Mirrors k8s.io/kubectl/pkg/cmd/top (top.go, top_node.go, top_pod.go) and pkg/metricsutil/metrics_printer.go: every
// cell ends with a tab, so columns keep their padding up to the last one. The Metrics API is metrics/usage.ts.
// Leaves out --show-swap and protocol buffers (accepted, no effect).
import type { Node, Pod } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../api/object';
import { statusErrors } from '../../api/statusError';
import { parseQuantity } from '../../api/resource/quantity';
import type { VirtualMs } from '../../clock/virtualClock';
import { parseTime } from '../../clock/timeFormat';
import type { ParsedArgs } from '../commandLine';
import { flags } from '../flags';
import { nodeMetrics, podMetrics, type ContainerMetrics, type PodMetrics, type ResourceUsage } from '../metrics/usage';
import { TabWriter } from '../tabwriter';
import { KubectlError, namespaceOf, usageError, type KubectlContext, type KubectlResult, type Verb } from '../verb';

type PodObject = Pod & KubeObject;
type NodeObject = Node & KubeObject;

/** kubectl blames a missing pod metric on the pod's age only after this long (metricsCreationDelay). */
const METRICS_CREATION_DELAY_MS = 2 * 60_000;
const Mi = 1024 * 1024;

const sortBy = { name: 'sort-by', type: 'string', usage: "If non-empty, sort pods list using specified field. The field can be either 'cpu' or 'memory'." } as const;
const noHeaders = { name: 'no-headers', type: 'bool', usage: 'If present, print output without headers.' } as const;
const protobuf = { name: 'use-protocol-buffers', type: 'bool', default: true, usage: 'Enables using protocol-buffers to access Metrics API.' } as const;

const topNodeVerb: Verb = {
  name: 'node',
  aliases: ['nodes', 'no'],
  short: 'Display resource (CPU/memory) usage of nodes',
  long: 'Display resource (CPU/memory) usage of nodes.\n\n The top-node command allows you to see the resource consumption of nodes.',
  use: 'node [NAME | -l label]',
  example: ['  # Show metrics for all nodes', '  kubectl top node', '', '  # Show metrics for a given node', '  kubectl top node NODE_NAME'].join('\n'),
  flags: [
    flags.selector,
    { ...sortBy, usage: "If non-empty, sort nodes list using specified field. The field can be either 'cpu' or 'memory'." },
    noHeaders,
    protobuf,
    { name: 'show-capacity', type: 'bool', usage: 'Print node resources based on Capacity instead of Allocatable(default) of the nodes.' },
  ],
  run: runTopNode,
};

const topPodVerb: Verb = {
  name: 'pod',
  aliases: ['pods', 'po'],
  short: 'Display resource (CPU/memory) usage of pods',
  long: "Display resource (CPU/memory) usage of pods.\n\n The 'top pod' command allows you to see the resource consumption of pods.\n\n Due to the metrics pipeline delay, they may be unavailable for a few minutes since pod creation.",
  use: 'pod [NAME | -l label]',
  example: [
    '  # Show metrics for all pods in the default namespace',
    '  kubectl top pod',
    '',
    '  # Show metrics for all pods in the given namespace',
    '  kubectl top pod --namespace=NAMESPACE',
    '',
    '  # Show metrics for a given pod and its containers',
    '  kubectl top pod POD_NAME --containers',
  ].join('\n'),
  flags: [
    flags.selector,
    flags.fieldSelector,
    sortBy,
    { name: 'containers', type: 'bool', usage: 'If present, print usage of containers within a pod.' },
    flags.allNamespaces,
    noHeaders,
    protobuf,
    { name: 'sum', type: 'bool', usage: 'Print the sum of the resource usage' },
  ],
  run: runTopPod,
};

export const topVerb: Verb = {
  name: 'top',
  short: 'Display resource (CPU/memory) usage',
  long: 'Display resource (CPU/memory) usage.\n\n The top command allows you to see the resource consumption for nodes or pods.\n\n This command requires Metrics Server to be correctly configured and working on the server.',
  group: 'Cluster Management Commands',
  use: 'top',
  flags: [],
  subcommands: [topNodeVerb, topPodVerb],
};

function checkSortBy(args: ParsedArgs): string {
  const by = args.string('sort-by');
  if (by && by !== 'cpu' && by !== 'memory') throw new KubectlError('--sort-by accepts only cpu or memory');
  return by;
}

function runTopNode(ctx: KubectlContext, args: ParsedArgs): KubectlResult {
  if (args.positionals.length > 1) throw usageError('kubectl top node', 'node [NAME | -l label]');
  const name = args.positionals[0];
  const selector = args.string('selector');
  const by = checkSortBy(args);
  const pods = ctx.client.list<PodObject>('Pod');
  const now = ctx.now();
  const hooks = ctx.extensions?.metrics;
  let nodes: NodeObject[];
  if (name !== undefined) {
    const node = ctx.client.get<NodeObject>('Node', '', name);
    if (!node || !nodeMetrics(node, pods, now, hooks)) throw statusErrors.notFound('nodemetrics', 'metrics.k8s.io', name);
    nodes = [node];
  } else {
    nodes = ctx.client.list<NodeObject>('Node', { labelSelector: selector || undefined });
  }
  const measured = nodes.flatMap((node) => {
    const usage = nodeMetrics(node, pods, now, hooks);
    return usage ? [{ node, usage }] : [];
  });
  if (measured.length === 0) throw new KubectlError('metrics not available yet');
  measured.sort((a, b) => compareUsage(a.usage, b.usage, by) || compare(a.node.metadata.name, b.node.metadata.name));
  const w = new TabWriter();
  if (!args.bool('no-headers')) w.write(cells(['NAME', 'CPU(cores)', 'CPU(%)', 'MEMORY(bytes)', 'MEMORY(%)']));
  const available = (node: NodeObject) => (args.bool('show-capacity') ? node.status?.capacity : node.status?.allocatable) ?? {};
  for (const { node, usage } of measured) {
    const cpu = parseQuantity(available(node).cpu ?? '0').milliValue();
    const memory = parseQuantity(available(node).memory ?? '0').value();
    w.write(cells([node.metadata.name ?? '', cpuText(usage.cpuMillis), percent(usage.cpuMillis, cpu), memoryText(usage.memoryBytes), percent(usage.memoryBytes, memory)]));
  }
  // Nodes whose kubelet does not answer are listed last, unknown.
  for (const node of nodes) {
    if (measured.some((m) => m.node === node)) continue;
    w.write(cells([node.metadata.name ?? '', '<unknown>', '<unknown>', '<unknown>', '<unknown>']));
  }
  return { stdout: w.flush(), stderr: '', exitCode: 0 };
}

function runTopPod(ctx: KubectlContext, args: ParsedArgs): KubectlResult {
  if (args.positionals.length > 1) throw usageError('kubectl top pod', 'pod [NAME | -l label]');
  const name = args.positionals[0];
  const by = checkSortBy(args);
  const labelSelector = args.string('selector') || undefined;
  const fieldSelector = args.string('field-selector') || undefined;
  if (name !== undefined && (labelSelector || fieldSelector)) throw new KubectlError('only one of NAME or selector can be provided');
  const namespace = namespaceOf(ctx, args);
  const all = args.bool('all-namespaces');
  const now = ctx.now();
  let metrics: PodMetrics[];
  if (name !== undefined) {
    const pod = ctx.client.get<PodObject>('Pod', namespace, name);
    const m = pod && podMetrics(pod, now, ctx.extensions?.metrics);
    if (!m) throw statusErrors.notFound('podmetrics', 'metrics.k8s.io', `${namespace}/${name}`);
    metrics = [m];
  } else {
    const pods = ctx.client.list<PodObject>('Pod', { namespace: all ? undefined : namespace, labelSelector, fieldSelector });
    metrics = pods.flatMap((p) => podMetrics(p, now, ctx.extensions?.metrics) ?? []);
  }
  let stderr = '';
  if (metrics.length === 0) {
    verifyEmptyMetrics(ctx, namespace, labelSelector, fieldSelector, now);
    stderr = all ? 'No resources found\n' : `No resources found in ${namespace} namespace.\n`;
    return { stdout: '', stderr, exitCode: 0 };
  }
  return { stdout: printPodMetrics(metrics, args, all, by), stderr, exitCode: 0 };
}

/**
 * verifyEmptyMetrics says why no pod has metrics: pods young enough for metrics-server not to have scraped them yet,
 * or one old enough that it should have. (Upstream looks in the command's namespace even with -A.)
 */
function verifyEmptyMetrics(ctx: KubectlContext, namespace: string, labelSelector: string | undefined, fieldSelector: string | undefined, now: VirtualMs): void {
  const pods = ctx.client.list<PodObject>('Pod', { namespace, labelSelector, fieldSelector });
  if (pods.length === 0) return;
  for (const pod of pods) {
    const age = now - (parseTime(pod.metadata.creationTimestamp) ?? now);
    if (age > METRICS_CREATION_DELAY_MS) throw new KubectlError(`Metrics not available for pod ${pod.metadata.namespace}/${pod.metadata.name}, age: ${goDuration(age)}`);
  }
  throw new KubectlError('metrics not available yet');
}

function printPodMetrics(metrics: PodMetrics[], args: ParsedArgs, withNamespace: boolean, by: string): string {
  const containers = args.bool('containers');
  const w = new TabWriter();
  let columns = 3;
  if (!args.bool('no-headers')) {
    const header = ['NAME', 'CPU(cores)', 'MEMORY(bytes)'];
    if (containers) header.unshift('POD');
    if (withNamespace) header.unshift('NAMESPACE');
    columns = header.length;
    w.write(cells(header));
  }
  const total = (m: PodMetrics) => sum(m.containers);
  const sorted = [...metrics].sort(
    (a, b) => compareUsage(total(a), total(b), by) || (withNamespace ? compare(a.namespace, b.namespace) : 0) || compare(a.name, b.name),
  );
  for (const m of sorted) {
    const ns = withNamespace ? [m.namespace] : [];
    if (!containers) {
      const t = total(m);
      w.write(cells([...ns, m.name, cpuText(t.cpuMillis), memoryText(t.memoryBytes)]));
      continue;
    }
    const list = [...m.containers].sort((a, b) => compareUsage(a, b, by) || compare(a.name, b.name));
    for (const c of list) w.write(cells([...ns, m.name, c.name, cpuText(c.cpuMillis), memoryText(c.memoryBytes)]));
  }
  if (args.bool('sum')) {
    // printPodResourcesSum: underlines under the two usage columns, then the totals in them.
    const t = sum(sorted.flatMap((m) => m.containers));
    w.write(cells([...Array<string>(columns - 2).fill(''), '________', '________']));
    w.write(cells([...Array<string>(columns - 3).fill(''), '', cpuText(t.cpuMillis), memoryText(t.memoryBytes)]));
  }
  return w.flush();
}

/** cells is one printed line: every value followed by a tab, as printValue writes it. */
function cells(values: readonly string[]): string {
  return `${values.map((v) => `${v}\t`).join('')}\n`;
}

function sum(containers: readonly ContainerMetrics[]): ResourceUsage {
  return containers.reduce((acc, c) => ({ cpuMillis: acc.cpuMillis + c.cpuMillis, memoryBytes: acc.memoryBytes + c.memoryBytes }), { cpuMillis: 0, memoryBytes: 0 });
}

/** compareUsage sorts by --sort-by, the biggest first; 0 without --sort-by. */
function compareUsage(a: ResourceUsage, b: ResourceUsage, by: string): number {
  if (by === 'cpu') return b.cpuMillis - a.cpuMillis;
  if (by === 'memory') return b.memoryBytes - a.memoryBytes;
  return 0;
}

function compare(a: string | undefined, b: string | undefined): number {
  return (a ?? '') < (b ?? '') ? -1 : (a ?? '') > (b ?? '') ? 1 : 0;
}

function cpuText(millis: number): string {
  return `${millis}m`;
}

function memoryText(bytes: number): string {
  return `${Math.floor(bytes / Mi)}Mi`;
}

/** percent is `int64(fraction)%`: truncated, 0 when nothing is available. */
function percent(used: number, available: number): string {
  return `${available === 0 ? 0 : Math.trunc((used / available) * 100)}%`;
}

/** goDuration is Go's time.Duration String: `2m30.5s`, `1h0m5s`, `450ms`. */
export function goDuration(ms: number): string {
  if (ms === 0) return '0s';
  if (ms < 1000) return `${ms}ms`;
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / 60_000);
  const rest = ms % 60_000;
  const fraction = rest % 1000 === 0 ? '' : `.${String(rest % 1000).padStart(3, '0').replace(/0+$/, '')}`;
  return `${h > 0 ? `${h}h` : ''}${h > 0 || m > 0 ? `${m}m` : ''}${Math.floor(rest / 1000)}${fraction}s`;
}
