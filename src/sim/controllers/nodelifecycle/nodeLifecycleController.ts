// Mirrors pkg/controller/nodelifecycle/node_lifecycle_controller.go: monitorNodeHealth, tryUpdateNodeHealth (see
// nodeHealth.ts), processTaintBaseEviction, doNoExecuteTaintingPass with one rate-limited tainter per zone,
// handleDisruption with the zone states, doNoScheduleTaintingPass (taint nodes by condition and by cordon), and
// processPod/markPodsNotReady. Leaves out metrics, reconcileNodeLabels (our nodes register with both label forms) and
// the nodesToRetry bookkeeping (API writes here do not fail half-way). Passes run node by node in name order
// instead of in parallel.
//
// ### ATTENTION ###
//
// The controller never evicts pods itself: it adds NoExecute taints and the taint eviction controller
// (../tainteviction) deletes the pods that do not tolerate them. Adding those taints is what is rate-limited per
// zone, and what stops when every zone looks down.
import type { NodeCondition } from 'kubernetes-types/core/v1';
import { type Informer, splitKey, keyFunc } from '../../client/informer';
import { WorkQueue } from '../../client/workqueue';
import type { TimerHandle, VirtualMs } from '../../clock/virtualClock';
import type { Controller, ControllerContext } from '../controllerContext';
import type { PodObject } from '../controllerUtils';
import { desiredNoScheduleTaints, controllerNoScheduleTaints, NotReadyTaintTemplate, UnreachableTaintTemplate } from './conditionTaints';
import { DEFAULT_NODE_LIFECYCLE_CONFIG, type NodeLifecycleConfig } from './config';
import * as narrate from './narration';
import { getNodeCondition, type LeaseObject, type NodeHealthData, tryUpdateNodeHealth } from './nodeHealth';
import { type NodeObject, removeTaintOffNode, swapNodeControllerTaint } from './nodeTaints';
import { markPodsNotReady, recordNodeEvent, recordNodeStatusChange } from './nodeUtil';
import { addPodNodeNameIndexer, getPodsAssignedToNode } from './podNodeNameIndex';
import { NODE_EVICTION_PERIOD, RateLimitedTimedQueue, TokenBucketRateLimiter } from './rateLimitedQueue';
import { taintExists, taintSetDiff } from './taints';
import {
  computeZoneState,
  getZoneKey,
  healthyQPS,
  isNodeExcludedFromDisruptionChecks,
  reducedQPS,
  stateFullDisruption,
  stateInitial,
  stateNormal,
  statePartialDisruption,
  type ZoneState,
} from './zoneState';

/** NODE_LIFECYCLE_CONTROLLER is the name the controller writes under. */
export const NODE_LIFECYCLE_CONTROLLER = 'node-lifecycle-controller';
/** NAMESPACE_NODE_LEASE holds one Lease per node, renewed by its kubelet (v1.NamespaceNodeLease). */
export const NAMESPACE_NODE_LEASE = 'kube-node-lease';
/** The two NoExecute taints a reachable node loses, in upstream's order. */
const NO_EXECUTE_TEMPLATES = [UnreachableTaintTemplate, NotReadyTaintTemplate] as const;

/**
 * NodeLifecycleController watches the heartbeats kubelets post (node status and the node Lease). A node silent for
 * longer than the grace period gets its conditions set to Unknown, its pods marked not Ready and, at a rate limited
 * per zone, a NoExecute taint that the taint eviction controller acts on. It also keeps the NoSchedule taints that
 * mirror node conditions and cordons.
 */
export class NodeLifecycleController implements Controller {
  readonly name = NODE_LIFECYCLE_CONTROLLER;
  private readonly config: NodeLifecycleConfig;
  private readonly knownNodeSet = new Map<string, NodeObject>();
  /** What was last seen of each node's health, with the controller's own time of observation. */
  private readonly nodeHealthMap = new Map<string, NodeHealthData>();
  /** Per zone: the nodes waiting for a NoExecute taint, drained at the zone's rate. */
  private readonly zoneNoExecuteTainter = new Map<string, RateLimitedTimedQueue>();
  private readonly zoneStates = new Map<string, ZoneState>();
  private readonly nodeInformer: Informer<NodeObject>;
  private readonly podInformer: Informer<PodObject>;
  private readonly leaseInformer: Informer<LeaseObject>;
  private readonly nodeUpdateQueue: WorkQueue;
  private readonly podUpdateQueue: WorkQueue;
  /** The NoExecute tainting pass runs every NODE_EVICTION_PERIOD from here, when it has something to do. */
  private readonly startedAt: VirtualMs;
  private taintingPass: TimerHandle | undefined;

