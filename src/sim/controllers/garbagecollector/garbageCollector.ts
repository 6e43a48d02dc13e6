// Mirrors pkg/controller/garbagecollector/garbagecollector.go (attemptToDeleteWorker, isDangling, classifyReferences,
// attemptToDeleteItem, processDeletingDependentsItem, orphanDependents, attemptToOrphanWorker) and operations.go /
// patch.go (getObject, deleteObject, removeFinalizer, the ownerReference JSON merge patches). Leaves out discovery
// resyncs, metrics and parallel workers; delete and patch preconditions are implied, because each write here follows
// its read within one synchronous step.
//
// ### ATTENTION ###
//
// Owner references to a kind Kubeplay does not serve are dropped, not retried: upstream's REST mapper may learn a new
// kind after a discovery sync and so retries with back-off for ever, but Kubeplay's kinds are fixed.
import type { OwnerReference } from 'kubernetes-types/meta/v1';
import type { KubeObject } from '../../api/object';
import { WorkQueue } from '../../client/workqueue';
import { DEFAULT_KINDS } from '../../kinds/index';
import type { KindSpec } from '../../kinds/kindSpec';
import { KindRegistry } from '../../kinds/registry';
import type { PropagationPolicy, WriteContext } from '../../store/types';
import type { Controller, ControllerContext } from '../controllerContext';
import { type GraphNode, type ObjectReference, ownerReferenceCoordinates, referenceString } from './graph';
import {
  FINALIZER_DELETE_DEPENDENTS,
  FINALIZER_ORPHAN_DEPENDENTS,
  GraphBuilder,
  IGNORED_KINDS,
  hasDeleteDependentsFinalizer,
  hasFinalizer,
} from './graphBuilder';
import * as narrate from './narration';
import { ReferenceCache } from './referenceCache';

/** GARBAGE_COLLECTOR is the name the controller acts under. */
export const GARBAGE_COLLECTOR = 'garbage-collector';

/** RestMappingError: an ownerReference names an apiVersion/kind the API server does not serve. */
class RestMappingError extends Error {}

/** A cluster-scoped object cannot be owned by a namespaced one; retrying will not change that. */
class NamespacedOwnerOfClusterScopedObjectError extends Error {}

const ENQUEUED_VIRTUAL_DELETE_EVENT = 'enqueuedVirtualDeleteEvent';

interface Classified {
  /** Owners that exist and are not deleting their dependents. */
  solid: OwnerReference[];
  /** Owners that do not exist (or exist with another uid). */
  dangling: OwnerReference[];
  /** Owners being deleted in the foreground. */
  waitingForDependentsDeletion: OwnerReference[];
}

/**
 * GarbageCollector deletes objects whose owners are all gone (background cascading deletion), deletes the
 * dependents of owners deleted in the foreground before letting the owner go, and orphans the dependents of owners
 * deleted with propagationPolicy Orphan. Its graph builder watches every kind and feeds two queues of uids.
 */
export class GarbageCollector implements Controller {
  readonly name = GARBAGE_COLLECTOR;
  readonly dependencyGraphBuilder: GraphBuilder;
  private readonly attemptToDelete: WorkQueue;
  private readonly attemptToOrphan: WorkQueue;
  private readonly absentOwnerCache = new ReferenceCache();

  constructor(
    private readonly ctx: ControllerContext,
    /** The kinds the API server serves; the graph watches all but Events. */
    private readonly kinds: KindRegistry = new KindRegistry(DEFAULT_KINDS),
  ) {
    this.attemptToDelete = new WorkQueue(ctx.clock, this.name, (uid) => this.attemptToDeleteWorker(uid), { rateLimiter: ctx.rateLimiter });
    this.attemptToOrphan = new WorkQueue(ctx.clock, this.name, (uid) => this.attemptToOrphanWorker(uid), { rateLimiter: ctx.rateLimiter });
    this.dependencyGraphBuilder = new GraphBuilder({ attemptToDelete: this.attemptToDelete, attemptToOrphan: this.attemptToOrphan }, this.absentOwnerCache, ctx.recorder);
    for (const spec of kinds.all()) {
      if (!IGNORED_KINDS.includes(spec.kind)) this.dependencyGraphBuilder.monitor(ctx.informers.forKind(spec.kind));
    }
  }

  /** graphHasUid reports whether the graph holds a node for the uid (GraphHasUID, for tests). */
  graphHasUid(uid: string): boolean {
    return this.dependencyGraphBuilder.uidToNode.has(uid);
  }

  /** attemptToDeleteWorker processes one uid; throwing requeues it with back-off. */
  private attemptToDeleteWorker(uid: string): void {
    const n = this.dependencyGraphBuilder.uidToNode.get(uid);
    // The object was deleted (or a virtual node resolved) since the uid was queued.
    if (!n) return;
    try {
      if (this.attemptToDeleteItem(n) === ENQUEUED_VIRTUAL_DELETE_EVENT) return;
    } catch (err) {
      if (err instanceof RestMappingError || err instanceof NamespacedOwnerOfClusterScopedObjectError) return;
      throw err;
    }
    // A virtual node whose object exists but no informer has shown yet: look again later (issue 56121).
    if (!n.isObserved()) throw new Error(`item ${referenceString(n.identity)} hasn't been observed via informer yet`);
  }

