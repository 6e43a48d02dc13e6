// Mirrors pkg/scheduler/schedule_one.go; leaves out extenders, Permit/PreBind/PostBind, the asynchronous binding
// goroutine (binding happens in the same task, right after the scheduling cycle) and metrics.
import type { Pod, PodCondition } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../api/object';
import type { SeededRandom } from '../clock/random';
import type { EventRecorder } from '../events/recorder';
import { rfc3339 } from '../clock/timeFormat';
import type { VirtualClock } from '../clock/virtualClock';
import type { ApiClient } from '../store/types';
import type { Cache } from './cache/cache';
import type { Snapshot } from './cache/snapshot';
import { CycleState } from './framework/cycleState';
import { Code, NominatingMode, Status, asStatus, newStatus, type NominatingInfo } from './framework/interface';
import type { NodeInfo } from './framework/nodeInfo';
import type { Framework } from './framework/runtime';
import { verdictOf } from './framework/runtime';
import { Diagnosis, FitError } from './framework/types';
import { BindNarration, bindNarrationKey } from './plugins/defaultbinder/defaultBinder';
import type { QueuedPod, SchedulingQueue } from './queue/schedulingQueue';
import { PackedTraceWriter } from './packedTrace';
import type { SchedulingTrace } from './trace';
import { deepCopy } from '../store/deepCopy';

const minFeasibleNodesToFind = 100;
const minFeasibleNodesPercentageToFind = 5;
/** NoteLengthLimit is the maximum length of an Event message (validation.NoteLengthLimit). */
const noteLengthLimit = 1024;
const actor = 'default-scheduler';

/** ErrNoNodesAvailable is used to describe the error that no nodes available to schedule pods. */
export const ErrNoNodesAvailable = 'no nodes available to schedule pods';

type PodObject = Pod & KubeObject;

/** SchedulingContext is what a scheduling cycle works with: the Scheduler provides it. */
export interface SchedulingContext {
  readonly fwk: Framework;
  readonly cache: Cache;
  readonly snapshot: Snapshot;
  readonly queue: SchedulingQueue;
  readonly client: ApiClient;
  readonly recorder: EventRecorder;
  readonly clock: VirtualClock;
  readonly random: SeededRandom;
  readonly percentageOfNodesToScore: number | undefined;
  /** nextStartNodeIndex is where the next filter search starts: it rotates so that pods spread over nodes. */
  nextStartNodeIndex: number;
  /** tracing turns on the SchedulingTrace of every attempt. */
  readonly tracing: boolean;
  /** trace is the record of the current attempt, when tracing is on. */
  trace: PackedTraceWriter | undefined;
  /** recordTrace keeps the finished record of an attempt. */
  recordTrace(trace: PackedTraceWriter): void;
}

/** ScheduleResult is the result of scheduling a pod. */
export interface ScheduleResult {
  suggestedHost: string;
  evaluatedNodes: number;
  feasibleNodes: number;
  /** reason narrates the choice for the Binding write. */
  reason: string;
}

/**
 * numFeasibleNodesToFind returns the number of feasible nodes that once found, the scheduler stops its search for
 * more feasible nodes: all nodes below 100; else the given percentage (default adaptive: 50% minus 1% per 125
 * nodes, at least 5%) but never fewer than 100.
 */
export function numFeasibleNodesToFind(percentageOfNodesToScore: number | undefined, numAllNodes: number): number {
  if (numAllNodes < minFeasibleNodesToFind) return numAllNodes;
  let percentage = percentageOfNodesToScore ?? 0;
  if (percentage === 0) {
    percentage = 50 - Math.trunc(numAllNodes / 125);
    if (percentage < minFeasibleNodesPercentageToFind) percentage = minFeasibleNodesPercentageToFind;
  }
  const numNodes = Math.trunc((numAllNodes * percentage) / 100);
  return numNodes < minFeasibleNodesToFind ? minFeasibleNodesToFind : numNodes;
}

/**
 * selectHost takes the nodes with the highest total score and picks one of them uniformly at random (reservoir
 * sampling: the k-th tied node replaces the choice with probability 1/k). The cluster's seeded random makes it
 * repeatable; it is only drawn from when there is a tie.
 */
