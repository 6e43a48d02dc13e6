// Mirrors pkg/controller/replicaset/replica_set.go (NewBaseController, the informer handlers, syncReplicaSet,
// claimPods, manageReplicas, slowStartBatch, getIndirectlyRelatedPods); leaves out metrics and the consistency store.
// Upstream sends a batch's creates (and all deletes) from parallel goroutines that each wait on the client's rate
// limiter; here they go one after another, each when the limiter has a token (RequestPacer), which is the same order
// of arrival at the API server. A sync that waits keeps its worker and its key until the last request went.
// A sync with nothing to adopt or release counts its pods from a running tally (podTally.ts) instead of reading every
// pod, and getIndirectlyRelatedPods is counted per node from the same tally, with the same results.
//
// ### ATTENTION ###
//
// This code implements both ReplicaSet and ReplicationController.
//
// For RC, the objects are converted on the way in (see conversion.ts), as if ReplicationController were just an
// older API version of ReplicaSet. However, RC and RS still have separate storage and separate instantiations of
// ReplicaSetController, each with its own queue and expectations.
//
// Use rs.kind in messages rather than hard-coding "ReplicaSet".
import type { OwnerReference } from 'kubernetes-types/meta/v1';
import type { KubeObject } from '../../api/object';
import { type Informer, keyFunc, splitKey } from '../../client/informer';
import { WorkQueue, type SyncResult } from '../../client/workqueue';
import { RequestPacer } from '../../client/flowcontrol/requestPacer';
import { Later } from '../../clock/later';
import { labelSelectorAsSelector, type Selector } from '../../api/meta/v1/labelSelector';
import type { Controller, ControllerContext } from '../controllerContext';
import { PodControllerRefManager, recheckDeletionTimestamp } from '../controllerRefManager';
import {
  activePodsOwnedBy,
  addPodControllerUIDIndexer,
  filterActivePods,
  filterClaimedPods,
  filterPodsByOwner,
  filterTerminatingPods,
  findMinNextPodAvailabilityCheck,
  getControllerOf,
  SLOW_START_INITIAL_BATCH_SIZE,
  type PodObject,
} from '../controllerUtils';
import { isNamespaceTerminating, isNotFound, PodControl } from '../podControl';
import { isPodReady } from '../podUtil';
import { REPLICA_SET, REPLICATION_CONTROLLER, type ReplicaSetKind, type ReplicaSetLike, type ReplicaSetStatus } from './conversion';
import { UIDTrackingControllerExpectations } from './expectations';
import * as narrate from './narration';
import { getPodsToDeleteRanked, type ActivePodsOnNodes } from './podsToDelete';
import { PodTally, type NamespaceClass } from './podTally';
import { calculateStatus, countPods, hasLabels, templateLabelsOf, updateReplicaSetStatus, type PodCounts } from './replicaSetUtils';
import { labelsEqual } from '../../api/meta/v1/labels';

/** BURST_REPLICAS caps the creates or deletes of one sync; the rest wait for the watch events and the next sync. */
export const BURST_REPLICAS = 500;

/** kube-controller-manager's --concurrent-replicaset-syncs default: how many ReplicaSets sync at once. */
export const CONCURRENT_RS_SYNCS = 5;

/** CONTROLLER_UID_INDEX indexes ReplicaSets by their own controller's uid, to find a Deployment's other ReplicaSets. */
const CONTROLLER_UID_INDEX = 'controllerUID';

/**
 * ReplicaSetController keeps the number of active pods matching a ReplicaSet (or ReplicationController) at
 * spec.replicas: it adopts and releases pods, creates missing ones in slow-start batches, deletes surplus ones in
 * ActivePodsWithRanks order, and reports counts in status.
 */
export class ReplicaSetController implements Controller {
  readonly name: string;
  /** What each ReplicaSet still expects to observe of its own creates and deletes, keyed `namespace/name`. */
  readonly expectations: UIDTrackingControllerExpectations;
  private readonly queue: WorkQueue;
  private readonly rsInformer: Informer<KubeObject>;
  private readonly podInformer: Informer<PodObject>;
  private readonly podControl: PodControl;
  private readonly pacer: RequestPacer;
  private readonly tally: PodTally;
  private lastKeyed: { rs: KubeObject; key: string } | undefined;

