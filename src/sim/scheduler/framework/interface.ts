// Mirrors k8s.io/kube-scheduler/framework/interface.go (and pkg/scheduler/framework/interface.go); leaves out
// QueueSort/PreEnqueue/Permit/PreBind/PostBind plugin kinds, QueueingHints, extenders and the parallelizer.
import type { Pod } from 'kubernetes-types/core/v1';
import type { ApiClient } from '../../store/types';
import type { EventRecorder } from '../../events/recorder';
import type { VirtualMs } from '../../clock/virtualClock';
import type { CycleState } from './cycleState';
import type { NodeInfo } from './nodeInfo';
import type { PodInfo } from './podInfo';
import type { NodeToStatusReader } from './types';

/** MaxNodeScore is the maximum score a Score plugin is expected to return (after NormalizeScore). */
export const MaxNodeScore = 100;
/** MinNodeScore is the minimum score a Score plugin is expected to return. */
export const MinNodeScore = 0;
/** MaxTotalScore is the maximum total score a node can get (upstream: math.MaxInt64). */
export const MaxTotalScore = Number.MAX_SAFE_INTEGER;

/** Code is the status code a plugin returns. The queue acts on it, as described for each value. */
export enum Code {
  /** Success means that a plugin ran correctly and found the pod schedulable. A null status is also "Success". */
  Success = 0,
  /**
   * Error is used for internal plugin errors, unexpected input, etc. "Error" aborts pod scheduling and puts the
   * pod into the backoff queue.
   */
  Error = 1,
  /**
   * Unschedulable is used when a plugin finds a pod unschedulable. The scheduler might attempt to run other
   * postFilter plugins like preemption to get this pod scheduled. The accompanying status message should explain
   * why the pod is unschedulable.
   */
  Unschedulable = 2,
  /**
   * UnschedulableAndUnresolvable is used when a plugin finds a pod unschedulable and other postFilter plugins
   * like preemption would not change anything. Plugins should return Unschedulable if it is possible that the
   * pod can get scheduled with preemption.
   */
  UnschedulableAndUnresolvable = 3,
  /** Wait is used when a Permit plugin finds a pod scheduling should wait. */
  Wait = 4,
  /**
   * Skip is used in these cases: a Bind plugin chooses to skip binding; a PreFilter plugin returns Skip so that
   * its Filter plugin (and PreFilterExtensions) are skipped; a PreScore plugin returns Skip so that its Score
   * plugin is skipped.
   */
  Skip = 5,
  /**
   * Pending means that the scheduling process is finished successfully, but the plugin wants to stop the
   * scheduling cycle / binding cycle here and wait for something external (for example a DRA driver).
   */
  Pending = 6,
}

/** codeNames are the string forms of Code, as upstream's codes array. */
const codeNames = ['Success', 'Error', 'Unschedulable', 'UnschedulableAndUnresolvable', 'Wait', 'Skip', 'Pending'];

/** codeString returns the name of a Code, e.g. `UnschedulableAndUnresolvable`. */
export function codeString(code: Code): string {
  return codeNames[code] ?? `Code(${code})`;
}

/**
 * Status indicates the result of running a plugin. It consists of a code, a list of reasons meant for people and
 * the name of the plugin that failed. A null Status means Success, so plugins return `null` on success and the
 * helpers below (isSuccess, statusCode) accept null.
 */
export class Status {
  readonly code: Code;
  readonly reasons: string[];
  /** err is set for Code.Error statuses built from an exception (asStatus). */
  readonly err?: Error;
  /** plugin is the name of the plugin that failed, filled in by the runtime. */
  plugin = '';

  constructor(code: Code, reasons: string[] = [], err?: Error) {
    this.code = code;
    this.reasons = reasons;
    this.err = err;
  }

  /** message returns a concatenated message of all reasons, joined by ", ". */
  message(): string {
    return this.reasons.join(', ');
  }

  /** isRejected is true for Unschedulable, UnschedulableAndUnresolvable and Pending. */
  isRejected(): boolean {
    return (
      this.code === Code.Unschedulable || this.code === Code.UnschedulableAndUnresolvable || this.code === Code.Pending
    );
  }

