// Mirrors pkg/scheduler/framework/plugins/podtopologyspread/scoring.go; leaves out the per-cycle memo of
// scoring_memo.go (an upstream optimisation that does not change scores).
import type { Pod } from 'kubernetes-types/core/v1';
import type { RequiredNodeAffinity } from '../../../api/core/v1/nodeSelector';
import { LabelHostname } from '../../../api/core/v1/wellKnownLabels';
import { StateReader, type CycleState, type StateData } from '../../framework/cycleState';
import { MaxNodeScore, type NodeScoreList } from '../../framework/interface';
import type { NodeInfo } from '../../framework/nodeInfo';
import * as names from '../names';
import { matchNodeInclusionPolicies, nodeLabelsMatchSpreadConstraints, PodCounter, type TopologySpreadConstraint } from './common';

/** preScoreStateKey is the CycleState key of the PreScore result ("PreScore" + plugin name). */
export const preScoreStateKey = 'PreScore' + names.PodTopologySpread;

/** invalidScore marks ignored nodes between the two loops of NormalizeScore. */
const invalidScore = -1;

/**
 * PreScoreState is computed at PreScore and used at Score. For each soft constraint it holds the matching pod
 * count per topology value of the candidate nodes (hostname constraints are counted per node in Score) and
 * the weight of the constraint; ignoredNodes are candidates missing a required topology key.
 */
export class PreScoreState implements StateData {
  constraints: TopologySpreadConstraint[] = [];
  ignoredNodes = new Set<string>();
  topologyValueToPodCounts: Map<string, number>[] = [];
  topologyNormalizingWeight: number[] = [];
  /**
   * keyOnCandidates says, per constraint, whether a scored candidate node has its topology key. Score reads a
   * constraint's counts only on such nodes, so countAllNodes skips the others: the system default zone constraint
   * on a cluster without zone labels would otherwise count every pod into the "" value that nothing reads.
   */
  keyOnCandidates: boolean[] = [];
  /** counters count each constraint's matching pods of the pod's namespace on a node. */
  counters: PodCounter[] = [];

  /** clone shares the state: it is read-only after PreScore. */
  clone(): PreScoreState {
    return this;
  }
}

/**
 * isLabel tells an own label from an absent key: label values are strings (the API server validates them), while
 * what a key finds on Object.prototype is not, so no hasOwnProperty call is needed (as labelSelector's matchesOne).
 */
function isLabel(value: unknown): value is string {
  return typeof value === 'string';
}

/**
 * topologyNormalizingWeight calculates the weight for the topology, based on the number of values that exist
 * for a topology: ln(size + 2), so the pod counts of smaller topologies are not watered down by bigger ones.
 */
export function topologyNormalizingWeight(size: number): number {
  return Math.log(size + 2);
}

/**
 * scoreForCount calculates the score based on the number of matching pods in a topology domain, the
 * constraint's maxSkew and the topology weight. `maxSkew-1` is added so that differences between topology
 * domains get watered down, controlling the tolerance of the score to skews.
 */
function scoreForCount(cnt: number, maxSkew: number, tpWeight: number): number {
  return cnt * tpWeight + (maxSkew - 1);
}

/**
 * initPreScoreState fills the state from the candidate nodes: nodes missing a topology key are ignored (when
 * requireAllTopologies), every topology value of the candidates gets a zero count, and each constraint gets
 * its weight (hostname: from the number of scored nodes). Pods are counted in namespace `ns` (the pod's).
 */
export function initPreScoreState(
  s: PreScoreState,
  constraints: TopologySpreadConstraint[],
  filteredNodes: readonly NodeInfo[],
  requireAllTopologies: boolean,
  ns: string,
): void {
  s.constraints = constraints;
  if (constraints.length === 0) return;
  s.counters = constraints.map((c) => new PodCounter(c.selector, ns));
  s.topologyValueToPodCounts = constraints.map(() => new Map<string, number>());
  const topoSize = constraints.map(() => 0);
  s.keyOnCandidates = constraints.map(() => false);
  // Each constraint's value on the previous node: neighbours mostly share a zone, found in the map already.
  const lastValue: (string | undefined)[] = constraints.map(() => undefined);
  for (const nodeInfo of filteredNodes) {
    const node = nodeInfo.node!;
    const labels = node.metadata?.labels ?? {};
    if (requireAllTopologies && !nodeLabelsMatchSpreadConstraints(labels, constraints)) {
      s.ignoredNodes.add(node.metadata?.name ?? '');
      continue;
    }
    for (let i = 0; i < constraints.length; i++) {
      const key = constraints[i].topologyKey;
      if (key === LabelHostname) {
        // Per-node counts are calculated during Score; once a candidate has the key, the others need not be asked.
        if (!s.keyOnCandidates[i] && isLabel(labels[key])) s.keyOnCandidates[i] = true;
        continue;
      }
      const label = labels[key];
      if (isLabel(label)) s.keyOnCandidates[i] = true;
      const value = label ?? '';
      if (value === lastValue[i]) continue;
      lastValue[i] = value;
      const counts = s.topologyValueToPodCounts[i];
      if (!counts.has(value)) {
        counts.set(value, 0);
        topoSize[i]++;
      }
    }
  }
  s.topologyNormalizingWeight = constraints.map((c, i) =>
    topologyNormalizingWeight(c.topologyKey === LabelHostname ? filteredNodes.length - s.ignoredNodes.size : topoSize[i]),
  );
}