  constructor(
    private readonly ctx: ControllerContext,
    private readonly kind: ReplicaSetKind = REPLICA_SET,
    private readonly burstReplicas: number = BURST_REPLICAS,
  ) {
    this.name = kind.controllerName;
    this.expectations = new UIDTrackingControllerExpectations(ctx.clock);
    this.queue = new WorkQueue(ctx.clock, this.name, (key) => this.sync(key), { rateLimiter: ctx.rateLimiter, workers: CONCURRENT_RS_SYNCS });
    this.pacer = new RequestPacer(ctx.clock, this.name, ctx.rateLimiter);
    this.podControl = new PodControl(ctx.client, ctx.recorder, this.name);
    this.rsInformer = ctx.informers.forKind(kind.kind);
    this.rsInformer.addIndexer(CONTROLLER_UID_INDEX, (rs) => {
      const ref = getControllerOf(rs);
      return ref ? [ref.uid] : [];
    });
    this.podInformer = ctx.informers.forKind<PodObject>('Pod');
    addPodControllerUIDIndexer(this.podInformer);
    this.tally = PodTally.for(this.podInformer);
    this.rsInformer.addEventHandler({
      add: (rs) => this.enqueue(rs),
      update: (old, cur) => this.updateRS(old, cur),
      delete: (rs) => this.deleteRS(rs),
    });
    this.podInformer.addEventHandler({
      add: (pod) => this.addPod(pod),
      update: (old, cur) => this.updatePod(old, cur),
      delete: (pod) => this.deletePod(pod),
    });
  }

  private enqueue(rs: KubeObject): void {
    this.queue.add(this.keyOf(rs));
  }

  /**
   * keyOf is keyFunc, remembered for the last ReplicaSet asked about: its pods' events come in runs, and the queue
   * and the expectations would hash a new key string for each.
   */
  private keyOf(rs: KubeObject): string {
    if (this.lastKeyed?.rs !== rs) this.lastKeyed = { rs, key: keyFunc(rs) };
    return this.lastKeyed.key;
  }

  private updateRS(old: KubeObject, cur: KubeObject): void {
    // A ReplicaSet deleted and re-created under the same name between two events: forget the old one first.
    if (old.metadata.uid !== cur.metadata.uid) this.deleteRS(old);
    // Sync on every update, not only spec changes, so that a resync can retry a ReplicaSet whose creates failed.
    this.enqueue(cur);
  }

  private deleteRS(rs: KubeObject): void {
    const key = keyFunc(rs);
    // Delete expectations so that a new ReplicaSet with the same name starts clean.
    this.expectations.deleteExpectations(key);
    this.queue.add(key);
  }

  /** addPod: a pod with a controller reference counts toward its owner's expected creates; an orphan wakes every ReplicaSet that could adopt it. */
  private addPod(pod: PodObject): void {
    if (pod.metadata.deletionTimestamp) {
      // A pod may show up already being deleted; it must not count as an observed creation.
      this.deletePod(pod);
      return;
    }
    const ref = getControllerOf(pod);
    if (ref) {
      const rs = this.resolveControllerRef(pod.metadata.namespace ?? '', ref);
      if (!rs) return;
      const key = this.keyOf(rs);
      this.expectations.creationObserved(key);
      this.queue.add(key);
      return;
    }
    // An orphan: no controller is waiting for it, so do not observe a creation.
    for (const rs of this.getPodReplicaSets(pod)) this.enqueue(rs);
  }