export function selectHost(totals: readonly number[], random: SeededRandom): { index: number; tied: number[] } {
  if (totals.length === 0) throw new Error('empty priorityList');
  let maxScore = totals[0];
  let selected = 0;
  let tied = [0];
  for (let i = 1; i < totals.length; i++) {
    if (totals[i] > maxScore) {
      maxScore = totals[i];
      selected = i;
      tied = [i];
    } else if (totals[i] === maxScore) {
      tied.push(i);
      // Replace the candidate with probability of 1/cntOfMaxScore.
      if (random.int(tied.length) === 0) selected = i;
    }
  }
  return { index: selected, tied };
}

function podRef(pod: Pod): string {
  return `${pod.metadata?.namespace ?? ''}/${pod.metadata?.name ?? ''}`;
}

/**
 * findNodesThatPassFilters runs the filters on the nodes, starting at the rotating nextStartNodeIndex, and stops
 * once numFeasibleNodesToFind nodes passed. Rejected nodes get their status in the diagnosis.
 */
function findNodesThatPassFilters(ctx: SchedulingContext, state: CycleState, pod: Pod, diagnosis: Diagnosis, nodes: NodeInfo[]): NodeInfo[] {
  const numAllNodes = nodes.length;
  const numNodesToFind = numFeasibleNodesToFind(ctx.percentageOfNodesToScore, numAllNodes);
  const trace = ctx.trace;
  if (trace) {
    trace.head.numFeasibleNodesToFind = numNodesToFind;
    trace.head.startNodeIndex = ctx.nextStartNodeIndex;
  }
  const feasible: NodeInfo[] = [];
  if (!ctx.fwk.hasFilterPlugins()) {
    for (let i = 0; i < numNodesToFind; i++) feasible.push(nodes[(ctx.nextStartNodeIndex + i) % numAllNodes]);
    return feasible;
  }
  let processed = 0;
  for (let i = 0; i < numAllNodes && feasible.length < numNodesToFind; i++) {
    const nodeInfo = nodes[(ctx.nextStartNodeIndex + i) % numAllNodes];
    trace?.beginNode();
    const status = ctx.fwk.runFilterPluginsWithNominatedPods(state, pod, nodeInfo, trace);
    processed++;
    trace?.endNode(nodeInfo.nodeName(), !status);
    if (status && status.code === Code.Error) throw status;
    if (!status) {
      feasible.push(nodeInfo);
    } else {
      diagnosis.nodeToStatus.set(nodeInfo.nodeName(), status);
      diagnosis.addPluginStatus(status);
    }
  }
  ctx.nextStartNodeIndex = (ctx.nextStartNodeIndex + processed) % numAllNodes;
  return feasible;
}

/** findNodesThatFitPod runs PreFilter, tries the nominated node first, then filters the (PreFilter-narrowed) nodes. */
function findNodesThatFitPod(ctx: SchedulingContext, state: CycleState, pod: Pod): [NodeInfo[], Diagnosis] {
  const diagnosis = new Diagnosis();
  const allNodes = ctx.snapshot.nodeInfos().list();
  const { result: preRes, status: s, unschedulablePlugins } = ctx.fwk.runPreFilterPlugins(state, pod, ctx.trace?.head.preFilter);
  diagnosis.unschedulablePlugins = unschedulablePlugins;
  if (s && s.code !== Code.Success) {
    if (!s.isRejected()) throw s;
    // All nodes get the same status, so that preemption can handle them; the message replaces the histogram.
    diagnosis.nodeToStatus.setAbsentNodesStatus(s);
    diagnosis.preFilterMsg = s.message();
    diagnosis.addPluginStatus(s);
    return [[], diagnosis];
  }
  // "NominatedNodeName" can potentially be set in a previous scheduling cycle as a result of preemption. This
  // node is likely the only candidate that will fit the pod, and hence we try it first.
  const nnn = pod.status?.nominatedNodeName;
  if (nnn) {
    if (ctx.trace) ctx.trace.head.nominatedNode = nnn;
    const nodeInfo = ctx.snapshot.get(nnn);
    if (nodeInfo) {
      const feasible = findNodesThatPassFilters(ctx, state, pod, diagnosis, [nodeInfo]);
      if (feasible.length > 0) return [feasible, diagnosis];
    }
  }
  let nodes = allNodes;
  if (preRes && !preRes.allNodes()) {
    nodes = [];
    for (const name of preRes.nodeNames!) {
      const ni = ctx.snapshot.get(name);
      if (ni) nodes.push(ni);
    }
    if (ctx.trace) ctx.trace.head.preFilterNodeNames = [...preRes.nodeNames!];
    const plugins = [...unschedulablePlugins].sort();
    diagnosis.nodeToStatus.setAbsentNodesStatus(newStatus(Code.UnschedulableAndUnresolvable, `node(s) didn't satisfy plugin(s) [${plugins.join(' ')}]`));
  }
  return [findNodesThatPassFilters(ctx, state, pod, diagnosis, nodes), diagnosis];
}

