// Mirrors pkg/scheduler/framework/plugins/podtopologyspread/plugin.go and the extension points of filtering.go
// and scoring.go; leaves out QueueingHints (EventsToRegister), SignPod and the in-place resize skip.
import type { Pod, TopologySpreadConstraint as V1TopologySpreadConstraint } from 'kubernetes-types/core/v1';
import { getRequiredNodeAffinity } from '../../../api/core/v1/nodeSelector';
import { LabelHostname, LabelTopologyZone } from '../../../api/core/v1/wellKnownLabels';
import type { CycleState } from '../../framework/cycleState';
import {
  asStatus,
  Code,
  newStatus,
  type FilterPlugin,
  type Handle,
  type NodeScoreList,
  type PreFilterExtensions,
  type PreFilterPlugin,
  type PreFilterResult,
  type PreScorePlugin,
  type ScoreExtensions,
  type ScorePlugin,
  type Status,
} from '../../framework/interface';
import type { NodeInfo } from '../../framework/nodeInfo';
import * as names from '../names';
import type { PodInfo } from '../../framework/podInfo';
import { filterTopologySpreadConstraints, type TopologySpreadConstraint, type UnsatisfiableConstraintAction } from './common';
import { defaultSelector } from './defaultSelector';
import { calPreFilterState, filterNode, getPreFilterState, preFilterStateKey, updateWithPod } from './filtering';
import { countAllNodes, getPreScoreState, initPreScoreState, normalizeScores, PreScoreState, preScoreStateKey, scoreNode } from './scoring';

export { ErrReasonConstraintsNotMatch, ErrReasonNodeLabelNotMatch } from './filtering';

/** Name is the name of the plugin used in the plugin registry and configurations. */
export const Name = names.PodTopologySpread;

/**
 * systemDefaultConstraints apply to pods without topologySpreadConstraints of their own, with a selector built
 * from the Services, ReplicationControllers, ReplicaSets and StatefulSets that select the pod.
 */
export const systemDefaultConstraints: V1TopologySpreadConstraint[] = [
  { topologyKey: LabelHostname, whenUnsatisfiable: 'ScheduleAnyway', maxSkew: 3 },
  { topologyKey: LabelTopologyZone, whenUnsatisfiable: 'ScheduleAnyway', maxSkew: 5 },
];

/** PodTopologySpreadArgs mirrors config.PodTopologySpreadArgs; the default defaultingType is System. */
export interface PodTopologySpreadArgs {
  /** defaultConstraints are used with defaultingType List (they must not carry a labelSelector). */
  defaultConstraints?: V1TopologySpreadConstraint[];
  defaultingType?: 'System' | 'List';
}

/** PodTopologySpread is a plugin that ensures the pod's topologySpreadConstraints are satisfied. */
export class PodTopologySpread implements PreFilterPlugin, PreFilterExtensions, FilterPlugin, PreScorePlugin, ScorePlugin, ScoreExtensions {
  private readonly defaultConstraints: V1TopologySpreadConstraint[];
  private readonly systemDefaulted: boolean;

  constructor(
    args: PodTopologySpreadArgs,
    private readonly handle: Handle,
  ) {
    this.systemDefaulted = (args.defaultingType ?? 'System') === 'System';
    this.defaultConstraints = this.systemDefaulted ? systemDefaultConstraints : (args.defaultConstraints ?? []);
  }

  name(): string {
    return Name;
  }

  /**
   * getConstraints extracts the constraints with the given action from the pod spec; a pod without any gets
   * the default constraints.
   */
  private getConstraints(pod: Pod, action: UnsatisfiableConstraintAction): TopologySpreadConstraint[] {
    if ((pod.spec?.topologySpreadConstraints ?? []).length > 0) {
      return filterTopologySpreadConstraints(pod.spec!.topologySpreadConstraints, pod.metadata?.labels, action);
    }
    return this.buildDefaultConstraints(pod, action);
  }

