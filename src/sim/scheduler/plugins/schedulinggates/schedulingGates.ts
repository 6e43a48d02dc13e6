// Mirrors pkg/scheduler/framework/plugins/schedulinggates/scheduling_gates.go; no QueueingHints.
import type { Pod } from 'kubernetes-types/core/v1';
import { Code, newStatus, type Handle, type Plugin, type PreEnqueuePlugin, type Status } from '../../framework/interface';
import * as names from '../names';

/** Name of the plugin used in the plugin registry and configurations. */
export const Name = names.SchedulingGates;

/** SchedulingGates checks if a Pod carries .spec.schedulingGates; such a pod waits outside the activeQ. */
export class SchedulingGates implements PreEnqueuePlugin {
  name(): string {
    return Name;
  }

  preEnqueue(pod: Pod): Status | null {
    const gates = pod.spec?.schedulingGates ?? [];
    if (gates.length === 0) return null;
    // Go prints a []string as "[a b]".
    return newStatus(Code.UnschedulableAndUnresolvable, `waiting for scheduling gates: [${gates.map((g) => g.name).join(' ')}]`);
  }
}

/** New initializes a new plugin and returns it. */
export function New(_args?: unknown, _handle?: Handle): Plugin {
  return new SchedulingGates();
}
