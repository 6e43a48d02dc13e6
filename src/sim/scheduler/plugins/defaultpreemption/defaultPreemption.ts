// Mirrors pkg/scheduler/framework/plugins/defaultpreemption/default_preemption.go; leaves out
// PodDisruptionBudgets (no victim ever counts as violating one), async preemption (PreEnqueue) and the
// IsEligiblePod / MoreImportantPod customisation hooks. ATTENTION: the dry-run offset is always 0 (upstream
// draws it at random); it only matters with more than 100 potential nodes, where upstream stops early.
import type { Pod } from 'kubernetes-types/core/v1';
import type { CycleState } from '../../framework/cycleState';
import {
  Code,
  isSuccess,
  newStatus,
  type Handle,
  type PostFilterPlugin,
  type PostFilterResult,
  type Status,
} from '../../framework/interface';
import type { NodeInfo } from '../../framework/nodeInfo';
import type { PodInfo } from '../../framework/podInfo';
import type { NodeToStatusReader } from '../../framework/types';
import * as names from '../names';
import { moreImportantPod, podPriority } from './candidate';
import { Evaluator, type PreemptionInterface } from './preemption';

/** Name is the name of the plugin used in the plugin registry and configurations. */
export const Name = names.DefaultPreemption;

/** DefaultPreemptionArgs mirrors config.DefaultPreemptionArgs with its defaults (10 %, 100). */
export interface DefaultPreemptionArgs {
  /** minCandidateNodesPercentage is the minimum share of nodes to dry-run preemption on. */
  minCandidateNodesPercentage?: number;
  /** minCandidateNodesAbsolute is the minimum number of nodes to dry-run preemption on. */
  minCandidateNodesAbsolute?: number;
}

/**
 * podTerminatingByPreemption returns true if the pod is terminating because the scheduler preempted it (it
 * carries DisruptionTarget=True with reason PreemptionByScheduler).
 */
function podTerminatingByPreemption(p: Pod): boolean {
  if (!p.metadata?.deletionTimestamp) return false;
  const condition = (p.status?.conditions ?? []).find((c) => c.type === 'DisruptionTarget');
  return !!condition && condition.status === 'True' && condition.reason === 'PreemptionByScheduler';
}

/** DefaultPreemption is a PostFilter plugin that implements the preemption logic. */
export class DefaultPreemption implements PostFilterPlugin, PreemptionInterface {
  private readonly minCandidateNodesPercentage: number;
  private readonly minCandidateNodesAbsolute: number;
  readonly evaluator: Evaluator;

  constructor(
    args: DefaultPreemptionArgs,
    private readonly handle: Handle,
  ) {
    this.minCandidateNodesPercentage = args.minCandidateNodesPercentage ?? 10;
    this.minCandidateNodesAbsolute = args.minCandidateNodesAbsolute ?? 100;
    this.evaluator = new Evaluator(Name, handle, this);
  }

  name(): string {
    return Name;
  }

  /** postFilter runs preemption; its message is prefixed with "preemption: ". */
  postFilter(state: CycleState, pod: Pod, m: NodeToStatusReader): [PostFilterResult | null, Status | null] {
    const [result, status] = this.evaluator.preempt(state, pod, m);
    const msg = status.message();
    if (msg.length > 0) return [result, newStatus(status.code, `preemption: ${msg}`)];
    return [result, status];
  }

  /**
   * calculateNumCandidates returns the number of candidates to find by dry-running: minCandidateNodesPercentage
   * of the nodes, at least minCandidateNodesAbsolute, never more than the nodes.
   */
  calculateNumCandidates(numNodes: number): number {
    let n = Math.trunc((numNodes * this.minCandidateNodesPercentage) / 100);
    if (n < this.minCandidateNodesAbsolute) n = this.minCandidateNodesAbsolute;
    if (n > numNodes) n = numNodes;
    return n;
  }

  getOffsetAndNumCandidates(numNodes: number): [number, number] {
    return [0, this.calculateNumCandidates(numNodes)];
  }

