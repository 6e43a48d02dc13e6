// Mirrors pkg/scheduler/backend/cache/cache.go; leaves out assumed-pod expiry (bindings here are synchronous,
// so an assumed pod is always confirmed or forgotten within its own cycle) and the PVC bookkeeping.
import type { Node, Pod } from 'kubernetes-types/core/v1';
import { NodeInfo } from '../framework/nodeInfo';
import { PodInfo } from '../framework/podInfo';
import { NodeTree } from './nodeTree';
import type { Snapshot } from './snapshot';

/** NodeInfoListItem holds a NodeInfo in a doubly linked list ordered by most recent update. */
interface NodeInfoListItem {
  info: NodeInfo;
  next: NodeInfoListItem | undefined;
  prev: NodeInfoListItem | undefined;
}

interface ImageState {
  size: number;
  nodes: Set<string>;
}

function podKey(pod: Pod): string {
  const uid = pod.metadata?.uid;
  if (!uid) throw new Error('cannot get cache key for pod with empty UID');
  return uid;
}

/**
 * Cache collects pods' information and provides node-level aggregated information. It keeps the NodeInfos in a
 * list ordered by last update, so that updateSnapshot copies only what changed since the previous cycle: with
 * one pod bound per cycle, that is usually a single NodeInfo.
 */
export class Cache {
  private readonly nodes = new Map<string, NodeInfoListItem>();
  /** headNode points to the most recently updated NodeInfo in "nodes"; it is the head of a linked list. */
  private headNode: NodeInfoListItem | undefined;
  private readonly nodeTree = new NodeTree();
  /** podStates maps pod keys (uids) to the cached pods. */
  private readonly podStates = new Map<string, Pod>();
  /** assumedPods are pods the scheduler placed but whose binding the watch has not confirmed yet. */
  private readonly assumedPods = new Set<string>();
  /** imageStates maps image names to their size and the nodes that have them. */
  private readonly imageStates = new Map<string, ImageState>();

  /** nodeCount returns the number of nodes in the cache (the node tree). */
  nodeCount(): number {
    return this.nodeTree.numNodes;
  }

  /** podCount returns the number of pods in the cache, assumed ones included. */
  podCount(): number {
    return this.podStates.size;
  }

  /** nodeInfo returns the cache's live NodeInfo of a node: read it, never change it. */
  nodeInfo(name: string): NodeInfo | undefined {
    return this.nodes.get(name)?.info;
  }

  /** isAssumedPod returns true if the pod is assumed and not yet confirmed by a watch event. */
  isAssumedPod(pod: Pod): boolean {
    return this.assumedPods.has(podKey(pod));
  }

  /** getPod returns the cached version of the pod, if any. */
  getPod(pod: Pod): Pod | undefined {
    return this.podStates.get(podKey(pod));
  }

  /**
   * assumePod adds a pod (with spec.nodeName set) as if it were bound, ahead of the binding's watch event. The
   * scheduler passes the PodInfo it already has, so the pod is not parsed again.
   */
  assumePod(podInfo: PodInfo): void {
    const pod = podInfo.pod;
    const key = podKey(pod);
    if (this.podStates.has(key)) throw new Error(`pod ${key}(${pod.metadata?.namespace}/${pod.metadata?.name}) is in the cache, so can't be assumed`);
    this.addPodInternal(pod, true, podInfo);
  }

  /** forgetPod removes an assumed pod from the cache (its binding failed). */
  forgetPod(pod: Pod): void {
    const key = podKey(pod);
    const cur = this.podStates.get(key);
    if (cur && cur.spec?.nodeName !== pod.spec?.nodeName) {
      throw new Error(`pod ${key} was assumed on ${pod.spec?.nodeName} but assigned to ${cur.spec?.nodeName}`);
    }
    if (cur && this.assumedPods.has(key)) {
      this.removePodInternal(pod);
      return;
    }
    throw new Error(`pod ${key} wasn't assumed so cannot be forgotten`);
  }

  /** addPod confirms an assumed pod with the bound version, or adds a pod bound by someone else. */
  addPod(pod: Pod): void {
    const key = podKey(pod);
    const cur = this.podStates.get(key);
    if (cur && this.assumedPods.has(key)) {
      // When assuming, we've already added the pod to the cache; update it to keep the status up to date. The
      // bound pod is the assumed one plus the binding, so its PodInfo (parsed terms and requests) is kept.
      const pi = this.removePodInternal(cur);
      if (pi && cur.spec?.nodeName === pod.spec?.nodeName) {
        pi.pod = pod;
        this.addPodInternal(pod, false, pi);
      } else {
        this.addPodInternal(pod, false);
      }
      return;
    }
    if (!cur) {
      this.addPodInternal(pod, false);
      return;
    }
    throw new Error(`pod ${key} was already in added state`);
  }

