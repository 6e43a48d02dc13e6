// Mirrors pkg/controller/deployment/deployment_controller.go: informer handlers that enqueue Deployment keys, the
// ControllerRef plumbing (resolveControllerRef, getDeploymentForPod, getReplicaSetsForDeployment), getPodMapForDeployment
// and syncDeployment, which picks pause, scaling or the strategy's rollout. Leaves out the deprecated rollbackTo
// (kubectl rolls back client-side) and the 15-retry cap (the shared work queue retries with back-off for ever).
// getPodMapForDeployment runs only for Recreate rollouts, the only ones that read it.
import { labelSelectorAsSelector } from '../../api/meta/v1/labelSelector';
import { keyFunc, splitKey, type Informer } from '../../client/informer';
import { WorkQueue } from '../../client/workqueue';
import type { VirtualMs } from '../../clock/virtualClock';
import type { Controller, ControllerContext } from '../controllerContext';
import { addPodControllerUIDIndexer, getControllerOf, POD_CONTROLLER_UID_INDEX, type PodObject } from '../controllerUtils';
import { claimReplicaSets } from './claimReplicaSets';
import { rolloutRecreate, type PodMap } from './recreate';
import { RECREATE, ROLLING_UPDATE } from './rolloutMath';
import type { DeploymentObject, ReplicaSetObject } from './replicaSets';
import { rolloutRolling } from './rolling';
import { checkPausedConditions, isScalingEvent, sync, syncStatusOnly } from './sync';
import { CONTROLLER_NAME, recordEvent, updateDeploymentStatus, type DeploymentSyncContext } from './syncContext';
import { deepCopy } from '../../store/deepCopy';

/**
 * DeploymentController synchronizes Deployments with their ReplicaSets: it creates and scales ReplicaSets for
 * RollingUpdate and Recreate rollouts, scales proportionally, cleans up history and reports progress. It writes only
 * Deployments (status and revision annotation) and ReplicaSets.
 */
export class DeploymentController implements Controller {
  readonly name = CONTROLLER_NAME;
  private readonly deployments: Informer<DeploymentObject>;
  private readonly replicaSets: Informer<ReplicaSetObject>;
  private readonly pods: Informer<PodObject>;
  private readonly queue: WorkQueue;
  private readonly syncCtx: DeploymentSyncContext;

  constructor(ctx: ControllerContext) {
    this.deployments = ctx.informers.forKind<DeploymentObject>('Deployment');
    this.replicaSets = ctx.informers.forKind<ReplicaSetObject>('ReplicaSet');
    this.pods = ctx.informers.forKind<PodObject>('Pod');
    addPodControllerUIDIndexer(this.pods);
    this.queue = new WorkQueue(ctx.clock, CONTROLLER_NAME, (key) => this.syncDeployment(key), { rateLimiter: ctx.rateLimiter });
    this.syncCtx = {
      client: ctx.client,
      recorder: ctx.recorder,
      now: () => ctx.clock.now(),
      getReplicaSet: (namespace, name) => this.replicaSets.get(namespace, name),
      // Upstream requeues a Deployment only to check its progress deadline: background work, not a pending step.
      enqueueAfter: (d, delay: VirtualMs) => this.queue.addAfter(keyFunc(d), delay, { background: true }),
      enqueueRateLimited: (d) => this.queue.addRateLimited(keyFunc(d)),
    };
    this.deployments.addEventHandler({
      add: (d) => this.enqueue(d),
      update: (_old, cur) => this.enqueue(cur),
      // The sync finds nothing and does nothing: the Deployment is gone from the cache.
      delete: (d) => this.enqueue(d),
    });
    this.replicaSets.addEventHandler({
      add: (rs) => this.addReplicaSet(rs),
      update: (old, cur) => this.updateReplicaSet(old, cur),
      delete: (rs) => this.deleteReplicaSet(rs),
    });
    this.pods.addEventHandler({ delete: (pod) => this.deletePod(pod) });
  }

  /**
   * syncDeployment converges one Deployment. A Deployment being deleted only gets its status synced; a paused one, or
   * one that was resized, is scaled proportionally; otherwise its strategy rolls it out one step.
   */
  syncDeployment(key: string): void {
    const { namespace, name } = splitKey(key);
    const cached = this.deployments.get(namespace, name);
    if (!cached) return;
    // Never mutate the cache: every sync works on a private copy. A sync never changes the spec, so the stored
    // (frozen) spec is shared rather than copied, and what is derived from its template can be remembered.
    const d = { ...cached, metadata: deepCopy(cached.metadata) } as DeploymentObject;
    if (cached.status) d.status = deepCopy(cached.status);
    const ctx = this.syncCtx;
    const selector = d.spec.selector;
    if (selector && Object.keys(selector).length === 0) {
      recordEvent(ctx, d, 'Warning', 'SelectingAll', 'This deployment is selecting all pods. A non-empty selector is required.');
      if ((d.status?.observedGeneration ?? 0) < (d.metadata.generation ?? 0)) {
        d.status = { ...d.status, observedGeneration: d.metadata.generation };
        updateDeploymentStatus(ctx, d, 'its empty selector would select every pod, so nothing else is done');
      }
      return;
    }
    const rsList = this.getReplicaSetsForDeployment(d);
    if (d.metadata.deletionTimestamp) return syncStatusOnly(ctx, d, rsList);
    checkPausedConditions(ctx, d);
    if (d.spec.paused) return sync(ctx, d, rsList);
    if (isScalingEvent(ctx, d, rsList)) return sync(ctx, d, rsList);
    switch (d.spec.strategy?.type) {
      case RECREATE:
        // Upstream lists the pods before these checks; only a Recreate rollout reads them, and listing them is
        // O(pods) for every sync.
        return rolloutRecreate(ctx, d, rsList, this.getPodMapForDeployment(rsList));
      case ROLLING_UPDATE:
        return rolloutRolling(ctx, d, rsList);
    }
    throw new Error(`unexpected deployment strategy type: ${d.spec.strategy?.type}`);
  }