/**
 * countAllNodes adds the matching pods of every node of the cluster (not only candidates) to the topology
 * values that candidate nodes have, honouring the node inclusion policies. Hostname values are never there (Score
 * counts them per node), so without another constraint on a key of the candidates there is nothing to count.
 */
export function countAllNodes(
  s: PreScoreState,
  pod: Pod,
  allNodes: readonly NodeInfo[],
  requireAllTopologies: boolean,
  require: RequiredNodeAffinity,
): void {
  if (!s.constraints.some((c, i) => s.keyOnCandidates[i] && c.topologyKey !== LabelHostname)) return;
  for (const nodeInfo of allNodes) {
    const node = nodeInfo.node!;
    const labels = node.metadata?.labels ?? {};
    if (requireAllTopologies && !nodeLabelsMatchSpreadConstraints(labels, s.constraints)) continue;
    for (let i = 0; i < s.constraints.length; i++) {
      if (!s.keyOnCandidates[i]) continue;
      const c = s.constraints[i];
      const value = labels[c.topologyKey] ?? '';
      const counts = s.topologyValueToPodCounts[i];
      // Values of no candidate node (and hostname, counted in Score) are skipped, before the dearer policy check.
      const tpCount = counts.get(value);
      if (tpCount === undefined || !matchNodeInclusionPolicies(c, pod, node, require)) continue;
      counts.set(value, tpCount + s.counters[i].count(nodeInfo));
    }
  }
}

/** preScoreStateReader reads the state once per cycle, not once for each node Score asks about. */
const preScoreStateReader = new StateReader<PreScoreState>(preScoreStateKey);

/** getPreScoreState fetches the pre-computed PreScoreState, throwing when PreScore did not run. */
export function getPreScoreState(cycleState: CycleState): PreScoreState {
  const s = preScoreStateReader.read(cycleState);
  if (!(s instanceof PreScoreState)) throw new Error(`error reading "${preScoreStateKey}" from cycleState: not found`);
  return s;
}

/**
 * scoreNode returns the weighted number of matching pods in the node's domains (it is normalized later):
 * `round(Σ cnt × weight + maxSkew - 1)`.
 */
export function scoreNode(s: PreScoreState, nodeInfo: NodeInfo): number {
  if (s.ignoredNodes.size > 0 && s.ignoredNodes.has(nodeInfo.nodeName())) return 0;
  const labels = nodeInfo.node!.metadata?.labels ?? {};
  let score = 0;
  for (let i = 0; i < s.constraints.length; i++) {
    // Score asks about PreScore's candidates only: a key none of them has is not on this node either.
    if (!s.keyOnCandidates[i]) continue;
    const c = s.constraints[i];
    const label = labels[c.topologyKey];
    if (!isLabel(label)) continue;
    const cnt = c.topologyKey === LabelHostname ? s.counters[i].count(nodeInfo) : (s.topologyValueToPodCounts[i].get(label) ?? 0);
    score += scoreForCount(cnt, c.maxSkew, s.topologyNormalizingWeight[i]);
  }
  return Math.round(score);
}

/**
 * normalizeScores reverses the raw scores (fewer matching pods is better): `100 × (max + min − s) / max`
 * with integer division, min and max over non-ignored nodes; ignored nodes get 0, and all nodes 100 when max
 * is 0.
 */
export function normalizeScores(s: PreScoreState, scores: NodeScoreList): void {
  let minScore = Number.MAX_SAFE_INTEGER;
  let maxScore = 0;
  for (const ns of scores) {
    if (s.ignoredNodes.size > 0 && s.ignoredNodes.has(ns.name)) {
      ns.score = invalidScore;
      continue;
    }
    if (ns.score < minScore) minScore = ns.score;
    if (ns.score > maxScore) maxScore = ns.score;
  }
  for (const ns of scores) {
    if (ns.score === invalidScore) {
      ns.score = 0;
      continue;
    }
    if (maxScore === 0) {
      ns.score = MaxNodeScore;
      continue;
    }
    ns.score = Math.trunc((MaxNodeScore * (maxScore + minScore - ns.score)) / maxScore);
  }
}