  private updatePod(old: PodObject, cur: PodObject): void {
    if (cur.metadata.resourceVersion === old.metadata.resourceVersion) return;
    const labelChanged = !labelsEqual(cur.metadata.labels, old.metadata.labels);
    if (cur.metadata.deletionTimestamp) {
      // A graceful delete starts with this update; the ReplicaSet should replace the pod now, not when the kubelet
      // finishes. deletionTimestamp cannot be unset, so the old pod needs no check.
      this.deletePod(cur);
      if (labelChanged) this.deletePod(old);
      return;
    }
    const curRef = getControllerOf(cur);
    const oldRef = getControllerOf(old);
    // Most updates keep the very same reference object (the store copies only what changes).
    const refChanged = curRef !== oldRef && JSON.stringify(curRef) !== JSON.stringify(oldRef);
    if (refChanged && oldRef) {
      const oldRS = this.resolveControllerRef(old.metadata.namespace ?? '', oldRef);
      if (oldRS) this.enqueue(oldRS);
    }
    if (curRef) {
      const rs = this.resolveControllerRef(cur.metadata.namespace ?? '', curRef);
      if (!rs) return;
      this.enqueue(rs);
      // A pod that just became Ready becomes available minReadySeconds later, with no event to say so: look again
      // then, plus a second against skew (as upstream). Readiness first: reading minReadySeconds converts the ReplicaSet.
      if (isPodReady(old) || !isPodReady(cur)) return;
      const minReadySeconds = this.kind.asReplicaSet(rs).spec.minReadySeconds;
      if (minReadySeconds > 0) this.queue.addAfter(this.keyOf(rs), (minReadySeconds + 1) * 1000);
      return;
    }
    if (labelChanged || refChanged) for (const rs of this.getPodReplicaSets(cur)) this.enqueue(rs);
  }

  /** deletePod counts an expected deletion, whether seen as the delete or as the update that set deletionTimestamp. */
  private deletePod(pod: PodObject): void {
    const ref = getControllerOf(pod);
    if (!ref) return;
    const rs = this.resolveControllerRef(pod.metadata.namespace ?? '', ref);
    if (!rs) return;
    const key = this.keyOf(rs);
    this.expectations.deletionObserved(key, keyFunc(pod));
    this.queue.add(key);
  }

  /** resolveControllerRef finds the controller a reference names, if it is of our kind and has the same uid. */
  private resolveControllerRef(namespace: string, ref: OwnerReference): KubeObject | undefined {
    if (ref.kind !== this.kind.kind) return undefined;
    const rs = this.rsInformer.get(namespace, ref.name);
    return rs && rs.metadata.uid === ref.uid ? rs : undefined;
  }

  /** getPodReplicaSets lists the ReplicaSets whose selector matches the pod; an empty selector matches nothing here. */
  private getPodReplicaSets(pod: PodObject): KubeObject[] {
    return this.rsInformer.list(pod.metadata.namespace).filter((obj) => {
      const selector = selectorOf(this.kind.asReplicaSet(obj));
      return selector !== undefined && !selector.empty() && selector.matches(pod.metadata.labels);
    });
  }

