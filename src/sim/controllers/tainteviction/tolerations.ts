// Mirrors getNoExecuteTaints and getMinTolerationTime of pkg/controller/tainteviction/taint_eviction.go and
// GetMatchingTolerations of pkg/apis/core/v1/helper/helpers.go.
import type { Taint, Toleration } from 'kubernetes-types/core/v1';
import { TaintEffectNoExecute } from '../../api/core/v1/taint';
import { toleratesTaint } from '../../api/core/v1/toleration';
import type { VirtualMs } from '../../clock/virtualClock';

/** getNoExecuteTaints keeps the NoExecute taints, the only ones that evict running pods. */
export function getNoExecuteTaints(taints: readonly Taint[] | undefined): Taint[] {
  return (taints ?? []).filter((t) => t.effect === TaintEffectNoExecute);
}

/** MatchingTolerations pairs each taint with the first toleration that tolerates it, in taint order. */
export interface MatchingTolerations {
  allTolerated: boolean;
  used: Toleration[];
  /** The first taint no toleration matches, when allTolerated is false. */
  untolerated?: Taint;
}

/** getMatchingTolerations returns the tolerations matching all taints if all are tolerated. */
export function getMatchingTolerations(taints: readonly Taint[], tolerations: readonly Toleration[] | undefined): MatchingTolerations {
  const used: Toleration[] = [];
  for (const taint of taints) {
    const match = (tolerations ?? []).find((t) => toleratesTaint(t, taint));
    if (!match) return { allTolerated: false, used: [], untolerated: taint };
    used.push(match);
  }
  return { allTolerated: true, used };
}

/**
 * getMinTolerationTime returns the shortest tolerationSeconds among the tolerations, as virtual ms: 0 when there are
 * none or one is zero or negative, and -1 when none has tolerationSeconds (the pod tolerates the taints forever).
 */
export function getMinTolerationTime(tolerations: readonly Toleration[]): VirtualMs {
  if (tolerations.length === 0) return 0;
  let min = Infinity;
  for (const t of tolerations) {
    if (t.tolerationSeconds === undefined || t.tolerationSeconds === null) continue;
    if (t.tolerationSeconds <= 0) return 0;
    min = Math.min(min, t.tolerationSeconds);
  }
  return min === Infinity ? -1 : min * 1000;
}
