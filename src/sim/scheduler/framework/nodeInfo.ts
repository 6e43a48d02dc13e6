// Mirrors NodeInfo and ImageStateSummary of pkg/scheduler/framework/types.go; leaves out PVCRefCounts and
// DRA/pod-level resource accounting. Not upstream: pod counts kept up to date (podCounts), and what nodes alike or a
// node's copies have in common (allocatable, image snapshots, pod counts) is shared rather than copied.
import type { Node, Pod } from 'kubernetes-types/core/v1';
import { HostPortInfo, getHostPorts } from './hostPortInfo';
import { snapshotImageStates } from './imageStates';
import { PodCounts } from './podCounts';
import { PodInfo, podWithAffinity, podWithRequiredAntiAffinity } from './podInfo';
import { Resource, newResource } from './resource';

/** ImageStateSummary provides summarized information about the state of an image on the nodes. */
export interface ImageStateSummary {
  /** size of the image in bytes. */
  size: number;
  /** numNodes is the number of nodes that have this image. */
  numNodes: number;
  /**
   * nodes is the cache's live set of nodes having the image (cache NodeInfos only); snapshot() turns it into
   * numNodes, as upstream's ImageStateSummary.Snapshot does.
   */
  nodes?: ReadonlySet<string>;
}

/**
 * Parsed allocatables by their text. Nodes alike share one Resource, so that the filter and score loops read the
 * same object for every node; an allocatable is replaced when its node changes, never changed in place. Bounded.
 */
const allocatables = new Map<string, Resource>();
const MAX_ALLOCATABLES = 256;

function allocatableOf(list: Record<string, string> | undefined): Resource {
  const key = JSON.stringify(list ?? null);
  let r = allocatables.get(key);
  if (!r) {
    if (allocatables.size >= MAX_ALLOCATABLES) allocatables.clear();
    allocatables.set(key, (r = newResource(list)));
  }
  return r;
}

let generation = 0;

/** nextGeneration returns the next generation number; every NodeInfo change takes a new one. */
export function nextGeneration(): number {
  return ++generation;
}

/**
 * NodeInfo is node level aggregated information: the node, the pods on it (bound or assumed), their summed
 * requests and the host ports and images in use. Snapshot NodeInfos always have a node.
 */
export class NodeInfo {
  /** node is the Node object; undefined in the cache while pods name a node the cache has not seen yet. */
  node: Node | undefined = undefined;
  /** pods running (or assumed) on the node. */
  pods: PodInfo[] = [];
  /** podCounts are counts of the pods by key, kept up to date as pods come and go; copies share them. Not upstream. */
  podCounts = new PodCounts();
  /** podsWithAffinity is the subset of pods with pod affinity or anti-affinity. */
  podsWithAffinity: PodInfo[] = [];
  /** podsWithRequiredAntiAffinity is the subset of pods with required anti-affinity. */
  podsWithRequiredAntiAffinity: PodInfo[] = [];
  /** usedPorts are the ports allocated on the node. */
  usedPorts = new HostPortInfo();
  /** requested is the total requested resources of all pods on this node (real requests, may be 0). */
  requested = new Resource();
  /**
   * nonZeroRequested is the total requested resources of all pods on this node with a minimum value applied
   * to each container's CPU and memory requests (100m / 200Mi). Used for scoring only.
   */
  nonZeroRequested = new Resource();
  /** allocatable is the node's status.allocatable, parsed when the node is set; read-only, shared by nodes alike. */
  allocatable = new Resource();
  /** imageStates holds the entry of an image if and only if this image is on the node; a snapshot's may be shared. */
  imageStates = new Map<string, ImageStateSummary>();
  /** generation is bumped whenever any field of this NodeInfo changes. */
  generation = nextGeneration();

  constructor(...pods: Pod[]) {
    for (const p of pods) this.addPod(p);
  }

  /** name caches node.metadata.name: the scheduling loops ask for it for every node. */
  private name = '';

  /** nodeName returns the node's name, or '' when the node is not set. */
  nodeName(): string {
    return this.name;
  }

  /** setNode sets the overall node information and parses its allocatable. */
  setNode(node: Node): void {
    this.node = node;
    this.name = node.metadata?.name ?? '';
    this.allocatable = allocatableOf(node.status?.allocatable as Record<string, string> | undefined);
    this.generation = nextGeneration();
  }