  /** withPlugin sets the failed plugin and returns the status, as upstream's WithPlugin. */
  withPlugin(plugin: string): Status {
    this.plugin = plugin;
    return this;
  }

  /** appendReason adds a reason to the status. */
  appendReason(reason: string): void {
    this.reasons.push(reason);
  }

  /** asError returns an Error for a non-success status: the wrapped error, or the message. */
  asError(): Error {
    return this.err ?? new Error(this.message());
  }
}

/** newStatus makes a Status with the given code and reasons, as framework.NewStatus. */
export function newStatus(code: Code, ...reasons: string[]): Status {
  return new Status(code, reasons);
}

/** asStatus wraps an error into a Status with Code.Error, as framework.AsStatus. */
export function asStatus(err: unknown): Status {
  const e = err instanceof Error ? err : new Error(String(err));
  return new Status(Code.Error, [e.message], e);
}

/** statusCode returns the code of a status; null is Success. */
export function statusCode(s: Status | null | undefined): Code {
  return s ? s.code : Code.Success;
}

/** isSuccess is true when the status is null or has Code.Success. */
export function isSuccess(s: Status | null | undefined): boolean {
  return !s || s.code === Code.Success;
}

/** isSkip is true when the status has Code.Skip. */
export function isSkip(s: Status | null | undefined): boolean {
  return !!s && s.code === Code.Skip;
}

/** isRejected is true when the status is Unschedulable, UnschedulableAndUnresolvable or Pending. */
export function isRejected(s: Status | null | undefined): boolean {
  return !!s && s.isRejected();
}

/** NodeScore is a node and the score a plugin (or all plugins) gave it. */
export interface NodeScore {
  name: string;
  score: number;
}

/** NodeScoreList declares a list of nodes and their scores. */
export type NodeScoreList = NodeScore[];

/** PluginScore is one plugin's weighted, normalised score for a node. */
export interface PluginScore {
  name: string;
  score: number;
}

/** NodePluginScores is the total score of a node and the share each score plugin contributed. */
export interface NodePluginScores {
  name: string;
  scores: PluginScore[];
  totalScore: number;
}

/**
 * PreFilterResult wraps needed info for the scheduler framework to act upon. `nodeNames` undefined means all
 * nodes are eligible; a set restricts filtering to those nodes.
 */
export class PreFilterResult {
  constructor(readonly nodeNames?: Set<string>) {}

  /** allNodes returns true if all nodes are eligible. */
  allNodes(): boolean {
    return this.nodeNames === undefined;
  }

  /** merge intersects two results: undefined (all nodes) is the identity. */
  merge(other: PreFilterResult | null): PreFilterResult {
    if (!other || other.allNodes()) return this;
    if (this.allNodes()) return new PreFilterResult(new Set(other.nodeNames));
    const out = new Set<string>();
    for (const n of this.nodeNames!) if (other.nodeNames!.has(n)) out.add(n);
    return new PreFilterResult(out);
  }
}

/** NominatingMode is how a PostFilter result affects the pod's nominated node. */
export enum NominatingMode {
  ModeNoop = 0,
  ModeOverride = 1,
}

/** NominatingInfo says which node (if any) the pod should be nominated to. */
export interface NominatingInfo {
  nominatedNodeName: string;
  nominatingMode: NominatingMode;
}

/** PostFilterResult wraps needed info for the scheduler framework to act upon after PostFilter. */
export interface PostFilterResult {
  nominatingInfo: NominatingInfo | null;
}

/** Plugin is the parent type for all the scheduling framework plugins. */
export interface Plugin {
  name(): string;
}

/**
 * PreEnqueuePlugin is called before a pod is added to the activeQ. A non-success status keeps the pod out of
 * the activeQ (it waits among the unschedulable pods) until an update to the pod lets it pass.
 */
export interface PreEnqueuePlugin extends Plugin {
  preEnqueue(pod: Pod): Status | null;
}

/** QueueSortPlugin sorts pods in the scheduling queue: `less` is true when pod a should be scheduled first. */
export interface QueueSortPlugin extends Plugin {
  less(a: QueuedPodInfo, b: QueuedPodInfo): boolean;
}