  /**
   * buildDefaultConstraints builds the constraints for a pod using the default constraints and the selector of
   * the Services, ReplicationControllers, ReplicaSets and StatefulSets that match the pod; none when nothing
   * selects the pod.
   */
  private buildDefaultConstraints(pod: Pod, action: UnsatisfiableConstraintAction): TopologySpreadConstraint[] {
    const constraints = filterTopologySpreadConstraints(this.defaultConstraints, pod.metadata?.labels, action);
    if (constraints.length === 0) return [];
    const selector = defaultSelector(pod, this.handle.clientSet());
    if (selector.empty()) return [];
    return constraints.map((c) => ({ ...c, selector }));
  }

  preFilter(state: CycleState, pod: Pod, nodes: NodeInfo[]): [PreFilterResult | null, Status | null] {
    let constraints: TopologySpreadConstraint[];
    try {
      constraints = this.getConstraints(pod, 'DoNotSchedule');
    } catch (e) {
      const msg = e instanceof Error ? e.message : String(e);
      return [null, asStatus(new Error(`get constraints from pod: obtaining pod's hard topology spread constraints: ${msg}`))];
    }
    if (constraints.length === 0) return [null, newStatus(Code.Skip)];
    state.write(preFilterStateKey, calPreFilterState(pod, constraints, nodes, getRequiredNodeAffinity(pod)));
    return [null, null];
  }

  preFilterExtensions(): PreFilterExtensions {
    return this;
  }

  addPod(state: CycleState, podToSchedule: Pod, podInfoToAdd: PodInfo, nodeInfo: NodeInfo): Status | null {
    return this.updateState(state, podToSchedule, podInfoToAdd, nodeInfo, 1);
  }

  removePod(state: CycleState, podToSchedule: Pod, podInfoToRemove: PodInfo, nodeInfo: NodeInfo): Status | null {
    return this.updateState(state, podToSchedule, podInfoToRemove, nodeInfo, -1);
  }

  private updateState(state: CycleState, preemptor: Pod, podInfo: PodInfo, nodeInfo: NodeInfo, delta: number): Status | null {
    try {
      const s = getPreFilterState(state);
      updateWithPod(s, podInfo.pod, preemptor, nodeInfo.node, delta, getRequiredNodeAffinity(preemptor));
      return null;
    } catch (e) {
      return asStatus(e);
    }
  }

  filter(state: CycleState, pod: Pod, nodeInfo: NodeInfo): Status | null {
    try {
      return filterNode(getPreFilterState(state), pod, nodeInfo);
    } catch (e) {
      return asStatus(e);
    }
  }

  preScore(state: CycleState, pod: Pod, filteredNodes: NodeInfo[]): Status | null {
    const allNodes = this.handle.snapshotSharedLister().nodeInfos().list();
    if (allNodes.length === 0) return newStatus(Code.Skip);
    // Only require that nodes have all the topology labels for non-system-default spreading, so that nodes
    // without a zone label still get hostname spreading.
    const requireAllTopologies = (pod.spec?.topologySpreadConstraints ?? []).length > 0 || !this.systemDefaulted;
    const s = new PreScoreState();
    try {
      initPreScoreState(s, this.getConstraints(pod, 'ScheduleAnyway'), filteredNodes, requireAllTopologies, pod.metadata?.namespace ?? '');
    } catch (e) {
      const msg = e instanceof Error ? e.message : String(e);
      return asStatus(new Error(`calculating preScoreState: obtaining pod's soft topology spread constraints: ${msg}`));
    }
    if (s.constraints.length === 0) return newStatus(Code.Skip);
    countAllNodes(s, pod, allNodes, requireAllTopologies, getRequiredNodeAffinity(pod));
    state.write(preScoreStateKey, s);
    return null;
  }

  /** score is the matching number of pods around the node, normalized later. */
  score(state: CycleState, _pod: Pod, nodeInfo: NodeInfo): number {
    return scoreNode(getPreScoreState(state), nodeInfo);
  }

  scoreExtensions(): ScoreExtensions {
    return this;
  }

  normalizeScore(state: CycleState, _pod: Pod, scores: NodeScoreList): Status | null {
    try {
      normalizeScores(getPreScoreState(state), scores);
      return null;
    } catch (e) {
      return asStatus(e);
    }
  }
}

/** New initializes a new plugin and returns it. */
export function New(args: unknown, handle: Handle): PodTopologySpread {
  return new PodTopologySpread((args ?? {}) as PodTopologySpreadArgs, handle);
}
