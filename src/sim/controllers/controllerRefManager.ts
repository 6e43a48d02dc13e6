// Mirrors pkg/controller/controller_ref_manager.go (BaseControllerRefManager.ClaimObject, PodControllerRefManager,
// RecheckDeletionTimestamp). Adopt and release are JSON merge patches of metadata.ownerReferences, since the
// simulated API server has no strategic merge patch; they leave out the patch's uid precondition.
import type { OwnerReference } from 'kubernetes-types/meta/v1';
import type { KubeObject } from '../api/object';
import { StatusError } from '../api/statusError';
import type { Selector } from '../api/meta/v1/labelSelector';
import type { WriteContext } from '../store/types';
import type { PodObject } from './controllerUtils';
import { podFacts } from './podUtil';
import { isNotFound, messageOf, type PodControl } from './podControl';

/** ClaimResult is what ClaimPods returns: the pods now owned, and the error of any adoption or release that failed. */
export interface ClaimResult {
  claimed: PodObject[];
  error?: Error;
}

export interface PodControllerRefManagerOptions {
  podControl: PodControl;
  /** The controller claiming pods, as stored. */
  controller: KubeObject;
  selector: Selector;
  /** apiVersion and kind for the controller reference. */
  controllerKind: { apiVersion: string; kind: string };
  /**
   * canAdopt throws when adoption must not happen (e.g. the controller was just deleted). It runs at most once,
   * and only if an adoption is attempted: it may be an expensive live read.
   */
  canAdopt: () => void;
  /** Narration of the adopt and release patches. */
  adoptContext: (pod: PodObject) => WriteContext;
  releaseContext: (pod: PodObject) => WriteContext;
}

/**
 * PodControllerRefManager claims pods for a controller: it adopts orphans whose labels match the selector and
 * releases owned pods whose labels no longer match. A controller that is being deleted adopts and releases
 * nothing, but keeps claiming the pods it already owns.
 */
export class PodControllerRefManager {
  private canAdoptResult: { error?: Error } | undefined;

  constructor(private readonly opts: PodControllerRefManagerOptions) {}

  /** claimPods reconciles ownership of each pod and returns those now owned, plus an aggregate error. */
  claimPods(pods: readonly PodObject[]): ClaimResult {
    const claimed: PodObject[] = [];
    const errors: Error[] = [];
    for (const pod of pods) {
      try {
        if (this.claimObject(pod)) claimed.push(pod);
      } catch (err) {
        errors.push(err instanceof Error ? err : new Error(String(err)));
      }
    }
    return { claimed, error: aggregate(errors) };
  }

  private claimObject(pod: PodObject): boolean {
    const { controller, selector } = this.opts;
    const match = selector.matches(pod.metadata.labels);
    const controllerRef = podFacts(pod).controllerRef;
    if (controllerRef) {
      // Owned by someone else: ignore.
      if (controllerRef.uid !== controller.metadata.uid) return false;
      // Already ours and matching: claiming needs no write, so it is allowed even while being deleted.
      if (match) return true;
      if (controller.metadata.deletionTimestamp) return false;
      this.releasePod(pod);
      return false;
    }
    // An orphan: adopt only if we are not being deleted, the selector matches and the pod is not being deleted.
    if (controller.metadata.deletionTimestamp || !match || pod.metadata.deletionTimestamp) return false;
    try {
      this.adoptPod(pod);
    } catch (err) {
      if (isNotFound(err)) return false;
      throw err;
    }
    return true;
  }

  /** adoptPod adds this controller's reference to an orphan's ownerReferences. */
  adoptPod(pod: PodObject): void {
    const check = this.checkCanAdopt();
    if (check.error) {
      throw new Error(`can't adopt Pod ${pod.metadata.namespace}/${pod.metadata.name} (${pod.metadata.uid}): ${check.error.message}`);
    }
    const { controller, controllerKind } = this.opts;
    const ref: OwnerReference = {
      apiVersion: controllerKind.apiVersion,
      kind: controllerKind.kind,
      name: controller.metadata.name ?? '',
      uid: controller.metadata.uid ?? '',
      controller: true,
      blockOwnerDeletion: true,
    };
    const refs = [...(pod.metadata.ownerReferences ?? []), ref];
    this.opts.podControl.patchPod(pod.metadata.namespace ?? '', pod.metadata.name ?? '', { metadata: { ownerReferences: refs } }, this.opts.adoptContext(pod));
  }

  /** releasePod removes this controller's reference; a pod that is gone or no longer references us is fine. */
  releasePod(pod: PodObject): void {
    const uid = this.opts.controller.metadata.uid;
    const refs = (pod.metadata.ownerReferences ?? []).filter((r) => r.uid !== uid);
    try {
      this.opts.podControl.patchPod(pod.metadata.namespace ?? '', pod.metadata.name ?? '', { metadata: { ownerReferences: refs.length > 0 ? refs : null } }, this.opts.releaseContext(pod));
    } catch (err) {
      if (isNotFound(err) || (err instanceof StatusError && err.reason === 'Invalid')) return;
      throw err;
    }
  }

  private checkCanAdopt(): { error?: Error } {
    if (!this.canAdoptResult) {
      try {
        this.opts.canAdopt();
        this.canAdoptResult = {};
      } catch (err) {
        this.canAdoptResult = { error: err instanceof Error ? err : new Error(String(err)) };
      }
    }
    return this.canAdoptResult;
  }
}

/**
 * recheckDeletionTimestamp returns a canAdopt check: it reads the controller fresh from the API server and refuses
 * adoption if it is gone or being deleted (#42639: the cache may not show the deletion yet).
 */
export function recheckDeletionTimestamp(getObject: () => KubeObject): () => void {
  return () => {
    let obj: KubeObject;
    try {
      obj = getObject();
    } catch (err) {
      throw new Error(`can't recheck DeletionTimestamp: ${messageOf(err)}`);
    }
    if (obj.metadata.deletionTimestamp) {
      throw new Error(`${obj.metadata.namespace}/${obj.metadata.name} has just been deleted at ${obj.metadata.deletionTimestamp}`);
    }
  };
}

/** aggregate is utilerrors.NewAggregate: nothing, the one error, or all of them in brackets. */
function aggregate(errors: Error[]): Error | undefined {
  if (errors.length === 0) return undefined;
  if (errors.length === 1) return errors[0];
  return new Error(`[${errors.map((e) => e.message).join(', ')}]`);
}
