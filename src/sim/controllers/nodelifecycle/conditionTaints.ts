// Mirrors the taint tables of pkg/controller/nodelifecycle/node_lifecycle_controller.go (UnreachableTaintTemplate,
// NotReadyTaintTemplate, nodeConditionToTaintKeyStatusMap, taintKeyToNodeConditionMap) and the taint computation of
// doNoScheduleTaintingPass ("taint nodes by condition").
import type { Node, Taint } from 'kubernetes-types/core/v1';
import { TaintEffectNoExecute, TaintEffectNoSchedule } from '../../api/core/v1/taint';
import {
  TaintNodeDiskPressure,
  TaintNodeMemoryPressure,
  TaintNodeNetworkUnavailable,
  TaintNodeNotReady,
  TaintNodePIDPressure,
  TaintNodeUnreachable,
  TaintNodeUnschedulable,
} from '../../api/core/v1/wellKnownTaints';
import { taintSetFilter } from './taints';

/** UnreachableTaintTemplate is the NoExecute taint of a node whose Ready condition is Unknown. */
export const UnreachableTaintTemplate: Readonly<Taint> = { key: TaintNodeUnreachable, effect: TaintEffectNoExecute };
/** NotReadyTaintTemplate is the NoExecute taint of a node whose Ready condition is False. */
export const NotReadyTaintTemplate: Readonly<Taint> = { key: TaintNodeNotReady, effect: TaintEffectNoExecute };

/** nodeConditionToTaintKeyStatusMap: which condition, in which status, gives which (NoSchedule) taint key. */
export const nodeConditionToTaintKeyStatusMap: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  Ready: { False: TaintNodeNotReady, Unknown: TaintNodeUnreachable },
  MemoryPressure: { True: TaintNodeMemoryPressure },
  DiskPressure: { True: TaintNodeDiskPressure },
  NetworkUnavailable: { True: TaintNodeNetworkUnavailable },
  PIDPressure: { True: TaintNodePIDPressure },
};

/** taintKeyToNodeConditionMap: the condition behind each condition taint key. */
export const taintKeyToNodeConditionMap: Readonly<Record<string, string>> = {
  [TaintNodeNotReady]: 'Ready',
  [TaintNodeUnreachable]: 'Ready',
  [TaintNodeNetworkUnavailable]: 'NetworkUnavailable',
  [TaintNodeMemoryPressure]: 'MemoryPressure',
  [TaintNodeDiskPressure]: 'DiskPressure',
  [TaintNodePIDPressure]: 'PIDPressure',
};

/** desiredNoScheduleTaints maps the node's conditions, and spec.unschedulable (a cordon), to NoSchedule taints. */
export function desiredNoScheduleTaints(node: Node): Taint[] {
  const taints: Taint[] = [];
  for (const condition of node.status?.conditions ?? []) {
    const key = nodeConditionToTaintKeyStatusMap[condition.type]?.[condition.status];
    if (key) taints.push({ key, effect: TaintEffectNoSchedule });
  }
  if (node.spec?.unschedulable) taints.push({ key: TaintNodeUnschedulable, effect: TaintEffectNoSchedule });
  return taints;
}

/** controllerNoScheduleTaints are the node's NoSchedule taints this pass manages: condition taints and unschedulable. */
export function controllerNoScheduleTaints(node: Node): Taint[] {
  return taintSetFilter(node.spec?.taints, (t) => {
    if (t.effect !== TaintEffectNoSchedule) return false;
    return t.key === TaintNodeUnschedulable || taintKeyToNodeConditionMap[t.key] !== undefined;
  });
}

/** whyTainted says, for a person, why a NoSchedule taint applies to the node now (or no longer does). */
export function whyTainted(node: Node, taint: Taint, present: boolean): string {
  if (taint.key === TaintNodeUnschedulable) {
    return present ? 'it is cordoned (spec.unschedulable is true)' : 'it is no longer cordoned';
  }
  const type = taintKeyToNodeConditionMap[taint.key] ?? taint.key;
  const status = node.status?.conditions?.find((c) => c.type === type)?.status;
  return status ? `its ${type} condition is ${status}` : `it has no ${type} condition`;
}
