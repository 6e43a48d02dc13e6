// Mirrors AddOrUpdateTaintOnNode and RemoveTaintOffNode of pkg/controller/controller_utils.go and
// SwapNodeControllerTaint of pkg/controller/util/node/controller_utils.go: taint writes on a node that re-read the
// node first and skip the API call when nothing would change. A merge patch of spec.taints stands in for upstream's
// strategic merge patch; both replace the list.
import type { Node, Taint } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../api/object';
import { statusErrors } from '../../api/statusError';
import { rfc3339 } from '../../clock/timeFormat';
import type { VirtualMs } from '../../clock/virtualClock';
import type { ApiClient, WriteContext } from '../../store/types';
import { addOrUpdateTaint, removeTaint, taintExists } from './taints';

/** NodeObject is a Node as the API server stores it. */
export type NodeObject = Node & KubeObject;

function getNode(client: ApiClient, nodeName: string): NodeObject {
  const node = client.get<NodeObject>('Node', '', nodeName);
  if (!node) throw statusErrors.notFound('nodes', '', nodeName);
  return node;
}

/** addOrUpdateTaintOnNode adds the taints to the node (replacing those of the same key and effect) in one write. */
export function addOrUpdateTaintOnNode(client: ApiClient, nodeName: string, taints: readonly Taint[], ctx: WriteContext): void {
  if (taints.length === 0) return;
  const oldNode = getNode(client, nodeName);
  let current = oldNode.spec?.taints ?? [];
  let updated = false;
  for (const taint of taints) {
    const result = addOrUpdateTaint(current, taint);
    updated = updated || result.updated;
    current = result.taints;
  }
  if (!updated) return;
  client.patch('Node', '', nodeName, { spec: { taints: current } }, ctx);
}

/**
 * removeTaintOffNode removes the taints from the node in one write. Given the node the caller last saw, it makes no
 * API call when none of the taints is on it.
 */
export function removeTaintOffNode(client: ApiClient, nodeName: string, node: NodeObject | undefined, taints: readonly Taint[], ctx: WriteContext): void {
  if (taints.length === 0) return;
  if (node && !taints.some((t) => taintExists(node.spec?.taints, t))) return;
  const oldNode = getNode(client, nodeName);
  let current = oldNode.spec?.taints ?? [];
  let updated = false;
  for (const taint of taints) {
    const result = removeTaint(current, taint);
    updated = updated || result.removed;
    current = result.taints;
  }
  if (!updated) return;
  client.patch('Node', '', nodeName, { spec: { taints: current.length > 0 ? current : null } }, ctx);
}

/** SwapReasons narrates the two writes of a swap: the taints added, then the taints removed. */
export interface SwapReasons {
  add: WriteContext;
  remove: WriteContext;
}

/**
 * swapNodeControllerTaint stamps timeAdded on the taints to add, adds them, then removes `taintsToRemove`; it returns
 * false when a write failed (the caller tries again on its next pass).
 */
export function swapNodeControllerTaint(
  client: ApiClient,
  now: VirtualMs,
  taintsToAdd: readonly Taint[],
  taintsToRemove: readonly Taint[],
  node: NodeObject,
  reasons: SwapReasons,
): boolean {
  const stamped = taintsToAdd.map((t) => ({ ...t, timeAdded: rfc3339(now) }));
  try {
    addOrUpdateTaintOnNode(client, node.metadata.name ?? '', stamped, reasons.add);
    removeTaintOffNode(client, node.metadata.name ?? '', node, taintsToRemove, reasons.remove);
  } catch {
    return false;
  }
  return true;
}
