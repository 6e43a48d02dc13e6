// Mirrors pkg/controller/garbagecollector/graph.go (objectReference, node, coordinates) and the identity helpers of
// graph_builder.go (referencesDiffs, partitionDependents, referenceLessThan, getAlternateOwnerIdentity). Leaves out
// the locks and node cloning: the simulation is single-threaded, so the graph builder edits nodes in place.
import type { OwnerReference } from 'kubernetes-types/meta/v1';

/** ObjectReference is an owner reference's coordinates plus the namespace, the identity of a graph node. */
export interface ObjectReference {
  apiVersion: string;
  kind: string;
  name: string;
  uid: string;
  /** '' for cluster-scoped objects. */
  namespace: string;
}

/** referenceString prints a reference as objectReference.String() does, e.g. in the OwnerRefInvalidNamespace Event. */
export function referenceString(ref: ObjectReference): string {
  return `[${ref.apiVersion}/${ref.kind}, namespace: ${ref.namespace}, name: ${ref.name}, uid: ${ref.uid}]`;
}

/** sameReference is Go's == on two objectReference values. */
export function sameReference(a: ObjectReference, b: ObjectReference): boolean {
  return a.uid === b.uid && a.name === b.name && a.kind === b.kind && a.apiVersion === b.apiVersion && a.namespace === b.namespace;
}

/** ownerReferenceCoordinates keeps only the coordinate fields of a reference: uid, name, kind and apiVersion. */
export function ownerReferenceCoordinates(ref: OwnerReference): OwnerReference {
  return { apiVersion: ref.apiVersion, kind: ref.kind, name: ref.name, uid: ref.uid };
}

/** ownerReferenceMatchesCoordinates is true when uid, name, kind and apiVersion all match. */
export function ownerReferenceMatchesCoordinates(a: Pick<OwnerReference, 'uid' | 'name' | 'kind' | 'apiVersion'>, b: Pick<OwnerReference, 'uid' | 'name' | 'kind' | 'apiVersion'>): boolean {
  return a.uid === b.uid && a.name === b.name && a.kind === b.kind && a.apiVersion === b.apiVersion;
}

/**
 * GraphNode is one object the garbage collector knows of, observed through an informer, or "virtual": an owner that
 * a dependent names but no informer has shown yet, which attemptToDelete checks against the API server.
 */
export class GraphNode {
  /** dependents are the nodes that list this node's uid in their ownerReferences. */
  readonly dependents = new Set<GraphNode>();

  constructor(
    public identity: ObjectReference,
    /** The ownerReferences the object had when last observed. */
    public owners: OwnerReference[],
    /** Set when the object has a deletionTimestamp and the foregroundDeletion finalizer. */
    public deletingDependents = false,
    /** Set once the object has a deletionTimestamp: a one-way trip to its final deletion. */
    public beingDeleted = false,
    /** True until an informer event shows the object. */
    public virtual = false,
  ) {}

  isObserved(): boolean {
    return !this.virtual;
  }

  /**
   * blockingDependents are the dependents whose ownerReference to this node has blockOwnerDeletion: true. A
   * foreground deletion waits for them.
   */
  blockingDependents(): GraphNode[] {
    return [...this.dependents].filter((dep) => dep.owners.some((owner) => owner.uid === this.identity.uid && owner.blockOwnerDeletion === true));
  }
}

/** OwnerRefPair is one ownerReference whose fields other than the uid changed. */
export interface OwnerRefPair {
  oldRef: OwnerReference;
  newRef: OwnerReference;
}

/** referencesDiffs compares two ownerReference lists by uid: which were added, removed, or changed. */
export function referencesDiffs(
  oldRefs: readonly OwnerReference[],
  newRefs: readonly OwnerReference[],
): { added: OwnerReference[]; removed: OwnerReference[]; changed: OwnerRefPair[] } {
  const oldByUid = new Map(oldRefs.map((ref) => [ref.uid, ref]));
  const added: OwnerReference[] = [];
  const changed: OwnerRefPair[] = [];
  for (const ref of newRefs) {
    const old = oldByUid.get(ref.uid);
    if (!old) {
      added.push(ref);
      continue;
    }
    if (!sameOwnerReference(old, ref)) changed.push({ oldRef: old, newRef: ref });
    oldByUid.delete(ref.uid);
  }
  return { added, removed: [...oldByUid.values()], changed };
}

