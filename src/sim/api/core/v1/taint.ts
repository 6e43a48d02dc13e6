// Mirrors k8s.io/api/core/v1/taint.go.
import type { Taint } from 'kubernetes-types/core/v1';

/** TaintEffect values, as v1.TaintEffect. */
export const TaintEffectNoSchedule = 'NoSchedule';
export const TaintEffectPreferNoSchedule = 'PreferNoSchedule';
export const TaintEffectNoExecute = 'NoExecute';

/**
 * matchTaint checks if the taint matches taintToMatch. Taints are unique by key:effect; if the two taints have
 * the same key:effect, they match.
 */
export function matchTaint(taint: Taint, taintToMatch: Taint): boolean {
  return taint.key === taintToMatch.key && taint.effect === taintToMatch.effect;
}

/**
 * taintToString converts a taint to the format `<key>=<value>:<effect>`, `<key>=<value>:`, `<key>:<effect>`, or
 * `<key>`, as kubectl prints taints.
 */
export function taintToString(taint: Taint): string {
  const value = taint.value ?? '';
  if (!taint.effect) return value === '' ? taint.key : `${taint.key}=${value}:`;
  return value === '' ? `${taint.key}:${taint.effect}` : `${taint.key}=${value}:${taint.effect}`;
}
