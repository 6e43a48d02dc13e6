// Mirrors pkg/scheduler/framework/plugins/podtopologyspread/common.go; the NodeInclusionPolicy and
// MatchLabelKeys feature gates are on (their defaults since v1.27 / GA). Node pod counts are kept in the NodeInfo
// (PodCounter) instead of counted in every cycle, which changes no count.
import type { Node, Pod, Taint, TopologySpreadConstraint as V1TopologySpreadConstraint } from 'kubernetes-types/core/v1';
import type { LabelSelector } from 'kubernetes-types/meta/v1';
import type { RequiredNodeAffinity } from '../../../api/core/v1/nodeSelector';
import { findMatchingUntoleratedTaint } from '../../../api/core/v1/toleration';
import { TaintEffectNoExecute, TaintEffectNoSchedule } from '../../../api/core/v1/taint';
import type { NodeInfo } from '../../framework/nodeInfo';
import type { PodInfo } from '../../framework/podInfo';
import { labelSelectorAsSelector, nothing, type Labels, type Selector } from '../../../api/meta/v1/labelSelector';

/** NodeInclusionPolicy says whether a node's affinity or taints exclude it from skew calculations. */
export type NodeInclusionPolicy = 'Honor' | 'Ignore';

/** UnsatisfiableConstraintAction is v1.UnsatisfiableConstraintAction. */
export type UnsatisfiableConstraintAction = 'DoNotSchedule' | 'ScheduleAnyway';

/**
 * TopologySpreadConstraint is the internal version of v1.TopologySpreadConstraint with the selector parsed and
 * the optional fields defaulted (minDomains 1, nodeAffinityPolicy Honor, nodeTaintsPolicy Ignore).
 */
export interface TopologySpreadConstraint {
  maxSkew: number;
  topologyKey: string;
  selector: Selector;
  minDomains: number;
  nodeAffinityPolicy: NodeInclusionPolicy;
  nodeTaintsPolicy: NodeInclusionPolicy;
}

/** doNotScheduleTaintsFilter keeps the taints the Filter phase cares about (helper.DoNotScheduleTaintsFilterFunc). */
function doNotScheduleTaintsFilter(t: Taint): boolean {
  return t.effect === TaintEffectNoSchedule || t.effect === TaintEffectNoExecute;
}

/**
 * matchNodeInclusionPolicies is true when the node counts for the constraint: with nodeAffinityPolicy Honor it
 * must match the pod's nodeSelector/required affinity, with nodeTaintsPolicy Honor the pod must tolerate its
 * NoSchedule and NoExecute taints.
 */
export function matchNodeInclusionPolicies(
  c: TopologySpreadConstraint,
  pod: Pod,
  node: Node,
  require: RequiredNodeAffinity,
): boolean {
  if (c.nodeAffinityPolicy === 'Honor' && !require.match(node)) return false;
  if (
    c.nodeTaintsPolicy === 'Honor' &&
    findMatchingUntoleratedTaint(node.spec?.taints, pod.spec?.tolerations, doNotScheduleTaintsFilter)
  ) {
    return false;
  }
  return true;
}

/** nodeLabelsMatchSpreadConstraints checks if ALL topology keys in the constraints are present in the node labels. */
export function nodeLabelsMatchSpreadConstraints(nodeLabels: Labels, constraints: TopologySpreadConstraint[]): boolean {
  if (!nodeLabels) return constraints.length === 0;
  for (const c of constraints) {
    if (!Object.prototype.hasOwnProperty.call(nodeLabels, c.topologyKey)) return false;
  }
  return true;
}

/**
 * mergeLabelSetWithSelector ANDs `key In (value)` requirements for the matchLabelKeys values into the
 * constraint's selector. A nil labelSelector stays labels.Nothing(), as upstream (Requirements() is not ok).
 */
function mergeLabelSetWithSelector(matchLabels: Record<string, string>, ls: LabelSelector | undefined): Selector {
  if (!ls) return nothing;
  const extra = Object.entries(matchLabels).map(([key, value]) => ({ key, operator: 'In', values: [value] }));
  return labelSelectorAsSelector({
    matchLabels: ls.matchLabels,
    matchExpressions: [...(ls.matchExpressions ?? []), ...extra],
  });
}

