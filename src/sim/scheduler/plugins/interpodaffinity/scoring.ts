// Mirrors pkg/scheduler/framework/plugins/interpodaffinity/scoring.go (current NormalizeScore with the true
// minimum and maximum); leaves out the per-cycle memo of scoring_memo.go.
import type { Node, Pod } from 'kubernetes-types/core/v1';
import type { CycleState, StateData } from '../../framework/cycleState';
import type { Labels } from '../../../api/meta/v1/labelSelector';
import { MaxNodeScore, type NodeScoreList } from '../../framework/interface';
import type { NodeInfo } from '../../framework/nodeInfo';
import { affinityTermMatches, type AffinityTerm, type PodInfo, type WeightedAffinityTerm } from '../../framework/podInfo';
import * as names from '../names';

/** preScoreStateKey is the CycleState key of the PreScore result ("PreScore" + plugin name). */
export const preScoreStateKey = 'PreScore' + names.InterPodAffinity;

/** ScoreMap holds the summed weights per topology key and value. */
export type ScoreMap = Map<string, Map<string, number>>;

/** IncomingPreferredTerms are the incoming pod's preferred terms with their namespaceSelector merged. */
export interface IncomingPreferredTerms {
  pod: Pod;
  preferredAffinityTerms: WeightedAffinityTerm[];
  preferredAntiAffinityTerms: WeightedAffinityTerm[];
}

/** PreScoreState is computed at PreScore and used at Score: the summed weights per topology pair. */
export class PreScoreState implements StateData {
  constructor(
    readonly topologyScore: ScoreMap,
    readonly incoming: IncomingPreferredTerms,
    readonly namespaceLabels: Labels,
  ) {}

  /** clone shares the state: it is read-only after PreScore. */
  clone(): PreScoreState {
    return this;
  }
}

/** processTerm adds weight × multiplier to the node's topology pair when the pod matches the term. */
function processTerm(
  m: ScoreMap,
  term: AffinityTerm,
  weight: number,
  pod: Pod,
  nsLabels: Labels,
  node: Node,
  multiplier: number,
): void {
  if (!affinityTermMatches(term, pod, nsLabels)) return;
  const labels = node.metadata?.labels;
  if (!labels || !Object.prototype.hasOwnProperty.call(labels, term.topologyKey)) return;
  let values = m.get(term.topologyKey);
  if (!values) {
    values = new Map();
    m.set(term.topologyKey, values);
  }
  const tpValue = labels[term.topologyKey];
  values.set(tpValue, (values.get(tpValue) ?? 0) + weight * multiplier);
}

function processTerms(
  m: ScoreMap,
  terms: readonly WeightedAffinityTerm[],
  pod: Pod,
  nsLabels: Labels,
  node: Node,
  multiplier: number,
): void {
  for (const t of terms) processTerm(m, t, t.weight, pod, nsLabels, node, multiplier);
}

/**
 * processExistingPod adds the contributions of one existing pod on its node's topology pairs: the incoming
 * pod's preferred (anti-)affinity terms it matches, and its own required affinity (weighted by
 * hardPodAffinityWeight) and preferred (anti-)affinity terms the incoming pod matches.
 */
export function processExistingPod(
  m: ScoreMap,
  s: PreScoreState,
  existing: PodInfo,
  node: Node,
  hardPodAffinityWeight: number,
): void {
  const labels = node.metadata?.labels;
  if (!labels || Object.keys(labels).length === 0) return;
  const incomingPod = s.incoming.pod;
  // The incoming pod's terms have the namespaceSelector merged into the namespaces, hence no namespace labels.
  processTerms(m, s.incoming.preferredAffinityTerms, existing.pod, undefined, node, 1);
  processTerms(m, s.incoming.preferredAntiAffinityTerms, existing.pod, undefined, node, -1);
  if (hardPodAffinityWeight > 0) {
    for (const t of existing.requiredAffinityTerms) {
      processTerm(m, t, hardPodAffinityWeight, incomingPod, s.namespaceLabels, node, 1);
    }
  }
  processTerms(m, existing.preferredAffinityTerms, incomingPod, s.namespaceLabels, node, 1);
  processTerms(m, existing.preferredAntiAffinityTerms, incomingPod, s.namespaceLabels, node, -1);
}

/** computeTopologyScore processes the given pods of every node into one ScoreMap. */
export function computeTopologyScore(
  s: PreScoreState,
  allNodes: readonly NodeInfo[],
  allPods: boolean,
  hardPodAffinityWeight: number,
): void {
  for (const nodeInfo of allNodes) {
    const node = nodeInfo.node!;
    // Unless the incoming pod has preferred terms, only pods with affinity can contribute.
    const pods = allPods ? nodeInfo.pods : nodeInfo.podsWithAffinity;
    for (const existing of pods) processExistingPod(s.topologyScore, s, existing, node, hardPodAffinityWeight);
  }
}

/** getPreScoreState fetches the pre-computed PreScoreState, throwing when PreScore did not run. */
export function getPreScoreState(cycleState: CycleState): PreScoreState {
  const s = cycleState.read<PreScoreState>(preScoreStateKey);
  if (!(s instanceof PreScoreState)) throw new Error(`failed to read "${preScoreStateKey}" from cycleState: not found`);
  return s;
}

/**
 * scoreNode is the sum of the weights of the topology pairs of the node: positive for affinity, negative for
 * anti-affinity. It is normalized later.
 */
export function scoreNode(s: PreScoreState, nodeInfo: NodeInfo): number {
  const labels = nodeInfo.node?.metadata?.labels;
  if (!labels) return 0;
  let score = 0;
  for (const [tpKey, tpValues] of s.topologyScore) {
    if (Object.prototype.hasOwnProperty.call(labels, tpKey)) score += tpValues.get(labels[tpKey]) ?? 0;
  }
  return score;
}

/** normalizeScores maps the raw scores linearly onto 0..100 between their true minimum and maximum. */
export function normalizeScores(s: PreScoreState, scores: NodeScoreList): void {
  if (s.topologyScore.size === 0) return;
  let minCount = Number.MAX_SAFE_INTEGER;
  let maxCount = Number.MIN_SAFE_INTEGER;
  for (const ns of scores) {
    if (ns.score > maxCount) maxCount = ns.score;
    if (ns.score < minCount) minCount = ns.score;
  }
  const maxMinDiff = maxCount - minCount;
  for (const ns of scores) {
    const fScore = maxMinDiff > 0 ? MaxNodeScore * ((ns.score - minCount) / maxMinDiff) : 0;
    ns.score = Math.trunc(fScore);
  }
}
