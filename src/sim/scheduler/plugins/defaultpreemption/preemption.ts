// Mirrors pkg/scheduler/framework/preemption/preemption.go (Evaluator.Preempt, findCandidates,
// DryRunPreemption, SelectCandidate, prepareCandidate); leaves out extenders, PodDisruptionBudgets, waiting
// (Permit) pods and async preemption. Nodes are dry-run one after another from the offset, not in parallel.
// The nominated node goes back in the PostFilterResult; the scheduler writes it to the preemptor's status.
import type { Pod, PodCondition } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../../api/object';
import { rfc3339 } from '../../../clock/timeFormat';
import type { CycleState } from '../../framework/cycleState';
import {
  asStatus,
  Code,
  isSuccess,
  newStatus,
  NominatingMode,
  type Handle,
  type PostFilterResult,
  type Status,
} from '../../framework/interface';
import type { NodeInfo } from '../../framework/nodeInfo';
import { Diagnosis, FitError, NodeToStatus, type NodeToStatusReader } from '../../framework/types';
import { pickOneNodeForPreemption, podPriority, type Candidate, type Victims } from './candidate';

type PodObject = Pod & KubeObject;

/** PreemptionInterface is what a preemption plugin provides to the Evaluator (upstream preemption.Interface). */
export interface PreemptionInterface {
  /** getOffsetAndNumCandidates chooses the offset and number of candidates to dry-run among `numNodes` nodes. */
  getOffsetAndNumCandidates(numNodes: number): [number, number];
  /** podEligibleToPreemptOthers says whether the pod may preempt, and why not. */
  podEligibleToPreemptOthers(pod: Pod, nominatedNodeStatus: Status): [boolean, string];
  /**
   * selectVictimsOnNode finds the minimum set of pods to evict from the node to fit the pod. `nodeInfo` is the
   * snapshot's: the plugin works on nodeInfo.snapshot(), and on `copyState()` instead of the cycle state. Both
   * copies are taken only once the node has candidate victims, which spares them on every node where preemption
   * cannot help (upstream copies before calling).
   */
  selectVictimsOnNode(copyState: () => CycleState, pod: Pod, nodeInfo: NodeInfo): [Pod[], number, Status | null];
}

/** postFilterResultWithNominatedNode is framework.NewPostFilterResultWithNominatedNode. */
function postFilterResultWithNominatedNode(name: string): PostFilterResult {
  return { nominatingInfo: { nominatedNodeName: name, nominatingMode: NominatingMode.ModeOverride } };
}

const actor = 'default-scheduler';

function podRef(pod: Pod): string {
  return `${pod.metadata?.namespace ?? ''}/${pod.metadata?.name ?? ''}`;
}

/**
 * aggregate joins errors as apimachinery's utilerrors.NewAggregate prints them: one message as it is, several
 * distinct ones as "[a, b]".
 */
function aggregate(errors: Error[]): Error {
  const messages = [...new Set(errors.map((e) => e.message))];
  return new Error(messages.length === 1 ? messages[0] : `[${messages.join(', ')}]`);
}

/** Evaluator runs the preemption steps shared by preemption plugins. */
export class Evaluator {
  constructor(
    readonly pluginName: string,
    private readonly handle: Handle,
    private readonly plugin: PreemptionInterface,
  ) {}

