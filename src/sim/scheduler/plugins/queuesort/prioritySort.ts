// Mirrors pkg/scheduler/framework/plugins/queuesort/priority_sort.go.
import type { Pod } from 'kubernetes-types/core/v1';
import type { Handle, Plugin, QueueSortPlugin, QueuedPodInfo } from '../../framework/interface';
import * as names from '../names';

/** Name is the name of the plugin used in the plugin registry and configurations. */
export const Name = names.PrioritySort;

/** podPriority returns the priority of a pod: spec.priority, or 0 when the Priority admission did not set one. */
export function podPriority(pod: Pod): number {
  return pod.spec?.priority ?? 0;
}

/** PrioritySort is a plugin that implements Priority based sorting. */
export class PrioritySort implements QueueSortPlugin {
  name(): string {
    return Name;
  }

  /**
   * less is the function used by the activeQ heap algorithm to sort pods. It sorts pods based on their priority.
   * When priorities are equal, it uses QueuedPodInfo.timestamp.
   */
  less(a: QueuedPodInfo, b: QueuedPodInfo): boolean {
    const p1 = podPriority(a.podInfo.pod);
    const p2 = podPriority(b.podInfo.pod);
    return p1 > p2 || (p1 === p2 && a.timestamp < b.timestamp);
  }
}

/** New initializes a new plugin and returns it. */
export function New(_args?: unknown, _handle?: Handle): Plugin {
  return new PrioritySort();
}
