// Mirrors pkg/scheduler/framework/plugins/noderesources/balanced_allocation.go; no QueueingHints.
import type { Pod } from 'kubernetes-types/core/v1';
import { StateReader, type CycleState, type StateData } from '../../framework/cycleState';
import {
  Code,
  MaxNodeScore,
  newStatus,
  type Handle,
  type Plugin,
  type PreScorePlugin,
  type ScoreExtensions,
  type ScorePlugin,
  type Status,
} from '../../framework/interface';
import type { NodeInfo } from '../../framework/nodeInfo';
import * as names from '../names';
import { ResourceAllocationScorer, defaultResources, type ResourceSpec } from './resourceAllocation';

/** BalancedAllocationName is the name of the plugin used in the plugin registry and configurations. */
export const BalancedAllocationName = names.NodeResourcesBalancedAllocation;
const balancedAllocationPreScoreStateKey = 'PreScore' + BalancedAllocationName;

/** NodeResourcesBalancedAllocationArgs holds the resources to balance (default cpu and memory). */
export interface NodeResourcesBalancedAllocationArgs {
  resources?: ResourceSpec[];
}

class BalancedAllocationPreScoreState implements StateData {
  constructor(readonly podRequests: number[]) {}
  clone(): StateData {
    return this;
  }
}

/**
 * balancedResourceScorer favors nodes with balanced resource usage rate: score = (1 - std) * MaxNodeScore where
 * std is the standard deviation of the requested/allocatable fractions (each capped at 1), truncated.
 */
export function balancedResourceScorer(requested: number[], allocatable: number[]): number {
  let count = 0;
  let totalFraction = 0;
  for (let i = 0; i < requested.length; i++) {
    if (allocatable[i] === 0) continue;
    let fraction = requested[i] / allocatable[i];
    if (fraction > 1) fraction = 1;
    totalFraction += fraction;
    // Reuse the start of `requested` for the fractions: the caller's scratch array is not read again.
    requested[count++] = fraction;
  }
  let std = 0;
  // For two resources the std simplifies to |f1 - f2| / 2.
  if (count === 2) {
    std = Math.abs((requested[0] - requested[1]) / 2);
  } else if (count > 2) {
    const mean = totalFraction / count;
    let sum = 0;
    for (let i = 0; i < count; i++) sum += (requested[i] - mean) * (requested[i] - mean);
    std = Math.sqrt(sum / count);
  }
  return Math.trunc((1 - std) * MaxNodeScore);
}

/** BalancedAllocation is a score plugin that calculates the difference between the cpu and memory fraction of capacity. */
export class BalancedAllocation implements PreScorePlugin, ScorePlugin {
  readonly scorer: ResourceAllocationScorer;
  private readonly preScoreState = new StateReader<BalancedAllocationPreScoreState>(balancedAllocationPreScoreStateKey);

  constructor(args: NodeResourcesBalancedAllocationArgs = {}) {
    const resources = args.resources && args.resources.length > 0 ? args.resources : [...defaultResources];
    this.scorer = new ResourceAllocationScorer(BalancedAllocationName, true, balancedResourceScorer, resources);
  }

  name(): string {
    return BalancedAllocationName;
  }

  /**
   * preScore computes the pod's actual requests. Best-effort pods are skipped, to prevent a large number of pods
   * from being scheduled to the same node (kubernetes#129138).
   */
  preScore(state: CycleState, pod: Pod): Status | null {
    const podRequests = this.scorer.calculatePodResourceRequestList(pod);
    if (this.scorer.isBestEffortPod(podRequests)) return newStatus(Code.Skip);
    state.write(balancedAllocationPreScoreStateKey, new BalancedAllocationPreScoreState(podRequests));
    return null;
  }

  score(state: CycleState, pod: Pod, nodeInfo: NodeInfo): number {
    let s = this.preScoreState.read(state);
    if (!s) {
      s = new BalancedAllocationPreScoreState(this.scorer.calculatePodResourceRequestList(pod));
      if (this.scorer.isBestEffortPod(s.podRequests)) return 0;
    }
    return this.scorer.score(nodeInfo, s.podRequests);
  }

  scoreExtensions(): ScoreExtensions | null {
    return null;
  }
}

/** New initializes a new plugin and returns it. */
export function New(args: unknown, _handle?: Handle): Plugin {
  return new BalancedAllocation((args as NodeResourcesBalancedAllocationArgs | undefined) ?? {});
}