  /**
   * sync is syncReplicaSet: it claims pods, manages replicas if the expectations are satisfied and the ReplicaSet
   * is not being deleted, then writes status. It throws (or finishes later with) an error to have the key retried
   * with back-off; while its creates or deletes wait for the client's rate limiter it finishes later.
   */
  sync(key: string): SyncResult {
    const { namespace, name } = splitKey(key);
    const obj = this.rsInformer.get(namespace, name);
    if (!obj) {
      this.expectations.deleteExpectations(key);
      return;
    }
    const rs = this.kind.asReplicaSet(obj);
    const rsNeedsSync = this.expectations.satisfiedExpectations(key);
    // An invalid selector will not become valid by retrying.
    const selector = selectorOf(rs);
    if (!selector) return;

    const now = this.ctx.clock.now();
    // Most syncs follow a pod's status change, with nothing to adopt or release: the pod tally has the counts.
    const tallied = this.tallyPods(obj, rs, selector);
    let counts: PodCounts;
    let activePods: () => PodObject[];
    if (tallied) {
      counts = tallied;
      // Claiming would keep exactly the active pods we control.
      activePods = () => activePodsOwnedBy(this.podInformer, obj.metadata);
    } else {
      const allRSPods = filterPodsByOwner(this.podInformer, obj.metadata, true);
      const { claimed, error: claimErr } = this.claimPods(obj, rs, selector, filterActivePods(allRSPods));
      if (claimErr) throw claimErr;
      const terminatingPods = this.kind.statusTerminatingReplicas ? filterClaimedPods(obj.metadata.uid, selector, filterTerminatingPods(allRSPods)) : [];
      counts = countPods(rs, claimed, terminatingPods, now);
      activePods = () => claimed;
    }

    // Status is worked out from the pods as listed above, even when it is written after the creates and deletes.
    const finish = (manageReplicasErr: Error | undefined): void => {
      const updated = this.updateStatus(obj, rs, calculateStatus(rs, counts, manageReplicasErr, this.kind.statusTerminatingReplicas, now));
      const status = updated.status!;
      const minReadySeconds = updated.spec.minReadySeconds;
      if (minReadySeconds > 0 && status.readyReplicas !== status.availableReplicas) {
        // Look again just after the next Ready pod has been Ready for minReadySeconds.
        const at = this.ctx.clock.now();
        this.queue.addAfter(key, findMinNextPodAvailabilityCheck(activePods(), minReadySeconds, at) ?? minReadySeconds * 1000);
      }
      if (manageReplicasErr) throw manageReplicasErr;
    };
    if (!rsNeedsSync || obj.metadata.deletionTimestamp) return finish(undefined);
    const managed = this.manageReplicas(counts.replicas, activePods, obj, rs);
    if (managed.isSettled) {
      managed.then(finish);
      return;
    }
    const finished = new Later<unknown>();
    managed.then((err) => {
      try {
        finish(err);
        finished.settle(undefined);
      } catch (syncErr) {
        finished.settle(syncErr);
      }
    });
    return finished;
  }

  /**
   * tallyPods counts the ReplicaSet's pods from the pod tally when claiming them would change nothing: no active
   * orphan that might be adopted and no active pod of ours that no longer matches (to release). Otherwise, and
   * while availability waits on minReadySeconds, it returns undefined and the sync reads every pod as upstream.
   */
  private tallyPods(obj: KubeObject, rs: ReplicaSetLike, selector: Selector): PodCounts | undefined {
    const namespace = obj.metadata.namespace ?? '';
    const uid = obj.metadata.uid;
    if (!uid || rs.spec.minReadySeconds > 0) return undefined;
    for (const orphans of this.tally.orphans(namespace)) if (orphans.active > 0) return undefined;
    const templateLabels = templateLabelsOf(rs);
    const counts: PodCounts = { replicas: 0, fullyLabeled: 0, ready: 0, available: 0, terminating: 0 };
    for (const cls of this.tally.owned(namespace, uid)) {
      if (!selector.matches(cls.labels)) {
        if (cls.active > 0) return undefined;
        continue;
      }
      counts.replicas += cls.active;
      if (hasLabels(cls.labels, templateLabels)) counts.fullyLabeled += cls.active;
      counts.ready += cls.activeReady;
      counts.terminating += cls.terminating;
    }
    // With minReadySeconds 0, a Ready pod is available.
    counts.available = counts.ready;
    return counts;
  }

  /** updateStatus writes the new status (if it changed) and returns the ReplicaSet as stored. */
  private updateStatus(obj: KubeObject, rs: ReplicaSetLike, newStatus: ReplicaSetStatus): ReplicaSetLike {
    const updated = this.kind.asReplicaSet(
      updateReplicaSetStatus(this.ctx.client, obj, rs, newStatus, (status) => ({ actor: this.name, reason: narrate.updatedStatus(rs, status) })),
    );
    return updated.status ? updated : { ...updated, status: newStatus };
  }

