// SchedulingTrace is Kubeplay's record of one scheduling attempt, for the "why did my pod land there" panel.
// Precedent: kubernetes-sigs/kube-scheduler-simulator records each extension point's result per pod
// (simulator/scheduler/plugin/annotation/annotation.go). Traces are plain JSON so they can cross postMessage.
import type { VirtualMs } from '../clock/virtualClock';

/** PluginVerdict is one plugin's answer at an extension point: the status code name and its reasons. */
export interface PluginVerdict {
  plugin: string;
  /** `Success`, `Skip`, `Unschedulable`, `UnschedulableAndUnresolvable`, `Error`, ... */
  code: string;
  reasons: string[];
}

/**
 * NodeFilterTrace is what the Filter plugins said about one node, in the order they ran. Filters stop at the
 * first rejection, so plugins after it have no verdict (they did not run).
 */
export interface NodeFilterTrace {
  node: string;
  verdicts: PluginVerdict[];
  feasible: boolean;
}

/** PluginScoreTrace is one score plugin's contribution to a node's total. */
export interface PluginScoreTrace {
  plugin: string;
  /** raw is what Score returned. */
  raw: number;
  /** normalized is the score after NormalizeScore (0..100); equal to raw for plugins without it. */
  normalized: number;
  weight: number;
  /** weighted is normalized × weight: the plugin's share of the total. */
  weighted: number;
}

/** NodeScoreTrace is a feasible node's score, plugin by plugin. */
export interface NodeScoreTrace {
  node: string;
  scores: PluginScoreTrace[];
  total: number;
}

/** ScheduledOutcome: the pod was bound to `node`. */
export interface ScheduledOutcome {
  result: 'Scheduled';
  node: string;
  totalScore: number;
  feasibleNodes: number;
  evaluatedNodes: number;
  /** tiedNodes are the nodes that shared the highest score; one of them was picked at random. */
  tiedNodes: string[];
}

/** FailedOutcome: no node fit (Unschedulable, with the FitError text) or the attempt hit an Error. */
export interface FailedOutcome {
  result: 'Unschedulable' | 'Error';
  message: string;
}

/** SchedulingTrace records one scheduling attempt of one pod. */
export interface SchedulingTrace {
  pod: { namespace: string; name: string; uid: string };
  /** attempt counts the pod's scheduling attempts, starting at 1. */
  attempt: number;
  /** cycle is the scheduler's scheduling cycle number. */
  cycle: number;
  time: VirtualMs;
  numAllNodes: number;
  /** numFeasibleNodesToFind is where the filter search stops (percentageOfNodesToScore). */
  numFeasibleNodesToFind: number;
  /** startNodeIndex is the rotating index where the filter search started. */
  startNodeIndex: number;
  preFilter: PluginVerdict[];
  /** preFilterNodeNames is set when PreFilter narrowed the nodes to consider. */
  preFilterNodeNames?: string[];
  /** nominatedNode is the pod's nominated node, tried first (status.nominatedNodeName). */
  nominatedNode?: string;
  /** filter lists the nodes that were evaluated, in evaluation order. */
  filter: NodeFilterTrace[];
  postFilter?: PluginVerdict & { nominatedNodeName?: string };
  preScore: PluginVerdict[];
  score: NodeScoreTrace[];
  outcome?: ScheduledOutcome | FailedOutcome;
}