  constructor(
    private readonly ctx: ControllerContext,
    config: Partial<NodeLifecycleConfig> = {},
  ) {
    this.config = { ...DEFAULT_NODE_LIFECYCLE_CONFIG, ...config };
    this.startedAt = ctx.clock.now();
    this.nodeUpdateQueue = new WorkQueue(ctx.clock, this.name, (nodeName) => this.doNoScheduleTaintingPass(nodeName), { rateLimiter: ctx.rateLimiter });
    this.podUpdateQueue = new WorkQueue(ctx.clock, this.name, (key) => this.processPod(key), { rateLimiter: ctx.rateLimiter });
    this.nodeInformer = ctx.informers.forKind<NodeObject>('Node');
    this.leaseInformer = ctx.informers.forKind<LeaseObject>('Lease');
    this.podInformer = ctx.informers.forKind<PodObject>('Pod');
    addPodNodeNameIndexer(this.podInformer);
    this.podInformer.addEventHandler({
      add: (pod) => this.podUpdated(undefined, pod),
      update: (old, cur) => this.podUpdated(old, cur),
    });
    this.nodeInformer.addEventHandler({
      add: (node) => this.nodeUpdateQueue.add(node.metadata.name ?? ''),
      update: (_old, cur) => this.nodeUpdateQueue.add(cur.metadata.name ?? ''),
    });
    this.scheduleMonitor(0);
  }

  /** The monitor pass is periodic work, like heartbeats: it does not keep settle() busy. */
  private scheduleMonitor(delay: VirtualMs): void {
    this.ctx.clock.schedule(delay, {
      owner: this.name,
      label: 'monitorNodeHealth',
      periodic: true,
      run: () => {
        this.scheduleMonitor(this.config.nodeMonitorPeriod);
        this.monitorNodeHealth();
      },
    });
  }

  /**
   * monitorNodeHealth checks every node's heartbeats; marks silent nodes Unknown and their pods not Ready; queues
   * NotReady and Unknown nodes for a NoExecute taint and lifts it from Ready ones; then updates the zone states.
   */
  private monitorNodeHealth(): void {
    const now = this.ctx.clock.now();
    const nodes = this.nodeInformer.list();
    const { added, deleted, newZoneRepresentatives } = this.classifyNodes(nodes);
    for (const node of newZoneRepresentatives) this.addPodEvictorForNewZone(node);
    for (const node of added) {
      recordNodeEvent(this.ctx.recorder, node, 'Normal', 'RegisteredNode', `Registered Node ${node.metadata.name} in Controller`);
      this.knownNodeSet.set(node.metadata.name ?? '', node);
      this.addPodEvictorForNewZone(node);
      this.markNodeAsReachable(node, narrate.NEWLY_OBSERVED);
    }
    for (const node of deleted) {
      recordNodeEvent(this.ctx.recorder, node, 'Normal', 'RemovingNode', `Removing Node ${node.metadata.name} from Controller`);
      this.knownNodeSet.delete(node.metadata.name ?? '');
    }
    const zoneToNodeConditions = new Map<string, (NodeCondition | undefined)[]>();
    for (const node of nodes) this.updateNodeHealth(node, zoneToNodeConditions, now);
    this.handleDisruption(zoneToNodeConditions, nodes, now);
    this.ensureTaintingPass();
  }

  private updateNodeHealth(node: NodeObject, zoneToNodeConditions: Map<string, (NodeCondition | undefined)[]>, now: VirtualMs): void {
    const name = node.metadata.name ?? '';
    const lease = this.leaseInformer.get(NAMESPACE_NODE_LEASE, name);
    const update = tryUpdateNodeHealth(node, this.nodeHealthMap.get(name), lease, now, this.config);
    let current = node;
    if (update.statusUpdate) {
      try {
        current = this.ctx.client.updateStatus(update.statusUpdate.node, { actor: this.name, reason: narrate.markedUnknown(node, update) });
      } catch {
        // Upstream skips the node for this pass after failed retries: no pods will be evicted.
        this.nodeHealthMap.set(name, update.health);
        return;
      }
      this.nodeHealthMap.set(name, update.statusUpdate.health);
    } else {
      this.nodeHealthMap.set(name, update.health);
    }
    const ready = update.currentReadyCondition;
    if (!isNodeExcludedFromDisruptionChecks(node)) {
      const zone = getZoneKey(node);
      const conditions = zoneToNodeConditions.get(zone);
      if (conditions) conditions.push(ready);
      else zoneToNodeConditions.set(zone, [ready]);
    }
    if (!ready) return;
    const observed = update.observedReadyCondition;
    this.processTaintBaseEviction(current, observed);
    if (ready.status !== 'True' && observed.status === 'True') {
      // Report the node event only once, when the status changes.
      recordNodeStatusChange(this.ctx.recorder, current, 'NodeNotReady');
      markPodsNotReady(this.ctx.client, this.ctx.recorder, getPodsAssignedToNode(this.podInformer, name), name, now, this.name);
    }
  }