  private claimPods(obj: KubeObject, rs: ReplicaSetLike, selector: Selector, pods: PodObject[]): { claimed: PodObject[]; error?: Error } {
    const manager = new PodControllerRefManager({
      podControl: this.podControl,
      controller: obj,
      selector,
      controllerKind: { apiVersion: this.kind.apiVersion, kind: this.kind.kind },
      // Before adopting, re-read the ReplicaSet uncached: it may have been deleted since the cache saw it.
      canAdopt: recheckDeletionTimestamp(() => {
        const fresh = this.ctx.client.get<KubeObject>(this.kind.kind, obj.metadata.namespace ?? '', obj.metadata.name ?? '');
        if (!fresh) throw new Error(`${this.kind.kind} ${obj.metadata.namespace}/${obj.metadata.name} not found`);
        if (fresh.metadata.uid !== obj.metadata.uid) {
          throw new Error(`original ${this.kind.kind} ${obj.metadata.namespace}/${obj.metadata.name} is gone: got uid ${fresh.metadata.uid}, wanted ${obj.metadata.uid}`);
        }
        return fresh;
      }),
      adoptContext: (pod) => ({ actor: this.name, reason: narrate.adoptedPod(rs, pod.metadata.name ?? '') }),
      releaseContext: (pod) => ({ actor: this.name, reason: narrate.releasedPod(rs, pod.metadata.name ?? '') }),
    });
    return manager.claimPods(pods);
  }

  /**
   * manageReplicas creates or deletes pods to reach spec.replicas; it settles with (not throws) the first error. The
   * active pods are listed only when some must go.
   */
  private manageReplicas(active: number, activePods: () => PodObject[], obj: KubeObject, rs: ReplicaSetLike): Later<Error | undefined> {
    const key = keyFunc(obj);
    const diff = active - rs.spec.replicas;
    if (diff < 0) return this.createReplicas(Math.min(-diff, this.burstReplicas), active, key, obj, rs);
    if (diff > 0) return this.deleteReplicas(Math.min(diff, this.burstReplicas), activePods(), key, obj, rs);
    return Later.now<Error | undefined>(undefined);
  }

  private createReplicas(count: number, has: number, key: string, obj: KubeObject, rs: ReplicaSetLike): Later<Error | undefined> {
    // Expect the creates before making them: their watch events may arrive before the creates return.
    this.expectations.expectCreations(key, count);
    const controllerRef: OwnerReference = {
      apiVersion: this.kind.apiVersion,
      kind: this.kind.kind,
      name: obj.metadata.name ?? '',
      uid: obj.metadata.uid ?? '',
      controller: true,
      blockOwnerDeletion: true,
    };
    let created = 0;
    const batches = slowStartBatch(count, SLOW_START_INITIAL_BATCH_SIZE, this.pacer, (batchSize) => {
      try {
        const reason = narrate.createdPod(rs, has + created, batchSize, this.pacer.takeThrottling());
        this.podControl.createPods(rs.spec.template ?? {}, obj, controllerRef, { actor: this.name, reason });
        created++;
      } catch (err) {
        // Every create fails in a terminating namespace; that is no reason to retry.
        if (!isNamespaceTerminating(err)) throw err;
      }
    });
    const result = new Later<Error | undefined>();
    batches.then(({ successes, error }) => {
      // Creates never attempted, or failed, will not be observed by the informer.
      for (let skipped = count - successes; skipped > 0; skipped--) this.expectations.creationObserved(key);
      result.settle(error);
    });
    return result;
  }

  private deleteReplicas(count: number, activePods: PodObject[], key: string, obj: KubeObject, rs: ReplicaSetLike): Later<Error | undefined> {
    const chosen = getPodsToDeleteRanked(activePods, () => this.getIndirectlyRelatedPodsOnNodes(obj), count, this.ctx.clock.now());
    // Snapshot the pods expected to go, so each deletion is counted once, whether seen as an update or a delete.
    this.expectations.expectDeletions(
      key,
      chosen.map((c) => keyFunc(c.pod)),
    );
    let firstErr: Error | undefined;
    const deleteOne = ({ pod, ranked }: (typeof chosen)[number]): void => {
      const why = ranked ? narrate.whyChosen(ranked.self, ranked.kept, ranked.order) : narrate.ALL_PODS_GO;
      try {
        this.podControl.deletePod(pod.metadata.namespace ?? '', pod.metadata.name ?? '', obj, {
          actor: this.name,
          reason: narrate.deletedPod(rs, pod.metadata.name ?? '', activePods.length, why, this.pacer.takeThrottling()),
        });
      } catch (err) {
        // The informer will not observe a deletion that failed.
        this.expectations.deletionObserved(key, keyFunc(pod));
        if (!isNotFound(err)) firstErr ??= err instanceof Error ? err : new Error(String(err));
      }
    };
    const result = new Later<Error | undefined>();
    let next = 0;
    const deleteRest = (): void => {
      for (; next < chosen.length; next++) {
        if (!this.pacer.ready()) return this.pacer.whenReady(deleteRest);
        deleteOne(chosen[next]);
      }
      result.settle(firstErr);
    };
    deleteRest();
    return result;
  }

