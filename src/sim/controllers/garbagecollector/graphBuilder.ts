// Mirrors pkg/controller/garbagecollector/graph_builder.go (GraphBuilder: controllerFor, addDependentToOwners,
// processTransitions, processGraphChanges, virtual delete events). Leaves out monitor resyncing through discovery (the
// kinds are fixed) and apiVersion/kind changes of a uid (each kind is served at one version). Informer events are
// applied to the graph as they arrive instead of through the graphChanges queue: watches here are synchronous and
// in commit order, which is the order that queue preserves.
import type { ObjectMeta, OwnerReference } from 'kubernetes-types/meta/v1';
import type { KubeObject } from '../../api/object';
import type { Informer } from '../../client/informer';
import type { WorkQueue } from '../../client/workqueue';
import type { EventRecorder } from '../../events/recorder';
import {
  GraphNode,
  type ObjectReference,
  type OwnerRefPair,
  getAlternateOwnerIdentity,
  ownerReferenceCoordinates,
  ownerReferenceMatchesCoordinates,
  partitionDependents,
  referenceString,
  referencesDiffs,
  sameReference,
  sameSingleReference,
} from './graph';
import type { ReferenceCache } from './referenceCache';

/** FINALIZER_DELETE_DEPENDENTS is metav1.FinalizerDeleteDependents, added by a foreground delete. */
export const FINALIZER_DELETE_DEPENDENTS = 'foregroundDeletion';
/** FINALIZER_ORPHAN_DEPENDENTS is metav1.FinalizerOrphanDependents, added by an orphan delete. */
export const FINALIZER_ORPHAN_DEPENDENTS = 'orphan';

/** IGNORED_KINDS are DefaultIgnoredResources: the garbage collector does not watch Events. */
export const IGNORED_KINDS: readonly string[] = ['Event'];

/** The Event source of the graph builder's recorder. */
const EVENT_COMPONENT = 'garbage-collector-controller';

type EventType = 'add' | 'update' | 'delete';

/** GraphEvent is one change to apply to the graph; `virtual` ones come from attemptToDelete, not from an informer. */
export interface GraphEvent {
  virtual?: boolean;
  eventType: EventType;
  obj: { metadata: ObjectMeta };
  oldObj?: { metadata: ObjectMeta };
  gvk: { apiVersion: string; kind: string };
}

/** GraphQueues are the garbage collector's two work queues, keyed by uid. */
export interface GraphQueues {
  attemptToDelete: WorkQueue;
  attemptToOrphan: WorkQueue;
}

/**
 * GraphBuilder keeps uidToNode, the owner/dependent graph of every watched object, and enqueues to attemptToDelete
 * the objects that may now be garbage (an owner went away, a foreground deletion started, a blocking reference was
 * removed) and to attemptToOrphan the owners whose dependents must be orphaned.
 */
export class GraphBuilder {
  readonly uidToNode = new Map<string, GraphNode>();

  constructor(
    private readonly queues: GraphQueues,
    /** Shared with the garbage collector: owners known not to exist. */
    readonly absentOwnerCache: ReferenceCache,
    private readonly recorder: EventRecorder,
  ) {}

  /** monitor feeds one kind's informer into the graph, as controllerFor does for each deletable resource. */
  monitor(informer: Informer): void {
    const gvk = (obj: KubeObject) => ({ apiVersion: obj.apiVersion, kind: informer.kind });
    informer.addEventHandler({
      add: (obj) => this.processGraphChanges({ eventType: 'add', obj, gvk: gvk(obj) }),
      update: (oldObj, obj) => this.processGraphChanges({ eventType: 'update', obj, oldObj, gvk: gvk(obj) }),
      delete: (obj) => this.processGraphChanges({ eventType: 'delete', obj, gvk: gvk(obj) }),
    });
  }

  /** enqueueVirtualDeleteEvent tells the graph that the API server has no object with this identity. */
  enqueueVirtualDeleteEvent(ref: ObjectReference): void {
    this.processGraphChanges({
      virtual: true,
      eventType: 'delete',
      gvk: { apiVersion: ref.apiVersion, kind: ref.kind },
      obj: { metadata: { namespace: ref.namespace, uid: ref.uid, name: ref.name } },
    });
  }