/**
 * sameSingleReference: both lists are empty or hold the very same single reference, so referencesDiffs would find
 * nothing. Most updates (status changes) keep the stored reference objects; longer lists go through referencesDiffs,
 * which reports a uid listed twice as changed even in an unchanged list.
 */
export function sameSingleReference(a: readonly OwnerReference[], b: readonly OwnerReference[]): boolean {
  return a.length === b.length && a.length <= 1 && a[0] === b[0];
}

function sameOwnerReference(a: OwnerReference, b: OwnerReference): boolean {
  return ownerReferenceMatchesCoordinates(a, b) && a.controller === b.controller && a.blockOwnerDeletion === b.blockOwnerDeletion;
}

/**
 * partitionDependents splits dependents into those whose reference to the owner's uid matches all of its coordinates
 * and those with a reference to that uid that does not (a wrong name, kind, apiVersion, or namespace). A dependent
 * with two references to the uid can land in both lists.
 */
export function partitionDependents(dependents: readonly GraphNode[], owner: ObjectReference): { matching: GraphNode[]; nonmatching: GraphNode[] } {
  const ownerIsNamespaced = owner.namespace.length > 0;
  const matching: GraphNode[] = [];
  const nonmatching: GraphNode[] = [];
  for (const dep of dependents) {
    let foundMatch = false;
    let foundMismatch = false;
    if (ownerIsNamespaced && owner.namespace !== dep.identity.namespace) {
      // A namespaced owner can only own objects of its own namespace.
      foundMismatch = true;
    } else {
      for (const ref of dep.owners) {
        if (ref.uid !== owner.uid) continue;
        if (ownerReferenceMatchesCoordinates(ref, owner)) foundMatch = true;
        else foundMismatch = true;
      }
    }
    if (foundMatch) matching.push(dep);
    if (foundMismatch) nonmatching.push(dep);
  }
  return { matching, nonmatching };
}

/** referenceLessThan orders references by kind, apiVersion, namespace, name, then uid. */
export function referenceLessThan(a: ObjectReference, b: ObjectReference): boolean {
  if (a.kind !== b.kind) return a.kind < b.kind;
  if (a.apiVersion !== b.apiVersion) return a.apiVersion < b.apiVersion;
  if (a.namespace !== b.namespace) return a.namespace < b.namespace;
  if (a.name !== b.name) return a.name < b.name;
  return a.uid < b.uid;
}

/**
 * getAlternateOwnerIdentity looks through the dependents for references to the absent identity's uid with other
 * coordinates. It returns the first (by referenceLessThan) that follows the absent identity, else the first of all,
 * else undefined: the next identity a virtual owner node should be checked under.
 */
export function getAlternateOwnerIdentity(deps: readonly GraphNode[], absent: ObjectReference): ObjectReference | undefined {
  const absentIsClusterScoped = absent.namespace.length === 0;
  const seen: ObjectReference[] = [absent];
  let first: ObjectReference | undefined;
  let firstFollowing: ObjectReference | undefined;
  for (const dep of deps) {
    for (const ownerRef of dep.owners) {
      if (ownerRef.uid !== absent.uid) continue;
      if (ownerReferenceMatchesCoordinates(ownerRef, absent) && (absentIsClusterScoped || absent.namespace === dep.identity.namespace)) continue;
      const ref: ObjectReference = { ...ownerReferenceCoordinates(ownerRef), namespace: dep.identity.namespace };
      // The absent identity showed this apiVersion/kind is cluster-scoped, so the alternate has no namespace.
      if (absentIsClusterScoped && ref.apiVersion === absent.apiVersion && ref.kind === absent.kind) ref.namespace = '';
      if (seen.some((s) => sameReference(s, ref))) continue;
      seen.push(ref);
      if (!first || referenceLessThan(ref, first)) first = ref;
      if (referenceLessThan(absent, ref) && (!firstFollowing || referenceLessThan(ref, firstFollowing))) firstFollowing = ref;
    }
  }
  return firstFollowing ?? first;
}
