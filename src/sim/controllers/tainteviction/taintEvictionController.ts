// Mirrors pkg/controller/tainteviction/taint_eviction.go (the "taint manager"): NodeUpdated/PodUpdated,
// handleNodeUpdate, handlePodUpdate, processPodOnNode, deletePodHandler and addConditionAndDeletePod. Leaves out
// metrics and the worker sharding by node name; a node's updates and its pods' updates go through two work queues
// on the one virtual clock, so nothing races. A failed deletion is not retried: in the simulation a retry would fail
// the same way.
import type { Taint } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../api/object';
import { taintToString } from '../../api/core/v1/taint';
import { type Informer, keyFunc, splitKey } from '../../client/informer';
import { WorkQueue } from '../../client/workqueue';
import type { VirtualMs } from '../../clock/virtualClock';
import type { EventSource } from '../../events/recorder';
import { deepEqual } from '../../store/mergePatch';
import type { Controller, ControllerContext } from '../controllerContext';
import type { PodObject } from '../controllerUtils';
import { seconds } from '../nodelifecycle/narration';
import type { NodeObject } from '../nodelifecycle/nodeTaints';
import { addPodNodeNameIndexer, getPodsAssignedToNode } from '../nodelifecycle/podNodeNameIndex';
import { updatePodCondition } from '../nodelifecycle/updatePodCondition';
import { TimedWorkerQueue, type WorkArgs } from './timedWorkers';
import { getMatchingTolerations, getMinTolerationTime, getNoExecuteTaints } from './tolerations';

/** TAINT_EVICTION_CONTROLLER is the controller's name, its Event source and the actor of its writes. */
export const TAINT_EVICTION_CONTROLLER = 'taint-eviction-controller';

const SOURCE: EventSource = { component: TAINT_EVICTION_CONTROLLER };

/**
 * TaintEvictionController deletes the pods of nodes tainted NoExecute: at once when a pod does not tolerate every
 * such taint, after the shortest tolerationSeconds of the matching tolerations otherwise, never when they tolerate
 * forever. A scheduled deletion is cancelled when the taints go away, or when the pod is deleted or moved.
 */
export class TaintEvictionController implements Controller {
  readonly name = TAINT_EVICTION_CONTROLLER;
  /** Each tainted node's NoExecute taints, as last seen. */
  private readonly taintedNodes = new Map<string, Taint[]>();
  private readonly taintEvictionQueue: TimedWorkerQueue;
  private readonly nodeUpdateQueue: WorkQueue;
  private readonly podUpdateQueue: WorkQueue;
  private readonly podInformer: Informer<PodObject>;
  private readonly nodeInformer: Informer<NodeObject>;

  constructor(private readonly ctx: ControllerContext) {
    this.taintEvictionQueue = new TimedWorkerQueue(ctx.clock, this.name, (args) => this.deletePod(args));
    this.nodeUpdateQueue = new WorkQueue(ctx.clock, this.name, (nodeName) => this.handleNodeUpdate(nodeName), { rateLimiter: ctx.rateLimiter });
    this.podUpdateQueue = new WorkQueue(ctx.clock, this.name, (key) => this.handlePodUpdate(key), { rateLimiter: ctx.rateLimiter });
    this.podInformer = ctx.informers.forKind<PodObject>('Pod');
    this.nodeInformer = ctx.informers.forKind<NodeObject>('Node');
    addPodNodeNameIndexer(this.podInformer);
    this.podInformer.addEventHandler({
      add: (pod) => this.podUpdated(undefined, pod),
      update: (old, cur) => this.podUpdated(old, cur),
      delete: (pod) => this.podUpdated(pod, undefined),
    });
    this.nodeInformer.addEventHandler({
      add: (node) => this.nodeUpdated(undefined, node),
      update: (old, cur) => this.nodeUpdated(old, cur),
      delete: (node) => this.nodeUpdated(node, undefined),
    });
  }

  /** podUpdated queues a pod whose node or tolerations changed, or that came or went. */
  private podUpdated(oldPod: PodObject | undefined, newPod: PodObject | undefined): void {
    if (oldPod && newPod && deepEqual(oldPod.spec?.tolerations ?? [], newPod.spec?.tolerations ?? []) && oldPod.spec?.nodeName === newPod.spec?.nodeName) {
      return;
    }
    this.podUpdateQueue.add(keyFunc((newPod ?? oldPod)!));
  }

  /** nodeUpdated queues a node whose NoExecute taints changed, or that came or went. */
  private nodeUpdated(oldNode: NodeObject | undefined, newNode: NodeObject | undefined): void {
    if (oldNode && newNode && deepEqual(getNoExecuteTaints(oldNode.spec?.taints), getNoExecuteTaints(newNode.spec?.taints))) return;
    this.nodeUpdateQueue.add((newNode ?? oldNode)!.metadata.name ?? '');
  }

  private handlePodUpdate(key: string): void {
    const { namespace, name } = splitKey(key);
    const pod = this.podInformer.get(namespace, name);
    if (!pod) {
      this.cancelWorkWithEvent(namespace, name);
      return;
    }
    const nodeName = pod.spec?.nodeName;
    if (!nodeName) return;
    // A node without NoExecute taints (or already gone) had its evictions cancelled when its taints went.
    const taints = this.taintedNodes.get(nodeName);
    if (!taints) return;
    this.processPodOnNode(pod, nodeName, taints, this.ctx.clock.now());
  }

