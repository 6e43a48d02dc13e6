// Mirrors the cluster events of pkg/scheduler/framework/events.go, pkg/scheduler/backend/queue/events.go and the
// EventsToRegister of the in-tree plugins (without QueueingHints: an event requeues every pod that a plugin
// registered for it had rejected).
import type { Node } from 'kubernetes-types/core/v1';
import * as names from '../plugins/names';

/** ClusterEvent names something that happened in the cluster and may make unschedulable pods schedulable. */
export type ClusterEvent =
  | 'NodeAdd'
  | 'NodeDelete'
  | 'UpdateNodeLabel'
  | 'UpdateNodeTaint'
  | 'UpdateNodeAllocatable'
  | 'UpdateNodeCondition'
  | 'AssignedPodAdd'
  | 'AssignedPodUpdate'
  | 'AssignedPodDelete'
  | 'UnschedulableTimeout'
  | 'ForceActivate';

const nodeAddOrLabelOrTaint: readonly ClusterEvent[] = ['NodeAdd', 'UpdateNodeLabel', 'UpdateNodeTaint'];

/**
 * pluginEvents lists, per plugin, the events that may make a pod it rejected schedulable (its EventsToRegister).
 * Node/Add plugins also register UpdateNodeLabel and UpdateNodeTaint (kubernetes#109437).
 */
export const pluginEvents: Readonly<Record<string, readonly ClusterEvent[]>> = {
  [names.NodeUnschedulable]: nodeAddOrLabelOrTaint,
  [names.NodeName]: nodeAddOrLabelOrTaint,
  [names.TaintToleration]: nodeAddOrLabelOrTaint,
  [names.NodeAffinity]: nodeAddOrLabelOrTaint,
  [names.NodePorts]: ['AssignedPodDelete', ...nodeAddOrLabelOrTaint],
  [names.NodeResourcesFit]: ['AssignedPodDelete', 'UpdateNodeAllocatable', ...nodeAddOrLabelOrTaint],
  [names.PodTopologySpread]: ['AssignedPodAdd', 'AssignedPodUpdate', 'AssignedPodDelete', 'NodeDelete', ...nodeAddOrLabelOrTaint],
  [names.InterPodAffinity]: ['AssignedPodAdd', 'AssignedPodUpdate', 'AssignedPodDelete', ...nodeAddOrLabelOrTaint],
};

/** podWorthRequeuing is true when a plugin that rejected the pod registered the event (or no plugin is known). */
export function podWorthRequeuing(rejectors: ReadonlySet<string>, event: ClusterEvent): boolean {
  if (event === 'UnschedulableTimeout' || event === 'ForceActivate' || rejectors.size === 0) return true;
  for (const plugin of rejectors) {
    const events = pluginEvents[plugin];
    if (!events || events.includes(event)) return true;
  }
  return false;
}

function sameJSON(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

function conditionStatuses(node: Node): string {
  return (node.status?.conditions ?? []).map((c) => `${c.type}=${c.status}`).join(',');
}

/**
 * nodeSchedulingPropertiesChange returns the events a node update carries. Heartbeats change nothing here, so
 * they requeue nothing. Uncordoning (spec.unschedulable true -> false) counts as a taint change, as upstream's
 * NodeSpecUnschedulableChange does.
 */
export function nodeSchedulingPropertiesChange(newNode: Node, oldNode: Node): ClusterEvent[] {
  const events: ClusterEvent[] = [];
  if (!!oldNode.spec?.unschedulable !== !!newNode.spec?.unschedulable && !newNode.spec?.unschedulable) events.push('UpdateNodeTaint');
  if (!sameJSON(oldNode.status?.allocatable, newNode.status?.allocatable)) events.push('UpdateNodeAllocatable');
  if (!sameJSON(oldNode.metadata?.labels, newNode.metadata?.labels)) events.push('UpdateNodeLabel');
  if (!sameJSON(oldNode.spec?.taints, newNode.spec?.taints)) events.push('UpdateNodeTaint');
  if (conditionStatuses(oldNode) !== conditionStatuses(newNode)) events.push('UpdateNodeCondition');
  return events;
}