  /**
   * getIndirectlyRelatedPodsOnNodes counts, per node, the active pods of every ReplicaSet with the same controller
   * (none without one): upstream's getIndirectlyRelatedPods, counted from the pod tally by label set rather than
   * by reading every pod of the namespace. A pod selected by several of them counts once.
   */
  private getIndirectlyRelatedPodsOnNodes(obj: KubeObject): ActivePodsOnNodes {
    const podsOnNode = new Map<string, number>();
    const ref = getControllerOf(obj);
    if (!ref) return podsOnNode;
    const seen = new Set<NamespaceClass>();
    for (const relatedRS of this.rsInformer.byIndex(CONTROLLER_UID_INDEX, ref.uid)) {
      const selector = selectorOf(this.kind.asReplicaSet(relatedRS));
      if (!selector) continue;
      for (const cls of this.tally.inNamespace(relatedRS.metadata.namespace ?? '')) {
        if (seen.has(cls) || !selector.matches(cls.labels)) continue;
        seen.add(cls);
        for (const [node, count] of cls.activeOnNode) podsOnNode.set(node, (podsOnNode.get(node) ?? 0) + count);
      }
    }
    return podsOnNode;
  }
}

/** selectorOf converts the ReplicaSet's selector; undefined when it is invalid (an unknown operator). */
function selectorOf(rs: ReplicaSetLike): Selector | undefined {
  try {
    return labelSelectorAsSelector(rs.spec.selector);
  } catch {
    return undefined;
  }
}

export interface SlowStartResult {
  successes: number;
  error?: Error;
}

/**
 * slowStartBatch calls `fn` `count` times in batches of initialBatchSize, 2x, 4x, ...: a whole batch runs, and the
 * first batch with a failure stops the rest. This keeps a controller that would fail every create (a quota, an
 * admission webhook) from spamming the API server and the Events. Each call waits for the pacer (the client's rate
 * limiter). It settles with the successes and the first error.
 */
export function slowStartBatch(count: number, initialBatchSize: number, pacer: RequestPacer, fn: (batchSize: number) => void): Later<SlowStartResult> {
  const result = new Later<SlowStartResult>();
  let remaining = count;
  let successes = 0;
  let batchSize = Math.min(remaining, initialBatchSize);
  let calls = 0;
  const errors: Error[] = [];
  const run = (): void => {
    while (batchSize > 0) {
      if (!pacer.ready()) return pacer.whenReady(run);
      try {
        fn(batchSize);
        successes++;
      } catch (err) {
        errors.push(err instanceof Error ? err : new Error(String(err)));
      }
      if (++calls < batchSize) continue;
      if (errors.length > 0) return result.settle({ successes, error: errors[0] });
      remaining -= batchSize;
      batchSize = Math.min(2 * batchSize, remaining);
      calls = 0;
    }
    result.settle({ successes });
  };
  run();
  return result;
}

/** newReplicaSetController starts `replicaset-controller`. */
export function newReplicaSetController(ctx: ControllerContext): ReplicaSetController {
  return new ReplicaSetController(ctx, REPLICA_SET);
}

/** newReplicationManager starts `replication-controller`: the same controller, for ReplicationControllers. */
export function newReplicationManager(ctx: ControllerContext): ReplicaSetController {
  return new ReplicaSetController(ctx, REPLICATION_CONTROLLER);
}
