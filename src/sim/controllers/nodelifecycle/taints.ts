// Mirrors pkg/util/taints/taints.go (TaintExists, TaintSetDiff, TaintSetFilter, AddOrUpdateTaint, RemoveTaint):
// taint lists compared by key and effect, never changed in place.
import type { Taint } from 'kubernetes-types/core/v1';
import { matchTaint, taintToString } from '../../api/core/v1/taint';
import { deepEqual } from '../../store/mergePatch';

/** taintExists checks if the given taint exists in the list of taints (same key and effect). */
export function taintExists(taints: readonly Taint[] | undefined, taintToFind: Taint): boolean {
  if (!taints) return false;
  for (const t of taints) if (matchTaint(t, taintToFind)) return true;
  return false;
}

/** taintSetDiff finds the taints of `taintsNew` missing from `taintsOld` (to add) and the reverse (to remove). */
export function taintSetDiff(taintsNew: readonly Taint[], taintsOld: readonly Taint[]): { toAdd: Taint[]; toRemove: Taint[] } {
  return {
    toAdd: taintsNew.filter((t) => !taintExists(taintsOld, t)),
    toRemove: taintsOld.filter((t) => !taintExists(taintsNew, t)),
  };
}

/** taintSetFilter keeps the taints for which `fn` is true. */
export function taintSetFilter(taints: readonly Taint[] | undefined, fn: (t: Taint) => boolean): Taint[] {
  return (taints ?? []).filter(fn);
}

/**
 * addOrUpdateTaint returns the taints with `taint` added, or replacing the taint of the same key and effect; updated
 * is false when an identical taint (timeAdded included) is already there.
 */
export function addOrUpdateTaint(taints: readonly Taint[] | undefined, taint: Taint): { taints: Taint[]; updated: boolean } {
  const result: Taint[] = [];
  let replaced = false;
  for (const existing of taints ?? []) {
    if (matchTaint(taint, existing)) {
      if (deepEqual(taint, existing)) return { taints: [...(taints ?? [])], updated: false };
      result.push(taint);
      replaced = true;
      continue;
    }
    result.push(existing);
  }
  if (!replaced) result.push(taint);
  return { taints: result, updated: true };
}

/** removeTaint returns the taints without the one of the same key and effect; removed is false when it was not there. */
export function removeTaint(taints: readonly Taint[] | undefined, taint: Taint): { taints: Taint[]; removed: boolean } {
  const kept = (taints ?? []).filter((t) => !matchTaint(taint, t));
  return { taints: kept, removed: kept.length !== (taints ?? []).length };
}

/** taintList prints taints as kubectl does, comma-separated: `node.kubernetes.io/unreachable:NoExecute`. */
export function taintList(taints: readonly Taint[]): string {
  return taints.map(taintToString).join(', ');
}