  /** updatePod replaces a bound pod's cached version. */
  updatePod(oldPod: Pod, newPod: Pod): void {
    const key = podKey(oldPod);
    const cur = this.podStates.get(key);
    if (!cur) throw new Error(`pod ${key} is not added to scheduler cache, so cannot be updated`);
    // An assumed pod won't have Update/Remove event: it needs an Add event first, which confirms it.
    if (this.assumedPods.has(key)) throw new Error(`assumed pod ${key} should not be updated`);
    const removed = this.removePodInternal(cur);
    // A status update leaves the spec object as it was: its parsed PodInfo still holds.
    const same = removed && cur.spec === newPod.spec && cur.metadata?.uid === newPod.metadata?.uid;
    this.addPodInternal(newPod, false, same ? removed.withPod(newPod) : undefined);
  }

  /** removePod removes a bound pod (deleted from the API). */
  removePod(pod: Pod): void {
    const key = podKey(pod);
    const cur = this.podStates.get(key);
    if (!cur) throw new Error(`pod ${key} is not found in scheduler cache, so cannot be removed from it`);
    this.removePodInternal(cur);
  }

  private addPodInternal(pod: Pod, assumed: boolean, podInfo?: PodInfo): void {
    const key = podKey(pod);
    const nodeName = pod.spec?.nodeName ?? '';
    let n = this.nodes.get(nodeName);
    if (!n) {
      n = { info: new NodeInfo(), next: undefined, prev: undefined };
      this.nodes.set(nodeName, n);
    }
    n.info.addPodInfo(podInfo ?? new PodInfo(pod));
    this.moveNodeInfoToHead(nodeName);
    this.podStates.set(key, pod);
    if (assumed) this.assumedPods.add(key);
  }

  private removePodInternal(pod: Pod): PodInfo | undefined {
    const key = podKey(pod);
    const nodeName = pod.spec?.nodeName ?? '';
    const n = this.nodes.get(nodeName);
    let removed: PodInfo | undefined;
    if (n) {
      removed = n.info.removePod(pod);
      if (n.info.pods.length === 0 && !n.info.node) this.removeNodeInfoFromList(nodeName);
      else this.moveNodeInfoToHead(nodeName);
    }
    this.podStates.delete(key);
    this.assumedPods.delete(key);
    return removed;
  }

  /** addNode adds (or replaces) a node's overall information. */
  addNode(node: Node): void {
    const name = node.metadata?.name ?? '';
    let n = this.nodes.get(name);
    if (!n) {
      n = { info: new NodeInfo(), next: undefined, prev: undefined };
      this.nodes.set(name, n);
    } else if (n.info.node) {
      this.removeNodeImageStates(n.info.node);
    }
    this.moveNodeInfoToHead(name);
    this.nodeTree.addNode(node);
    this.addNodeImageStates(node, n.info);
    n.info.setNode(node);
  }

  /** updateNode updates a node's overall information (labels, taints, allocatable, images, ...). */
  updateNode(oldNode: Node, newNode: Node): void {
    const name = newNode.metadata?.name ?? '';
    let n = this.nodes.get(name);
    if (!n) {
      n = { info: new NodeInfo(), next: undefined, prev: undefined };
      this.nodes.set(name, n);
      this.nodeTree.addNode(newNode);
    } else if (n.info.node) {
      this.removeNodeImageStates(n.info.node);
    }
    this.moveNodeInfoToHead(name);
    this.nodeTree.updateNode(oldNode, newNode);
    this.addNodeImageStates(newNode, n.info);
    n.info.setNode(newNode);
  }

  /**
   * removeNode removes a node. Its NodeInfo stays while pods still name it, because pod deletions arrive on
   * another watch and may be observed after the node's.
   */
  removeNode(node: Node): void {
    const name = node.metadata?.name ?? '';
    const n = this.nodes.get(name);
    if (!n) throw new Error(`node ${name} is not found`);
    n.info.removeNode();
    if (n.info.pods.length === 0) this.removeNodeInfoFromList(name);
    else this.moveNodeInfoToHead(name);
    this.nodeTree.removeNode(node);
    this.removeNodeImageStates(node);
  }

