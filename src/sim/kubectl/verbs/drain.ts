// Mirrors k8s.io/kubectl/pkg/cmd/drain/drain.go (RunDrain, deleteOrEvictPodsSimple) and pkg/drain (drain.go
// GetPodsForDeletion, evictPods, waitForDelete; filters.go): cordon, refuse or warn about the pods drain cannot
// move, evict the rest, and report each pod once it is gone. Eviction is a graceful delete (PodDisruptionBudgets are
// not consulted); nodes are evicted together rather than one after another; --timeout and --dry-run are left out.
import type { Pod } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../api/object';
import { parseSelector } from '../../api/meta/v1/labelSelector';
import type { WatchEvent } from '../../store/types';
import type { ParsedArgs } from '../commandLine';
import { KubectlError, type KubectlContext, type KubectlOutput, type KubectlResult, type Verb } from '../verb';
import { resolveNodes, setUnschedulable } from './cordon';
import { aggregateMessage, kubectlWrite } from './operation';

type PodObject = Pod & KubeObject;

const DAEMONSET_FATAL = 'DaemonSet-managed Pods (use --ignore-daemonsets to ignore)';
const DAEMONSET_WARNING = 'ignoring DaemonSet-managed Pods';
const LOCAL_STORAGE_FATAL = 'Pods with local storage (use --delete-emptydir-data to override)';
const LOCAL_STORAGE_WARNING = 'deleting Pods with local storage';
const UNMANAGED_FATAL = 'cannot delete Pods that declare no controller (use --force to override)';
const UNMANAGED_WARNING = 'deleting Pods that declare no controller';

export const drainVerb: Verb = {
  name: 'drain',
  short: 'Drain node in preparation for maintenance',
  group: 'Cluster Management Commands',
  use: 'drain NODE',
  long: [
    'Drain node in preparation for maintenance.',
    '',
    " The given node will be marked unschedulable to prevent new pods from arriving. 'drain' evicts the pods if the API server supports [eviction](https://kubernetes.io/docs/concepts/workloads/pods/disruptions/). Otherwise, it will use normal DELETE to delete the pods. The 'drain' evicts or deletes all pods except mirror pods (which cannot be deleted through the API server).  If there are daemon set-managed pods, drain will not proceed without --ignore-daemonsets, and regardless it will not delete any daemon set-managed pods, because those pods would be immediately replaced by the daemon set controller, which ignores unschedulable markings.  If there are any pods that are neither mirror pods nor managed by a replication controller, replica set, daemon set, stateful set, or job, then drain will not delete any pods unless you use --force.  --force will also allow deletion to proceed if the managing resource of one or more pods is missing.",
    '',
    " 'drain' waits for graceful termination. You should not operate on the machine until the command completes.",
    '',
    ' When you are ready to put the node back into service, use kubectl uncordon, which will make the node schedulable again.',
  ].join('\n'),
  example: [
    '  # Drain node "foo", even if there are pods not managed by a replication controller, replica set, job, daemon set, or stateful set on it',
    '  kubectl drain foo --force',
    '',
    '  # As above, but abort if there are pods not managed by a replication controller, replica set, job, daemon set, or stateful set, and use a grace period of 15 minutes',
    '  kubectl drain foo --grace-period=900',
  ].join('\n'),
  flags: [
    { name: 'force', type: 'bool', usage: 'Continue even if there are pods that do not declare a controller.' },
    { name: 'ignore-daemonsets', type: 'bool', usage: 'Ignore DaemonSet-managed pods.' },
    {
      name: 'delete-emptydir-data',
      type: 'bool',
      usage: 'Continue even if there are pods using emptyDir (local data that will be deleted when the node is drained).',
    },
    {
      name: 'grace-period',
      type: 'int',
      default: -1,
      usage: 'Period of time in seconds given to each pod to terminate gracefully. If negative, the default value specified in the pod will be used.',
    },
    { name: 'selector', shorthand: 'l', type: 'string', usage: 'Selector (label query) to filter on' },
    { name: 'pod-selector', type: 'string', usage: 'Label selector to filter pods on the node' },
    {
      name: 'disable-eviction',
      type: 'bool',
      usage: 'Force drain to use delete, even if eviction is supported. This will bypass checking PodDisruptionBudgets, use with caution.',
    },
  ],
  run(ctx, args) {
    const nodes = resolveNodes(ctx, args, 'drain');
    const podSelector = args.string('pod-selector');
    if (podSelector) {
      try {
        parseSelector(podSelector);
      } catch {
        throw new KubectlError('--pod-selector=<pod_selector> must be a valid label selector');
      }
    }
    let stdout = nodes.map((node) => `${setUnschedulable(ctx, node, true, 'drain')}\n`).join('');
    let stderr = '';
    const fatal: string[][] = [];
    const remaining: string[] = [];
    const waiting: PendingNode[] = [];
    for (const node of nodes) {
      const name = node.metadata.name ?? '';
      const list = podsForDeletion(ctx, name, args);
      if (list.errors.length > 0) {
        stderr += `error: unable to drain node ${JSON.stringify(name)} due to error: ${aggregateMessage(list.errors)}, continuing command...\n`;
        fatal.push(list.errors);
        remaining.push(name);
        continue;
      }
      if (list.warnings) stderr += `Warning: ${list.warnings}\n`;
      const pending = evictPods(ctx, name, list.pods, args);
      stdout += pending.output;
      if (pending.pods.length === 0) stdout += `node/${name} drained\n`;
      else waiting.push({ node: name, pods: pending.pods, verb: pending.verb });
    }
    if (remaining.length > 0) stderr += `There are pending nodes to be drained:\n${remaining.map((n) => ` ${n}\n`).join('')}`;
    // CheckErr prints the aggregate of the nodes' errors: one node's errors one per line, several nodes' as [a, b].
    if (fatal.length === 1) stderr += fatal[0].map((e) => `${e}\n`).join('');
    else if (fatal.length > 1) stderr += fatal.map((errs) => `${aggregateMessage(errs)}\n`).join('');
    const result: KubectlResult = { stdout, stderr, exitCode: fatal.length > 0 ? 1 : 0 };
    if (waiting.length > 0) result.stream = { onEvent: (handler) => waitForDelete(ctx, waiting, handler) };
    return result;
  },
};

