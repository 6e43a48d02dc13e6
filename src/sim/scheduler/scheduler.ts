// Mirrors pkg/scheduler/scheduler.go and eventhandlers.go: one profile (default-scheduler), the cache fed by
// Node and Pod watches, the scheduling queue, and one clock task per scheduling cycle.
import type { Node, Pod } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../api/object';
import type { SeededRandom } from '../clock/random';
import type { TimerHandle, VirtualClock } from '../clock/virtualClock';
import type { EventRecorder } from '../events/recorder';
import type { ApiClient, WatchEvent } from '../store/types';
import { getRequiredNodeAffinity } from '../api/core/v1/nodeSelector';
import { labelsEqual } from '../api/meta/v1/labels';
import { findMatchingUntoleratedTaint } from '../api/core/v1/toleration';
import { Cache } from './cache/cache';
import { Snapshot } from './cache/snapshot';
import type { NodeInfo } from './framework/nodeInfo';
import { Framework, type PluginConfig } from './framework/runtime';
import { defaultPlugins } from './plugins/defaultPlugins';
import { fits as nodeNameFits } from './plugins/nodename/nodeName';
import { fits as nodePortsFits } from './plugins/nodeports/nodePorts';
import { fits as resourcesFit } from './plugins/noderesources/fit';
import { newInTreeRegistry } from './plugins/registry';
import { nodeSchedulingPropertiesChange, type ClusterEvent } from './queue/events';
import { SchedulingQueue } from './queue/schedulingQueue';
import { scheduleOne, type SchedulingContext } from './scheduleOne';
import { unpackTrace, type PackedTrace, type PackedTraceWriter } from './packedTrace';
import type { SchedulingTrace } from './trace';
import { SharedLists } from './sharedLists';

/** DefaultSchedulerName is the name of the default profile; pods name it in spec.schedulerName. */
export const DefaultSchedulerName = 'default-scheduler';

/** SchedulerOptions configure the scheduler component. */
export interface SchedulerOptions {
  client: ApiClient;
  clock: VirtualClock;
  random: SeededRandom;
  recorder: EventRecorder;
  /** percentageOfNodesToScore; unset means adaptive (50% minus 1% per 125 nodes, at least 5%), as upstream. */
  percentageOfNodesToScore?: number;
  /** trace records a SchedulingTrace per attempt (default true); turn it off for throughput. */
  trace?: boolean;
  /** plugins of the profile; defaults to the upstream default profile. */
  plugins?: readonly PluginConfig[];
}

type PodObject = Pod & KubeObject;
type NodeObject = Node & KubeObject;

function assigned(pod: Pod): boolean {
  return !!pod.spec?.nodeName;
}

function responsibleForPod(pod: Pod): boolean {
  return (pod.spec?.schedulerName ?? DefaultSchedulerName) === DefaultSchedulerName;
}

function podKey(pod: Pod): string {
  return `${pod.metadata?.namespace ?? ''}/${pod.metadata?.name ?? ''}`;
}

/**
 * preCheckForNode only requeues pods that would fit the changed node on resources, node affinity, node name,
 * host ports and NoSchedule taints (upstream's admission check for node events).
 */
function preCheckForNode(nodeInfo: NodeInfo | undefined): ((pod: Pod) => boolean) | undefined {
  if (!nodeInfo?.node) return undefined;
  const node = nodeInfo.node;
  return (pod) =>
    resourcesFit(pod, nodeInfo).length === 0 &&
    getRequiredNodeAffinity(pod).match(node) &&
    nodeNameFits(pod, nodeInfo) &&
    nodePortsFits(pod, nodeInfo) &&
    !findMatchingUntoleratedTaint(node.spec?.taints, pod.spec?.tolerations, (t) => t.effect === 'NoSchedule');
}

/**
 * Scheduler watches for new unscheduled pods, finds the nodes where they fit and writes bindings back to the API
 * server. Each scheduling cycle handles one pod and is one clock task, so stepping the cluster shows one
 * decision at a time.
 */
export class Scheduler implements SchedulingContext {
  readonly fwk: Framework;
  readonly cache = new Cache();
  readonly snapshot = new Snapshot();
  readonly queue: SchedulingQueue;
  readonly client: ApiClient;
  readonly recorder: EventRecorder;
  readonly clock: VirtualClock;
  readonly random: SeededRandom;
  readonly percentageOfNodesToScore: number | undefined;
  readonly tracing: boolean;
  nextStartNodeIndex = 0;
  trace: PackedTraceWriter | undefined;
  private readonly traces = new Map<string, PackedTrace>();
  private readonly traceLists = new SharedLists();
  private pendingCycle: TimerHandle | undefined;
  private readonly unwatch: (() => void)[] = [];

