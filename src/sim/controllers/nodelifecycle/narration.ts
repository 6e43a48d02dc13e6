// The sentences the node lifecycle controller narrates its writes with: what it did and why, with the numbers.
import type { Node, Taint } from 'kubernetes-types/core/v1';
import type { VirtualMs } from '../../clock/virtualClock';
import { taintToString } from '../../api/core/v1/taint';
import { whyTainted } from './conditionTaints';
import type { NodeHealthUpdate } from './nodeHealth';
import { taintList } from './taints';

/** seconds prints a span of virtual time as Kubernetes flags are written: `50s`, `2.5s`. */
export function seconds(ms: VirtualMs): string {
  return `${Number((ms / 1000).toFixed(3))}s`;
}

function nameOf(node: Node): string {
  return node.metadata?.name ?? '';
}

function taintWord(taints: readonly Taint[]): string {
  return taints.length === 1 ? 'taint' : 'taints';
}

/** markedUnknown narrates the status write that sets a silent node's conditions to Unknown. */
export function markedUnknown(node: Node, update: NodeHealthUpdate): string {
  const name = nameOf(node);
  if (update.neverPosted) {
    return `marked node ${name} NotReady (Ready=Unknown): its kubelet never posted a status within node-startup-grace-period ${seconds(update.gracePeriod)}`;
  }
  return `marked node ${name} NotReady (Ready=Unknown): no heartbeat for ${seconds(update.silentFor)} (node-monitor-grace-period ${seconds(update.gracePeriod)})`;
}

/** noScheduleAdded narrates adding condition or cordon NoSchedule taints. */
export function noScheduleAdded(node: Node, taints: readonly Taint[]): string {
  const why = taints.map((t) => whyTainted(node, t, true)).join('; ');
  return `tainted node ${nameOf(node)} ${taintList(taints)}: ${why}, so the scheduler places no new pods there`;
}

/** noScheduleRemoved narrates removing NoSchedule taints whose condition or cordon is gone. */
export function noScheduleRemoved(node: Node, taints: readonly Taint[]): string {
  const why = taints.map((t) => whyTainted(node, t, false)).join('; ');
  return `removed ${taintWord(taints)} ${taintList(taints)} from node ${nameOf(node)}: ${why}`;
}

/** noExecuteAdded narrates the rate-limited NoExecute taint that starts taint-based eviction. */
export function noExecuteAdded(node: Node, taint: Taint, readyStatus: string): string {
  return `tainted node ${nameOf(node)} ${taintToString(taint)}: its Ready condition is ${readyStatus}; pods that do not tolerate it will be evicted`;
}

/** noExecuteRemoved narrates removing a NoExecute taint; `why` completes the sentence. */
export function noExecuteRemoved(node: Node, taint: Taint, why: string): string {
  return `removed taint ${taintToString(taint)} from node ${nameOf(node)}: ${why}`;
}

/** Reasons for lifting the NoExecute taints (markNodeAsReachable). */
export const REACHABLE_AGAIN = 'its Ready condition is True again, so evictions not yet done are cancelled';
export const NEWLY_OBSERVED = 'the node lifecycle controller starts tracking the node';
export const FULL_DISRUPTION = 'no node in any zone is Ready, so the controller assumes its own connectivity is at fault and stops evicting (full disruption)';