/**
 * filterTopologySpreadConstraints keeps the constraints with the given whenUnsatisfiable action and parses
 * them. matchLabelKeys take their values from the incoming pod's labels (absent keys are ignored).
 */
export function filterTopologySpreadConstraints(
  constraints: readonly V1TopologySpreadConstraint[] | undefined,
  podLabels: Labels,
  action: UnsatisfiableConstraintAction,
): TopologySpreadConstraint[] {
  const result: TopologySpreadConstraint[] = [];
  for (const c of constraints ?? []) {
    if (c.whenUnsatisfiable !== action) continue;
    let selector = labelSelectorAsSelector(c.labelSelector);
    if ((c.matchLabelKeys ?? []).length > 0) {
      const matchLabels: Record<string, string> = {};
      for (const key of c.matchLabelKeys!) {
        if (podLabels && Object.prototype.hasOwnProperty.call(podLabels, key)) matchLabels[key] = podLabels[key];
      }
      if (Object.keys(matchLabels).length > 0) selector = mergeLabelSetWithSelector(matchLabels, c.labelSelector);
    }
    result.push({
      maxSkew: c.maxSkew,
      topologyKey: c.topologyKey,
      selector,
      minDomains: c.minDomains ?? 1,
      nodeAffinityPolicy: (c.nodeAffinityPolicy as NodeInclusionPolicy | undefined) ?? 'Honor',
      nodeTaintsPolicy: (c.nodeTaintsPolicy as NodeInclusionPolicy | undefined) ?? 'Ignore',
    });
  }
  return result;
}

/**
 * countsPod is countPodsMatchSelector's test of one pod: in namespace `ns`, not terminating (kubernetes#87621) and
 * matching the selector; an empty selector counts nothing, as upstream.
 */
function countsPod(pod: Pod, selector: Selector, ns: string): boolean {
  const meta = pod.metadata;
  if (meta?.deletionTimestamp || (meta?.namespace ?? '') !== ns) return false;
  return selector.matches(meta?.labels);
}

/**
 * countPodsMatchSelector counts the pods in namespace `ns` matching the selector. Terminating pods are
 * bypassed (kubernetes#87621) and an empty selector counts nothing, as upstream.
 */
export function countPodsMatchSelector(podInfos: readonly PodInfo[], selector: Selector, ns: string): number {
  if (selector.empty()) return 0;
  let count = 0;
  for (const pi of podInfos) if (countsPod(pi.pod, selector, ns)) count++;
  return count;
}

/**
 * MAX_NODE_COUNTS bounds the counts a node keeps: each pod added or removed updates all of them, and selectors
 * that no pending pod asks for any more would stay for ever. Beyond it the node starts over.
 */
const MAX_NODE_COUNTS = 16;

/** Each selector's memo key for the namespace asked last: its text is built once, not in every cycle. */
const memoKeys = new WeakMap<Selector, { ns: string; key: string }>();

/**
 * PodCounter is countPodsMatchSelector over a node's pods for one selector and namespace. The count is kept in the
 * NodeInfo's podCounts (by namespace and selector text), which follow the pods as they come and go: each
 * scheduling cycle counts every node's pods for each spread constraint, while between two cycles only a few pods
 * changed. A cycle builds one PodCounter per constraint.
 */
export class PodCounter {
  private readonly key: string;
  /** counts is the test of one pod, kept with the counts so that NodeInfo can update them. */
  private readonly counts: (pod: Pod) => boolean;

  constructor(
    private readonly selector: Selector,
    private readonly ns: string,
  ) {
    let k = memoKeys.get(selector);
    if (k?.ns !== ns) memoKeys.set(selector, (k = { ns, key: `${ns}\u0000${selector.toString()}` }));
    this.key = k.key;
    this.counts = selector.empty() ? () => false : (pod) => countsPod(pod, selector, ns);
  }

  count(nodeInfo: NodeInfo): number {
    const known = nodeInfo.podCounts.get(this.key);
    if (known !== undefined) return known;
    const count = countPodsMatchSelector(nodeInfo.pods, this.selector, this.ns);
    if (nodeInfo.podCounts.size >= MAX_NODE_COUNTS) nodeInfo.podCounts.clear();
    nodeInfo.podCounts.set(this.key, this.counts, count);
    return count;
  }
}
