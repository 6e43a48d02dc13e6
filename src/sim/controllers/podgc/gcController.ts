// Mirrors pkg/controller/podgc/gc_controller.go (gc, gcTerminated, gcTerminating, gcOrphaned with its quarantine,
// gcUnscheduledTerminating, byEvictionAndCreationTimestamp, markFailedAndDeletePodWithCondition) and
// UpdatePodCondition from pkg/api/v1/pod/util.go. Leaves out metrics; pods are deleted one after another instead of
// in parallel goroutines.
import type { Node, Pod, PodCondition, PodStatus } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../api/object';
import { TaintNodeOutOfService } from '../../api/core/v1/wellKnownTaints';
import type { Informer } from '../../client/informer';
import type { VirtualMs } from '../../clock/virtualClock';
import { rfc3339 } from '../../clock/timeFormat';
import type { WriteContext } from '../../store/types';
import type { Controller, ControllerContext } from '../controllerContext';
import type { PodObject } from '../controllerUtils';

/** POD_GC_CONTROLLER is the name the controller acts under. */
export const POD_GC_CONTROLLER = 'pod-garbage-collector';
/** GC_CHECK_PERIOD_MS is gcCheckPeriod: how often the controller looks for pods to collect. */
export const GC_CHECK_PERIOD_MS = 20 * 1000;
/** QUARANTINE_TIME_MS is quarantineTime: how long a missing node may take to show up before its pods go. */
export const QUARANTINE_TIME_MS = 40 * 1000;
/** DEFAULT_TERMINATED_POD_THRESHOLD is kube-controller-manager's --terminated-pod-gc-threshold default. */
export const DEFAULT_TERMINATED_POD_THRESHOLD = 12500;

type NodeObject = Node & KubeObject;

/**
 * PodGCController deletes pods nobody else will finish: pods bound to nodes that no longer exist, terminating pods on
 * nodes taken out of service, terminating pods never scheduled, and the oldest finished pods beyond a threshold.
 */
export class PodGCController implements Controller {
  readonly name = POD_GC_CONTROLLER;
  private readonly podLister: Informer<PodObject>;
  private readonly nodeLister: Informer<NodeObject>;
  /** nodeQueue is the delaying queue of missing node names: each becomes ready when its quarantine ends. */
  private readonly nodeQueue = new Map<string, VirtualMs>();

  constructor(
    private readonly ctx: ControllerContext,
    private readonly terminatedPodThreshold: number = DEFAULT_TERMINATED_POD_THRESHOLD,
    private readonly gcCheckPeriod: VirtualMs = GC_CHECK_PERIOD_MS,
    private readonly quarantineTime: VirtualMs = QUARANTINE_TIME_MS,
  ) {
    this.podLister = ctx.informers.forKind<PodObject>('Pod');
    this.nodeLister = ctx.informers.forKind<NodeObject>('Node');
    // wait.Until runs gc at once and then every gcCheckPeriod.
    this.scheduleGC(0);
  }

  private scheduleGC(delay: VirtualMs): void {
    this.ctx.clock.schedule(delay, {
      owner: this.name,
      label: 'gc',
      periodic: true,
      run: () => {
        this.gc();
        this.scheduleGC(this.gcCheckPeriod);
      },
    });
  }

  /** gc is one pass over all pods and nodes. */
  gc(): void {
    const pods = this.podLister.list();
    const nodes = this.nodeLister.list();
    if (this.terminatedPodThreshold > 0) this.gcTerminated(pods);
    this.gcTerminating(pods);
    this.gcOrphaned(pods, nodes);
    this.gcUnscheduledTerminating(pods);
  }

  /** gcTerminated deletes the finished pods beyond terminatedPodThreshold, evicted ones first, then the oldest. */
  private gcTerminated(pods: readonly PodObject[]): void {
    const terminated = pods.filter(isPodTerminated);
    const deleteCount = terminated.length - this.terminatedPodThreshold;
    if (deleteCount <= 0) return;
    const why = `${terminated.length} terminated pods exceed the terminated-pod-gc-threshold of ${this.terminatedPodThreshold}, and it is among the first to go (evicted, then oldest)`;
    for (const pod of [...terminated].sort(byEvictionAndCreationTimestamp).slice(0, deleteCount)) this.markFailedAndDeletePod(pod, why);
  }

  /** gcTerminating force-deletes terminating pods on nodes that are NotReady and tainted out-of-service. */
  private gcTerminating(pods: readonly PodObject[]): void {
    const terminating = pods.filter((pod) => {
      if (!pod.metadata.deletionTimestamp) return false;
      const node = this.nodeLister.get('', pod.spec?.nodeName ?? '');
      return node !== undefined && !isNodeReady(node) && (node.spec?.taints ?? []).some((t) => t.key === TaintNodeOutOfService);
    });
    for (const pod of terminating.sort(byEvictionAndCreationTimestamp)) {
      this.markFailedAndDeletePod(pod, `it is terminating on node ${pod.spec?.nodeName}, which is NotReady and tainted ${TaintNodeOutOfService}`);
    }
  }