  /** removeNode removes the node object, leaving all other tracking information. */
  removeNode(): void {
    this.node = undefined;
    this.name = '';
    this.generation = nextGeneration();
  }

  /** addPod is a wrapper around addPodInfo. */
  addPod(pod: Pod): void {
    this.addPodInfo(new PodInfo(pod));
  }

  /** addPodInfo adds a pod and updates requested resources, used ports and the affinity lists. */
  addPodInfo(podInfo: PodInfo): void {
    this.pods.push(podInfo);
    if (podWithAffinity(podInfo.pod)) this.podsWithAffinity.push(podInfo);
    if (podWithRequiredAntiAffinity(podInfo.pod)) this.podsWithRequiredAntiAffinity.push(podInfo);
    this.update(podInfo, 1);
  }

  /**
   * removePod subtracts a pod (matched by uid) from the node. Like upstream the last pod takes the removed pod's
   * place, so the order of `pods` changes. Returns the removed PodInfo; throws when the pod is not on this node.
   */
  removePod(pod: Pod): PodInfo {
    const uid = pod.metadata?.uid;
    removeFromSlice(this.podsWithAffinity, uid);
    removeFromSlice(this.podsWithRequiredAntiAffinity, uid);
    const removed = removeFromSlice(this.pods, uid);
    if (!removed) {
      throw new Error(`no corresponding pod ${pod.metadata?.name} in pods of node ${this.nodeName()}`);
    }
    this.update(removed, -1);
    return removed;
  }

  private update(podInfo: PodInfo, sign: number): void {
    const res = podInfo.calculateResource();
    this.requested.addResource(res.resource, sign);
    this.nonZeroRequested.milliCPU += sign * res.non0CPU;
    this.nonZeroRequested.memory += sign * res.non0Mem;
    for (const p of getHostPorts(podInfo.pod)) {
      if (sign > 0) this.usedPorts.add(p.hostIP ?? '', p.protocol ?? '', p.hostPort ?? 0);
      else this.usedPorts.remove(p.hostIP ?? '', p.protocol ?? '', p.hostPort ?? 0);
    }
    this.generation = nextGeneration();
    this.podCounts = this.podCounts.withPod(podInfo.pod, sign);
  }

  /**
   * snapshot returns a copy of this NodeInfo that can be changed (preemption removes victims from it) without
   * touching the original. PodInfos are shared: they are immutable.
   */
  snapshot(): NodeInfo {
    const clone = new NodeInfo();
    this.copyTo(clone);
    return clone;
  }

  /**
   * copyTo makes `target` a copy of this NodeInfo, as snapshot() does. The cache refreshes its snapshot's NodeInfos
   * in place this way: the target keeps its own lists and Resources, refilled, which stay next to it in memory
   * (the scheduling loops read them for every node) and are no one else's.
   */
  copyTo(target: NodeInfo): void {
    target.node = this.node;
    target.name = this.name;
    refill(target.pods, this.pods);
    target.podCounts = this.podCounts;
    refill(target.podsWithAffinity, this.podsWithAffinity);
    refill(target.podsWithRequiredAntiAffinity, this.podsWithRequiredAntiAffinity);
    target.usedPorts = this.usedPorts.clone();
    target.requested.assign(this.requested);
    target.nonZeroRequested.assign(this.nonZeroRequested);
    target.allocatable = this.allocatable;
    target.imageStates = snapshotImageStates(this.imageStates);
    target.generation = this.generation;
  }
}

/** refill makes `list` hold the items of `from`, in order: overwritten and appended, so it stays without holes. */
function refill<T>(list: T[], from: readonly T[]): void {
  for (let i = 0; i < from.length; i++) list[i] = from[i];
  if (list.length > from.length) list.length = from.length;
}

/**
 * removeFromSlice removes the PodInfo with the uid, the last one taking its place. It searches from the end, where
 * the pod the scheduler just assumed is when its binding confirms it; a uid is on a node at most once (the cache
 * keys pods by uid), so the result is upstream's, which searches from the start.
 */
function removeFromSlice(s: PodInfo[], uid: string | undefined): PodInfo | undefined {
  for (let i = s.length - 1; i >= 0; i--) {
    if (s[i].pod.metadata?.uid === uid) {
      const removed = s[i];
      s[i] = s[s.length - 1];
      s.pop();
      return removed;
    }
  }
  return undefined;
}