  /** processGraphChanges applies one event to uidToNode and enqueues the items it may have made collectable. */
  processGraphChanges(event: GraphEvent): void {
    const meta = event.obj.metadata;
    const uid = meta.uid ?? '';
    let existingNode = this.uidToNode.get(uid);
    if (existingNode && !event.virtual && !existingNode.isObserved()) {
      // The informer shows an object some dependent named first: the virtual node becomes a real one.
      const observedIdentity = identityFromEvent(event);
      if (!sameReference(observedIdentity, existingNode.identity)) {
        // Dependents that named this uid with other coordinates may be wrong; if their owners are solid after all,
        // attemptToDelete leaves them alone.
        const { nonmatching } = partitionDependents([...existingNode.dependents], observedIdentity);
        for (const dep of nonmatching) {
          if (observedIdentity.namespace && dep.identity.namespace !== observedIdentity.namespace) this.reportInvalidNamespaceOwnerRef(dep, observedIdentity.uid);
          this.queues.attemptToDelete.add(dep.identity.uid);
        }
        existingNode.identity = observedIdentity;
      }
      existingNode.virtual = false;
    }
    if ((event.eventType === 'add' || event.eventType === 'update') && !existingNode) {
      const newNode = new GraphNode(identityFromEvent(event), [...(meta.ownerReferences ?? [])], beingDeleted(meta) && hasDeleteDependentsFinalizer(meta), beingDeleted(meta));
      this.insertNode(newNode);
      this.processTransitions(event.oldObj, meta, newNode);
    } else if (event.eventType === 'add' || event.eventType === 'update') {
      const node = existingNode!;
      const refs = meta.ownerReferences ?? [];
      if (!sameSingleReference(node.owners, refs)) this.processReferenceChanges(node, refs);
      if (beingDeleted(meta)) node.beingDeleted = true;
      this.processTransitions(event.oldObj, meta, node);
    } else if (existingNode) {
      this.processDelete(event, existingNode);
    }
  }

  /** processReferenceChanges moves a node between its owners' dependents after its ownerReferences changed. */
  private processReferenceChanges(node: GraphNode, refs: readonly OwnerReference[]): void {
    const { added, removed, changed } = referencesDiffs(node.owners, refs);
    if (added.length === 0 && removed.length === 0 && changed.length === 0) return;
    // A removed or unblocked reference may be what an owner's foreground deletion was waiting for.
    this.addUnblockedOwnersToDeleteQueue(removed, changed);
    node.owners = [...refs];
    this.addDependentToOwners(node, added);
    this.removeDependentFromOwners(node, removed);
  }

  private processDelete(event: GraphEvent, existingNode: GraphNode): void {
    let removeExistingNode = true;
    if (event.virtual) {
      const deletedIdentity = identityFromEvent(event);
      if (existingNode.virtual) {
        // A virtual node: we are not sure of its coordinates. Dependents that name it otherwise keep it alive.
        const { matching, nonmatching } = partitionDependents([...existingNode.dependents], deletedIdentity);
        if (nonmatching.length > 0) {
          removeExistingNode = false;
          if (matching.length > 0) {
            this.absentOwnerCache.add(deletedIdentity);
            for (const dep of matching) this.queues.attemptToDelete.add(dep.identity.uid);
          }
          if (sameReference(existingNode.identity, deletedIdentity)) {
            const replacement = getAlternateOwnerIdentity(nonmatching, deletedIdentity);
            if (replacement) {
              existingNode.identity = replacement;
              this.queues.attemptToDelete.addRateLimited(existingNode.identity.uid);
            }
          }
        }
      } else if (!sameReference(existingNode.identity, deletedIdentity)) {
        // Never remove an observed node on a virtual event; only its dependents that used the absent coordinates lose.
        removeExistingNode = false;
        const { matching } = partitionDependents([...existingNode.dependents], deletedIdentity);
        if (matching.length > 0) {
          this.absentOwnerCache.add(deletedIdentity);
          for (const dep of matching) this.queues.attemptToDelete.add(dep.identity.uid);
        }
      }
    }
    if (!removeExistingNode) return;
    this.removeNode(existingNode);
    if (existingNode.dependents.size > 0) this.absentOwnerCache.add(identityFromEvent(event));
    for (const dep of existingNode.dependents) this.queues.attemptToDelete.add(dep.identity.uid);
    for (const owner of existingNode.owners) {
      const ownerNode = this.uidToNode.get(owner.uid);
      // An owner deleting in the foreground may have been waiting for this object alone.
      if (ownerNode?.deletingDependents) this.queues.attemptToDelete.add(ownerNode.identity.uid);
    }
  }

  private insertNode(n: GraphNode): void {
    this.uidToNode.set(n.identity.uid, n);
    this.addDependentToOwners(n, n.owners);
  }

  private removeNode(n: GraphNode): void {
    this.uidToNode.delete(n.identity.uid);
    this.removeDependentFromOwners(n, n.owners);
  }

  /**
   * addDependentToOwners adds n to its owners' dependents. An owner not in the graph yet gets a virtual node, which
   * attemptToDelete checks against the API server. A reference whose coordinates disagree with an observed owner
   * sends n itself to attemptToDelete.
   */
  private addDependentToOwners(n: GraphNode, owners: readonly OwnerReference[]): void {
    let hasPotentiallyInvalidOwnerReference = false;
    for (const owner of owners) {
      let ownerNode = this.uidToNode.get(owner.uid);
      const found = ownerNode !== undefined;
      if (!ownerNode) {
        ownerNode = new GraphNode({ ...ownerReferenceCoordinates(owner), namespace: n.identity.namespace }, [], false, false, true);
        this.uidToNode.set(owner.uid, ownerNode);
      }
      ownerNode.dependents.add(n);
      if (!found) {
        this.queues.attemptToDelete.add(ownerNode.identity.uid);
      } else if (!hasPotentiallyInvalidOwnerReference) {
        const ownerIsNamespaced = ownerNode.identity.namespace.length > 0;
        if (ownerIsNamespaced && ownerNode.identity.namespace !== n.identity.namespace) {
          // An observed namespaced owner in another namespace is certainly wrong.
          if (ownerNode.isObserved()) this.reportInvalidNamespaceOwnerRef(n, owner.uid);
          hasPotentiallyInvalidOwnerReference = true;
        } else if (!ownerReferenceMatchesCoordinates(owner, ownerNode.identity)) {
          hasPotentiallyInvalidOwnerReference = true;
        } else if (!ownerIsNamespaced && ownerNode.identity.namespace !== n.identity.namespace && !ownerNode.isObserved()) {
          // A virtual cluster-scoped owner may really be a missing namespaced object (issue #98040).
          hasPotentiallyInvalidOwnerReference = true;
        }
      }
    }
    if (hasPotentiallyInvalidOwnerReference) this.queues.attemptToDelete.add(n.identity.uid);
  }

