// Mirrors pkg/scheduler/framework/plugins/noderesources/fit.go; leaves out QueueingHints, pod-level resources,
// DRA-backed extended resources and in-place resize.
import type { Pod } from 'kubernetes-types/core/v1';
import { StateReader, type CycleState, type StateData } from '../../framework/cycleState';
import { cachedPodRequests } from '../../framework/podRequests';
import {
  Code,
  asStatus,
  newStatus,
  type FilterPlugin,
  type Handle,
  type Plugin,
  type PreFilterExtensions,
  type PreFilterPlugin,
  type PreFilterResult,
  type PreScorePlugin,
  type ScoreExtensions,
  type ScorePlugin,
  type Status,
} from '../../framework/interface';
import type { NodeInfo } from '../../framework/nodeInfo';
import { Resource, ResourceCPU, ResourceEphemeralStorage, ResourceMemory, ResourcePods, isExtendedResourceName } from '../../framework/resource';
import * as names from '../names';
import { leastResourceScorer } from './leastAllocated';
import { mostResourceScorer } from './mostAllocated';
import { requestedToCapacityRatioScorer, type UtilizationShapePoint } from './requestedToCapacityRatio';
import { ResourceAllocationScorer, defaultResources, validateResources, type ResourceSpec } from './resourceAllocation';

/** Name is the name of the plugin used in the plugin registry and configurations. */
export const Name = names.NodeResourcesFit;
const preFilterStateKey = 'PreFilter' + Name;
const preScoreStateKey = 'PreScore' + Name;

/** ScoringStrategyType names a NodeResourcesFit scoring strategy. */
export type ScoringStrategyType = 'LeastAllocated' | 'MostAllocated' | 'RequestedToCapacityRatio';

/** ScoringStrategy configures how NodeResourcesFit scores nodes (config.ScoringStrategy). */
export interface ScoringStrategy {
  type: ScoringStrategyType;
  resources?: ResourceSpec[];
  requestedToCapacityRatio?: { shape: UtilizationShapePoint[] };
}

/** NodeResourcesFitArgs holds arguments used to configure the NodeResourcesFit plugin. */
export interface NodeResourcesFitArgs {
  ignoredResources?: string[];
  ignoredResourceGroups?: string[];
  /** The default strategy is LeastAllocated with an equal "cpu" and "memory" weight. */
  scoringStrategy?: ScoringStrategy;
}

/** defaultShape is the RequestedToCapacityRatio shape when none is given: 0% -> 10, 100% -> 0. */
const defaultShape: UtilizationShapePoint[] = [
  { utilization: 0, score: 10 },
  { utilization: 100, score: 0 },
];

/** nodeResourceStrategyTypeMap maps strategy to scorer implementation. */
const nodeResourceStrategyTypeMap: Record<ScoringStrategyType, (s: ScoringStrategy, resources: ResourceSpec[]) => ResourceAllocationScorer> = {
  LeastAllocated: (_s, resources) => new ResourceAllocationScorer('LeastAllocated', false, leastResourceScorer(resources), resources),
  MostAllocated: (_s, resources) => new ResourceAllocationScorer('MostAllocated', false, mostResourceScorer(resources), resources),
  RequestedToCapacityRatio: (s, resources) =>
    new ResourceAllocationScorer(
      'RequestedToCapacityRatio',
      false,
      requestedToCapacityRatioScorer(resources, s.requestedToCapacityRatio?.shape ?? defaultShape),
      resources,
    ),
};

class PreFilterState implements StateData {
  constructor(readonly request: Resource) {}
  clone(): StateData {
    return this;
  }
}

class PreScoreState implements StateData {
  /** podRequests have the same order as the resources of the scoring strategy. */
  constructor(readonly podRequests: number[]) {}
  clone(): StateData {
    return this;
  }
}

/**
 * computePodResourceRequest returns a Resource that covers the largest width in each resource dimension:
 * init containers run one by one (max), regular containers and sidecars run together (sum), plus overhead.
 */
export function computePodResourceRequest(pod: Pod): Resource {
  const r = new Resource();
  r.addAmounts(cachedPodRequests(pod, false));
  r.allowedPodNumber = 0;
  return r;
}

/** InsufficientResource describes what kind of resource limit is hit and caused the pod to not fit the node. */
export interface InsufficientResource {
  resourceName: string;
  reason: string;
  requested: number;
  used: number;
  capacity: number;
}

/** fits checks if the node has enough resources to host the pod; the list is empty (and frozen) when it does. */
export function fits(pod: Pod, nodeInfo: NodeInfo): readonly InsufficientResource[] {
  return fitsRequest(computePodResourceRequest(pod), nodeInfo, undefined, undefined);
}

/** noInsufficientResources is the (shared, frozen) answer for a node that fits: no allocation per node. */
const noInsufficientResources: InsufficientResource[] = Object.freeze([]) as unknown as InsufficientResource[];

function appendInsufficient(list: readonly InsufficientResource[], r: InsufficientResource): InsufficientResource[] {
  const out = list === noInsufficientResources ? [] : (list as InsufficientResource[]);
  out.push(r);
  return out;
}

