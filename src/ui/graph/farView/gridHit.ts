// Where the far view's cards are: the canvas's bounds around them, and which node or pod a point falls on. No
// upstream counterpart.
import type { Pod } from 'kubernetes-types/core/v1';
import { dotAt } from '../PodDots';
import type { Box } from '../layout';
import { CARD_INSET, PODS_TOP } from '../network/podAnchors';

/** gridBounds is the smallest box holding every card, or undefined when there is none. */
export function gridBounds(boxes: Iterable<Box>): Box | undefined {
  let [left, top, right, bottom] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const b of boxes) {
    left = Math.min(left, b.x);
    top = Math.min(top, b.y);
    right = Math.max(right, b.x + b.width);
    bottom = Math.max(bottom, b.y + b.height);
  }
  return left === Infinity ? undefined : { x: left, y: top, width: right - left, height: bottom - top };
}

/** GridHit is what a point of the far view lands on: a node's card, and the pod whose square it is, if any. */
export interface GridHit {
  node: string;
  pod?: Pod;
}

/** gridHit finds the card under (x, y), in graph units, and the pod's square under it, from the cards' boxes and pods in slot order. */
export function gridHit(x: number, y: number, boxes: ReadonlyMap<string, Box>, podsOf: (node: string) => readonly Pod[] | undefined): GridHit | undefined {
  for (const [node, b] of boxes) {
    if (x < b.x || y < b.y || x >= b.x + b.width || y >= b.y + b.height) continue;
    const list = podsOf(node) ?? [];
    const slot = dotAt(x - b.x - CARD_INSET, y - b.y - PODS_TOP, list.length);
    return slot >= 0 ? { node, pod: list[slot] } : { node };
  }
  return undefined;
}