/** QueuedPodInfo is a pod in the scheduling queue with its queue bookkeeping. */
export interface QueuedPodInfo {
  podInfo: PodInfo;
  /** timestamp is when the pod was added to the queue (virtual ms). */
  timestamp: VirtualMs;
  /** attempts is the number of scheduling attempts so far. */
  attempts: number;
  /** initialAttemptTimestamp is the time of the first scheduling attempt, if any. */
  initialAttemptTimestamp?: VirtualMs;
  /** unschedulablePlugins are the plugins that rejected the pod in its last attempt. */
  unschedulablePlugins: Set<string>;
  /** pendingPlugins are the plugins that returned Pending in its last attempt. */
  pendingPlugins: Set<string>;
}

/**
 * PreFilterExtensions is an interface that is included in plugins that allow specifying callbacks to make
 * incremental updates to its supposedly pre-calculated state (used by preemption and nominated pods).
 */
export interface PreFilterExtensions {
  /** addPod is called by the framework while trying to evaluate the impact of adding podToAdd to the node. */
  addPod(state: CycleState, podToSchedule: Pod, podInfoToAdd: PodInfo, nodeInfo: NodeInfo): Status | null;
  /** removePod is called by the framework while trying to evaluate the impact of removing podToRemove from the node. */
  removePod(state: CycleState, podToSchedule: Pod, podInfoToRemove: PodInfo, nodeInfo: NodeInfo): Status | null;
}

/**
 * PreFilterPlugin is an interface that must be implemented by "PreFilter" plugins. These plugins are called at
 * the beginning of the scheduling cycle. `nodes` are all nodes of the snapshot. A non-success, non-skip status
 * rejects the pod; a PreFilterResult narrows the nodes that Filter will look at.
 */
export interface PreFilterPlugin extends Plugin {
  preFilter(state: CycleState, pod: Pod, nodes: NodeInfo[]): [PreFilterResult | null, Status | null];
  /** preFilterExtensions returns the AddPod/RemovePod callbacks, or null when the plugin has none. */
  preFilterExtensions(): PreFilterExtensions | null;
}

/**
 * FilterPlugin is an interface for Filter plugins. These plugins are called at the filter extension point for
 * filtering out hosts that cannot run a pod. This concept used to be called 'predicate' in the original
 * scheduler. A plugin returns null (Success), Unschedulable or Error, and must not change nodeInfo.
 */
export interface FilterPlugin extends Plugin {
  filter(state: CycleState, pod: Pod, nodeInfo: NodeInfo): Status | null;
}

/**
 * PostFilterPlugin is called after the filter phase when no node fits the pod (preemption lives here).
 * A PostFilter plugin should return Success (with a nominated node) when it makes the pod schedulable,
 * Unschedulable otherwise, or Error. `filteredNodeStatusMap` holds each node's filter status.
 */
export interface PostFilterPlugin extends Plugin {
  postFilter(
    state: CycleState,
    pod: Pod,
    filteredNodeStatusMap: NodeToStatusReader,
  ): [PostFilterResult | null, Status | null];
}

/**
 * PreScorePlugin is called with the list of nodes that passed the filtering phase. Plugins use it to write
 * shared state into CycleState; Skip disables the plugin's Score for this pod.
 */
export interface PreScorePlugin extends Plugin {
  preScore(state: CycleState, pod: Pod, nodes: NodeInfo[]): Status | null;
}

/** ScoreExtensions is an interface for Score extended functionality. */
export interface ScoreExtensions {
  /**
   * normalizeScore is called for all node scores produced by the same plugin's "Score" method. It changes the
   * scores in place; a successful run leaves every score in [MinNodeScore, MaxNodeScore].
   */
  normalizeScore(state: CycleState, pod: Pod, scores: NodeScoreList): Status | null;
}

/**
 * ScorePlugin is an interface that must be implemented by "Score" plugins to rank nodes that passed the
 * filtering phase.
 *
 * ATTENTION: upstream returns `(int64, *Status)`. Here `score` returns the number alone, and a plugin that
 * cannot score throws (the runtime turns it into an Error status, "running Score plugins: ..."). Scoring runs
 * for every feasible node and plugin, and a tuple per call was a measurable share of scheduling time.
 */
