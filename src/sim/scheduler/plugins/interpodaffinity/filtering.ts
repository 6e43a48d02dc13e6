// Mirrors pkg/scheduler/framework/plugins/interpodaffinity/filtering.go (the v1.34 form, without the later
// hostname fast path); leaves out the in-place resize skip.
import type { Node, Pod } from 'kubernetes-types/core/v1';
import type { CycleState, StateData } from '../../framework/cycleState';
import type { Labels } from '../../../api/meta/v1/labelSelector';
import { Code, newStatus, type Status } from '../../framework/interface';
import type { NodeInfo } from '../../framework/nodeInfo';
import { affinityTermMatches, type AffinityTerm, type PodInfo } from '../../framework/podInfo';
import * as names from '../names';

/** preFilterStateKey is the CycleState key of the PreFilter result ("PreFilter" + plugin name). */
export const preFilterStateKey = 'PreFilter' + names.InterPodAffinity;

/** ErrReasonExistingAntiAffinityRulesNotMatch is used for ExistingPodsAntiAffinityRulesNotMatch predicate error. */
export const ErrReasonExistingAntiAffinityRulesNotMatch = "node(s) didn't satisfy existing pods anti-affinity rules";
/** ErrReasonAffinityRulesNotMatch is used for PodAffinityRulesNotMatch predicate error. */
export const ErrReasonAffinityRulesNotMatch = "node(s) didn't match pod affinity rules";
/** ErrReasonAntiAffinityRulesNotMatch is used for PodAntiAffinityRulesNotMatch predicate error. */
export const ErrReasonAntiAffinityRulesNotMatch = "node(s) didn't match pod anti-affinity rules";

/**
 * TopologyToMatchedTermCount counts matched terms per topology pair, as a map from topology key to a map from
 * topology value to count. Entries that drop to zero are deleted, so "some pair has a count" means > 0 pods.
 */
export class TopologyToMatchedTermCount {
  readonly counts = new Map<string, Map<string, number>>();

  /** size is the number of topology pairs with a count. */
  size(): number {
    let n = 0;
    for (const values of this.counts.values()) n += values.size;
    return n;
  }

  get(key: string, value: string): number {
    return this.counts.get(key)?.get(value) ?? 0;
  }

  /** update adds `value` to the pair (tk, node's value of tk) when the node has the label. */
  update(node: Node, tk: string, value: number): void {
    const labels = node.metadata?.labels;
    if (!labels || !Object.prototype.hasOwnProperty.call(labels, tk)) return;
    const tv = labels[tk];
    let values = this.counts.get(tk);
    if (!values) {
      values = new Map();
      this.counts.set(tk, values);
    }
    const next = (values.get(tv) ?? 0) + value;
    // value could be negative, hence the entry is deleted when it is down to zero.
    if (next === 0) {
      values.delete(tv);
      if (values.size === 0) this.counts.delete(tk);
    } else {
      values.set(tv, next);
    }
  }

  /** updateWithAffinityTerms adds `value` for each term when the pod matches ALL terms. */
  updateWithAffinityTerms(terms: readonly AffinityTerm[], pod: Pod, node: Node, value: number): void {
    if (!podMatchesAllAffinityTerms(terms, pod)) return;
    for (const t of terms) this.update(node, t.topologyKey, value);
  }

  /** updateWithAntiAffinityTerms adds `value` for each anti-affinity term the pod matches. */
  updateWithAntiAffinityTerms(terms: readonly AffinityTerm[], pod: Pod, nsLabels: Labels, node: Node, value: number): void {
    for (const t of terms) if (affinityTermMatches(t, pod, nsLabels)) this.update(node, t.topologyKey, value);
  }

  clone(): TopologyToMatchedTermCount {
    const copy = new TopologyToMatchedTermCount();
    for (const [k, values] of this.counts) copy.counts.set(k, new Map(values));
    return copy;
  }
}