  /**
   * attemptToDeleteItem reads the live object and deletes it if the uid matches, it is not itself waiting for its
   * dependents, and all its owner references are dangling (or point to owners deleting in the foreground).
   */
  private attemptToDeleteItem(item: GraphNode): string | undefined {
    // "Being deleted" is a one-way trip: wait for the final deletion, then process the object's dependents.
    if (item.beingDeleted && !item.deletingDependents) return undefined;
    const latest = this.getObject(item.identity);
    if (!latest || latest.metadata.uid !== item.identity.uid) {
      // A virtual node for an owner that does not exist (any more): take it out of the graph.
      this.dependencyGraphBuilder.enqueueVirtualDeleteEvent(item.identity);
      return ENQUEUED_VIRTUAL_DELETE_EVENT;
    }
    if (item.deletingDependents) {
      this.processDeletingDependentsItem(item);
      return undefined;
    }
    const ownerReferences = latest.metadata.ownerReferences ?? [];
    if (ownerReferences.length === 0) return undefined;
    const { solid, dangling, waitingForDependentsDeletion } = this.classifyReferences(item, ownerReferences);
    if (solid.length > 0) {
      if (dangling.length === 0 && waitingForDependentsDeletion.length === 0) return undefined;
      // Waiting references must go too, or those owners would keep their foregroundDeletion finalizer for ever.
      const drop = new Set([...dangling, ...waitingForDependentsDeletion].map((ref) => ref.uid));
      const reason = narrate.removedReferences(item.identity, this.describeDangling(item, dangling), waitingForDependentsDeletion, solid);
      this.patchOwnerReferences(item, latest, (refs) => refs.filter((ref) => !drop.has(ref.uid)), reason);
      return undefined;
    }
    if (waitingForDependentsDeletion.length > 0 && item.dependents.size > 0) {
      for (const dep of item.dependents) {
        if (!dep.deletingDependents) continue;
        // Both an owner and a dependent of this item wait for their dependents: unblock its references so that the
        // two cannot wait on each other. This detection has false positives, as upstream's.
        const unblock = (refs: readonly OwnerReference[]) => refs.map((ref) => (ref.blockOwnerDeletion === true ? { ...ref, blockOwnerDeletion: false } : ref));
        this.patchOwnerReferences(item, latest, unblock, narrate.unblocked(item.identity));
        break;
      }
      // The item goes in the foreground too; once its dependents are gone, processDeletingDependentsItem lets it go.
      this.deleteObject(item, 'Foreground', narrate.deletedItem(item.identity, this.describeDangling(item, dangling), waitingForDependentsDeletion, 'Foreground'));
      return undefined;
    }
    // No solid owner and no owner waiting on it with dependents of its own: honour a finalizer already on the item.
    let policy: PropagationPolicy = 'Background';
    if (hasFinalizer(latest.metadata, FINALIZER_ORPHAN_DEPENDENTS)) policy = 'Orphan';
    else if (hasDeleteDependentsFinalizer(latest.metadata)) policy = 'Foreground';
    this.deleteObject(item, policy, narrate.deletedItem(item.identity, this.describeDangling(item, dangling), waitingForDependentsDeletion, policy));
    return undefined;
  }

  /** processDeletingDependentsItem removes foregroundDeletion once no blocking dependent is left. */
  private processDeletingDependentsItem(item: GraphNode): void {
    const blockingDependents = item.blockingDependents();
    if (blockingDependents.length === 0) {
      this.removeFinalizer(item, FINALIZER_DELETE_DEPENDENTS);
      return;
    }
    for (const dep of blockingDependents) {
      if (!dep.deletingDependents) this.attemptToDelete.add(dep.identity.uid);
    }
  }

  /** classifyReferences sorts an item's owner references into solid, dangling and waitingForDependentsDeletion. */
  private classifyReferences(item: GraphNode, latestReferences: readonly OwnerReference[]): Classified {
    const classified: Classified = { solid: [], dangling: [], waitingForDependentsDeletion: [] };
    for (const reference of latestReferences) {
      const owner = this.liveOwner(reference, item);
      if (!owner) classified.dangling.push(reference);
      else if (owner.metadata.deletionTimestamp && hasDeleteDependentsFinalizer(owner.metadata)) classified.waitingForDependentsDeletion.push(reference);
      else classified.solid.push(reference);
    }
    return classified;
  }

