// Mirrors pkg/scheduler/framework/plugins/interpodaffinity/plugin.go and the extension points of filtering.go
// and scoring.go; leaves out QueueingHints (EventsToRegister), SignPod and the in-place resize skip.
import type { Namespace, Pod } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../../api/object';
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
import { nothing, type Labels } from '../../../api/meta/v1/labelSelector';
import type { NodeInfo } from '../../framework/nodeInfo';
import { PodInfo, type AffinityTerm } from '../../framework/podInfo';
import * as names from '../names';
import {
  filterNode,
  getExistingAntiAffinityCounts,
  getIncomingAffinityAntiAffinityCounts,
  getPreFilterState,
  PreFilterState,
  preFilterStateKey,
} from './filtering';
import { computeTopologyScore, getPreScoreState, normalizeScores, PreScoreState, preScoreStateKey, scoreNode } from './scoring';

export {
  ErrReasonAffinityRulesNotMatch,
  ErrReasonAntiAffinityRulesNotMatch,
  ErrReasonExistingAntiAffinityRulesNotMatch,
} from './filtering';

/** Name is the name of the plugin used in the plugin registry and configurations. */
export const Name = names.InterPodAffinity;

/** InterPodAffinityArgs mirrors config.InterPodAffinityArgs with its defaults (weight 1, false). */
export interface InterPodAffinityArgs {
  /** hardPodAffinityWeight is the score an existing pod's required affinity term gives a matching pod (0..100). */
  hardPodAffinityWeight?: number;
  /** ignorePreferredTermsOfExistingPods skips scoring entirely for pods without preferred terms. */
  ignorePreferredTermsOfExistingPods?: boolean;
}

/** hasPodAffinityTerms is true when the pod has any pod affinity or anti-affinity term, required or preferred. */
function hasPodAffinityTerms(pod: Pod): boolean {
  const a = pod.spec?.affinity;
  return (
    (a?.podAffinity?.requiredDuringSchedulingIgnoredDuringExecution ?? []).length > 0 ||
    (a?.podAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? []).length > 0 ||
    (a?.podAntiAffinity?.requiredDuringSchedulingIgnoredDuringExecution ?? []).length > 0 ||
    (a?.podAntiAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? []).length > 0
  );
}

/** InterPodAffinity is a plugin that checks inter pod affinity. */
export class InterPodAffinity implements PreFilterPlugin, PreFilterExtensions, FilterPlugin, PreScorePlugin, ScorePlugin, ScoreExtensions {
  private readonly hardPodAffinityWeight: number;
  private readonly ignorePreferredTermsOfExistingPods: boolean;

  constructor(
    args: InterPodAffinityArgs,
    private readonly handle: Handle,
  ) {
    this.hardPodAffinityWeight = args.hardPodAffinityWeight ?? 1;
    this.ignorePreferredTermsOfExistingPods = args.ignorePreferredTermsOfExistingPods ?? false;
  }

  name(): string {
    return Name;
  }

  /** namespaceLabels returns a snapshot of the labels of the pod's namespace (none when it does not exist). */
  private namespaceLabels(ns: string): Labels {
    const obj = this.handle.clientSet().get<Namespace & KubeObject>('Namespace', '', ns);
    return obj ? { ...obj.metadata.labels } : undefined;
  }

  /**
   * mergeNamespaces returns the incoming pod's term with the namespaces selected by its namespaceSelector added
   * to its namespaces and the selector replaced by Nothing, so that matching never needs an existing pod's
   * namespace labels. An empty selector (all namespaces) is kept as it is. The PodInfo's terms are shared, so a
   * copy is returned.
   */
  private mergeNamespaces<T extends AffinityTerm>(term: T): T {
    if (term.namespaceSelector.empty() || term.namespaceSelector === nothing) return term;
    const namespaces = new Set(term.namespaces);
    for (const ns of this.handle.clientSet().list<Namespace & KubeObject>('Namespace')) {
      if (term.namespaceSelector.matches(ns.metadata.labels)) namespaces.add(ns.metadata.name ?? '');
    }
    return { ...term, namespaces, namespaceSelector: nothing };
  }