  /** getReplicaSetsForDeployment claims the namespace's ReplicaSets: owned and matching, plus adopted orphans. */
  private getReplicaSetsForDeployment(d: DeploymentObject): ReplicaSetObject[] {
    const selector = labelSelectorAsSelector(d.spec.selector);
    return claimReplicaSets(this.syncCtx, d, selector, this.replicaSets.list(d.metadata.namespace));
  }

  /**
   * getPodMapForDeployment groups the pods of the given ReplicaSets by ReplicaSet uid, inactive pods included: a
   * Recreate rollout must know that no old pod still runs.
   */
  private getPodMapForDeployment(rsList: readonly ReplicaSetObject[]): PodMap {
    const podMap = new Map<string, PodObject[]>();
    for (const rs of rsList) podMap.set(rs.metadata.uid ?? '', this.pods.byIndex(POD_CONTROLLER_UID_INDEX, rs.metadata.uid ?? ''));
    return podMap;
  }

  private enqueue(d: DeploymentObject): void {
    this.queue.add(keyFunc(d));
  }

  private addReplicaSet(rs: ReplicaSetObject): void {
    if (rs.metadata.deletionTimestamp) return this.deleteReplicaSet(rs);
    const ref = getControllerOf(rs);
    if (ref) {
      const d = this.resolveControllerRef(rs.metadata.namespace ?? '', ref);
      if (d) this.enqueue(d);
      return;
    }
    // An orphan: every Deployment that selects it may want to adopt it.
    for (const d of this.getDeploymentsForReplicaSet(rs)) this.enqueue(d);
  }

  private updateReplicaSet(oldRS: ReplicaSetObject, curRS: ReplicaSetObject): void {
    if (curRS.metadata.resourceVersion === oldRS.metadata.resourceVersion) return;
    const curRef = getControllerOf(curRS);
    const oldRef = getControllerOf(oldRS);
    const refChanged = JSON.stringify(curRef) !== JSON.stringify(oldRef);
    if (refChanged && oldRef) {
      const d = this.resolveControllerRef(oldRS.metadata.namespace ?? '', oldRef);
      if (d) this.enqueue(d);
    }
    if (curRef) {
      const d = this.resolveControllerRef(curRS.metadata.namespace ?? '', curRef);
      if (d) this.enqueue(d);
      return;
    }
    const labelsChanged = JSON.stringify(curRS.metadata.labels ?? {}) !== JSON.stringify(oldRS.metadata.labels ?? {});
    if (labelsChanged || refChanged) for (const d of this.getDeploymentsForReplicaSet(curRS)) this.enqueue(d);
  }

  private deleteReplicaSet(rs: ReplicaSetObject): void {
    const ref = getControllerOf(rs);
    if (!ref) return;
    const d = this.resolveControllerRef(rs.metadata.namespace ?? '', ref);
    if (d) this.enqueue(d);
  }

  /** deletePod wakes a Recreate Deployment once the last of its pods is gone. */
  private deletePod(pod: PodObject): void {
    const d = this.getDeploymentForPod(pod);
    if (!d || d.spec.strategy?.type !== RECREATE) return;
    const rsList = this.replicaSets.list(d.metadata.namespace).filter((rs) => getControllerOf(rs)?.uid === d.metadata.uid);
    let numPods = 0;
    for (const podList of this.getPodMapForDeployment(rsList).values()) numPods += podList.length;
    if (numPods === 0) this.enqueue(d);
  }

  /** getDeploymentsForReplicaSet lists the Deployments whose (non-empty) selector matches the ReplicaSet's labels. */
  private getDeploymentsForReplicaSet(rs: ReplicaSetObject): DeploymentObject[] {
    if (Object.keys(rs.metadata.labels ?? {}).length === 0) return [];
    return this.deployments.list(rs.metadata.namespace).filter((d) => {
      try {
        const selector = labelSelectorAsSelector(d.spec.selector);
        return !selector.empty() && selector.matches(rs.metadata.labels);
      } catch {
        return false;
      }
    });
  }

  private getDeploymentForPod(pod: PodObject): DeploymentObject | undefined {
    const ref = getControllerOf(pod);
    if (!ref || ref.kind !== 'ReplicaSet') return undefined;
    const rs = this.replicaSets.get(pod.metadata.namespace ?? '', ref.name);
    if (!rs || rs.metadata.uid !== ref.uid) return undefined;
    const rsRef = getControllerOf(rs);
    return rsRef ? this.resolveControllerRef(rs.metadata.namespace ?? '', rsRef) : undefined;
  }

  /** resolveControllerRef finds the Deployment a ControllerRef names, checking kind and uid. */
  private resolveControllerRef(namespace: string, ref: { kind: string; name: string; uid: string }): DeploymentObject | undefined {
    if (ref.kind !== 'Deployment') return undefined;
    const d = this.deployments.get(namespace, ref.name);
    return d && d.metadata.uid === ref.uid ? d : undefined;
  }
}