/** prioritizeNodes runs PreScore and Score and returns the total score of each node. */
function prioritizeNodes(ctx: SchedulingContext, state: CycleState, pod: Pod, nodes: NodeInfo[]): number[] {
  if (!ctx.fwk.hasScorePlugins()) return nodes.map(() => 1);
  const s = ctx.fwk.runPreScorePlugins(state, pod, nodes, ctx.trace?.head.preScore);
  if (s) throw s;
  return ctx.fwk.runScorePlugins(state, pod, nodes, ctx.trace);
}

/**
 * schedulePod tries to schedule the pod onto one of the nodes: it filters the nodes, scores the feasible ones
 * and picks the best. It throws a FitError when no node fits, or a Status for other failures.
 */
export function schedulePod(ctx: SchedulingContext, state: CycleState, pod: Pod): ScheduleResult {
  ctx.cache.updateSnapshot(ctx.snapshot);
  const numAll = ctx.snapshot.numNodes();
  if (ctx.trace) ctx.trace.head.numAllNodes = numAll;
  if (numAll === 0) throw new Status(Code.UnschedulableAndUnresolvable, [ErrNoNodesAvailable]);
  const [feasible, diagnosis] = findNodesThatFitPod(ctx, state, pod);
  if (feasible.length === 0) throw new FitError(pod, numAll, diagnosis);
  const evaluated = feasible.length + diagnosis.nodeToStatus.len();
  const searched = evaluated < numAll ? ` (searched ${evaluated} of ${numAll} nodes)` : '';
  // When only one node is left after filtering, just use it.
  if (feasible.length === 1) {
    const host = feasible[0].nodeName();
    if (ctx.trace) ctx.trace.head.outcome = { result: 'Scheduled', node: host, totalScore: 0, feasibleNodes: 1, evaluatedNodes: evaluated, tiedNodes: [] };
    return { suggestedHost: host, evaluatedNodes: evaluated, feasibleNodes: 1, reason: `${host} is the only node of ${numAll} that passed the filters` };
  }
  const totals = prioritizeNodes(ctx, state, pod, feasible);
  const { index, tied } = selectHost(totals, ctx.random);
  const host = feasible[index].nodeName();
  if (ctx.trace) {
    const tiedNodes = tied.length > 1 ? tied.map((i) => feasible[i].nodeName()) : [];
    ctx.trace.head.outcome = { result: 'Scheduled', node: host, totalScore: totals[index], feasibleNodes: feasible.length, evaluatedNodes: evaluated, tiedNodes };
  }
  let tie = '';
  if (tied.length > 1) {
    const others = tied.length - 1;
    // Name a few rivals; in a big cluster hundreds of identical nodes may tie.
    const names = others <= 3 ? tied.filter((i) => i !== index).map((i) => feasible[i].nodeName()).join(', ') : `${others} other nodes`;
    tie = `, tied with ${names} and picked at random`;
  }
  return {
    suggestedHost: host,
    evaluatedNodes: evaluated,
    feasibleNodes: feasible.length,
    reason: `highest score ${totals[index]} of ${feasible.length} feasible nodes${tie}${searched}`,
  };
}

/** truncateMessage truncates a message if it hits the NoteLengthLimit. */
function truncateMessage(message: string): string {
  if (message.length <= noteLengthLimit) return message;
  const suffix = ' ...';
  return message.slice(0, noteLengthLimit - suffix.length) + suffix;
}

/**
 * scheduleOne does the entire scheduling workflow for a single pod: it is serialized on the scheduling
 * algorithm's host fitting. Returns false when there was no pod to schedule.
 */
