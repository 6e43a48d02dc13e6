// Mirrors pkg/scheduler/backend/cache/node_tree.go and GetZoneKey of k8s.io/component-helpers/node/topology.
import type { Node } from 'kubernetes-types/core/v1';
import {
  LabelFailureDomainBetaRegion,
  LabelFailureDomainBetaZone,
  LabelTopologyRegion,
  LabelTopologyZone,
} from '../../api/core/v1/wellKnownLabels';

/**
 * getZoneKey is a helper function that builds a string identifier that is unique per failure-zone; it returns
 * '' for nodes without zone or region labels. The deprecated failure-domain labels win, as upstream.
 */
export function getZoneKey(node: Node): string {
  const labels = node.metadata?.labels;
  if (!labels) return '';
  const zone = labels[LabelFailureDomainBetaZone] ?? labels[LabelTopologyZone] ?? '';
  const region = labels[LabelFailureDomainBetaRegion] ?? labels[LabelTopologyRegion] ?? '';
  if (region === '' && zone === '') return '';
  // The null character keeps region and zone apart even if either contains a colon.
  return `${region}:\u0000:${zone}`;
}

/**
 * NodeTree is a tree-like data structure that holds node names in each zone. Zone names are keys to a map of
 * node name lists; list() interleaves the zones so that consecutive nodes come from different zones, which
 * spreads pods when only part of the nodes is searched (percentageOfNodesToScore).
 */
export class NodeTree {
  private readonly tree = new Map<string, string[]>();
  private readonly zones: string[] = [];
  numNodes = 0;

  /** addNode adds a node and its corresponding zone to the tree; adding it twice does nothing. */
  addNode(node: Node): void {
    const zone = getZoneKey(node);
    const name = node.metadata?.name ?? '';
    const na = this.tree.get(zone);
    if (na) {
      if (na.includes(name)) return;
      na.push(name);
    } else {
      this.zones.push(zone);
      this.tree.set(zone, [name]);
    }
    this.numNodes++;
  }

  /** removeNode removes a node from the tree; it returns false when the node was not found. */
  removeNode(node: Node): boolean {
    const zone = getZoneKey(node);
    const na = this.tree.get(zone);
    const i = na ? na.indexOf(node.metadata?.name ?? '') : -1;
    if (!na || i < 0) return false;
    na.splice(i, 1);
    if (na.length === 0) {
      this.tree.delete(zone);
      this.zones.splice(this.zones.indexOf(zone), 1);
    }
    this.numNodes--;
    return true;
  }

  /** updateNode moves a node whose zone labels changed; the name of a node cannot change. */
  updateNode(oldNode: Node | undefined, newNode: Node): void {
    const oldZone = oldNode ? getZoneKey(oldNode) : undefined;
    if (oldZone === getZoneKey(newNode)) return;
    if (oldNode) this.removeNode(oldNode);
    this.addNode(newNode);
  }

  /** list returns the node names, iterating over zones and taking one node of each zone in a round robin. */
  list(): string[] {
    const out: string[] = [];
    for (let nodeIndex = 0; out.length < this.numNodes; nodeIndex++) {
      for (const zone of this.zones) {
        const na = this.tree.get(zone)!;
        if (nodeIndex < na.length) out.push(na[nodeIndex]);
      }
    }
    return out;
  }
}
