// Mirrors pkg/scheduler/framework/plugins/nodeunschedulable/node_unschedulable.go; no QueueingHints.
import type { Pod } from 'kubernetes-types/core/v1';
import { tolerationsTolerateTaint } from '../../../api/core/v1/toleration';
import { TaintNodeUnschedulable } from '../../../api/core/v1/wellKnownTaints';
import { TaintEffectNoSchedule } from '../../../api/core/v1/taint';
import type { CycleState } from '../../framework/cycleState';
import { Code, newStatus, type FilterPlugin, type Handle, type Plugin, type Status } from '../../framework/interface';
import type { NodeInfo } from '../../framework/nodeInfo';
import * as names from '../names';

/** Name is the name of the plugin used in the plugin registry and configurations. */
export const Name = names.NodeUnschedulable;
/** ErrReasonUnknownCondition is used for NodeUnknownCondition predicate error. */
export const ErrReasonUnknownCondition = 'node(s) had unknown conditions';
/** ErrReasonUnschedulable is used for NodeUnschedulable predicate error. */
export const ErrReasonUnschedulable = 'node(s) were unschedulable';

const unschedulableTaint = { key: TaintNodeUnschedulable, effect: TaintEffectNoSchedule };

/** NodeUnschedulable plugin filters nodes that set node.spec.unschedulable=true (cordoned) unless the pod tolerates it. */
export class NodeUnschedulable implements FilterPlugin {
  name(): string {
    return Name;
  }

  filter(_state: CycleState, pod: Pod, nodeInfo: NodeInfo): Status | null {
    const node = nodeInfo.node;
    if (!node) return newStatus(Code.UnschedulableAndUnresolvable, ErrReasonUnknownCondition);
    if (!node.spec?.unschedulable) return null;
    // A pod that tolerates the unschedulable taint also tolerates node.spec.unschedulable.
    if (tolerationsTolerateTaint(pod.spec?.tolerations, unschedulableTaint)) return null;
    return newStatus(Code.UnschedulableAndUnresolvable, ErrReasonUnschedulable);
  }
}

/** New initializes a new plugin and returns it. */
export function New(_args?: unknown, _handle?: Handle): Plugin {
  return new NodeUnschedulable();
}