  private handleNodeUpdate(nodeName: string): void {
    const node = this.nodeInformer.get('', nodeName);
    if (!node) {
      this.taintedNodes.delete(nodeName);
      return;
    }
    const taints = getNoExecuteTaints(node.spec?.taints);
    // Record the taints before listing the pods: a pod bound later is checked against them by handlePodUpdate.
    if (taints.length === 0) this.taintedNodes.delete(nodeName);
    else this.taintedNodes.set(nodeName, taints);
    const pods = getPodsAssignedToNode(this.podInformer, nodeName);
    if (pods.length === 0) return;
    if (taints.length === 0) {
      for (const pod of pods) this.cancelWorkWithEvent(pod.metadata.namespace ?? '', pod.metadata.name ?? '');
      return;
    }
    const now = this.ctx.clock.now();
    for (const pod of pods) this.processPodOnNode(pod, nodeName, taints, now);
  }

  /**
   * processPodOnNode decides one pod's fate on a tainted node: delete now if some taint is not tolerated; never if
   * every matching toleration is unbounded; else at the earliest expiry, keeping an eviction scheduled earlier.
   */
  private processPodOnNode(pod: PodObject, nodeName: string, taints: readonly Taint[], now: VirtualMs): void {
    const namespace = pod.metadata.namespace ?? '';
    const name = pod.metadata.name ?? '';
    const key = `${namespace}/${name}`;
    if (taints.length === 0) this.cancelWorkWithEvent(namespace, name);
    const matching = getMatchingTolerations(taints, pod.spec?.tolerations);
    if (!matching.allTolerated) {
      // Cancel scheduled work, if any: the pod is deleted right away.
      this.cancelWorkWithEvent(namespace, name);
      const why = `it does not tolerate ${taintToString(matching.untolerated!)}`;
      this.taintEvictionQueue.addWork({ namespace, name, nodeName, why }, now, now);
      return;
    }
    const minTolerationTime = getMinTolerationTime(matching.used);
    if (minTolerationTime < 0) {
      this.cancelWorkWithEvent(namespace, name);
      return;
    }
    let startTime = now;
    const triggerTime = now + minTolerationTime;
    const scheduled = this.taintEvictionQueue.getWorkerUnsafe(key);
    if (scheduled) {
      startTime = scheduled.createdAt;
      if (startTime + minTolerationTime < triggerTime) return;
      this.cancelWorkWithEvent(namespace, name);
    }
    const why = `it tolerated ${shortestToleratedTaint(taints, matching.used)} for ${seconds(minTolerationTime)} and that time is up`;
    this.taintEvictionQueue.addWork({ namespace, name, nodeName, why }, startTime, triggerTime);
  }

  private cancelWorkWithEvent(namespace: string, name: string): void {
    if (this.taintEvictionQueue.cancelWork(`${namespace}/${name}`)) {
      this.ctx.recorder.event(podRef(namespace, name), 'Normal', 'TaintManagerEviction', `Cancelling deletion of Pod ${namespace}/${name}`, SOURCE);
    }
  }

  /**
   * deletePod records TaintManagerEviction, marks the pod DisruptionTarget=True and deletes it gracefully: on a dead
   * node it stays Terminating, but its controller already counts it gone and makes a replacement.
   */
  private deletePod(args: WorkArgs): void {
    const { namespace, name, nodeName } = args;
    this.ctx.recorder.event(podRef(namespace, name), 'Normal', 'TaintManagerEviction', `Marking for deletion Pod ${namespace}/${name}`, SOURCE);
    const pod = this.ctx.client.get<PodObject>('Pod', namespace, name);
    if (!pod) return;
    try {
      const next = structuredClone(pod) as PodObject;
      const status = (next.status ??= {});
      const condition = {
        type: 'DisruptionTarget',
        status: 'True',
        // A zero metav1.Time serialises as null, as kubectl shows it.
        lastProbeTime: null as unknown as undefined,
        reason: 'DeletionByTaintManager',
        message: 'Taint manager: deleting due to NoExecute taint',
      };
      if (updatePodCondition(status, condition, this.ctx.clock.now())) {
        this.ctx.client.updateStatus(next, {
          actor: this.name,
          reason: `marked pod ${namespace}/${name} DisruptionTarget=True (DeletionByTaintManager): it is about to be evicted from node ${nodeName}`,
        });
      }
      this.ctx.client.delete('Pod', namespace, name, { actor: this.name, reason: `evicted pod ${namespace}/${name} from node ${nodeName}: ${args.why}` });
    } catch {
      // The pod went away meanwhile, or the write was refused: nothing left to do, as after upstream's retries.
    }
  }
}

/** podRef is the reference upstream records eviction events on: apiVersion, kind, namespace and name, no uid. */
function podRef(namespace: string, name: string): KubeObject {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { namespace, name } };
}

/** shortestToleratedTaint names the taint whose toleration runs out first (used[i] tolerates taints[i]). */
function shortestToleratedTaint(taints: readonly Taint[], used: readonly { tolerationSeconds?: number }[]): string {
  let best = 0;
  for (let i = 1; i < used.length; i++) {
    if ((used[i]!.tolerationSeconds ?? Infinity) < (used[best]!.tolerationSeconds ?? Infinity)) best = i;
  }
  return taints[best]!.key;
}
