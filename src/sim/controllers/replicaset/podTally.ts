// Kubeplay's own, no upstream counterpart: running counts of pods, grouped by label set, for the ReplicaSet
// controller. Upstream reads every pod of a ReplicaSet on every sync (FilterPodsByOwner, claimPods, calculateStatus)
// and every pod of the namespace to rank pods for deletion (getIndirectlyRelatedPods); a simulation that runs
// thousands of pods in one thread cannot afford that after every pod change. The counts equal what those reads find.
import type { Labels } from '../../api/meta/v1/labelSelector';
import type { Informer } from '../../client/informer';
import { getControllerOf, isPodActive, isPodTerminating, type PodObject } from '../controllerUtils';
import { isPodReady } from '../podUtil';

/** OwnedClass counts the pods of one controller (or the orphans) in one namespace that carry one label set. */
export interface OwnedClass {
  readonly labels: Labels;
  /** All pods of the class, active or not. */
  pods: number;
  active: number;
  /** Active and Ready. */
  activeReady: number;
  terminating: number;
}

/** NamespaceClass counts, per node, the active pods of one namespace that carry one label set. */
export interface NamespaceClass {
  readonly labels: Labels;
  pods: number;
  /** Active pods per spec.nodeName ('' for unassigned ones). */
  readonly activeOnNode: Map<string, number>;
}

/** Entry is what one pod contributes, so that its next version or its deletion can take it back. */
interface Entry {
  namespace: string;
  controllerUid: string;
  labels: Labels;
  labelsKey: string;
  owned: OwnedClass;
  inNamespace: NamespaceClass;
  active: boolean;
  activeReady: boolean;
  terminating: boolean;
  node: string;
}

const tallies = new WeakMap<Informer<PodObject>, PodTally>();

/** ORPHANS stands for "no controller" where a group is named by its controller's uid. */
const ORPHANS = '';

/**
 * PodTally follows the pod informer and counts pods per distinct label set (selectors see only labels): per
 * namespace and controller uid the active, active-and-Ready and terminating pods, and per namespace the active
 * pods on each node.
 */
export class PodTally {
  private readonly entries = new Map<string, Entry>();
  private readonly byOwner = new Map<string, Map<string, OwnedClass>>();
  private readonly byNamespace = new Map<string, Map<string, NamespaceClass>>();
  /**
   * The labels last given a key, and that key. A pod's versions share its labels object and stay in their classes,
   * so keys are asked for new pods, which a ReplicaSet creates one after another, each with a copy of the same labels.
   * Stored labels are frozen, so the remembered ones still have the content their key was made from.
   */
  private lastLabels: Labels;
  private lastLabelsKey = '';

  /** for returns the tally of a pod informer, shared by the controllers that read it (as the informer is). */
  static for(podInformer: Informer<PodObject>): PodTally {
    let tally = tallies.get(podInformer);
    if (!tally) tallies.set(podInformer, (tally = new PodTally(podInformer)));
    return tally;
  }

  private constructor(podInformer: Informer<PodObject>) {
    podInformer.addEventHandler({
      add: (pod) => this.set(pod),
      update: (old, pod) => {
        if (entryKey(old) !== entryKey(pod)) this.remove(old);
        this.set(pod);
      },
      delete: (pod) => this.remove(pod),
    });
  }

  /** owned returns the label classes of the pods in `namespace` controlled by `uid`. */
  owned(namespace: string, uid: string): Iterable<OwnedClass> {
    return this.byOwner.get(ownerKey(namespace, uid))?.values() ?? [];
  }

  /** orphans returns the label classes of the pods in `namespace` without a controller. */
  orphans(namespace: string): Iterable<OwnedClass> {
    return this.owned(namespace, ORPHANS);
  }

  /** inNamespace returns the label classes of all pods in `namespace`. */
  inNamespace(namespace: string): Iterable<NamespaceClass> {
    return this.byNamespace.get(namespace)?.values() ?? [];
  }

