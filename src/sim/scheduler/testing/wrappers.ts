// Mirrors pkg/scheduler/testing/wrappers.go (MakePod / MakeNode builders), reduced to what our tests use.
import type { Container, ContainerPort, Node, Pod, Taint, Toleration } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../api/object';
import { NodeInfo } from '../framework/nodeInfo';

export type TestPod = Pod & KubeObject;
export type TestNode = Node & KubeObject;

/** PodWrapper builds a Pod step by step; obj() returns it. */
export class PodWrapper {
  readonly pod: TestPod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: '', namespace: 'default', uid: '' },
    spec: { containers: [], schedulerName: 'default-scheduler' },
    status: { phase: 'Pending' },
  };

  name(name: string): this {
    this.pod.metadata = { ...this.pod.metadata, name, uid: this.pod.metadata.uid || `uid-${name}` };
    return this;
  }
  namespace(ns: string): this {
    this.pod.metadata.namespace = ns;
    return this;
  }
  uid(uid: string): this {
    this.pod.metadata = { ...this.pod.metadata, uid };
    return this;
  }
  label(k: string, v: string): this {
    this.pod.metadata.labels = { ...this.pod.metadata.labels, [k]: v };
    return this;
  }
  priority(p: number): this {
    this.pod.spec!.priority = p;
    return this;
  }
  node(nodeName: string): this {
    this.pod.spec!.nodeName = nodeName;
    return this;
  }
  schedulerName(name: string): this {
    this.pod.spec!.schedulerName = name;
    return this;
  }
  nodeSelector(sel: Record<string, string>): this {
    this.pod.spec!.nodeSelector = sel;
    return this;
  }
  toleration(t: Toleration): this {
    this.pod.spec!.tolerations = [...(this.pod.spec!.tolerations ?? []), t];
    return this;
  }
  /** container adds a container with the given image and (optional) requests, e.g. `{cpu: '100m'}`. */
  container(image: string, requests?: Record<string, string>, ports?: ContainerPort[]): this {
    const c: Container = { name: `con${this.pod.spec!.containers.length}`, image };
    if (requests) c.resources = { requests };
    if (ports) c.ports = ports;
    this.pod.spec!.containers.push(c);
    return this;
  }
  /** req adds a container requesting the given resources, as st.MakePod().Req(). */
  req(requests: Record<string, string>): this {
    return this.container('image', requests);
  }
  initReq(requests: Record<string, string>, restartPolicy?: string): this {
    const spec = this.pod.spec!;
    spec.initContainers = [...(spec.initContainers ?? []), { name: `init${spec.initContainers?.length ?? 0}`, image: 'image', resources: { requests }, restartPolicy }];
    return this;
  }
  hostPort(port: number, protocol = 'TCP', hostIP = ''): this {
    return this.container('image', undefined, [{ containerPort: port, hostPort: port, protocol, hostIP }]);
  }
  terminating(): this {
    this.pod.metadata = { ...this.pod.metadata, deletionTimestamp: '2024-01-01T00:00:00Z' };
    return this;
  }
  obj(): TestPod {
    return this.pod;
  }
}

/** makePod starts a PodWrapper. */
export function makePod(): PodWrapper {
  return new PodWrapper();
}

/** NodeWrapper builds a Node step by step. */
export class NodeWrapper {
  readonly node: TestNode = { apiVersion: 'v1', kind: 'Node', metadata: { name: '' }, spec: {}, status: {} };

  name(name: string): this {
    this.node.metadata = { ...this.node.metadata, name, uid: `uid-${name}` };
    this.node.metadata.labels = { 'kubernetes.io/hostname': name, ...this.node.metadata.labels };
    return this;
  }
  label(k: string, v: string): this {
    this.node.metadata.labels = { ...this.node.metadata.labels, [k]: v };
    return this;
  }
  /** capacity sets status.capacity and status.allocatable, as st.MakeNode().Capacity(). */
  capacity(resources: Record<string, string>): this {
    this.node.status!.capacity = { ...resources };
    this.node.status!.allocatable = { ...resources };
    return this;
  }
  taints(taints: Taint[]): this {
    this.node.spec!.taints = taints;
    return this;
  }
  unschedulable(u: boolean): this {
    this.node.spec!.unschedulable = u;
    return this;
  }
  images(images: Record<string, number>): this {
    this.node.status!.images = Object.entries(images).map(([name, sizeBytes]) => ({ names: [name], sizeBytes }));
    return this;
  }
  obj(): TestNode {
    return this.node;
  }
}

/** makeNode starts a NodeWrapper. */
export function makeNode(): NodeWrapper {
  return new NodeWrapper();
}

/** nodeInfoOf builds a NodeInfo holding the node and the pods, as framework.NewNodeInfo + SetNode. */
export function nodeInfoOf(node: Node, ...pods: Pod[]): NodeInfo {
  const ni = new NodeInfo(...pods);
  ni.setNode(node);
  return ni;
}