/** PodDeleteList is GetPodsForDeletion's answer: the pods to evict, the warnings, and the errors that stop the drain. */
interface PodDeleteList {
  pods: PodObject[];
  warnings: string;
  errors: string[];
}

type Status = { delete: boolean; reason: 'Okay' | 'Skip' | 'Warning' | 'Error'; message?: string };

const OKAY: Status = { delete: true, reason: 'Okay' };

/**
 * podsForDeletion runs every pod on the node through drain's filters in order (DaemonSet, mirror, local storage,
 * unreplicated; the skip-deleted filter only acts with --skip-wait-for-delete-timeout, which Kubeplay leaves out),
 * stopping at the first that keeps the pod; the last status counts.
 */
function podsForDeletion(ctx: KubectlContext, node: string, args: ParsedArgs): PodDeleteList {
  const pods = ctx.client.list<PodObject>('Pod', {
    fieldSelector: `spec.nodeName=${node}`,
    labelSelector: args.string('pod-selector') || undefined,
  });
  const filters = [daemonSetFilter, mirrorPodFilter, localStorageFilter, unreplicatedFilter];
  const warnings = new Map<string, string[]>();
  const errors = new Map<string, string[]>();
  const toDelete: PodObject[] = [];
  for (const pod of pods) {
    let status = OKAY;
    for (const filter of filters) {
      status = filter(ctx, pod, args);
      if (!status.delete) break;
    }
    const where = `${pod.metadata.namespace}/${pod.metadata.name}`;
    if (status.reason === 'Warning') warnings.set(status.message ?? '', [...(warnings.get(status.message ?? '') ?? []), where]);
    if (status.reason === 'Error') errors.set(status.message || 'unexpected error', [...(errors.get(status.message || 'unexpected error') ?? []), where]);
    if (status.delete) toDelete.push(pod);
  }
  return {
    pods: toDelete,
    warnings: [...warnings].map(([message, list]) => `${message}: ${list.join(', ')}`).join('; '),
    errors: [...errors].map(([message, list]) =>
      message.toLowerCase().startsWith('cannot delete') ? `${message}: ${list.join(', ')}` : `cannot delete ${message}: ${list.join(', ')}`,
    ),
  };
}

function finished(pod: PodObject): boolean {
  return pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';
}

function controllerOf(pod: PodObject) {
  return (pod.metadata.ownerReferences ?? []).find((r) => r.controller);
}

function daemonSetFilter(ctx: KubectlContext, pod: PodObject, args: ParsedArgs): Status {
  const ref = controllerOf(pod);
  if (!ref || ref.kind !== 'DaemonSet' || finished(pod)) return OKAY;
  if (!ctx.client.get('DaemonSet', pod.metadata.namespace ?? '', ref.name)) {
    const message = `daemonsets.apps ${JSON.stringify(ref.name)} not found`;
    return args.bool('force') ? { delete: true, reason: 'Warning', message } : { delete: false, reason: 'Error', message };
  }
  if (!args.bool('ignore-daemonsets')) return { delete: false, reason: 'Error', message: DAEMONSET_FATAL };
  return { delete: false, reason: 'Warning', message: DAEMONSET_WARNING };
}

