// Mirrors pkg/scheduler/framework/plugins/podtopologyspread/filtering.go (the v1.36 form with MinMatchNum and
// DomainsAtCount instead of two critical paths); leaves out the in-place resize skip.
import type { Node, Pod } from 'kubernetes-types/core/v1';
import type { RequiredNodeAffinity } from '../../../api/core/v1/nodeSelector';
import type { CycleState, StateData } from '../../framework/cycleState';
import { Code, newStatus, type Status } from '../../framework/interface';
import type { NodeInfo } from '../../framework/nodeInfo';
import * as names from '../names';
import { matchNodeInclusionPolicies, nodeLabelsMatchSpreadConstraints, PodCounter, type TopologySpreadConstraint } from './common';

/** preFilterStateKey is the CycleState key of the PreFilter result ("PreFilter" + plugin name). */
export const preFilterStateKey = 'PreFilter' + names.PodTopologySpread;

/** ErrReasonConstraintsNotMatch is used for the PodTopologySpread filter error. */
export const ErrReasonConstraintsNotMatch = "node(s) didn't match pod topology spread constraints";
/** ErrReasonNodeLabelNotMatch is used when the node doesn't hold the required label. */
export const ErrReasonNodeLabelNotMatch = ErrReasonConstraintsNotMatch + ' (missing required label)';

/** MaxInt32 is what MinMatchNum holds while a constraint has no eligible domain (upstream's math.MaxInt32). */
const MaxInt32 = 2147483647;

/**
 * PreFilterState is computed at PreFilter and used at Filter. For each hard constraint i it holds the number of
 * matching pods per topology value, the global minimum and, to keep that minimum exact under the ±1 updates of
 * AddPod/RemovePod (preemption), how many domains hold exactly k matching pods. An empty state (no
 * constraints) is legit and lets every node pass.
 */
export class PreFilterState implements StateData {
  constructor(
    readonly constraints: TopologySpreadConstraint[],
    readonly minMatchNum: number[],
    readonly domainsAtCount: Map<number, number>[],
    readonly tpValueToMatchNum: Map<string, number>[],
  ) {}

  /** minMatchNumFor returns the global minimum for constraint i: 0 while fewer domains than minDomains exist. */
  minMatchNumFor(i: number, minDomains: number): number {
    if (this.tpValueToMatchNum[i].size < minDomains) return 0;
    return this.minMatchNum[i];
  }

  clone(): PreFilterState {
    return new PreFilterState(
      this.constraints,
      this.minMatchNum.slice(),
      this.domainsAtCount.map((m) => new Map(m)),
      this.tpValueToMatchNum.map((m) => new Map(m)),
    );
  }

  /** updateMin keeps minMatchNum[i] exact after one domain moved from `old` to `cur` (|cur-old| == 1). */
  updateMin(i: number, old: number, cur: number): void {
    const hist = this.domainsAtCount[i];
    const left = (hist.get(old) ?? 0) - 1;
    if (left <= 0) hist.delete(old);
    else hist.set(old, left);
    hist.set(cur, (hist.get(cur) ?? 0) + 1);
    if (cur < this.minMatchNum[i]) {
      this.minMatchNum[i] = cur;
    } else if (old === this.minMatchNum[i] && !hist.has(old)) {
      // The last domain at the minimum moved up by one; every other domain is >= old + 1 == cur.
      this.minMatchNum[i] = cur;
    }
  }
}

/** emptyPreFilterState is the state of a pod without hard constraints. */
export function emptyPreFilterState(): PreFilterState {
  return new PreFilterState([], [], [], []);
}

/**
 * calPreFilterState computes how the pods matching each hard constraint are spread over the topology domains
 * of all nodes. Nodes missing any topology key, or excluded by the node inclusion policies, do not count.
 */
