// Cubic Bézier segments shared by the edge overlay and the packets, so a packet rides exactly along the edge it
// follows. No upstream counterpart.

export interface Point {
  x: number;
  y: number;
}

/** Curve is one cubic Bézier segment: start, two control points, end. */
export interface Curve {
  a: Point;
  c1: Point;
  c2: Point;
  b: Point;
}

/** sCurve leaves `a` and reaches `b` horizontally: the shape of an edge between the column and the node grid. */
export function sCurve(a: Point, b: Point): Curve {
  const mx = (a.x + b.x) / 2;
  return { a, c1: { x: mx, y: a.y }, c2: { x: mx, y: b.y }, b };
}

/** loopRight bows out to the right of two cards stacked in the column; longer spans bow further so loops nest. */
export function loopRight(a: Point, b: Point): Curve {
  const out = 36 + Math.min(90, Math.abs(b.y - a.y) / 6);
  return { a, c1: { x: a.x + out, y: a.y }, c2: { x: b.x + out, y: b.y }, b };
}

/** straight is a line as a curve: through a card, from the side a packet came in to the side it leaves. */
export function straight(a: Point, b: Point): Curve {
  return { a, c1: a, c2: b, b };
}

const round = (n: number) => Math.round(n * 10) / 10;

/** curvePath is the SVG path data of a curve, coordinates to a tenth of a unit. */
export function curvePath({ a, c1, c2, b }: Curve): string {
  return `M${round(a.x)} ${round(a.y)}C${round(c1.x)} ${round(c1.y)} ${round(c2.x)} ${round(c2.y)} ${round(b.x)} ${round(b.y)}`;
}

/** pointOnCurve evaluates the curve at t in [0, 1]. */
export function pointOnCurve({ a, c1, c2, b }: Curve, t: number): Point {
  const u = 1 - t;
  const [w0, w1, w2, w3] = [u * u * u, 3 * u * u * t, 3 * u * t * t, t * t * t];
  return { x: w0 * a.x + w1 * c1.x + w2 * c2.x + w3 * b.x, y: w0 * a.y + w1 * c1.y + w2 * c2.y + w3 * b.y };
}

const dist = (p: Point, q: Point) => Math.hypot(q.x - p.x, q.y - p.y);

/** curveLength estimates the length as the mean of the chord and the control polygon (exact for lines). */
export function curveLength({ a, c1, c2, b }: Curve): number {
  return (dist(a, b) + dist(a, c1) + dist(c1, c2) + dist(c2, b)) / 2;
}
