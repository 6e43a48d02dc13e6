// Where the networking cards go: one column to the right of the node grid, the client card on top, then the
// Ingresses, then the Services, each group sorted by namespace/name. No upstream counterpart.
import type { Box, ClusterLayout } from '../layout';
import { compareKeys } from './serviceText';

export const CARD_WIDTH = 270;
export const CLIENT_CARD_HEIGHT = 52;
export const SERVICE_CARD_HEIGHT = 112;
/** An Ingress card lists at most this many routes, then says how many more. */
export const INGRESS_ROUTE_LINES = 4;
/** Room between the node grid and the column for the endpoint edges to curve. */
export const COLUMN_GAP = 180;
const CARD_GAP = 16;
const GROUP_GAP = 40;

/** ingressCardHeight: title and address lines, then one line per route (at most INGRESS_ROUTE_LINES and a "more"). */
export function ingressCardHeight(routes: number): number {
  const lines = Math.min(routes, INGRESS_ROUTE_LINES) + (routes > INGRESS_ROUTE_LINES ? 1 : 0);
  return 56 + Math.max(1, lines) * 16;
}

export interface NetworkCards {
  /** Whether to draw the client card (someone outside the cluster sends traffic, or there are Ingresses). */
  client: boolean;
  /** Ingresses by `namespace/name`, with how many routes each lists. */
  ingresses: ReadonlyArray<{ key: string; routes: number }>;
  /** Services by `namespace/name`. */
  services: readonly string[];
}

export interface NetworkLayout {
  client: Box | undefined;
  ingresses: Map<string, Box>;
  services: Map<string, Box>;
}

/** rightEdge is where the cluster drawing ends on the right. */
export function rightEdge(cluster: ClusterLayout): number {
  let right = Math.max(cluster.controlPlane.x + cluster.controlPlane.width, cluster.pendingLane.x + cluster.pendingLane.width);
  for (const box of cluster.nodes.values()) right = Math.max(right, box.x + box.width);
  return right;
}

/**
 * layoutNetwork stacks the cards. A card's height depends only on its own object (a Service card has one fixed
 * height; an Ingress card grows with its routes), so traffic, endpoints and pods never move a card.
 */
export function layoutNetwork(cluster: ClusterLayout, cards: NetworkCards): NetworkLayout {
  const x = rightEdge(cluster) + COLUMN_GAP;
  let y = 0;
  let client: Box | undefined;
  if (cards.client) {
    client = { x, y, width: CARD_WIDTH, height: CLIENT_CARD_HEIGHT };
    y += CLIENT_CARD_HEIGHT + GROUP_GAP;
  }
  const ingresses = new Map<string, Box>();
  for (const ing of [...cards.ingresses].sort((a, b) => compareKeys(a.key, b.key))) {
    const height = ingressCardHeight(ing.routes);
    ingresses.set(ing.key, { x, y, width: CARD_WIDTH, height });
    y += height + CARD_GAP;
  }
  if (ingresses.size > 0) y += GROUP_GAP - CARD_GAP;
  const services = new Map<string, Box>();
  for (const key of [...cards.services].sort(compareKeys)) {
    services.set(key, { x, y, width: CARD_WIDTH, height: SERVICE_CARD_HEIGHT });
    y += SERVICE_CARD_HEIGHT + CARD_GAP;
  }
  return { client, ingresses, services };
}