  /** isPreemptionAllowed: the victim must have lower priority than the preemptor. */
  private isPreemptionAllowed(victim: PodInfo, preemptor: Pod): boolean {
    return podPriority(victim.pod) < podPriority(preemptor);
  }

  /**
   * podEligibleToPreemptOthers says whether the pod should be considered for preempting other pods: not with
   * preemptionPolicy Never, and not while a lower-priority pod on its nominated node is still terminating
   * because of an earlier preemption (unless that node became UnschedulableAndUnresolvable).
   */
  podEligibleToPreemptOthers(pod: Pod, nominatedNodeStatus: Status): [boolean, string] {
    if (pod.spec?.preemptionPolicy === 'Never') return [false, 'not eligible due to preemptionPolicy=Never.'];
    const nomNodeName = pod.status?.nominatedNodeName ?? '';
    if (nomNodeName.length > 0) {
      if (nominatedNodeStatus.code === Code.UnschedulableAndUnresolvable) return [true, ''];
      const nodeInfo = this.handle.snapshotSharedLister().nodeInfos().get(nomNodeName);
      for (const p of nodeInfo?.pods ?? []) {
        if (this.isPreemptionAllowed(p, pod) && podTerminatingByPreemption(p.pod)) {
          return [false, 'not eligible due to a terminating pod on the nominated node.'];
        }
      }
    }
    return [true, ''];
  }

  /**
   * selectVictimsOnNode finds the minimum set of pods on the node to preempt so that the pod fits: remove all
   * lower-priority pods; if the pod then fits, add them back from the most important down, keeping as victims
   * those whose return makes the pod not fit. Pod affinity of the preemptor to victims is not considered.
   */
  selectVictimsOnNode(copyState: () => CycleState, pod: Pod, snapshotNodeInfo: NodeInfo): [Pod[], number, Status | null] {
    // First find all pods eligible for preemption, then remove them from a copy of the node and check if the
    // pod can be scheduled without them.
    const potentialVictims = snapshotNodeInfo.pods.filter((pi) => this.isPreemptionAllowed(pi, pod));
    if (potentialVictims.length === 0) {
      return [[], 0, newStatus(Code.UnschedulableAndUnresolvable, 'No preemption victims found for incoming pod')];
    }
    const state = copyState();
    const nodeInfo = snapshotNodeInfo.snapshot();
    const removePod = (pi: PodInfo): Status | null => {
      nodeInfo.removePod(pi.pod);
      return this.handle.runPreFilterExtensionRemovePod(state, pod, pi, nodeInfo);
    };
    const addPod = (pi: PodInfo): Status | null => {
      nodeInfo.addPodInfo(pi);
      return this.handle.runPreFilterExtensionAddPod(state, pod, pi, nodeInfo);
    };
    for (const pi of potentialVictims) {
      const status = removePod(pi);
      if (!isSuccess(status)) return [[], 0, status];
    }
    // If the pod does not fit with all eligible pods removed, this node cannot help.
    const fitsWithout = this.handle.runFilterPluginsWithNominatedPods(state, pod, nodeInfo);
    if (!isSuccess(fitsWithout)) return [[], 0, fitsWithout];

    // Reprieve as many pods as possible, starting from the most important ones.
    const now = this.handle.now();
    potentialVictims.sort((a, b) => (moreImportantPod(a.pod, b.pod, now) ? -1 : moreImportantPod(b.pod, a.pod, now) ? 1 : 0));
    const victims: Pod[] = [];
    for (const pi of potentialVictims) {
      const added = addPod(pi);
      if (!isSuccess(added)) return [[], 0, added];
      if (isSuccess(this.handle.runFilterPluginsWithNominatedPods(state, pod, nodeInfo))) continue;
      const removed = removePod(pi);
      if (!isSuccess(removed)) return [[], 0, removed];
      victims.push(pi.pod);
    }
    return [victims, 0, newStatus(Code.Success)];
  }
}

/** New initializes a new plugin and returns it. */
export function New(args: unknown, handle: Handle): DefaultPreemption {
  return new DefaultPreemption((args ?? {}) as DefaultPreemptionArgs, handle);
}