export function scheduleOne(ctx: SchedulingContext): boolean {
  const pInfo = ctx.queue.pop();
  if (!pInfo) return false;
  const pod = pInfo.pod;
  const podSchedulingCycle = ctx.queue.schedulingCycle();
  ctx.trace = ctx.tracing ? new PackedTraceWriter(newTrace(pod, pInfo.attempts, podSchedulingCycle, ctx.clock.now())) : undefined;
  // Every attempt starts with no rejector plugins recorded.
  pInfo.unschedulablePlugins = new Set();
  pInfo.pendingPlugins = new Set();
  const state = new CycleState();
  try {
    let result: ScheduleResult;
    try {
      result = schedulePod(ctx, state, pod);
    } catch (e) {
      if (e instanceof FitError) {
        runPostFilter(ctx, state, pInfo, e, podSchedulingCycle);
        return true;
      }
      const status = e instanceof Status ? e : asStatus(e);
      handleSchedulingFailure(ctx, pInfo, status, undefined, { nominatedNodeName: '', nominatingMode: NominatingMode.ModeOverride }, podSchedulingCycle);
      return true;
    }
    bindingCycle(ctx, state, pInfo, result, podSchedulingCycle);
    return true;
  } finally {
    if (ctx.trace) ctx.recordTrace(ctx.trace);
    ctx.trace = undefined;
  }
}

function newTrace(pod: Pod, attempt: number, cycle: number, time: number): SchedulingTrace {
  return {
    pod: { namespace: pod.metadata?.namespace ?? '', name: pod.metadata?.name ?? '', uid: pod.metadata?.uid ?? '' },
    attempt,
    cycle,
    time,
    numAllNodes: 0,
    numFeasibleNodesToFind: 0,
    startNodeIndex: 0,
    preFilter: [],
    filter: [],
    preScore: [],
    score: [],
  };
}

/** runPostFilter runs PostFilter (preemption) for a pod that fits nowhere, then handles the failure. */
function runPostFilter(ctx: SchedulingContext, state: CycleState, pInfo: QueuedPod, fitError: FitError, cycle: number): void {
  let nominatingInfo: NominatingInfo | null = null;
  if (ctx.fwk.hasPostFilterPlugins()) {
    const [result, status] = ctx.fwk.runPostFilterPlugins(state, pInfo.pod, fitError.diagnosis.nodeToStatus);
    fitError.diagnosis.postFilterMsg = status.message();
    nominatingInfo = result?.nominatingInfo ?? null;
    if (ctx.trace) {
      ctx.trace.head.postFilter = { ...verdictOf(status.plugin, status.code === Code.Success ? null : status), nominatedNodeName: nominatingInfo?.nominatedNodeName };
    }
  }
  handleSchedulingFailure(ctx, pInfo, new Status(Code.Unschedulable, []), fitError, nominatingInfo, cycle);
}

/** bindingCycle assumes the pod on the host, runs Reserve and binds it; a failure undoes the assumption. */
function bindingCycle(ctx: SchedulingContext, state: CycleState, pInfo: QueuedPod, result: ScheduleResult, cycle: number): void {
  const pod = pInfo.pod;
  const host = result.suggestedHost;
  // Tell the cache to assume that a pod now is running on a given node, even though it hasn't been bound yet.
  // This allows us to keep scheduling without waiting on binding to occur.
  const assumedInfo = pInfo.podInfo.withNodeName(host);
  const assumed = assumedInfo.pod;
  ctx.cache.assumePod(assumedInfo);
  let status = ctx.fwk.runReservePluginsReserve(state, assumed, host);
  if (!status) {
    state.write(bindNarrationKey, new BindNarration(`assigned ${podRef(pod)} to ${host}: ${result.reason}`));
    status = ctx.fwk.runBindPlugins(state, assumed, host);
  }
  if (status && status.code !== Code.Success) {
    ctx.fwk.runReservePluginsUnreserve(state, assumed, host);
    if (ctx.cache.isAssumedPod(assumed)) ctx.cache.forgetPod(assumed);
    // The freed room may let other pods in, as if the pod had been deleted.
    ctx.queue.moveAllToActiveOrBackoffQueue('AssignedPodDelete');
    if (ctx.trace) ctx.trace.head.outcome = { result: 'Error', message: status.message() };
    handleSchedulingFailure(ctx, pInfo, status, undefined, { nominatedNodeName: '', nominatingMode: NominatingMode.ModeOverride }, cycle);
    return;
  }
  ctx.queue.done(pod);
  ctx.recorder.event(pod as PodObject, 'Normal', 'Scheduled', `Successfully assigned ${podRef(pod)} to ${host}`, { component: actor });
}

