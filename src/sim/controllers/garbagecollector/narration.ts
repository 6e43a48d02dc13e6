// The sentences the garbage collector's writes carry: why each object was deleted or changed, for the timeline.
import type { OwnerReference } from 'kubernetes-types/meta/v1';
import type { PropagationPolicy } from '../../store/types';
import type { ObjectReference } from './graph';

/** A reference the garbage collector found dangling, and whether an object of that name exists with another uid. */
export interface DanglingReference {
  ref: OwnerReference;
  recreated: boolean;
}

function owner(ref: OwnerReference): string {
  return `${ref.kind} ${ref.name}`;
}

function list(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function gone(dangling: readonly DanglingReference[]): string {
  const names = dangling.map((d) => owner(d.ref));
  const head = dangling.length === 1 ? `its owner ${names[0]} is gone` : `its owners ${list(names)} are gone`;
  const recreated = dangling.filter((d) => d.recreated).map((d) => owner(d.ref));
  if (recreated.length === 0) return head;
  return `${head} (the ${list(recreated)} there now ${recreated.length === 1 ? 'is a new object' : 'are new objects'} with another uid)`;
}

function waiting(refs: readonly OwnerReference[]): string {
  const names = refs.map(owner);
  return refs.length === 1
    ? `its owner ${names[0]} is being deleted in the foreground and waits for its dependents`
    : `its owners ${list(names)} are being deleted in the foreground and wait for their dependents`;
}

const POLICY_PHRASE: Record<PropagationPolicy, string> = {
  Background: 'background cascading deletion',
  Foreground: 'foreground cascading deletion: its own dependents go first',
  Orphan: 'its orphan finalizer keeps its own dependents',
};

/** deletedItem: "deleted ReplicaSet web-7c5ddbdf54: its owner Deployment web is gone (background cascading deletion)". */
export function deletedItem(item: ObjectReference, dangling: readonly DanglingReference[], waitingFor: readonly OwnerReference[], policy: PropagationPolicy): string {
  const why = [dangling.length > 0 ? gone(dangling) : '', waitingFor.length > 0 ? waiting(waitingFor) : ''].filter(Boolean).join(', and ');
  return `deleted ${item.kind} ${item.name}: ${why} (${POLICY_PHRASE[policy]})`;
}

/** removedReferences: the dangling or waiting owners are dropped from a dependent that still has a live owner. */
export function removedReferences(item: ObjectReference, dangling: readonly DanglingReference[], waitingFor: readonly OwnerReference[], solid: readonly OwnerReference[]): string {
  const removed = [...dangling.map((d) => d.ref), ...waitingFor].map(owner);
  const why = [dangling.length > 0 ? gone(dangling) : '', waitingFor.length > 0 ? waiting(waitingFor) : ''].filter(Boolean).join(', and ');
  const kept = solid.map(owner);
  const noun = removed.length === 1 ? 'the ownerReference' : 'the ownerReferences';
  return `removed ${noun} to ${list(removed)} from ${item.kind} ${item.name}: ${why}, but its owner${kept.length === 1 ? '' : 's'} ${list(kept)} still ${kept.length === 1 ? 'exists' : 'exist'}`;
}

/** orphaned: a dependent loses its reference to an owner deleted with propagationPolicy Orphan. */
export function orphaned(dependent: ObjectReference, ownerRef: ObjectReference): string {
  return `removed the ownerReference to ${ownerRef.kind} ${ownerRef.name} from ${dependent.kind} ${dependent.name}: ${ownerRef.kind} ${ownerRef.name} is being deleted with propagationPolicy Orphan, so its dependents live on`;
}

/** unblocked: blockOwnerDeletion is unset to break a possible cycle of foreground deletions. */
export function unblocked(item: ObjectReference): string {
  return `set blockOwnerDeletion to false on the ownerReferences of ${item.kind} ${item.name}: an owner and a dependent of it both wait for their dependents, which could block each other for ever`;
}

/** removedFinalizer: "removed finalizer foregroundDeletion from Deployment web: all its blocking dependents are deleted". */
export function removedFinalizer(item: ObjectReference, finalizer: string): string {
  const why = finalizer === 'orphan' ? 'its dependents no longer reference it' : 'all its blocking dependents are deleted';
  return `removed finalizer ${finalizer} from ${item.kind} ${item.name}: ${why}`;
}