export interface ScorePlugin extends Plugin {
  score(state: CycleState, pod: Pod, nodeInfo: NodeInfo): number;
  /** scoreExtensions returns a ScoreExtensions interface if the plugin implements one, or null. */
  scoreExtensions(): ScoreExtensions | null;
}

/** ReservePlugin updates plugin state when a node is reserved for a pod (reserve) or the reservation is undone. */
export interface ReservePlugin extends Plugin {
  reserve(state: CycleState, pod: Pod, nodeName: string): Status | null;
  unreserve(state: CycleState, pod: Pod, nodeName: string): void;
}

/**
 * BindPlugin binds a pod to a node. A bind plugin may return Skip to let the next bind plugin bind; the first
 * one that does not skip decides.
 */
export interface BindPlugin extends Plugin {
  bind(state: CycleState, pod: Pod, nodeName: string): Status | null;
}

/** NodeInfoLister lists NodeInfos of the current snapshot. */
export interface NodeInfoLister {
  /** list returns all NodeInfos, in the cache's node-tree order (zones interleaved). */
  list(): NodeInfo[];
  /** havePodsWithAffinityList returns the NodeInfos of nodes holding at least one pod with (anti-)affinity terms. */
  havePodsWithAffinityList(): NodeInfo[];
  /** havePodsWithRequiredAntiAffinityList returns the NodeInfos of nodes holding a pod with required anti-affinity. */
  havePodsWithRequiredAntiAffinityList(): NodeInfo[];
  /** get returns the NodeInfo of a node, or undefined when the node is not in the snapshot. */
  get(nodeName: string): NodeInfo | undefined;
}

/** SharedLister groups the listers of the snapshot, as upstream's framework.SharedLister. */
export interface SharedLister {
  nodeInfos(): NodeInfoLister;
}

/** PodNominator keeps the pods nominated to nodes by preemption (status.nominatedNodeName). */
export interface PodNominator {
  /** nominatedPodsForNode returns the pods nominated to a node, in queue order. */
  nominatedPodsForNode(nodeName: string): PodInfo[];
}

/**
 * Handle provides data and some tools that plugins can use. It is passed to the plugin factories at
 * initialisation time. Plugins must store and use this handle to call framework functions.
 */
export interface Handle {
  /** snapshotSharedLister returns the snapshot taken at the start of the scheduling cycle. */
  snapshotSharedLister(): SharedLister;
  /** clientSet is the API client (writes must carry a WriteContext naming `default-scheduler`). */
  clientSet(): ApiClient;
  /** eventRecorder reports Kubernetes Events as the scheduler. */
  eventRecorder(): EventRecorder;
  /** now is the current virtual time. */
  now(): VirtualMs;
  /** podNominator gives the nominated pods (nominatedNodeName) per node. */
  podNominator(): PodNominator;
  /**
   * runFilterPluginsWithNominatedPods runs the Filter plugins on a node, first with the higher-or-equal priority
   * pods nominated to it added (when there are any), then without them. Preemption uses it to test a node.
   */
  runFilterPluginsWithNominatedPods(state: CycleState, pod: Pod, nodeInfo: NodeInfo): Status | null;
  /** runPreFilterExtensionAddPod calls every PreFilter plugin's AddPod extension. */
  runPreFilterExtensionAddPod(state: CycleState, podToSchedule: Pod, podInfoToAdd: PodInfo, nodeInfo: NodeInfo): Status | null;
  /** runPreFilterExtensionRemovePod calls every PreFilter plugin's RemovePod extension. */
  runPreFilterExtensionRemovePod(
    state: CycleState,
    podToSchedule: Pod,
    podInfoToRemove: PodInfo,
    nodeInfo: NodeInfo,
  ): Status | null;
}

/** PluginFactory builds a plugin from its arguments (from the profile) and the framework handle. */
export type PluginFactory = (args: unknown, handle: Handle) => Plugin;
