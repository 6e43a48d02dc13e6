// Mirrors pkg/scheduler/backend/cache/snapshot.go; leaves out the PVC set.
import type { Node, Pod } from 'kubernetes-types/core/v1';
import type { NodeInfoLister, SharedLister } from '../framework/interface';
import { NodeInfo, type ImageStateSummary } from '../framework/nodeInfo';

/**
 * Snapshot is a snapshot of cache NodeInfo and NodeTree order. The scheduler takes a snapshot at the beginning
 * of each scheduling cycle and uses it for its operations in that cycle, so the cycle sees one consistent
 * cluster even while its own writes (bind, preemption) are being applied to the cache.
 */
export class Snapshot implements SharedLister, NodeInfoLister {
  /** nodeInfoMap is a map of node name to a snapshot of its NodeInfo. */
  nodeInfoMap = new Map<string, NodeInfo>();
  /** nodeInfoList is the list of nodes as ordered in the cache's nodeTree. */
  nodeInfoList: NodeInfo[] = [];
  /** havePodsWithAffinityNodeInfoList is the list of nodes with at least one pod declaring affinity terms. */
  havePodsWithAffinityNodeInfoList: NodeInfo[] = [];
  /** havePodsWithRequiredAntiAffinityNodeInfoList is the list of nodes with at least one pod declaring required anti-affinity terms. */
  havePodsWithRequiredAntiAffinityNodeInfoList: NodeInfo[] = [];
  /** generation is the highest NodeInfo generation copied into this snapshot. */
  generation = 0;

  nodeInfos(): NodeInfoLister {
    return this;
  }

  /** numNodes returns the number of nodes in the snapshot. */
  numNodes(): number {
    return this.nodeInfoList.length;
  }

  list(): NodeInfo[] {
    return this.nodeInfoList;
  }

  havePodsWithAffinityList(): NodeInfo[] {
    return this.havePodsWithAffinityNodeInfoList;
  }

  havePodsWithRequiredAntiAffinityList(): NodeInfo[] {
    return this.havePodsWithRequiredAntiAffinityNodeInfoList;
  }

  get(nodeName: string): NodeInfo | undefined {
    return this.nodeInfoMap.get(nodeName);
  }
}

/**
 * newSnapshot initializes a Snapshot from pods and nodes, for tests: NodeInfos in the order of `nodes`, with
 * image states counted over all the nodes.
 */
export function newSnapshot(pods: readonly Pod[], nodes: readonly Node[]): Snapshot {
  const imageNodes = new Map<string, Set<string>>();
  for (const node of nodes) {
    for (const image of node.status?.images ?? []) {
      for (const name of image.names ?? []) {
        if (!imageNodes.has(name)) imageNodes.set(name, new Set());
        imageNodes.get(name)!.add(node.metadata?.name ?? '');
      }
    }
  }
  const s = new Snapshot();
  for (const node of nodes) {
    const ni = new NodeInfo();
    ni.setNode(node);
    const states = new Map<string, ImageStateSummary>();
    for (const image of node.status?.images ?? []) {
      for (const name of image.names ?? []) states.set(name, { size: image.sizeBytes ?? 0, numNodes: imageNodes.get(name)!.size });
    }
    ni.imageStates = states;
    s.nodeInfoMap.set(node.metadata?.name ?? '', ni);
    s.nodeInfoList.push(ni);
  }
  for (const pod of pods) s.nodeInfoMap.get(pod.spec?.nodeName ?? '')?.addPod(pod);
  for (const ni of s.nodeInfoList) {
    if (ni.podsWithAffinity.length > 0) s.havePodsWithAffinityNodeInfoList.push(ni);
    if (ni.podsWithRequiredAntiAffinity.length > 0) s.havePodsWithRequiredAntiAffinityNodeInfoList.push(ni);
  }
  return s;
}