  /**
   * processTaintBaseEviction acts on the Ready condition the pass began with: NotReady and Unknown nodes are queued
   * for their NoExecute taint (or have it swapped at once if they carry the other one); Ready nodes lose it.
   */
  private processTaintBaseEviction(node: NodeObject, observed: NodeCondition): void {
    const now = this.ctx.clock.now();
    switch (observed.status) {
      case 'False':
        if (taintExists(node.spec?.taints, UnreachableTaintTemplate)) {
          swapNodeControllerTaint(this.ctx.client, now, [NotReadyTaintTemplate], [UnreachableTaintTemplate], node, {
            add: this.write(narrate.noExecuteAdded(node, NotReadyTaintTemplate, 'False')),
            remove: this.write(narrate.noExecuteRemoved(node, UnreachableTaintTemplate, 'its Ready condition went from Unknown to False')),
          });
        } else {
          this.markNodeForTainting(node, 'False');
        }
        break;
      case 'Unknown':
        if (taintExists(node.spec?.taints, NotReadyTaintTemplate)) {
          swapNodeControllerTaint(this.ctx.client, now, [UnreachableTaintTemplate], [NotReadyTaintTemplate], node, {
            add: this.write(narrate.noExecuteAdded(node, UnreachableTaintTemplate, 'Unknown')),
            remove: this.write(narrate.noExecuteRemoved(node, NotReadyTaintTemplate, 'its Ready condition went from False to Unknown')),
          });
        } else {
          this.markNodeForTainting(node, 'Unknown');
        }
        break;
      case 'True':
        this.markNodeAsReachable(node, narrate.REACHABLE_AGAIN);
        break;
    }
  }

  /** markNodeForTainting queues the node in its zone's tainter; a node not yet tainted is re-queued from now. */
  private markNodeForTainting(node: NodeObject, status: 'False' | 'Unknown'): boolean {
    const name = node.metadata.name ?? '';
    const tainter = this.zoneNoExecuteTainter.get(getZoneKey(node))!;
    const template = status === 'False' ? NotReadyTaintTemplate : UnreachableTaintTemplate;
    if (!taintExists(node.spec?.taints, template)) tainter.remove(name);
    return tainter.add(name, node.metadata.uid ?? '', this.ctx.clock.now());
  }

  /** markNodeAsReachable lifts both NoExecute taints (one write each, only if present) and un-queues the node. */
  private markNodeAsReachable(node: NodeObject, why: string): boolean {
    const name = node.metadata.name ?? '';
    try {
      // RemoveTaintOffNode returns at once for a taint the node lacks: narrated only when there is one to remove.
      for (const template of NO_EXECUTE_TEMPLATES) {
        if (taintExists(node.spec?.taints, template)) removeTaintOffNode(this.ctx.client, name, node, [template], this.write(narrate.noExecuteRemoved(node, template, why)));
      }
    } catch {
      return false;
    }
    return this.zoneNoExecuteTainter.get(getZoneKey(node))?.remove(name) ?? false;
  }