  /**
   * preempt returns a PostFilterResult carrying the suggested nominated node, along with a Status:
   * <null, Error> for transient errors; <null, Unschedulable> when the preemptor waits for its victims;
   * <result with empty node, Unschedulable> when preemption cannot help; <result with node, Success> on the
   * happy path, after the victims were evicted.
   */
  preempt(state: CycleState, podIn: Pod, m: NodeToStatusReader): [PostFilterResult | null, Status] {
    const client = this.handle.clientSet();
    // 0) Fetch the latest version of the pod.
    const ns = podIn.metadata?.namespace ?? '';
    const name = podIn.metadata?.name ?? '';
    const pod = client.get<PodObject>('Pod', ns, name);
    if (!pod) return [null, asStatus(new Error(`pods "${name}" not found`))];

    // 1) Ensure the preemptor is eligible to preempt other pods.
    const [eligible, msg] = this.plugin.podEligibleToPreemptOthers(pod, m.get(pod.status?.nominatedNodeName ?? ''));
    if (!eligible) return [null, newStatus(Code.Unschedulable, msg)];

    // 2) Find all preemption candidates.
    const allNodes = this.handle.snapshotSharedLister().nodeInfos().list();
    let candidates: Candidate[];
    let nodeToStatus: NodeToStatus;
    try {
      [candidates, nodeToStatus] = this.findCandidates(state, allNodes, pod, m);
    } catch (e) {
      return [null, asStatus(e)];
    }
    // Return a FitError only when there are no candidates that fit the pod.
    if (candidates.length === 0) {
      const diagnosis = new Diagnosis();
      diagnosis.nodeToStatus = nodeToStatus;
      nodeToStatus.setAbsentNodesStatus(newStatus(Code.UnschedulableAndUnresolvable, 'Preemption is not helpful for scheduling'));
      const fitError = new FitError(pod, allNodes.length, diagnosis);
      // The empty nominated node clears the pod's nominatedNodeName, if any.
      return [postFilterResultWithNominatedNode(''), newStatus(Code.Unschedulable, fitError.error())];
    }

    // 3) Extenders are not simulated. 4) Find the best candidate.
    const best = this.selectCandidate(candidates);
    if (!best || best.name === '') return [null, newStatus(Code.Unschedulable, 'no candidate node for preemption')];

    // 5) Perform preparation work before nominating the selected candidate.
    const status = this.prepareCandidate(best, pod);
    if (!isSuccess(status)) return [null, status!];
    return [postFilterResultWithNominatedNode(best.name), newStatus(Code.Success)];
  }

  /**
   * findCandidates dry-runs preemption on the nodes whose filter status is Unschedulable (removing pods may
   * help them; UnschedulableAndUnresolvable nodes cannot be helped). It throws when the dry runs failed with
   * errors and found no candidate.
   */
  private findCandidates(state: CycleState, allNodes: NodeInfo[], pod: PodObject, m: NodeToStatusReader): [Candidate[], NodeToStatus] {
    if (allNodes.length === 0) throw new Error('no nodes available');
    const potentialNodes = m.nodesForStatusCode(this.handle.snapshotSharedLister().nodeInfos(), Code.Unschedulable);
    if (potentialNodes.length === 0) {
      // Preemption will not help: clean up any existing nominated node name of the pod.
      this.clearNominatedNodeName(pod, 'preemption cannot make room for it on any node');
      return [[], new NodeToStatus()];
    }
    const [offset, numCandidates] = this.plugin.getOffsetAndNumCandidates(potentialNodes.length);
    const [candidates, statuses, errors] = this.dryRunPreemption(state, pod, potentialNodes, offset, numCandidates);
    if (errors.length > 0 && candidates.length === 0) throw aggregate(errors);
    return [candidates, statuses];
  }

  /**
   * dryRunPreemption simulates preemption on the potential nodes, starting at `offset`, on copies of the
   * NodeInfo and CycleState, until `numCandidates` candidates are found. Nodes that cannot be helped get their
   * status recorded.
   */
  dryRunPreemption(
    state: CycleState,
    pod: Pod,
    potentialNodes: NodeInfo[],
    offset: number,
    numCandidates: number,
  ): [Candidate[], NodeToStatus, Error[]] {
    const candidates: Candidate[] = [];
    const nodeStatuses = new NodeToStatus();
    const errors: Error[] = [];
    for (let i = 0; i < potentialNodes.length && candidates.length < numCandidates; i++) {
      const nodeInfo = potentialNodes[(offset + i) % potentialNodes.length];
      const nodeName = nodeInfo.nodeName();
      const [pods, numPDBViolations, selectStatus] = this.plugin.selectVictimsOnNode(() => state.clone(), pod, nodeInfo);
      let status = selectStatus;
      if (isSuccess(status) && pods.length > 0) {
        candidates.push({ name: nodeName, victims: { pods, numPDBViolations } });
        continue;
      }
      if (isSuccess(status)) status = asStatus(new Error(`expected at least one victim pod on node "${nodeName}"`));
      if (status!.code === Code.Error) errors.push(status!.asError());
      nodeStatuses.set(nodeName, status!);
    }
    return [candidates, nodeStatuses, errors];
  }