/**
 * podMatchesAllAffinityTerms returns true if the terms are not empty and the pod matches all of them. The
 * incoming pod's namespaceSelector was merged into its namespaces, so no namespace labels are needed.
 */
export function podMatchesAllAffinityTerms(terms: readonly AffinityTerm[], pod: Pod): boolean {
  if (terms.length === 0) return false;
  for (const t of terms) if (!affinityTermMatches(t, pod, undefined)) return false;
  return true;
}

/** IncomingTerms are the incoming pod's required terms with their namespaceSelector merged into namespaces. */
export interface IncomingTerms {
  pod: Pod;
  requiredAffinityTerms: AffinityTerm[];
  requiredAntiAffinityTerms: AffinityTerm[];
}

/**
 * PreFilterState is computed at PreFilter and used at Filter: per topology pair, the number of existing pods
 * whose required anti-affinity matches the incoming pod, and the number of existing pods matching the incoming
 * pod's required affinity (all terms) and anti-affinity terms.
 */
export class PreFilterState implements StateData {
  constructor(
    readonly existingAntiAffinityCounts: TopologyToMatchedTermCount,
    readonly affinityCounts: TopologyToMatchedTermCount,
    readonly antiAffinityCounts: TopologyToMatchedTermCount,
    readonly incoming: IncomingTerms,
    readonly namespaceLabels: Labels,
  ) {}

  clone(): PreFilterState {
    return new PreFilterState(
      this.existingAntiAffinityCounts.clone(),
      this.affinityCounts.clone(),
      this.antiAffinityCounts.clone(),
      this.incoming,
      this.namespaceLabels,
    );
  }

  /** updateWithPod updates the counters with the (anti)affinity matches of a pod added to or removed from a node. */
  updateWithPod(pInfo: PodInfo, node: Node | undefined, multiplier: number): void {
    if (!node) return;
    this.existingAntiAffinityCounts.updateWithAntiAffinityTerms(
      pInfo.requiredAntiAffinityTerms,
      this.incoming.pod,
      this.namespaceLabels,
      node,
      multiplier,
    );
    this.affinityCounts.updateWithAffinityTerms(this.incoming.requiredAffinityTerms, pInfo.pod, node, multiplier);
    this.antiAffinityCounts.updateWithAntiAffinityTerms(
      this.incoming.requiredAntiAffinityTerms,
      pInfo.pod,
      undefined,
      node,
      multiplier,
    );
  }
}

/**
 * getExistingAntiAffinityCounts counts, for every existing pod with required anti-affinity, the terms that
 * match the incoming pod, per topology pair of the existing pod's node.
 */
export function getExistingAntiAffinityCounts(pod: Pod, nsLabels: Labels, nodes: readonly NodeInfo[]): TopologyToMatchedTermCount {
  const result = new TopologyToMatchedTermCount();
  for (const nodeInfo of nodes) {
    const node = nodeInfo.node!;
    for (const existing of nodeInfo.podsWithRequiredAntiAffinity) {
      for (const term of existing.requiredAntiAffinityTerms) {
        if (affinityTermMatches(term, pod, nsLabels)) result.update(node, term.topologyKey, 1);
      }
    }
  }
  return result;
}

/**
 * getIncomingAffinityAntiAffinityCounts finds the existing pods that match the incoming pod's required
 * affinity (all terms at once) and anti-affinity terms, so that Filter does not look at pods again.
 */