  /**
   * doNoExecuteTaintingPass drains each zone's tainter as far as its rate limiter allows. The Ready condition is read
   * again: not-ready and unreachable taints are kept mutually exclusive, and a node Ready again is skipped.
   */
  private doNoExecuteTaintingPass(): void {
    const now = this.ctx.clock.now();
    for (const zone of [...this.zoneNoExecuteTainter.keys()].sort()) {
      this.zoneNoExecuteTainter.get(zone)!.try(now, (value) => {
        const node = this.nodeInformer.get('', value.value);
        if (!node) return { done: true, wait: 0 };
        const condition = getNodeCondition(node.status, 'Ready');
        if (!condition) return { done: false, wait: 50 };
        if (condition.status !== 'False' && condition.status !== 'Unknown') return { done: true, wait: 0 };
        const [taintToAdd, oppositeTaint] =
          condition.status === 'False' ? [NotReadyTaintTemplate, UnreachableTaintTemplate] : [UnreachableTaintTemplate, NotReadyTaintTemplate];
        const done = swapNodeControllerTaint(this.ctx.client, now, [taintToAdd], [oppositeTaint], node, {
          add: this.write(narrate.noExecuteAdded(node, taintToAdd, condition.status)),
          remove: this.write(narrate.noExecuteRemoved(node, oppositeTaint, `it is replaced by ${taintToAdd.key}`)),
        });
        return { done, wait: 0 };
      });
    }
  }

  /**
   * ensureTaintingPass schedules the next NoExecute tainting pass on the NODE_EVICTION_PERIOD grid, at the first
   * tick where some zone's limiter will give a token. Upstream runs the pass every 100 ms; the ticks in between could
   * do nothing, so they are skipped. Waiting for a token is background work for settle().
   */
  private ensureTaintingPass(): void {
    const now = this.ctx.clock.now();
    const next = Math.min(...[...this.zoneNoExecuteTainter.values()].map((q) => q.nextTryAt()));
    if (next === Infinity) return;
    const due = this.startedAt + Math.ceil((Math.max(now, next) - this.startedAt) / NODE_EVICTION_PERIOD) * NODE_EVICTION_PERIOD;
    if (this.taintingPass && this.taintingPass.at <= due) return;
    this.taintingPass?.cancel();
    this.taintingPass = this.ctx.clock.schedule(due - now, {
      owner: this.name,
      label: 'doNoExecuteTaintingPass',
      periodic: due > now,
      run: () => {
        this.taintingPass = undefined;
        this.doNoExecuteTaintingPass();
        this.ensureTaintingPass();
      },
    });
  }

  /**
   * handleDisruption computes each zone's state from its nodes' Ready conditions and sets the tainting rate:
   * Normal and FullDisruption zones taint at the normal rate, PartialDisruption ones slower (none in a small zone).
   * When every zone is fully disrupted the controller lifts all NoExecute taints and stops tainting; when some node
   * is Ready again it restarts the grace periods from now.
   */
  private handleDisruption(zoneToNodeConditions: Map<string, (NodeCondition | undefined)[]>, nodes: readonly NodeObject[], now: VirtualMs): void {
    const newZoneStates = new Map<string, ZoneState>();
    let allAreFullyDisrupted = true;
    for (const [zone, conditions] of [...zoneToNodeConditions].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      const { state } = computeZoneState(conditions, this.config.unhealthyZoneThreshold);
      if (state !== stateFullDisruption) allAreFullyDisrupted = false;
      newZoneStates.set(zone, state);
      if (!this.zoneStates.has(zone)) this.zoneStates.set(zone, stateInitial);
    }
    let allWasFullyDisrupted = true;
    for (const zone of [...this.zoneStates.keys()].sort()) {
      if (!zoneToNodeConditions.has(zone)) {
        this.zoneStates.delete(zone);
        continue;
      }
      if (this.zoneStates.get(zone) !== stateFullDisruption) allWasFullyDisrupted = false;
    }
    if (allAreFullyDisrupted && allWasFullyDisrupted) return;
    if (allAreFullyDisrupted) {
      // Entering full disruption: every node looks down, which more likely means the controller lost its network.
      for (const node of nodes) this.markNodeAsReachable(node, narrate.FULL_DISRUPTION);
      for (const zone of this.zoneStates.keys()) this.zoneNoExecuteTainter.get(zone)?.swapLimiter(0, now);
      for (const zone of this.zoneStates.keys()) this.zoneStates.set(zone, stateFullDisruption);
      return;
    }
    if (allWasFullyDisrupted) {
      // Leaving full disruption: give every node a fresh grace period before judging it again.
      for (const node of nodes) {
        const health = this.nodeHealthMap.get(node.metadata.name ?? '');
        if (health) this.nodeHealthMap.set(node.metadata.name ?? '', { ...health, probeTimestamp: now, readyTransitionTimestamp: now });
      }
      for (const zone of this.zoneStates.keys()) {
        this.setLimiterInZone(zone, zoneToNodeConditions.get(zone)?.length ?? 0, newZoneStates.get(zone)!, now);
        this.zoneStates.set(zone, newZoneStates.get(zone)!);
      }
      return;
    }
    for (const [zone, state] of this.zoneStates) {
      const newState = newZoneStates.get(zone)!;
      if (state === newState) continue;
      this.setLimiterInZone(zone, zoneToNodeConditions.get(zone)?.length ?? 0, newState, now);
      this.zoneStates.set(zone, newState);
    }
  }