  constructor(opts: SchedulerOptions) {
    this.client = opts.client;
    this.recorder = opts.recorder;
    this.clock = opts.clock;
    this.random = opts.random;
    this.percentageOfNodesToScore = opts.percentageOfNodesToScore;
    this.tracing = opts.trace ?? true;
    this.fwk = new Framework({
      registry: newInTreeRegistry(),
      plugins: opts.plugins ?? defaultPlugins,
      client: opts.client,
      recorder: opts.recorder,
      clock: opts.clock,
      snapshot: this.snapshot,
    });
    this.queue = new SchedulingQueue({
      clock: opts.clock,
      queueSort: this.fwk.queueSortPlugin,
      preEnqueuePlugins: this.fwk.preEnqueuePlugins,
      isBound: (pod) => {
        const latest = this.client.get<PodObject>('Pod', pod.metadata?.namespace ?? '', pod.metadata?.name ?? '');
        return !latest || assigned(latest);
      },
      onActivity: () => this.kick(),
    });
    this.fwk.setPodNominator(this.queue.nominator);
    // An informer lists, then watches.
    for (const node of this.client.list<NodeObject>('Node')) this.onNode({ type: 'ADDED', object: node });
    for (const pod of this.client.list<PodObject>('Pod')) this.onPod({ type: 'ADDED', object: pod });
    this.unwatch.push(this.client.watch<NodeObject>('Node', (e) => this.onNode(e)));
    this.unwatch.push(this.client.watch<PodObject>('Pod', (e) => this.onPod(e)));
  }

  /** traceFor returns the latest scheduling attempt of a pod, if it was traced and the pod still exists. */
  traceFor(namespace: string, podName: string): SchedulingTrace | undefined {
    const packed = this.traces.get(`${namespace}/${podName}`);
    return packed && unpackTrace(packed);
  }

  recordTrace(trace: PackedTraceWriter): void {
    this.traces.set(`${trace.head.pod.namespace}/${trace.head.pod.name}`, trace.pack(this.traceLists));
  }

  /** stop stops watching; queued clock tasks become no-ops. */
  stop(): void {
    for (const u of this.unwatch.splice(0)) u();
    this.pendingCycle?.cancel();
    this.pendingCycle = undefined;
  }

  /** kick makes sure one scheduling cycle is queued on the clock while there is a pod to pop. */
  private kick(): void {
    if (this.pendingCycle || !this.queue.hasPoppable()) return;
    this.pendingCycle = this.clock.schedule(0, {
      owner: DefaultSchedulerName,
      label: 'scheduleOne',
      run: () => {
        this.pendingCycle = undefined;
        scheduleOne(this);
        this.kick();
      },
    });
  }

  private onNode(e: WatchEvent<NodeObject>): void {
    const node = e.object;
    const name = node.metadata.name ?? '';
    if (e.type === 'ADDED') {
      this.cache.addNode(node);
      this.moveAll('NodeAdd', this.cache.nodeInfo(name));
    } else if (e.type === 'MODIFIED') {
      const old = e.old ?? node;
      this.cache.updateNode(old, node);
      for (const evt of nodeSchedulingPropertiesChange(node, old)) this.moveAll(evt, this.cache.nodeInfo(name));
    } else {
      this.cache.removeNode(node);
      this.queue.moveAllToActiveOrBackoffQueue('NodeDelete');
    }
  }

  private moveAll(event: ClusterEvent, nodeInfo: NodeInfo | undefined): void {
    this.queue.moveAllToActiveOrBackoffQueue(event, preCheckForNode(nodeInfo));
  }

  private onPod(e: WatchEvent<PodObject>): void {
    const pod = e.object;
    if (e.type === 'ADDED') {
      if (assigned(pod)) this.addPodToCache(pod);
      else if (responsibleForPod(pod) && !pod.metadata.deletionTimestamp) this.queue.add(pod);
      return;
    }
    if (e.type === 'DELETED') {
      this.traces.delete(podKey(pod));
      const old = e.old ?? pod;
      if (assigned(old) || assigned(pod)) {
        const cached = this.cache.getPod(pod);
        if (cached) this.cache.removePod(cached);
        this.queue.moveAllToActiveOrBackoffQueue('AssignedPodDelete');
      } else {
        this.queue.delete(pod);
      }
      return;
    }
    const old = e.old;
    if (!old) return;
    if (assigned(old)) {
      const cached = this.cache.getPod(pod);
      if (cached) this.cache.updatePod(cached, pod);
      else this.cache.addPod(pod);
      if (!labelsEqual(old.metadata.labels, pod.metadata.labels)) {
        this.queue.moveAllToActiveOrBackoffQueue('AssignedPodUpdate');
      }
    } else if (assigned(pod)) {
      // The pod was bound: it leaves the queue and joins the cache (confirming our assumption, if it was ours).
      this.queue.delete(pod);
      this.addPodToCache(pod);
    } else if (responsibleForPod(pod) && !pod.metadata.deletionTimestamp) {
      if (old.metadata.resourceVersion !== undefined && old.metadata.resourceVersion === pod.metadata.resourceVersion) return;
      this.queue.update(old, pod);
    } else {
      this.queue.delete(pod);
    }
  }

  private addPodToCache(pod: PodObject): void {
    const cached = this.cache.getPod(pod);
    if (cached && !this.cache.isAssumedPod(pod)) this.cache.updatePod(cached, pod);
    else this.cache.addPod(pod);
    this.queue.moveAllToActiveOrBackoffQueue('AssignedPodAdd');
  }
}
