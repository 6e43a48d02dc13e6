// Mirrors k8s.io/api/core/v1/toleration.go and the toleration helpers of
// k8s.io/component-helpers/scheduling/corev1/helpers.go (TolerationsTolerateTaint, FindMatchingUntoleratedTaint).
import type { Taint, Toleration } from 'kubernetes-types/core/v1';

/** TolerationOperator values, as v1.TolerationOperator. Lt/Gt are alpha (TaintTolerationComparisonOperators). */
export const TolerationOpExists = 'Exists';
export const TolerationOpEqual = 'Equal';
export const TolerationOpLt = 'Lt';
export const TolerationOpGt = 'Gt';

/**
 * matchToleration checks if the toleration matches tolerationToMatch. Tolerations are unique by
 * <key,effect,operator,value>; two tolerations with the same combination match.
 */
export function matchToleration(t: Toleration, tolerationToMatch: Toleration): boolean {
  return (
    (t.key ?? '') === (tolerationToMatch.key ?? '') &&
    (t.effect ?? '') === (tolerationToMatch.effect ?? '') &&
    (t.operator ?? '') === (tolerationToMatch.operator ?? '') &&
    (t.value ?? '') === (tolerationToMatch.value ?? '')
  );
}

const int64Pattern = /^[+-]?\d+$/;
const int64Min = -(2n ** 63n);
const int64Max = 2n ** 63n - 1n;

/** parseInt64 mirrors strconv.ParseInt(s, 10, 64): undefined for anything that is not a base-10 int64. */
function parseInt64(s: string): bigint | undefined {
  if (!int64Pattern.test(s)) return undefined;
  const v = BigInt(s);
  return v < int64Min || v > int64Max ? undefined : v;
}

function compareNumericValues(tolerationVal: string, taintVal: string, op: string): boolean {
  const tVal = parseInt64(tolerationVal);
  const taintNum = parseInt64(taintVal);
  if (tVal === undefined || taintNum === undefined) return false;
  return op === TolerationOpLt ? taintNum < tVal : taintNum > tVal;
}

/**
 * toleratesTaint checks if the toleration tolerates the taint. The matching follows the rules below:
 *
 *  1. Empty toleration.effect means to match all taint effects, otherwise taint effect must equal to
 *     toleration.effect.
 *  2. If toleration.operator is 'Exists', it means to match all taint values.
 *  3. Empty toleration.key means to match all taint keys. If toleration.key is empty, toleration.operator must
 *     be 'Exists'; this combination means to match all taint values and all taint keys.
 *  4. If toleration.operator is 'Lt' or 'Gt', numeric comparison is performed between toleration.value and
 *     taint.value.
 */
export function toleratesTaint(t: Toleration, taint: Taint): boolean {
  if (t.effect && t.effect !== taint.effect) return false;
  if (t.key && t.key !== taint.key) return false;
  switch (t.operator ?? '') {
    // Empty operator means Equal.
    case '':
    case TolerationOpEqual:
      return (t.value ?? '') === (taint.value ?? '');
    case TolerationOpExists:
      return true;
    case TolerationOpLt:
    case TolerationOpGt:
      return compareNumericValues(t.value ?? '', taint.value ?? '', t.operator!);
    default:
      return false;
  }
}

/** tolerationsTolerateTaint checks if the taint is tolerated by any of the tolerations. */
export function tolerationsTolerateTaint(tolerations: readonly Toleration[] | undefined, taint: Taint): boolean {
  if (!tolerations) return false;
  for (const t of tolerations) if (toleratesTaint(t, taint)) return true;
  return false;
}

/**
 * findMatchingUntoleratedTaint checks if the given tolerations tolerate all the taints that pass the
 * inclusionFilter (all taints when it is omitted). It returns the first taint not tolerated, or undefined.
 */
export function findMatchingUntoleratedTaint(
  taints: readonly Taint[] | undefined,
  tolerations: readonly Toleration[] | undefined,
  inclusionFilter?: (t: Taint) => boolean,
): Taint | undefined {
  if (!taints) return undefined;
  for (const taint of taints) {
    if (inclusionFilter && !inclusionFilter(taint)) continue;
    if (!tolerationsTolerateTaint(tolerations, taint)) return taint;
  }
  return undefined;
}
