// Mirrors pkg/scheduler/framework/plugins/nodeports/node_ports.go; no QueueingHints.
import type { ContainerPort, Pod } from 'kubernetes-types/core/v1';
import type { CycleState, StateData } from '../../framework/cycleState';
import { getHostPorts } from '../../framework/hostPortInfo';
import {
  Code,
  asStatus,
  newStatus,
  type FilterPlugin,
  type Handle,
  type Plugin,
  type PreFilterExtensions,
  type PreFilterPlugin,
  type PreFilterResult,
  type Status,
} from '../../framework/interface';
import type { NodeInfo } from '../../framework/nodeInfo';
import * as names from '../names';

/** Name is the name of the plugin used in the plugin registry and configurations. */
export const Name = names.NodePorts;
const preFilterStateKey = 'PreFilter' + Name;
/** ErrReason when node ports aren't available. */
export const ErrReason = "node(s) didn't have free ports for the requested pod ports";

class PreFilterState implements StateData {
  constructor(readonly ports: ContainerPort[]) {}
  clone(): StateData {
    return this;
  }
}

function fitsPorts(wantPorts: ContainerPort[], nodeInfo: NodeInfo): boolean {
  const existing = nodeInfo.usedPorts;
  for (const cp of wantPorts) {
    if (existing.checkConflict(cp.hostIP ?? '', cp.protocol ?? '', cp.hostPort ?? 0)) return false;
  }
  return true;
}

/** fits checks if the pod's host ports are free on the node. */
export function fits(pod: Pod, nodeInfo: NodeInfo): boolean {
  return fitsPorts(getHostPorts(pod), nodeInfo);
}

/** NodePorts is a plugin that checks if a node has free ports for the requested pod ports. */
export class NodePorts implements PreFilterPlugin, FilterPlugin {
  name(): string {
    return Name;
  }

  /** preFilter collects the pod's host ports; Skip when it has none. */
  preFilter(state: CycleState, pod: Pod): [PreFilterResult | null, Status | null] {
    const ports = getHostPorts(pod);
    if (ports.length === 0) return [null, newStatus(Code.Skip)];
    state.write(preFilterStateKey, new PreFilterState(ports));
    return [null, null];
  }

  preFilterExtensions(): PreFilterExtensions | null {
    return null;
  }

  /** filter rejects (Unschedulable: preemption may free the port) a node where a wanted host port is in use. */
  filter(state: CycleState, _pod: Pod, nodeInfo: NodeInfo): Status | null {
    const s = state.read<PreFilterState>(preFilterStateKey);
    if (!s) return asStatus(new Error(`reading "${preFilterStateKey}" from cycleState: not found`));
    return fitsPorts(s.ports, nodeInfo) ? null : newStatus(Code.Unschedulable, ErrReason);
  }
}

/** New initializes a new plugin and returns it. */
export function New(_args?: unknown, _handle?: Handle): Plugin {
  return new NodePorts();
}