  private set(pod: PodObject): void {
    const key = entryKey(pod);
    const prev = this.entries.get(key);
    // Read directly, not through podFacts: most versions of a pod are seen here once, and caching costs more.
    const namespace = pod.metadata.namespace ?? '';
    const controllerUid = getControllerOf(pod)?.uid ?? ORPHANS;
    const labels = pod.metadata.labels;
    const active = isPodActive(pod);
    const activeReady = active && isPodReady(pod);
    const terminating = isPodTerminating(pod);
    const node = pod.spec?.nodeName ?? '';
    // Most updates are status changes: the pod stays in its classes and only its counts move.
    if (prev && prev.namespace === namespace && prev.controllerUid === controllerUid && prev.labels === labels) {
      uncount(prev);
      prev.active = active;
      prev.activeReady = activeReady;
      prev.terminating = terminating;
      prev.node = node;
      count(prev);
      return;
    }
    if (prev) this.remove(pod);
    const labelsKey = this.labelsKey(labels);
    const owned = classIn(this.byOwner, ownerKey(namespace, controllerUid), labelsKey, () => ({ labels, pods: 0, active: 0, activeReady: 0, terminating: 0 }));
    const inNamespace = classIn(this.byNamespace, namespace, labelsKey, () => ({ labels, pods: 0, activeOnNode: new Map() }));
    const entry: Entry = { namespace, controllerUid, labels, labelsKey, owned, inNamespace, active, activeReady, terminating, node };
    owned.pods++;
    inNamespace.pods++;
    count(entry);
    this.entries.set(key, entry);
  }

  private remove(pod: PodObject): void {
    const key = entryKey(pod);
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    uncount(entry);
    const { owned, inNamespace } = entry;
    owned.pods--;
    inNamespace.pods--;
    // Forget emptied classes and groups, or every ReplicaSet ever seen would stay.
    if (owned.pods === 0) forget(this.byOwner, ownerKey(entry.namespace, entry.controllerUid), entry.labelsKey);
    if (inNamespace.pods === 0) forget(this.byNamespace, entry.namespace, entry.labelsKey);
  }

  private labelsKey(labels: Labels): string {
    if (!labels) return '';
    if (!this.lastLabels || !sameLabels(labels, this.lastLabels)) this.lastLabelsKey = JSON.stringify(Object.keys(labels).sort().map((k) => [k, labels[k]]));
    this.lastLabels = labels;
    return this.lastLabelsKey;
  }
}

/** sameLabels: the same keys with the same values, so the same canonical key. */
export function sameLabels(a: Readonly<Record<string, string>>, b: Readonly<Record<string, string>>): boolean {
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  for (const k of keys) if (a[k] !== b[k] || !Object.hasOwn(b, k)) return false;
  return true;
}

function count(entry: Entry): void {
  const { owned, inNamespace, node } = entry;
  if (entry.active) {
    owned.active++;
    inNamespace.activeOnNode.set(node, (inNamespace.activeOnNode.get(node) ?? 0) + 1);
  }
  if (entry.activeReady) owned.activeReady++;
  if (entry.terminating) owned.terminating++;
}

function uncount(entry: Entry): void {
  const { owned, inNamespace, node } = entry;
  if (entry.active) {
    owned.active--;
    const left = inNamespace.activeOnNode.get(node)! - 1;
    if (left > 0) inNamespace.activeOnNode.set(node, left);
    else inNamespace.activeOnNode.delete(node);
  }
  if (entry.activeReady) owned.activeReady--;
  if (entry.terminating) owned.terminating--;
}

function classIn<C>(groups: Map<string, Map<string, C>>, group: string, labelsKey: string, create: () => C): C {
  let classes = groups.get(group);
  if (!classes) groups.set(group, (classes = new Map()));
  let cls = classes.get(labelsKey);
  if (!cls) classes.set(labelsKey, (cls = create()));
  return cls;
}

function forget<C>(groups: Map<string, Map<string, C>>, group: string, labelsKey: string): void {
  const classes = groups.get(group);
  classes?.delete(labelsKey);
  if (classes?.size === 0) groups.delete(group);
}

function ownerKey(namespace: string, uid: string): string {
  return `${namespace}\u0000${uid}`;
}

/** entryKey names a pod by its uid (a string every version shares), or by namespace/name when it has none. */
function entryKey(pod: PodObject): string {
  return pod.metadata.uid ?? `${pod.metadata.namespace ?? ''}/${pod.metadata.name}`;
}