  preFilter(state: CycleState, pod: Pod, allNodes: NodeInfo[]): [PreFilterResult | null, Status | null] {
    const withAntiAffinity = this.handle.snapshotSharedLister().nodeInfos().havePodsWithRequiredAntiAffinityList();
    // Upstream's Skip, known before building the state: no existing pod's anti-affinity to count, and no term of
    // the pod (whose parsing is the one thing that could fail instead).
    if (withAntiAffinity.length === 0 && !hasPodAffinityTerms(pod)) return [null, newStatus(Code.Skip)];
    let podInfo: PodInfo;
    try {
      podInfo = new PodInfo(pod);
    } catch (e) {
      const msg = e instanceof Error ? e.message : String(e);
      return [null, newStatus(Code.UnschedulableAndUnresolvable, `parsing pod: ${msg}`)];
    }
    const incoming = {
      pod,
      requiredAffinityTerms: podInfo.requiredAffinityTerms.map((t) => this.mergeNamespaces(t)),
      requiredAntiAffinityTerms: podInfo.requiredAntiAffinityTerms.map((t) => this.mergeNamespaces(t)),
    };
    const nsLabels = this.namespaceLabels(pod.metadata?.namespace ?? '');
    const existingAntiAffinityCounts = getExistingAntiAffinityCounts(pod, nsLabels, withAntiAffinity);
    const [affinityCounts, antiAffinityCounts] = getIncomingAffinityAntiAffinityCounts(incoming, allNodes);
    if (
      existingAntiAffinityCounts.counts.size === 0 &&
      incoming.requiredAffinityTerms.length === 0 &&
      incoming.requiredAntiAffinityTerms.length === 0
    ) {
      return [null, newStatus(Code.Skip)];
    }
    const s = new PreFilterState(existingAntiAffinityCounts, affinityCounts, antiAffinityCounts, incoming, nsLabels);
    state.write(preFilterStateKey, s);
    return [null, null];
  }

  preFilterExtensions(): PreFilterExtensions {
    return this;
  }

  addPod(state: CycleState, _podToSchedule: Pod, podInfoToAdd: PodInfo, nodeInfo: NodeInfo): Status | null {
    try {
      getPreFilterState(state).updateWithPod(podInfoToAdd, nodeInfo.node, 1);
      return null;
    } catch (e) {
      return asStatus(e);
    }
  }

  removePod(state: CycleState, _podToSchedule: Pod, podInfoToRemove: PodInfo, nodeInfo: NodeInfo): Status | null {
    try {
      getPreFilterState(state).updateWithPod(podInfoToRemove, nodeInfo.node, -1);
      return null;
    } catch (e) {
      return asStatus(e);
    }
  }

  /** filter checks if the pod can be scheduled on the node with pod affinity/anti-affinity configuration. */
  filter(state: CycleState, _pod: Pod, nodeInfo: NodeInfo): Status | null {
    try {
      return filterNode(getPreFilterState(state), nodeInfo);
    } catch (e) {
      return asStatus(e);
    }
  }

  preScore(state: CycleState, pod: Pod, _nodes: NodeInfo[]): Status | null {
    const affinity = pod.spec?.affinity;
    const hasPreferredAffinity = (affinity?.podAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? []).length > 0;
    const hasPreferredAntiAffinity =
      (affinity?.podAntiAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? []).length > 0;
    const hasConstraints = hasPreferredAffinity || hasPreferredAntiAffinity;
    // Optionally ignore calculating preferences of existing pods' affinity rules if the incoming pod has no
    // inter-pod affinities.
    if (this.ignorePreferredTermsOfExistingPods && !hasConstraints) return newStatus(Code.Skip);
    const lister = this.handle.snapshotSharedLister().nodeInfos();
    // Unless the pod being scheduled has preferred affinity terms, only nodes hosting pods with affinity matter.
    const allNodes = hasConstraints ? lister.list() : lister.havePodsWithAffinityList();
    // Upstream's Skip, known before building the state: no pod to score against, and no term of the pod.
    if (allNodes.length === 0 && !hasPodAffinityTerms(pod)) return newStatus(Code.Skip);
    let podInfo: PodInfo;
    try {
      podInfo = new PodInfo(pod);
    } catch (e) {
      const msg = e instanceof Error ? e.message : String(e);
      return asStatus(new Error(`failed to parse pod: ${msg}`));
    }
    const incoming = {
      pod,
      preferredAffinityTerms: podInfo.preferredAffinityTerms.map((t) => this.mergeNamespaces(t)),
      preferredAntiAffinityTerms: podInfo.preferredAntiAffinityTerms.map((t) => this.mergeNamespaces(t)),
    };
    const s = new PreScoreState(new Map(), incoming, this.namespaceLabels(pod.metadata?.namespace ?? ''));
    computeTopologyScore(s, allNodes, hasConstraints, this.hardPodAffinityWeight);
    if (s.topologyScore.size === 0) return newStatus(Code.Skip);
    state.write(preScoreStateKey, s);
    return null;
  }

  /** score is the sum of the weights of the node's topology pairs, normalized later. */
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
export function New(args: unknown, handle: Handle): InterPodAffinity {
  return new InterPodAffinity((args ?? {}) as InterPodAffinityArgs, handle);
}