  private removeDependentFromOwners(n: GraphNode, owners: readonly OwnerReference[]): void {
    for (const owner of owners) this.uidToNode.get(owner.uid)?.dependents.delete(n);
  }

  /** addUnblockedOwnersToDeleteQueue enqueues owners whose blocking reference was removed or set non-blocking. */
  private addUnblockedOwnersToDeleteQueue(removed: readonly OwnerReference[], changed: readonly OwnerRefPair[]): void {
    for (const ref of removed) {
      if (ref.blockOwnerDeletion !== true) continue;
      const node = this.uidToNode.get(ref.uid);
      if (node) this.queues.attemptToDelete.add(node.identity.uid);
    }
    for (const { oldRef, newRef } of changed) {
      if (oldRef.blockOwnerDeletion !== true || newRef.blockOwnerDeletion === true) continue;
      const node = this.uidToNode.get(newRef.uid);
      if (node) this.queues.attemptToDelete.add(node.identity.uid);
    }
  }

  /** processTransitions starts orphaning or foreground deletion when an object's deletion starts with that finalizer. */
  private processTransitions(oldObj: { metadata: ObjectMeta } | undefined, meta: ObjectMeta, n: GraphNode): void {
    if (deletionStartsWithFinalizer(oldObj?.metadata, meta, FINALIZER_ORPHAN_DEPENDENTS)) {
      this.queues.attemptToOrphan.add(n.identity.uid);
      return;
    }
    if (deletionStartsWithFinalizer(oldObj?.metadata, meta, FINALIZER_DELETE_DEPENDENTS)) {
      // A node first added as virtual never had deletingDependents set, so always set it here.
      n.deletingDependents = true;
      for (const dep of n.dependents) this.queues.attemptToDelete.add(dep.identity.uid);
      this.queues.attemptToDelete.add(n.identity.uid);
    }
  }

  /** reportInvalidNamespaceOwnerRef records the OwnerRefInvalidNamespace Warning on a dependent. */
  private reportInvalidNamespaceOwnerRef(n: GraphNode, invalidOwnerUid: string): void {
    const invalid = n.owners.find((ref) => ref.uid === invalidOwnerUid);
    if (!invalid) return;
    const invalidIdentity: ObjectReference = { ...ownerReferenceCoordinates(invalid), namespace: n.identity.namespace };
    const involved: KubeObject = {
      apiVersion: n.identity.apiVersion,
      kind: n.identity.kind,
      metadata: { name: n.identity.name, namespace: n.identity.namespace, uid: n.identity.uid },
    };
    this.recorder.event(
      involved,
      'Warning',
      'OwnerRefInvalidNamespace',
      `ownerRef ${referenceString(invalidIdentity)} does not exist in namespace "${n.identity.namespace}"`,
      { component: EVENT_COMPONENT },
    );
  }
}

function identityFromEvent(event: GraphEvent): ObjectReference {
  const m = event.obj.metadata;
  return { apiVersion: event.gvk.apiVersion, kind: event.gvk.kind, uid: m.uid ?? '', name: m.name ?? '', namespace: m.namespace ?? '' };
}

function beingDeleted(meta: ObjectMeta): boolean {
  return meta.deletionTimestamp !== undefined;
}

/** hasFinalizer is true when the object carries the finalizer. */
export function hasFinalizer(meta: ObjectMeta, finalizer: string): boolean {
  return (meta.finalizers ?? []).includes(finalizer);
}

/** hasDeleteDependentsFinalizer: the object waits for its dependents (foreground deletion). */
export function hasDeleteDependentsFinalizer(meta: ObjectMeta): boolean {
  return hasFinalizer(meta, FINALIZER_DELETE_DEPENDENTS);
}

/** deletionStartsWithFinalizer: the object is now being deleted with the finalizer, and was not before. */
function deletionStartsWithFinalizer(oldMeta: ObjectMeta | undefined, meta: ObjectMeta, finalizer: string): boolean {
  if (!beingDeleted(meta) || !hasFinalizer(meta, finalizer)) return false;
  if (!oldMeta) return true;
  return !beingDeleted(oldMeta) || !hasFinalizer(oldMeta, finalizer);
}
