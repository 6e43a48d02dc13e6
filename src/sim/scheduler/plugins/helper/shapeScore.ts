// Mirrors pkg/scheduler/framework/plugins/helper/shape_score.go.

/** FunctionShapePoint is one point of a broken linear function: utilization (x) and score (y). */
export interface FunctionShapePoint {
  utilization: number;
  score: number;
}

/**
 * buildBrokenLinearFunction creates a function which is built using linear segments. The points must be sorted by
 * utilization; below the first point the first score applies, above the last point the last score.
 */
export function buildBrokenLinearFunction(shape: readonly FunctionShapePoint[]): (p: number) => number {
  return (p) => {
    for (let i = 0; i < shape.length; i++) {
      if (p <= shape[i].utilization) {
        if (i === 0) return shape[0].score;
        const a = shape[i - 1];
        const b = shape[i];
        return a.score + Math.trunc(((b.score - a.score) * (p - a.utilization)) / (b.utilization - a.utilization));
      }
    }
    return shape[shape.length - 1].score;
  };
}