export function calPreFilterState(
  pod: Pod,
  constraints: TopologySpreadConstraint[],
  allNodes: readonly NodeInfo[],
  require: RequiredNodeAffinity,
): PreFilterState {
  if (constraints.length === 0) return emptyPreFilterState();
  const tpValueToMatchNum = constraints.map(() => new Map<string, number>());
  const counters = constraints.map((c) => new PodCounter(c.selector, pod.metadata?.namespace ?? ''));
  for (const nodeInfo of allNodes) {
    const node = nodeInfo.node!;
    const labels = node.metadata?.labels;
    if (!nodeLabelsMatchSpreadConstraints(labels, constraints)) continue;
    for (let i = 0; i < constraints.length; i++) {
      const c = constraints[i];
      if (!matchNodeInclusionPolicies(c, pod, node, require)) continue;
      const value = labels![c.topologyKey];
      const count = counters[i].count(nodeInfo);
      const m = tpValueToMatchNum[i];
      m.set(value, (m.get(value) ?? 0) + count);
    }
  }
  const minMatchNum: number[] = [];
  const domainsAtCount: Map<number, number>[] = [];
  for (const m of tpValueToMatchNum) {
    let min = MaxInt32;
    const hist = new Map<number, number>();
    for (const num of m.values()) {
      hist.set(num, (hist.get(num) ?? 0) + 1);
      if (num < min) min = num;
    }
    minMatchNum.push(min);
    domainsAtCount.push(hist);
  }
  return new PreFilterState(constraints, minMatchNum, domainsAtCount, tpValueToMatchNum);
}

/**
 * updateWithPod adds (delta 1) or removes (delta -1) a pod placed on `node` from the counts, for the
 * constraints the pod matches. Pods of other namespaces and ineligible nodes change nothing.
 */
export function updateWithPod(
  s: PreFilterState,
  updatedPod: Pod,
  preemptorPod: Pod,
  node: Node | undefined,
  delta: number,
  require: RequiredNodeAffinity,
): void {
  if (!node || (updatedPod.metadata?.namespace ?? '') !== (preemptorPod.metadata?.namespace ?? '')) return;
  const labels = node.metadata?.labels;
  if (!nodeLabelsMatchSpreadConstraints(labels, s.constraints)) return;
  const podLabels = updatedPod.metadata?.labels;
  for (let i = 0; i < s.constraints.length; i++) {
    const c = s.constraints[i];
    if (!c.selector.matches(podLabels)) continue;
    if (!matchNodeInclusionPolicies(c, preemptorPod, node, require)) continue;
    const v = labels![c.topologyKey];
    const old = s.tpValueToMatchNum[i].get(v) ?? 0;
    const cur = old + delta;
    s.tpValueToMatchNum[i].set(v, cur);
    s.updateMin(i, old, cur);
  }
}

/** getPreFilterState fetches the pre-computed PreFilterState, throwing when PreFilter did not run. */
export function getPreFilterState(cycleState: CycleState): PreFilterState {
  const s = cycleState.read<PreFilterState>(preFilterStateKey);
  if (!(s instanceof PreFilterState)) throw new Error(`reading "${preFilterStateKey}" from cycleState: not found`);
  return s;
}

/**
 * filterNode judges a node against every hard constraint:
 * 'existing matching num' + 'if self-match (1 or 0)' - 'global minimum' <= 'maxSkew'.
 */
export function filterNode(s: PreFilterState, pod: Pod, nodeInfo: NodeInfo): Status | null {
  if (s.constraints.length === 0) return null;
  const labels = nodeInfo.node?.metadata?.labels;
  const podLabels = pod.metadata?.labels;
  for (let i = 0; i < s.constraints.length; i++) {
    const c = s.constraints[i];
    if (!labels || !Object.prototype.hasOwnProperty.call(labels, c.topologyKey)) {
      return newStatus(Code.UnschedulableAndUnresolvable, ErrReasonNodeLabelNotMatch);
    }
    const minMatchNum = s.minMatchNumFor(i, c.minDomains);
    const selfMatchNum = c.selector.matches(podLabels) ? 1 : 0;
    const matchNum = s.tpValueToMatchNum[i].get(labels[c.topologyKey]) ?? 0;
    if (matchNum + selfMatchNum - minMatchNum > c.maxSkew) {
      return newStatus(Code.Unschedulable, ErrReasonConstraintsNotMatch);
    }
  }
  return null;
}
