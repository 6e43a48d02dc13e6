// Mirrors pkg/scheduler/framework/plugins/nodeaffinity/node_affinity.go; no QueueingHints.
import type { NodeAffinity as V1NodeAffinity, Pod } from 'kubernetes-types/core/v1';
import {
  LazyErrorNodeSelector,
  PreferredSchedulingTerms,
  getRequiredNodeAffinity,
  type RequiredNodeAffinity,
} from '../../../api/core/v1/nodeSelector';
import type { CycleState, StateData } from '../../framework/cycleState';
import {
  Code,
  MaxNodeScore,
  PreFilterResult,
  newStatus,
  type FilterPlugin,
  type Handle,
  type NodeScoreList,
  type Plugin,
  type PreFilterExtensions,
  type PreFilterPlugin,
  type PreScorePlugin,
  type ScoreExtensions,
  type ScorePlugin,
  type Status,
} from '../../framework/interface';
import type { NodeInfo } from '../../framework/nodeInfo';
import { defaultNormalizeScore } from '../helper/normalizeScore';
import * as names from '../names';

/** Name is the name of the plugin used in the plugin registry and configurations. */
export const Name = names.NodeAffinity;
const preScoreStateKey = 'PreScore' + Name;
const preFilterStateKey = 'PreFilter' + Name;
/** ErrReasonPod is the reason for Pod's node affinity/selector not matching. */
export const ErrReasonPod = "node(s) didn't match Pod's node affinity/selector";
/** errReasonEnforced is the reason for added node affinity not matching. */
export const errReasonEnforced = "node(s) didn't match scheduler-enforced node affinity";
/** errReasonConflict is the reason for pod's conflicting affinity rules. */
export const errReasonConflict = 'pod affinity terms conflict';

/** NodeAffinityArgs holds the plugin's arguments: an affinity the scheduler adds to every pod. */
export interface NodeAffinityArgs {
  addedAffinity?: V1NodeAffinity;
}

class PreFilterState implements StateData {
  constructor(readonly requiredNodeSelectorAndAffinity: RequiredNodeAffinity) {}
  /** clone returns the same state: it is not affected by pod additions or deletions. */
  clone(): StateData {
    return this;
  }
}

class PreScoreState implements StateData {
  constructor(readonly preferredNodeAffinity: PreferredSchedulingTerms | undefined) {}
  clone(): StateData {
    return this;
  }
}

function getPodPreferredNodeAffinity(pod: Pod): PreferredSchedulingTerms | undefined {
  const preferred = pod.spec?.affinity?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution;
  return preferred !== undefined ? new PreferredSchedulingTerms(preferred) : undefined;
}

/** NodeAffinity is a plugin that checks if a pod node selector matches the node label. */
export class NodeAffinity implements PreFilterPlugin, FilterPlugin, PreScorePlugin, ScorePlugin, ScoreExtensions {
  private readonly addedNodeSelector: LazyErrorNodeSelector | undefined;
  private readonly addedPrefSchedTerms: PreferredSchedulingTerms | undefined;

  constructor(args: NodeAffinityArgs = {}) {
    const required = args.addedAffinity?.requiredDuringSchedulingIgnoredDuringExecution;
    this.addedNodeSelector = required ? new LazyErrorNodeSelector(required) : undefined;
    const preferred = args.addedAffinity?.preferredDuringSchedulingIgnoredDuringExecution;
    this.addedPrefSchedTerms = preferred && preferred.length > 0 ? new PreferredSchedulingTerms(preferred) : undefined;
  }

  name(): string {
    return Name;
  }

  /**
   * preFilter parses the pod's nodeSelector and required affinity once per cycle. When every required term names
   * nodes through `matchFields: metadata.name In [...]`, only those nodes are worth filtering.
   */
  preFilter(state: CycleState, pod: Pod): [PreFilterResult | null, Status | null] {
    const required = pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution;
    if (!required && !this.addedNodeSelector && pod.spec?.nodeSelector === undefined) {
      // NodeAffinity Filter has nothing to do with the Pod.
      return [null, newStatus(Code.Skip)];
    }
    state.write(preFilterStateKey, new PreFilterState(getRequiredNodeAffinity(pod)));
    if (!required || (required.nodeSelectorTerms ?? []).length === 0) return [null, null];

    let nodeNames: Set<string> | undefined;
    for (const t of required.nodeSelectorTerms) {
      let termNodeNames: Set<string> | undefined;
      for (const r of t.matchFields ?? []) {
        if (r.key !== 'metadata.name' || r.operator !== 'In') continue;
        // The requirements represent ANDed constraints, and so we need to find the intersection of nodes.
        const s = new Set(r.values ?? []);
        termNodeNames = termNodeNames ? new Set([...termNodeNames].filter((n) => s.has(n))) : s;
      }
      // A term without a node name affinity makes all nodes eligible, because the terms are ORed.
      if (!termNodeNames) return [null, null];
      nodeNames = new Set([...(nodeNames ?? []), ...termNodeNames]);
    }
    // A non-nil but empty set means each term has conflicting affinity to node.Name.
    if (nodeNames && nodeNames.size === 0) return [null, newStatus(Code.UnschedulableAndUnresolvable, errReasonConflict)];
    if (nodeNames && nodeNames.size > 0) return [new PreFilterResult(nodeNames), null];
    return [null, null];
  }

  /** preFilterExtensions: not necessary, the state does not depend on pod additions or deletions. */
  preFilterExtensions(): PreFilterExtensions | null {
    return null;
  }

  /** filter checks if the node matches the pod's nodeSelector, required node affinity and the added affinity. */
  filter(state: CycleState, pod: Pod, nodeInfo: NodeInfo): Status | null {
    const node = nodeInfo.node!;
    if (this.addedNodeSelector && !this.addedNodeSelector.match(node)) {
      return newStatus(Code.UnschedulableAndUnresolvable, errReasonEnforced);
    }
    // Fall back to parsing here when PreFilter did not run.
    const s = state.read<PreFilterState>(preFilterStateKey) ?? new PreFilterState(getRequiredNodeAffinity(pod));
    if (!s.requiredNodeSelectorAndAffinity.match(node)) {
      return newStatus(Code.UnschedulableAndUnresolvable, ErrReasonPod);
    }
    return null;
  }

  /** preScore parses the preferred terms; Skip when neither the pod nor the plugin args have any. */
  preScore(state: CycleState, pod: Pod): Status | null {
    const preferred = getPodPreferredNodeAffinity(pod);
    if (!preferred && !this.addedPrefSchedTerms) return newStatus(Code.Skip);
    state.write(preScoreStateKey, new PreScoreState(preferred));
    return null;
  }

  /** score returns the sum of the weights of the preferred terms that match the node. */
  score(state: CycleState, pod: Pod, nodeInfo: NodeInfo): number {
    const node = nodeInfo.node!;
    let count = 0;
    if (this.addedPrefSchedTerms) count += this.addedPrefSchedTerms.score(node);
    const s = state.read<PreScoreState>(preScoreStateKey) ?? new PreScoreState(getPodPreferredNodeAffinity(pod));
    if (s.preferredNodeAffinity) count += s.preferredNodeAffinity.score(node);
    return count;
  }

  normalizeScore(_state: CycleState, _pod: Pod, scores: NodeScoreList): Status | null {
    return defaultNormalizeScore(MaxNodeScore, false, scores);
  }

  scoreExtensions(): ScoreExtensions {
    return this;
  }
}

/** New initializes a new plugin and returns it. */
export function New(args: unknown, _handle?: Handle): Plugin {
  return new NodeAffinity((args as NodeAffinityArgs | undefined) ?? {});
}