function mirrorPodFilter(_ctx: KubectlContext, pod: PodObject): Status {
  return pod.metadata.annotations?.['kubernetes.io/config.mirror'] !== undefined ? { delete: false, reason: 'Skip' } : OKAY;
}

function localStorageFilter(_ctx: KubectlContext, pod: PodObject, args: ParsedArgs): Status {
  if (!(pod.spec?.volumes ?? []).some((v) => v.emptyDir) || finished(pod)) return OKAY;
  if (!args.bool('delete-emptydir-data')) return { delete: false, reason: 'Error', message: LOCAL_STORAGE_FATAL };
  return { delete: true, reason: 'Warning', message: LOCAL_STORAGE_WARNING };
}

function unreplicatedFilter(_ctx: KubectlContext, pod: PodObject, args: ParsedArgs): Status {
  if (finished(pod) || controllerOf(pod)) return OKAY;
  if (args.bool('force')) return { delete: true, reason: 'Warning', message: UNMANAGED_WARNING };
  return { delete: false, reason: 'Error', message: UNMANAGED_FATAL };
}

/** PendingNode is a node whose evicted pods are still terminating. */
interface PendingNode {
  node: string;
  pods: { namespace: string; name: string; uid: string }[];
  verb: 'evicted' | 'deleted';
}

/**
 * evictPods is DeleteOrEvictPods: `evicting pod ns/name` and a graceful delete for each (no line with
 * --disable-eviction); pods already gone are reported at once, the others are returned to wait for.
 */
function evictPods(ctx: KubectlContext, node: string, pods: readonly PodObject[], args: ParsedArgs): { output: string; pods: PendingNode['pods']; verb: PendingNode['verb'] } {
  const evict = !args.bool('disable-eviction');
  const verb = evict ? 'evicted' : 'deleted';
  const grace = args.int('grace-period');
  let output = '';
  const pending: PendingNode['pods'] = [];
  pods.forEach((pod, i) => {
    const namespace = pod.metadata.namespace ?? '';
    const name = pod.metadata.name ?? '';
    if (evict) output += `evicting pod ${namespace}/${name}\n`;
    const seconds = grace >= 0 ? grace : (pod.spec?.terminationGracePeriodSeconds ?? 30);
    const reason = `kubectl drain ${node}: ${evict ? 'evicts' : 'deletes'} pod ${namespace}/${name} (${i + 1} of ${pods.length}) so the node can be emptied; it has ${seconds}s to stop`;
    // A pod already gone answers NotFound: kubectl counts it as done without a line.
    if (!ctx.client.get('Pod', namespace, name)) return;
    ctx.client.delete('Pod', namespace, name, kubectlWrite(reason), grace >= 0 ? { gracePeriodSeconds: grace } : {});
    if (isGone(ctx, namespace, name, pod.metadata.uid ?? '')) output += `pod/${name} ${verb}\n`;
    else pending.push({ namespace, name, uid: pod.metadata.uid ?? '' });
  });
  return { output, pods: pending, verb };
}

function isGone(ctx: KubectlContext, namespace: string, name: string, uid: string): boolean {
  const pod = ctx.client.get('Pod', namespace, name);
  return !pod || pod.metadata.uid !== uid;
}

/**
 * waitForDelete follows the evicted pods: `pod/name evicted` when each is gone (deleted, or replaced by a pod with a
 * new UID), then `node/name drained` when its node has none left.
 */
function waitForDelete(ctx: KubectlContext, nodes: readonly PendingNode[], handler: (output: KubectlOutput) => void): () => void {
  const state = nodes.map((n) => ({ ...n, pods: [...n.pods] }));
  return ctx.client.watch<PodObject>('Pod', (event: WatchEvent<PodObject>) => {
    const { namespace, name, uid } = event.object.metadata;
    let out = '';
    for (const node of state) {
      const index = node.pods.findIndex((p) => p.namespace === namespace && p.name === name);
      if (index < 0) continue;
      if (event.type !== 'DELETED' && uid === node.pods[index].uid) continue;
      node.pods.splice(index, 1);
      out += `pod/${name} ${node.verb}\n`;
      if (node.pods.length === 0) out += `node/${node.node} drained\n`;
    }
    if (!out) return;
    // kubectl drain exits once every node it drains is empty.
    handler({ stdout: out, stderr: '', ...(state.every((n) => n.pods.length === 0) ? { exitCode: 0 } : {}) });
  });
}
