// Where an edge or a packet meets a pod: the right end of its chip, or, when its node draws dots, the node box's
// right edge at the dot's row. The offsets are those of WorkerNodeCard (border, padding, header, bars, pod count)
// and PodChip/PodDots as they render. No upstream counterpart.
import type { Pod } from 'kubernetes-types/core/v1';
import { DOT_SIZE, DOTS_PER_ROW, type Box } from '../layout';
import type { Point } from './curves';

/** From a node box's top to its first chip or row of dots. */
export const PODS_TOP = 79;
/** A chip row: 22px chip and 2px gap. */
const CHIP_PITCH = 24;
const CHIP_HEIGHT = 22;
/** From a node box's right edge to a chip's right end, and from its left edge to the first dot: the card's 2px border and 8px padding. */
export const CARD_INSET = 10;

export interface PodAnchor extends Point {
  node: string;
  /** The pod is a dot in a crowded node: the anchor sits on the box edge. */
  dot: boolean;
}

/** podAnchor is where the pod in slot `slot` of a node box is met. */
export function podAnchor(box: Box, slot: number, dense: boolean): Point {
  if (dense) return { x: box.x + box.width, y: box.y + PODS_TOP + Math.floor(slot / DOTS_PER_ROW) * DOT_SIZE + DOT_SIZE / 2 };
  return { x: box.x + box.width - CARD_INSET, y: box.y + PODS_TOP + slot * CHIP_PITCH + CHIP_HEIGHT / 2 };
}

/** nodeAnchor is where an edge standing for all of a node's endpoints meets its box: the right edge, by its header. */
export function nodeAnchor(box: Box): Point {
  return { x: box.x + box.width, y: box.y + 24 };
}

/** A node's pod list → pod key → slot. The lists stay identical while a node's pods do not change (PodsByNode). */
const slotIndexes = new WeakMap<readonly Pod[], Map<string, number>>();

function slotsOf(pods: readonly Pod[]): Map<string, number> {
  let slots = slotIndexes.get(pods);
  if (!slots) {
    slots = new Map(pods.map((p, i) => [`${p.metadata?.namespace ?? ''}/${p.metadata?.name ?? ''}`, i]));
    slotIndexes.set(pods, slots);
  }
  return slots;
}

/** AnchorOf finds a pod (`namespace/name`), on the given node if known, else on any. */
export type AnchorOf = (pod: string, node?: string) => PodAnchor | undefined;

/**
 * podAnchors locates scheduled pods from the node boxes and each node's pods in slot order, the same inputs the node
 * cards draw from. It indexes a node's list only once per list, so a batch that changes a few nodes costs a few
 * lists, not 2,000 pods. Pods of the unscheduled lane have no IP and no anchor.
 */
export function podAnchors(boxes: ReadonlyMap<string, Box>, podsByNode: ReadonlyMap<string, readonly Pod[]>, isDense: (podCount: number) => boolean): AnchorOf {
  const on = (pod: string, node: string): PodAnchor | undefined => {
    const pods = podsByNode.get(node);
    const box = boxes.get(node);
    const slot = pods && box ? slotsOf(pods).get(pod) : undefined;
    if (slot === undefined) return undefined;
    const dense = isDense(pods!.length);
    return { ...podAnchor(box!, slot, dense), node, dot: dense };
  };
  return (pod, node) => {
    if (node !== undefined) return on(pod, node);
    for (const name of podsByNode.keys()) {
      const found = on(pod, name);
      if (found) return found;
    }
    return undefined;
  };
}