export function getIncomingAffinityAntiAffinityCounts(
  incoming: IncomingTerms,
  allNodes: readonly NodeInfo[],
): [TopologyToMatchedTermCount, TopologyToMatchedTermCount] {
  const affinityCounts = new TopologyToMatchedTermCount();
  const antiAffinityCounts = new TopologyToMatchedTermCount();
  if (incoming.requiredAffinityTerms.length === 0 && incoming.requiredAntiAffinityTerms.length === 0) {
    return [affinityCounts, antiAffinityCounts];
  }
  for (const nodeInfo of allNodes) {
    const node = nodeInfo.node!;
    for (const existing of nodeInfo.pods) {
      affinityCounts.updateWithAffinityTerms(incoming.requiredAffinityTerms, existing.pod, node, 1);
      antiAffinityCounts.updateWithAntiAffinityTerms(incoming.requiredAntiAffinityTerms, existing.pod, undefined, node, 1);
    }
  }
  return [affinityCounts, antiAffinityCounts];
}

/** getPreFilterState fetches the pre-computed PreFilterState, throwing when PreFilter did not run. */
export function getPreFilterState(cycleState: CycleState): PreFilterState {
  const s = cycleState.read<PreFilterState>(preFilterStateKey);
  if (!(s instanceof PreFilterState)) throw new Error(`error reading "${preFilterStateKey}" from cycleState: not found`);
  return s;
}

/** satisfyExistingPodsAntiAffinity checks that no existing pod's anti-affinity term covers the node's topology. */
function satisfyExistingPodsAntiAffinity(s: PreFilterState, labels: Labels): boolean {
  if (!labels) return true;
  for (const [key, values] of s.existingAntiAffinityCounts.counts) {
    if (!Object.prototype.hasOwnProperty.call(labels, key)) continue;
    if ((values.get(labels[key]) ?? 0) > 0) return false;
  }
  return true;
}

/** satisfyPodAntiAffinity checks that no existing pod matching the incoming anti-affinity shares a topology. */
function satisfyPodAntiAffinity(s: PreFilterState, labels: Labels): boolean {
  if (s.antiAffinityCounts.counts.size === 0 || !labels) return true;
  for (const term of s.incoming.requiredAntiAffinityTerms) {
    if (!Object.prototype.hasOwnProperty.call(labels, term.topologyKey)) continue;
    if (s.antiAffinityCounts.get(term.topologyKey, labels[term.topologyKey]) > 0) return false;
  }
  return true;
}

/**
 * satisfyPodAffinity checks that every affinity term's topology of the node holds a pod matching all terms.
 * The first pod of a group with affinity to itself is let through when no pod matches anywhere yet.
 */
function satisfyPodAffinity(s: PreFilterState, labels: Labels): boolean {
  let podsExist = true;
  for (const term of s.incoming.requiredAffinityTerms) {
    // All topology labels must exist on the node.
    if (!labels || !Object.prototype.hasOwnProperty.call(labels, term.topologyKey)) return false;
    if (s.affinityCounts.get(term.topologyKey, labels[term.topologyKey]) <= 0) podsExist = false;
  }
  if (podsExist) return true;
  // This pod may be the first pod in a series that have affinity to themselves. In order to not leave such
  // pods in pending state forever, they pass when no other pod in the cluster matches the namespace and
  // selector of this pod, the pod matches its own terms, and the node has all the requested topologies.
  return (
    s.affinityCounts.counts.size === 0 &&
    podMatchesAllAffinityTerms(s.incoming.requiredAffinityTerms, s.incoming.pod)
  );
}

/** filterNode checks the incoming pod's affinity, its anti-affinity and the existing pods' anti-affinity. */
export function filterNode(s: PreFilterState, nodeInfo: NodeInfo): Status | null {
  const labels = nodeInfo.node?.metadata?.labels;
  if (!satisfyPodAffinity(s, labels)) return newStatus(Code.UnschedulableAndUnresolvable, ErrReasonAffinityRulesNotMatch);
  if (!satisfyPodAntiAffinity(s, labels)) return newStatus(Code.Unschedulable, ErrReasonAntiAffinityRulesNotMatch);
  if (!satisfyExistingPodsAntiAffinity(s, labels)) {
    return newStatus(Code.Unschedulable, ErrReasonExistingAntiAffinityRulesNotMatch);
  }
  return null;
}
