// Mirrors pkg/scheduler/framework/plugins/nodename/node_name.go; no QueueingHints.
import type { Pod } from 'kubernetes-types/core/v1';
import type { CycleState } from '../../framework/cycleState';
import { Code, newStatus, type FilterPlugin, type Handle, type Plugin, type Status } from '../../framework/interface';
import type { NodeInfo } from '../../framework/nodeInfo';
import * as names from '../names';

/** Name is the name of the plugin used in the plugin registry and configurations. */
export const Name = names.NodeName;
/** ErrReason returned when node name doesn't match. */
export const ErrReason = "node(s) didn't match the requested node name";

/** fits is true when the pod names no node, or names this one. */
export function fits(pod: Pod, nodeInfo: NodeInfo): boolean {
  const want = pod.spec?.nodeName ?? '';
  return want === '' || want === nodeInfo.nodeName();
}

/** NodeName is a plugin that checks if a pod spec node name matches the current node. */
export class NodeName implements FilterPlugin {
  name(): string {
    return Name;
  }

  filter(_state: CycleState, pod: Pod, nodeInfo: NodeInfo): Status | null {
    return fits(pod, nodeInfo) ? null : newStatus(Code.UnschedulableAndUnresolvable, ErrReason);
  }
}

/** New initializes a new plugin and returns it. */
export function New(_args?: unknown, _handle?: Handle): Plugin {
  return new NodeName();
}
