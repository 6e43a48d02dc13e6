// What each card of the far view draws, rebuilt only for the nodes whose Node, pods or selection changed. No
// upstream counterpart.
import type { Node, Pod } from 'kubernetes-types/core/v1';
import type { ObjectRef } from '../../../sim/index';
import { nodeUsage } from '../nodeUsage';
import { podLook } from '../podAppearance';
import { nodeCardKey, nodeStatusText } from '../nodes/WorkerNodeCard';
import type { FarCard } from './cardPainter';

const NO_PODS: readonly Pod[] = [];

/** FarCardCache remembers, per node, the inputs its card was built from. */
export type FarCardCache = Map<string, { key: string; pods: readonly Pod[]; selected: FarCard['selected']; card: FarCard }>;

/** Node objects are frozen snapshots: each one's card key is computed once (heartbeats bring a new one every few seconds). */
const cardKeys = new WeakMap<Node, string>();

function cardKeyOf(node: Node): string {
  let key = cardKeys.get(node);
  if (key === undefined) cardKeys.set(node, (key = nodeCardKey(node)));
  return key;
}

/** selectionOn is the selection as one card shows it: the node itself, the slot of the selected pod, or nothing. */
function selectionOn(name: string, pods: readonly Pod[], selected: ObjectRef | undefined): FarCard['selected'] {
  if (selected?.kind === 'Node') return selected.name === name ? 'node' : undefined;
  if (selected?.kind !== 'Pod') return undefined;
  const slot = pods.findIndex((p) => p.metadata?.name === selected.name && (p.metadata?.namespace ?? 'default') === selected.namespace);
  return slot >= 0 ? slot : undefined;
}

/**
 * farCards returns a card per node, the very same object as last time for a node whose Node (as far as the card
 * shows it: nodeCardKey), pod list and selection did not change, so the painter can skip it by identity.
 */
export function farCards(cache: FarCardCache, nodes: readonly Node[], podsOf: (node: string) => readonly Pod[] | undefined, selected: ObjectRef | undefined): Map<string, FarCard> {
  const cards = new Map<string, FarCard>();
  for (const node of nodes) {
    const name = node.metadata?.name ?? '';
    const list = podsOf(name) ?? NO_PODS;
    const key = cardKeyOf(node);
    const mark = selectionOn(name, list, selected);
    let hit = cache.get(name);
    if (!hit || hit.key !== key || hit.pods !== list || hit.selected !== mark) {
      const card = { name, status: nodeStatusText(node), usage: nodeUsage(node, list), tones: list.map((p) => podLook(p).tone), selected: mark };
      hit = { key, pods: list, selected: mark, card };
      cache.set(name, hit);
    }
    cards.set(name, hit.card);
  }
  for (const name of cache.keys()) if (!cards.has(name)) cache.delete(name);
  return cards;
}