  /** selectCandidate chooses the best-fit candidate with pickOneNodeForPreemption. */
  selectCandidate(candidates: Candidate[]): Candidate | null {
    if (candidates.length === 0) return null;
    if (candidates.length === 1) return candidates[0];
    const victimsMap = new Map<string, Victims>(candidates.map((c) => [c.name, c.victims]));
    const node = pickOneNodeForPreemption(victimsMap, this.handle.now());
    return candidates.find((c) => c.name === node) ?? candidates[0];
  }

  /**
   * prepareCandidate evicts the victims (marking each with the DisruptionTarget condition first, then deleting
   * it and reporting a Preempted event) and clears the nomination of lower-priority pods nominated to the node,
   * which may no longer fit there.
   */
  private prepareCandidate(c: Candidate, preemptor: PodObject): Status | null {
    const client = this.handle.clientSet();
    const why = `to make room for pod ${podRef(preemptor)} (priority ${podPriority(preemptor)}) on ${c.name}`;
    try {
      for (const victim of c.victims.pods) {
        const current = client.get<PodObject>('Pod', victim.metadata?.namespace ?? '', victim.metadata?.name ?? '');
        if (!current) continue;
        const withCondition = this.withDisruptionTarget(current, preemptor);
        if (withCondition) {
          client.updateStatus(withCondition, {
            actor,
            reason: `marked pod ${podRef(victim)} (priority ${podPriority(victim)}) as a preemption victim ${why}`,
          });
        }
        client.delete('Pod', current.metadata.namespace ?? '', current.metadata.name ?? '', {
          actor,
          reason: `preempted pod ${podRef(victim)} (priority ${podPriority(victim)}) ${why}`,
        });
        this.handle
          .eventRecorder()
          .event(current, 'Normal', 'Preempted', `Preempted by pod ${preemptor.metadata.uid ?? ''} on node ${c.name}`, { component: actor });
      }
    } catch (e) {
      return asStatus(e);
    }
    const preemptorPriority = podPriority(preemptor);
    for (const pi of this.handle.podNominator().nominatedPodsForNode(c.name)) {
      if (podPriority(pi.pod) < preemptorPriority) {
        this.clearNominatedNodeName(pi.pod, `higher-priority pod ${podRef(preemptor)} preempted pods on ${c.name}`);
      }
    }
    return null;
  }

  /**
   * withDisruptionTarget returns a copy of the victim with the DisruptionTarget=True condition (reason
   * PreemptionByScheduler) set, or undefined when the pod already has it.
   */
  private withDisruptionTarget(victim: PodObject, preemptor: Pod): PodObject | undefined {
    const condition: PodCondition = {
      type: 'DisruptionTarget',
      status: 'True',
      reason: 'PreemptionByScheduler',
      message: `${preemptor.spec?.schedulerName ?? ''}: preempting to accommodate a higher priority pod`,
      lastTransitionTime: rfc3339(this.handle.now()),
    };
    const conditions = victim.status?.conditions ?? [];
    const i = conditions.findIndex((cond) => cond.type === condition.type);
    const old = i >= 0 ? conditions[i] : undefined;
    if (old && old.status === condition.status && old.reason === condition.reason && old.message === condition.message) {
      return undefined;
    }
    const next = structuredClone(victim);
    // As apipod.UpdatePodCondition: the transition time only moves when the status changes.
    if (old && old.status === condition.status) condition.lastTransitionTime = old.lastTransitionTime;
    next.status = { ...next.status, conditions: i >= 0 ? conditions.map((cond, j) => (j === i ? condition : cond)) : [...conditions, condition] };
    return next;
  }

  /** clearNominatedNodeName removes status.nominatedNodeName from the pod, when it has one (util.ClearNominatedNodeName). */
  private clearNominatedNodeName(pod: Pod, why: string): void {
    const client = this.handle.clientSet();
    const current = client.get<PodObject>('Pod', pod.metadata?.namespace ?? '', pod.metadata?.name ?? '');
    if (!current?.status?.nominatedNodeName) return;
    const next = structuredClone(current);
    delete next.status!.nominatedNodeName;
    client.updateStatus(next, { actor, reason: `cleared the nominated node of pod ${podRef(pod)}: ${why}` });
  }
}