/**
 * handleSchedulingFailure records the failure: the pod goes back to the queue (unless it is gone or already
 * bound), gets its nomination, a FailedScheduling event and the PodScheduled=False condition.
 */
function handleSchedulingFailure(
  ctx: SchedulingContext,
  pInfo: QueuedPod,
  status: Status,
  fitError: FitError | undefined,
  nominatingInfo: NominatingInfo | null,
  cycle: number,
): void {
  const rejected = status.isRejected();
  const reason = rejected ? 'Unschedulable' : 'SchedulerError';
  if (rejected) {
    pInfo.unschedulableCount++;
    pInfo.consecutiveErrorsCount = 0;
  } else {
    pInfo.consecutiveErrorsCount++;
  }
  if (fitError) {
    pInfo.unschedulablePlugins = fitError.diagnosis.unschedulablePlugins;
    pInfo.pendingPlugins = fitError.diagnosis.pendingPlugins;
  }
  const errMsg = fitError ? fitError.error() : status.message();
  const head = ctx.trace?.head;
  if (head && (!head.outcome || head.outcome.result === 'Scheduled')) {
    head.outcome = { result: rejected ? 'Unschedulable' : 'Error', message: errMsg };
  }
  const pod = pInfo.pod;
  const ns = pod.metadata?.namespace ?? '';
  const name = pod.metadata?.name ?? '';
  const cached = ctx.client.get<PodObject>('Pod', ns, name);
  if (!cached || cached.metadata.uid !== pod.metadata?.uid) {
    ctx.queue.done(pod);
  } else if (cached.spec?.nodeName) {
    // The pod has been assigned to a node meanwhile: do not put it back.
    ctx.queue.done(pod);
  } else {
    pInfo.podInfo.update(cached);
    ctx.queue.addUnschedulableIfNotPresent(pInfo, cycle);
  }
  // Update the nominator now, before the next cycle and before the pod update event arrives.
  ctx.queue.nominator.addNominatedPod(pInfo.podInfo, nominatingInfo);
  if (!cached) return;
  ctx.recorder.event(cached, 'Warning', 'FailedScheduling', truncateMessage(errMsg), { component: actor });
  updatePod(ctx, cached, { type: 'PodScheduled', status: 'False', reason, message: errMsg }, nominatingInfo);
}

/**
 * updatePod writes the PodScheduled condition (and a new nominatedNodeName) to the pod's status when anything
 * changed, as podutil.UpdatePodCondition decides: the transition time only moves when the status changes.
 */
function updatePod(ctx: SchedulingContext, pod: PodObject, condition: PodCondition, nominatingInfo: NominatingInfo | null): void {
  const conditions = pod.status?.conditions ?? [];
  const i = conditions.findIndex((c) => c.type === condition.type);
  const old = i >= 0 ? conditions[i] : undefined;
  const nnnNeedsUpdate =
    nominatingInfo?.nominatingMode === NominatingMode.ModeOverride && (pod.status?.nominatedNodeName ?? '') !== nominatingInfo.nominatedNodeName;
  const now = rfc3339(ctx.clock.now());
  const next: PodCondition = { ...condition, lastTransitionTime: old && old.status === condition.status ? old.lastTransitionTime : now };
  const same = !!old && old.status === next.status && old.reason === next.reason && old.message === next.message && old.lastTransitionTime === next.lastTransitionTime;
  if (same && !nnnNeedsUpdate) return;
  const updated: PodObject = deepCopy(pod);
  const status = (updated.status ??= {});
  status.conditions = i >= 0 ? conditions.map((c, j) => (j === i ? next : c)) : [...conditions, next];
  let why = `pod ${podRef(pod)} cannot be scheduled: ${condition.message}`;
  if (nnnNeedsUpdate) {
    if (nominatingInfo!.nominatedNodeName) {
      status.nominatedNodeName = nominatingInfo!.nominatedNodeName;
      why = `nominated ${podRef(pod)} to ${status.nominatedNodeName}: preemption is making room there`;
    } else {
      delete status.nominatedNodeName;
    }
  }
  try {
    ctx.client.updateStatus(updated, { actor, reason: why });
  } catch {
    // The pod was deleted or changed meanwhile; the next attempt (or its deletion) settles it, as upstream logs
    // the error and moves on.
  }
}