  /**
   * liveOwner is isDangling: the owner a reference points to, or undefined when it is dangling (not found, or found
   * with another uid). Absent owners are remembered in absentOwnerCache.
   */
  private liveOwner(reference: OwnerReference, item: GraphNode): KubeObject | undefined {
    const coordinates = ownerReferenceCoordinates(reference);
    if (this.absentOwnerCache.has({ ...coordinates, namespace: '' })) return undefined;
    if (this.absentOwnerCache.has({ ...coordinates, namespace: item.identity.namespace })) return undefined;
    const spec = this.mapping(reference.apiVersion, reference.kind);
    const absentKey: ObjectReference = { ...coordinates, namespace: spec.namespaced ? item.identity.namespace : '' };
    if (!item.identity.namespace && spec.namespaced) {
      throw new NamespacedOwnerOfClusterScopedObjectError('cluster-scoped objects cannot refer to namespaced owners');
    }
    const owner = this.ctx.client.get<KubeObject>(spec.kind, absentKey.namespace, reference.name);
    if (!owner || owner.metadata.uid !== reference.uid) {
      this.absentOwnerCache.add(absentKey);
      return undefined;
    }
    return owner;
  }

  /** describeDangling says, for the narration, which dangling owners were re-created under the same name. */
  private describeDangling(item: GraphNode, dangling: readonly OwnerReference[]): narrate.DanglingReference[] {
    return dangling.map((ref) => {
      const spec = this.kinds.forManifest(ref.apiVersion, ref.kind);
      const current = spec ? this.ctx.client.get<KubeObject>(spec.kind, spec.namespaced ? item.identity.namespace : '', ref.name) : undefined;
      return { ref, recreated: current !== undefined && current.metadata.uid !== ref.uid };
    });
  }

  private attemptToOrphanWorker(uid: string): void {
    const owner = this.dependencyGraphBuilder.uidToNode.get(uid);
    if (!owner) return;
    this.orphanDependents(owner.identity, [...owner.dependents]);
    this.removeFinalizer(owner, FINALIZER_ORPHAN_DEPENDENTS);
  }

  /** orphanDependents removes the owner's reference from each dependent; it throws the errors together. */
  private orphanDependents(owner: ObjectReference, dependents: readonly GraphNode[]): void {
    const errors: string[] = [];
    for (const dependent of dependents) {
      const latest = this.getObject(dependent.identity);
      // A dependent already gone, or re-created as another object, needs nothing.
      if (!latest || latest.metadata.uid !== dependent.identity.uid) continue;
      try {
        this.patchOwnerReferences(dependent, latest, (refs) => refs.filter((ref) => ref.uid !== owner.uid), narrate.orphaned(dependent.identity, owner));
      } catch (err) {
        errors.push(`orphaning ${referenceString(dependent.identity)} failed, ${err instanceof Error ? err.message : String(err)}`);
      }
    }
    if (errors.length > 0) throw new Error(`failed to orphan dependents of owner ${referenceString(owner)}, got errors: ${errors.join(', ')}`);
  }

  /** mapping is the REST mapping of an apiVersion and kind. */
  private mapping(apiVersion: string, kind: string): KindSpec {
    const spec = this.kinds.forManifest(apiVersion, kind);
    if (!spec) throw new RestMappingError(`unable to get REST mapping for ${kind}.${apiVersion}`);
    return spec;
  }

  private getObject(identity: ObjectReference): KubeObject | undefined {
    const spec = this.mapping(identity.apiVersion, identity.kind);
    return this.ctx.client.get<KubeObject>(spec.kind, spec.namespaced ? identity.namespace : '', identity.name);
  }

  private write(reason: string): WriteContext {
    return { actor: this.name, reason };
  }

  private deleteObject(item: GraphNode, policy: PropagationPolicy, reason: string): void {
    const { kind, namespace, name } = item.identity;
    this.ctx.client.delete(kind, namespace, name, this.write(reason), { propagationPolicy: policy });
  }

  /** patchOwnerReferences writes the item's ownerReferences as `edit` makes them, as a JSON merge patch; no change, no write. */
  private patchOwnerReferences(item: GraphNode, latest: KubeObject, edit: (refs: readonly OwnerReference[]) => OwnerReference[], reason: string): void {
    const refs = latest.metadata.ownerReferences ?? [];
    const next = edit(refs);
    if (JSON.stringify(next) === JSON.stringify(refs)) return;
    const { kind, namespace, name } = item.identity;
    this.ctx.client.patch(kind, namespace, name, { metadata: { ownerReferences: next.length > 0 ? next : null } }, this.write(reason));
  }

  /** removeFinalizer drops one finalizer from the live object; when none is left the API server lets it go. */
  private removeFinalizer(owner: GraphNode, finalizer: string): void {
    const latest = this.getObject(owner.identity);
    if (!latest) return;
    const finalizers = latest.metadata.finalizers ?? [];
    if (!finalizers.includes(finalizer)) return;
    const rest = finalizers.filter((f) => f !== finalizer);
    const { kind, namespace, name } = owner.identity;
    this.ctx.client.patch(kind, namespace, name, { metadata: { finalizers: rest.length > 0 ? rest : null } }, this.write(narrate.removedFinalizer(owner.identity, finalizer)));
  }
}

/** newGarbageCollector starts `garbage-collector`. */
export function newGarbageCollector(ctx: ControllerContext): GarbageCollector {
  return new GarbageCollector(ctx);
}