  /**
   * addNodeImageStates adds the node's images to the cache's image states and gives the NodeInfo a summary per
   * image name that shares the cache's live set of nodes having the image.
   */
  private addNodeImageStates(node: Node, nodeInfo: NodeInfo): void {
    const name = node.metadata?.name ?? '';
    const summaries = new Map<string, { size: number; numNodes: number; nodes: ReadonlySet<string> }>();
    for (const image of node.status?.images ?? []) {
      for (const imageName of image.names ?? []) {
        let state = this.imageStates.get(imageName);
        if (!state) {
          state = { size: image.sizeBytes ?? 0, nodes: new Set([name]) };
          this.imageStates.set(imageName, state);
        } else {
          state.nodes.add(name);
        }
        if (!summaries.has(imageName)) summaries.set(imageName, { size: state.size, numNodes: state.nodes.size, nodes: state.nodes });
      }
    }
    nodeInfo.imageStates = summaries;
  }

  private removeNodeImageStates(node: Node): void {
    const name = node.metadata?.name ?? '';
    for (const image of node.status?.images ?? []) {
      for (const imageName of image.names ?? []) {
        const state = this.imageStates.get(imageName);
        if (!state) continue;
        state.nodes.delete(name);
        if (state.nodes.size === 0) this.imageStates.delete(imageName);
      }
    }
  }

  /** moveNodeInfoToHead moves a NodeInfo to the head of the list: it is the most recently updated. */
  private moveNodeInfoToHead(name: string): void {
    const ni = this.nodes.get(name);
    if (!ni || ni === this.headNode) return;
    if (ni.prev) ni.prev.next = ni.next;
    if (ni.next) ni.next.prev = ni.prev;
    if (this.headNode) this.headNode.prev = ni;
    ni.next = this.headNode;
    ni.prev = undefined;
    this.headNode = ni;
  }

  private removeNodeInfoFromList(name: string): void {
    const ni = this.nodes.get(name);
    if (!ni) return;
    if (ni.prev) ni.prev.next = ni.next;
    if (ni.next) ni.next.prev = ni.prev;
    if (ni === this.headNode) this.headNode = ni.next;
    this.nodes.delete(name);
  }

  /**
   * updateSnapshot takes a snapshot of the cached NodeInfos. Only NodeInfos changed since the snapshot's
   * generation are copied; the lists are rebuilt when nodes came or went, or when a node started or stopped
   * holding pods with (anti-)affinity.
   */
  updateSnapshot(snapshot: Snapshot): void {
    const snapshotGeneration = snapshot.generation;
    let updateAllLists = false;
    let updateAffinityLists = false;
    for (let item = this.headNode; item; item = item.next) {
      if (item.info.generation <= snapshotGeneration) break;
      const node = item.info.node;
      if (!node) continue;
      const name = node.metadata?.name ?? '';
      let existing = snapshot.nodeInfoMap.get(name);
      if (!existing) {
        updateAllLists = true;
        existing = new NodeInfo();
        snapshot.nodeInfoMap.set(name, existing);
      }
      const info = item.info;
      if (existing.podsWithAffinity.length > 0 !== info.podsWithAffinity.length > 0) updateAffinityLists = true;
      if (existing.podsWithRequiredAntiAffinity.length > 0 !== info.podsWithRequiredAntiAffinity.length > 0) updateAffinityLists = true;
      // Keep the existing object: the snapshot lists hold it.
      info.copyTo(existing);
    }
    if (this.headNode) snapshot.generation = this.headNode.info.generation;
    // Deleted nodes leave the tree, but may stay in `nodes` while pods still name them.
    if (snapshot.nodeInfoMap.size > this.nodeTree.numNodes) {
      for (const name of [...snapshot.nodeInfoMap.keys()]) {
        const n = this.nodes.get(name);
        if (!n || !n.info.node) snapshot.nodeInfoMap.delete(name);
      }
      updateAllLists = true;
    }
    if (updateAllLists || updateAffinityLists) this.updateNodeInfoSnapshotList(snapshot, updateAllLists);
  }

  private updateNodeInfoSnapshotList(snapshot: Snapshot, updateAll: boolean): void {
    if (updateAll) {
      snapshot.nodeInfoList = [];
      for (const name of this.nodeTree.list()) {
        const ni = snapshot.nodeInfoMap.get(name);
        if (ni) snapshot.nodeInfoList.push(ni);
      }
    }
    snapshot.havePodsWithAffinityNodeInfoList = snapshot.nodeInfoList.filter((ni) => ni.podsWithAffinity.length > 0);
    snapshot.havePodsWithRequiredAntiAffinityNodeInfoList = snapshot.nodeInfoList.filter((ni) => ni.podsWithRequiredAntiAffinity.length > 0);
  }
}
