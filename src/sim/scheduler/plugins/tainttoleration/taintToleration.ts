// Mirrors pkg/scheduler/framework/plugins/tainttoleration/taint_toleration.go; no QueueingHints.
import type { Pod, Taint, Toleration } from 'kubernetes-types/core/v1';
import { findMatchingUntoleratedTaint, tolerationsTolerateTaint } from '../../../api/core/v1/toleration';
import { TaintEffectNoExecute, TaintEffectNoSchedule, TaintEffectPreferNoSchedule } from '../../../api/core/v1/taint';
import { StateReader, type CycleState, type StateData } from '../../framework/cycleState';
import {
  Code,
  MaxNodeScore,
  newStatus,
  type FilterPlugin,
  type Handle,
  type NodeScoreList,
  type Plugin,
  type PreScorePlugin,
  type ScoreExtensions,
  type ScorePlugin,
  type Status,
} from '../../framework/interface';
import type { NodeInfo } from '../../framework/nodeInfo';
import { defaultNormalizeScore } from '../helper/normalizeScore';
import * as names from '../names';

/** Name is the name of the plugin used in the plugin registry and configurations. */
export const Name = names.TaintToleration;
/** preScoreStateKey is the key in CycleState to TaintToleration pre-computed data for Scoring. */
const preScoreStateKey = 'PreScore' + Name;
/** ErrReasonNotMatch is the Filter reason status when not matching (v1.35 wording, no taint key/value). */
export const ErrReasonNotMatch = 'node(s) had untolerated taint(s)';

class PreScoreState implements StateData {
  constructor(readonly tolerationsPreferNoSchedule: Toleration[]) {}
  clone(): StateData {
    return this;
  }
}

/** doNotScheduleTaintsFilter keeps the taints the Filter cares about: NoSchedule and NoExecute. */
function doNotScheduleTaintsFilter(t: Taint): boolean {
  return t.effect === TaintEffectNoSchedule || t.effect === TaintEffectNoExecute;
}

/** getAllTolerationPreferNoSchedule gets the tolerations with effect PreferNoSchedule or with no effect. */
function getAllTolerationPreferNoSchedule(tolerations: Toleration[] | undefined): Toleration[] {
  // An empty effect means all effects, which includes PreferNoSchedule.
  return (tolerations ?? []).filter((t) => !t.effect || t.effect === TaintEffectPreferNoSchedule);
}

/** countIntolerableTaintsPreferNoSchedule counts the node's PreferNoSchedule taints the pod does not tolerate. */
function countIntolerableTaintsPreferNoSchedule(taints: Taint[] | undefined, tolerations: Toleration[]): number {
  if (!taints) return 0;
  let n = 0;
  for (const taint of taints) {
    if (taint.effect !== TaintEffectPreferNoSchedule) continue;
    if (!tolerationsTolerateTaint(tolerations, taint)) n++;
  }
  return n;
}

/** TaintToleration is a plugin that checks if a pod tolerates a node's taints. */
export class TaintToleration implements FilterPlugin, PreScorePlugin, ScorePlugin, ScoreExtensions {
  private readonly preScoreState = new StateReader<PreScoreState>(preScoreStateKey);

  constructor(readonly handle: Handle | undefined) {}

  name(): string {
    return Name;
  }

  /** filter rejects a node with a NoSchedule/NoExecute taint that the pod does not tolerate. */
  filter(_state: CycleState, pod: Pod, nodeInfo: NodeInfo): Status | null {
    const node = nodeInfo.node;
    if (!node) return newStatus(Code.Error, 'invalid nodeInfo');
    const taint = findMatchingUntoleratedTaint(node.spec?.taints, pod.spec?.tolerations, doNotScheduleTaintsFilter);
    if (!taint) return null;
    return newStatus(Code.UnschedulableAndUnresolvable, ErrReasonNotMatch);
  }

  /** preScore builds and writes cycle state used by Score and NormalizeScore. */
  preScore(state: CycleState, pod: Pod, nodes: NodeInfo[]): Status | null {
    if (nodes.length === 0) return null;
    state.write(preScoreStateKey, new PreScoreState(getAllTolerationPreferNoSchedule(pod.spec?.tolerations)));
    return null;
  }

  /** score is the number of PreferNoSchedule taints the pod does not tolerate (fewer is better). */
  score(state: CycleState, _pod: Pod, nodeInfo: NodeInfo): number {
    const s = this.preScoreState.read(state);
    if (!s) throw new Error(`reading "${preScoreStateKey}" from cycleState: not found`);
    return countIntolerableTaintsPreferNoSchedule(nodeInfo.node?.spec?.taints, s.tolerationsPreferNoSchedule);
  }

  /** normalizeScore reverses the counts: the node with the most intolerable taints gets 0. */
  normalizeScore(_state: CycleState, _pod: Pod, scores: NodeScoreList): Status | null {
    return defaultNormalizeScore(MaxNodeScore, true, scores);
  }

  scoreExtensions(): ScoreExtensions {
    return this;
  }
}

/** New initializes a new plugin and returns it. */
export function New(_args: unknown, handle: Handle | undefined): Plugin {
  return new TaintToleration(handle);
}