  private setLimiterInZone(zone: string, zoneSize: number, state: ZoneState, now: VirtualMs): void {
    const tainter = this.zoneNoExecuteTainter.get(zone);
    if (!tainter) return;
    if (state === stateNormal) tainter.swapLimiter(this.config.evictionLimiterQPS, now);
    else if (state === statePartialDisruption) tainter.swapLimiter(reducedQPS(this.config, zoneSize), now);
    else if (state === stateFullDisruption) tainter.swapLimiter(healthyQPS(this.config), now);
  }

  /**
   * classifyNodes sorts the listed nodes into those new to the controller, those gone since the last pass, and known
   * nodes whose zone the controller has no state for (their zone label changed).
   */
  private classifyNodes(allNodes: readonly NodeObject[]): { added: NodeObject[]; deleted: NodeObject[]; newZoneRepresentatives: NodeObject[] } {
    const added: NodeObject[] = [];
    const newZoneRepresentatives: NodeObject[] = [];
    for (const node of allNodes) {
      if (!this.knownNodeSet.has(node.metadata.name ?? '')) added.push(node);
      else if (!this.zoneStates.has(getZoneKey(node))) newZoneRepresentatives.push(node);
    }
    const listed = new Set(allNodes.map((n) => n.metadata.name ?? ''));
    const deleted = [...this.knownNodeSet.values()].filter((n) => !listed.has(n.metadata.name ?? ''));
    return { added, deleted, newZoneRepresentatives };
  }

  /** addPodEvictorForNewZone gives a zone seen for the first time its state and its tainter at the normal rate. */
  private addPodEvictorForNewZone(node: NodeObject): void {
    const zone = getZoneKey(node);
    if (this.zoneStates.has(zone)) return;
    this.zoneStates.set(zone, stateInitial);
    this.zoneNoExecuteTainter.set(zone, new RateLimitedTimedQueue(new TokenBucketRateLimiter(this.config.evictionLimiterQPS)));
  }

  /**
   * doNoScheduleTaintingPass makes the node's condition and cordon NoSchedule taints match its conditions and
   * spec.unschedulable. As upstream, a failed write is not retried until the node changes again.
   */
  private doNoScheduleTaintingPass(nodeName: string): void {
    const node = this.nodeInformer.get('', nodeName);
    if (!node) return;
    const { toAdd, toRemove } = taintSetDiff(desiredNoScheduleTaints(node), controllerNoScheduleTaints(node));
    if (toAdd.length === 0 && toRemove.length === 0) return;
    swapNodeControllerTaint(this.ctx.client, this.ctx.clock.now(), toAdd, toRemove, node, {
      add: this.write(narrate.noScheduleAdded(node, toAdd)),
      remove: this.write(narrate.noScheduleRemoved(node, toRemove)),
    });
  }

  /** podUpdated queues pods newly bound to a node, to mark them not Ready at once if the node is not Ready. */
  private podUpdated(oldPod: PodObject | undefined, newPod: PodObject): void {
    const nodeName = newPod.spec?.nodeName;
    if (nodeName && (!oldPod || oldPod.spec?.nodeName !== nodeName)) this.podUpdateQueue.add(keyFunc(newPod));
  }

  /**
   * processPod marks a pod that was just bound to a NotReady or Unknown node not Ready. Pods of nodes the controller
   * has not judged yet wait for the node's next monitor pass.
   */
  private processPod(key: string): void {
    const { namespace, name } = splitKey(key);
    const pod = this.podInformer.get(namespace, name);
    if (!pod) return;
    const nodeName = pod.spec?.nodeName ?? '';
    const health = this.nodeHealthMap.get(nodeName);
    if (!health || !this.nodeInformer.get('', nodeName)) return;
    const ready = getNodeCondition(health.status, 'Ready');
    if (!ready || ready.status === 'True') return;
    const errs = markPodsNotReady(this.ctx.client, this.ctx.recorder, [pod], nodeName, this.ctx.clock.now(), this.name);
    if (errs.length > 0) this.podUpdateQueue.addRateLimited(key);
  }

  private write(reason: string) {
    return { actor: this.name, reason };
  }
}