function fitsRequest(
  podRequest: Resource,
  nodeInfo: NodeInfo,
  ignoredExtendedResources: ReadonlySet<string> | undefined,
  ignoredResourceGroups: ReadonlySet<string> | undefined,
): readonly InsufficientResource[] {
  // Most nodes fit: the list is only allocated for the first insufficient resource.
  let insufficient: readonly InsufficientResource[] = noInsufficientResources;
  const allowedPodNumber = nodeInfo.allocatable.allowedPodNumber;
  if (nodeInfo.pods.length + 1 > allowedPodNumber) {
    insufficient = appendInsufficient(insufficient, { resourceName: ResourcePods, reason: 'Too many pods', requested: 1, used: nodeInfo.pods.length, capacity: allowedPodNumber });
  }
  if (podRequest.milliCPU === 0 && podRequest.memory === 0 && podRequest.ephemeralStorage === 0 && !podRequest.scalarResources?.size) {
    return insufficient;
  }
  const alloc = nodeInfo.allocatable;
  const used = nodeInfo.requested;
  if (podRequest.milliCPU > 0 && podRequest.milliCPU > alloc.milliCPU - used.milliCPU) {
    insufficient = appendInsufficient(insufficient, { resourceName: ResourceCPU, reason: 'Insufficient cpu', requested: podRequest.milliCPU, used: used.milliCPU, capacity: alloc.milliCPU });
  }
  if (podRequest.memory > 0 && podRequest.memory > alloc.memory - used.memory) {
    insufficient = appendInsufficient(insufficient, { resourceName: ResourceMemory, reason: 'Insufficient memory', requested: podRequest.memory, used: used.memory, capacity: alloc.memory });
  }
  if (podRequest.ephemeralStorage > 0 && podRequest.ephemeralStorage > alloc.ephemeralStorage - used.ephemeralStorage) {
    insufficient = appendInsufficient(insufficient, {
      resourceName: ResourceEphemeralStorage,
      reason: 'Insufficient ephemeral-storage',
      requested: podRequest.ephemeralStorage,
      used: used.ephemeralStorage,
      capacity: alloc.ephemeralStorage,
    });
  }
  if (!podRequest.scalarResources) return insufficient;
  for (const [rName, rQuant] of podRequest.scalarResources) {
    if (rQuant === 0) continue;
    if (isExtendedResourceName(rName)) {
      const prefix = rName.split('/')[0];
      if (ignoredExtendedResources?.has(rName) || ignoredResourceGroups?.has(prefix)) continue;
    }
    if (rQuant > alloc.scalar(rName) - used.scalar(rName)) {
      insufficient = appendInsufficient(insufficient, { resourceName: rName, reason: `Insufficient ${rName}`, requested: rQuant, used: used.scalar(rName), capacity: alloc.scalar(rName) });
    }
  }
  return insufficient;
}

/** Fit is a plugin that checks if a node has sufficient resources, and scores nodes by its strategy. */
export class Fit implements PreFilterPlugin, FilterPlugin, PreScorePlugin, ScorePlugin {
  private readonly ignoredResources: Set<string>;
  private readonly ignoredResourceGroups: Set<string>;
  readonly scorer: ResourceAllocationScorer;
  private readonly preFilterState = new StateReader<PreFilterState>(preFilterStateKey);
  private readonly preScoreState = new StateReader<PreScoreState>(preScoreStateKey);

  constructor(args: NodeResourcesFitArgs = {}) {
    const strategy = args.scoringStrategy ?? { type: 'LeastAllocated' };
    const resources = strategy.resources && strategy.resources.length > 0 ? strategy.resources : [...defaultResources];
    validateResources(resources, 'scoringStrategy.resources');
    const build = nodeResourceStrategyTypeMap[strategy.type];
    if (!build) throw new Error(`scoring strategy ${strategy.type} is not supported`);
    this.scorer = build(strategy, resources);
    this.ignoredResources = new Set(args.ignoredResources ?? []);
    this.ignoredResourceGroups = new Set(args.ignoredResourceGroups ?? []);
  }

  name(): string {
    return Name;
  }

  /** preFilter computes the pod's requests once per cycle. */
  preFilter(state: CycleState, pod: Pod): [PreFilterResult | null, Status | null] {
    state.write(preFilterStateKey, new PreFilterState(computePodResourceRequest(pod)));
    return [null, null];
  }

  preFilterExtensions(): PreFilterExtensions | null {
    return null;
  }

  /**
   * filter checks if a node has sufficient resources (pods, cpu, memory, ephemeral storage, extended resources).
   * Every insufficient resource is a reason, so the FailedScheduling histogram counts each.
   */
  filter(state: CycleState, _pod: Pod, nodeInfo: NodeInfo): Status | null {
    const s = this.preFilterState.read(state);
    if (!s) return asStatus(new Error(`error reading "${preFilterStateKey}" from cycleState: not found`));
    const insufficient = fitsRequest(s.request, nodeInfo, this.ignoredResources, this.ignoredResourceGroups);
    if (insufficient.length === 0) return null;
    return newStatus(Code.Unschedulable, ...insufficient.map((r) => r.reason));
  }

  /** preScore calculates the incoming pod's requests (with the 100m/200Mi defaults) for scoring. */
  preScore(state: CycleState, pod: Pod): Status | null {
    state.write(preScoreStateKey, new PreScoreState(this.scorer.calculatePodResourceRequestList(pod)));
    return null;
  }

  score(state: CycleState, pod: Pod, nodeInfo: NodeInfo): number {
    const s = this.preScoreState.read(state) ?? new PreScoreState(this.scorer.calculatePodResourceRequestList(pod));
    return this.scorer.score(nodeInfo, s.podRequests);
  }

  /** scoreExtensions: the strategies already return 0..100, so there is no NormalizeScore. */
  scoreExtensions(): ScoreExtensions | null {
    return null;
  }
}

/** New initializes a new plugin and returns it. */
export function New(args: unknown, _handle?: Handle): Plugin {
  return new Fit((args as NodeResourcesFitArgs | undefined) ?? {});
}
