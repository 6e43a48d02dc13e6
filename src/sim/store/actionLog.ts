// Kubeplay's narration of API writes (who did what and why). No upstream counterpart: the API server keeps no
// such history, so how much of it to keep is ours to choose.
import type { Action } from './types';

/**
 * How many of the newest actions a cluster keeps. The page shows at most the newest 500 (ACTION_WINDOW in
 * src/worker/protocol.ts). Kept whole, the history grew with every write and was never let go: a 2,000-pod rollout
 * on 100 nodes narrates 14,000 actions, some 3.5 MB of the worker's heap that each major collection marked again.
 */
export const ACTION_HISTORY = 5000;

/**
 * ActionLog numbers each narrated action (`seq` counts from 1 and never repeats) and keeps the newest of them. It lets
 * go of older ones only when told to (`trim`), so whoever reads it in batches (Cluster's change batches) sees every
 * action between two reads.
 */
export class ActionLog {
  private log: Action[] = [];
  private count = 0;

  append({ time, actor, verb, kind, namespace, name, reason }: Omit<Action, 'seq'>): void {
    this.log.push({ seq: ++this.count, time, actor, verb, kind, namespace, name, reason });
  }

  /** narrated is how many actions there have been: the newest one's seq. */
  narrated(): number {
    return this.count;
  }

  /** kept is the actions kept, oldest first. */
  kept(): readonly Action[] {
    return this.log;
  }

  /** since is the kept actions after the first `narrated` ones, oldest first. */
  since(narrated: number): Action[] {
    const first = this.count - this.log.length;
    return this.log.slice(Math.max(0, narrated - first));
  }

  /**
   * trim lets go of all but the newest `history` actions, once there are a fifth more than that: the copy is made
   * once per so many actions, not on every write.
   */
  trim(history: number): void {
    if (this.log.length > history + Math.ceil(history / 5)) this.log = history > 0 ? this.log.slice(-history) : [];
  }
}