  /** gcOrphaned deletes pods bound to nodes that are still missing after their quarantine. */
  private gcOrphaned(pods: readonly PodObject[], nodes: readonly NodeObject[]): void {
    const existingNodeNames = new Set(nodes.map((n) => n.metadata.name ?? ''));
    for (const pod of pods) {
      const nodeName = pod.spec?.nodeName;
      if (nodeName && !existingNodeNames.has(nodeName)) this.addToQuarantine(nodeName);
    }
    const deletedNodeNames = this.discoverDeletedNodes(existingNodeNames);
    for (const pod of pods) {
      const nodeName = pod.spec?.nodeName ?? '';
      if (!deletedNodeNames.has(nodeName)) continue;
      const condition: PodCondition = { type: 'DisruptionTarget', status: 'True', reason: 'DeletionByPodGC', message: 'PodGC: node no longer exists' };
      this.markFailedAndDeletePod(pod, `its node ${nodeName} no longer exists`, condition);
    }
  }

  /** addToQuarantine is nodeQueue.AddAfter: a name already waiting keeps its earlier ready time. */
  private addToQuarantine(nodeName: string): void {
    const readyAt = this.ctx.clock.now() + this.quarantineTime;
    if ((this.nodeQueue.get(nodeName) ?? Infinity) > readyAt) this.nodeQueue.set(nodeName, readyAt);
  }

  /** discoverDeletedNodes takes the names whose quarantine is over and asks the API server whether they exist. */
  private discoverDeletedNodes(existingNodeNames: ReadonlySet<string>): Set<string> {
    const deleted = new Set<string>();
    const now = this.ctx.clock.now();
    for (const [nodeName, readyAt] of this.nodeQueue) {
      if (readyAt > now) continue;
      this.nodeQueue.delete(nodeName);
      if (!existingNodeNames.has(nodeName) && !this.ctx.client.get('Node', '', nodeName)) deleted.add(nodeName);
    }
    return deleted;
  }

  /** gcUnscheduledTerminating force-deletes terminating pods that were never bound to a node. */
  private gcUnscheduledTerminating(pods: readonly PodObject[]): void {
    for (const pod of pods) {
      if (!pod.metadata.deletionTimestamp || pod.spec?.nodeName) continue;
      this.markFailedAndDeletePod(pod, 'it is terminating and was never scheduled to a node');
    }
  }

  /**
   * markFailedAndDeletePod moves the pod to phase Failed (with the condition, if any) and deletes it with a grace
   * period of 0. Marking it Failed matters most for an orphaned pod: no kubelet is left to change its phase.
   */
  private markFailedAndDeletePod(pod: PodObject, why: string, condition?: PodCondition): void {
    const ref = `${pod.metadata.namespace}/${pod.metadata.name}`;
    try {
      if (pod.status?.phase !== 'Succeeded' && pod.status?.phase !== 'Failed') {
        const status = structuredClone(pod.status ?? {});
        status.phase = 'Failed';
        if (condition) updatePodCondition(status, { ...condition }, rfc3339(this.ctx.clock.now()));
        this.ctx.client.updateStatus({ ...pod, status }, this.write(`marked pod ${ref} Failed: ${why}`));
      }
      this.ctx.client.delete('Pod', pod.metadata.namespace ?? '', pod.metadata.name ?? '', this.write(`force-deleted pod ${ref}: ${why}`), { gracePeriodSeconds: 0 });
    } catch {
      // As upstream (utilruntime.HandleError): a pod already gone or changed is simply looked at again next period.
    }
  }

  private write(reason: string): WriteContext {
    return { actor: this.name, reason };
  }
}

/** isPodTerminated: any phase but Pending, Running and Unknown. */
function isPodTerminated(pod: Pod): boolean {
  const phase = pod.status?.phase;
  return phase !== 'Pending' && phase !== 'Running' && phase !== 'Unknown';
}

/** isNodeReady: the node's Ready condition is True. */
function isNodeReady(node: Node): boolean {
  return (node.status?.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True');
}

/** podIsEvicted is eviction.PodIsEvicted: Failed with reason Evicted. */
function podIsEvicted(status: PodStatus | undefined): boolean {
  return status?.phase === 'Failed' && status.reason === 'Evicted';
}

/** byEvictionAndCreationTimestamp puts evicted pods first, then older pods, with names breaking ties. */
export function byEvictionAndCreationTimestamp(a: PodObject, b: PodObject): number {
  const [ae, be] = [podIsEvicted(a.status), podIsEvicted(b.status)];
  if (ae !== be) return ae ? -1 : 1;
  const [at, bt] = [a.metadata.creationTimestamp ?? '', b.metadata.creationTimestamp ?? ''];
  if (at !== bt) return at < bt ? -1 : 1;
  const [an, bn] = [a.metadata.name ?? '', b.metadata.name ?? ''];
  return an < bn ? -1 : an > bn ? 1 : 0;
}

/**
 * updatePodCondition is UpdatePodCondition: it adds or replaces the condition of that type, keeping the old
 * lastTransitionTime when the status did not change.
 */
function updatePodCondition(status: PodStatus, condition: PodCondition, now: string): void {
  condition.lastTransitionTime = now;
  const conditions = (status.conditions ??= []);
  const index = conditions.findIndex((c) => c.type === condition.type);
  if (index < 0) {
    conditions.push(condition);
    return;
  }
  if (conditions[index].status === condition.status) condition.lastTransitionTime = conditions[index].lastTransitionTime;
  conditions[index] = condition;
}
