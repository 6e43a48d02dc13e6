// Mirrors UpdatePodCondition of pkg/api/v1/pod/util.go.
import type { PodCondition, PodStatus } from 'kubernetes-types/core/v1';
import { rfc3339 } from '../../clock/timeFormat';
import type { VirtualMs } from '../../clock/virtualClock';

/**
 * updatePodCondition sets the condition in the (copied) status, stamping lastTransitionTime now unless the status
 * value stays the same. It returns true if anything changed, so the caller knows whether to write.
 */
export function updatePodCondition(status: PodStatus, condition: PodCondition, now: VirtualMs): boolean {
  const next: PodCondition = { ...condition, lastTransitionTime: rfc3339(now) };
  const conditions = (status.conditions ??= []);
  const index = conditions.findIndex((c) => c.type === next.type);
  if (index < 0) {
    conditions.push(next);
    return true;
  }
  const old = conditions[index]!;
  if (next.status === old.status) next.lastTransitionTime = old.lastTransitionTime;
  const isEqual =
    next.status === old.status &&
    (next.reason ?? '') === (old.reason ?? '') &&
    (next.message ?? '') === (old.message ?? '') &&
    (next.lastProbeTime ?? null) === (old.lastProbeTime ?? null) &&
    (next.lastTransitionTime ?? null) === (old.lastTransitionTime ?? null);
  conditions[index] = next;
  return !isEqual;
}
