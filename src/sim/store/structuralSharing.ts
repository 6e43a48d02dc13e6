import { deepEqual } from './mergePatch';

/**
 * shareUnchanged makes `next` (an update about to be stored) reuse every part that deep-equals the same place in
 * `prev` (the stored version): such parts are replaced by prev's own, already frozen objects. It returns `prev` when
 * the two are equal as a whole, so one walk both detects a no-op write and shares what did not change. A pod's status
 * update changes a condition or a container state; its other conditions and containers stay shared, so fewer objects
 * are frozen, copied to the UI's cache or compared again, and each version costs memory only for what changed.
 * Frozen parts of `next` cannot take shared children: they are compared as a whole.
 */
export function shareUnchanged<T>(next: T, prev: unknown): T {
  if (next === prev) return next;
  if (typeof next !== 'object' || next === null || typeof prev !== 'object' || prev === null) return next;
  if (Array.isArray(next) !== Array.isArray(prev)) return next;
  if (Object.isFrozen(next)) return deepEqual(next, prev) ? (prev as T) : next;
  return (Array.isArray(next) ? shareArray(next, prev as unknown[]) : shareRecord(next as Record<string, unknown>, prev as Record<string, unknown>))
    ? (prev as T)
    : next;
}

/** shareArray shares the elements of `next` equal to prev's at the same index; true when all are and lengths match. */
function shareArray(next: unknown[], prev: readonly unknown[]): boolean {
  let same = next.length === prev.length;
  for (let i = 0; i < next.length && i < prev.length; i++) {
    const shared = shareUnchanged(next[i], prev[i]);
    if (shared !== next[i]) next[i] = shared;
    if (shared !== prev[i]) same = false;
  }
  return same;
}

/** shareRecord shares the fields of `next` equal to prev's; true when all are and no field is missing (JSON rules). */
function shareRecord(next: Record<string, unknown>, prev: Record<string, unknown>): boolean {
  let same = true;
  let defined = 0;
  for (const key in next) {
    const value = next[key];
    if (value === undefined) continue;
    defined++;
    const shared = shareUnchanged(value, prev[key]);
    if (shared !== value) next[key] = shared;
    if (shared !== prev[key]) same = false;
  }
  if (!same) return false;
  for (const key in prev) if (prev[key] !== undefined) defined--;
  return defined === 0;
}
