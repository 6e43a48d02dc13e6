// Mirrors pkg/kubelet/config/apiserver.go: each kubelet watches only the pods bound to its node (the API server's
// field selector spec.nodeName=<node>). Here one shared pod informer, indexed by node name, routes events to kubelets.
import type { Pod } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../api/object';
import type { Informer } from '../../client/informer';

type PodObject = Pod & KubeObject;

/** PodChange tells a kubelet that a pod bound to its node was added, changed or deleted. */
export type PodChangeHandler = (pod: PodObject, deleted: boolean) => void;

export const NODE_NAME_INDEX = 'spec.nodeName';

const sources = new WeakMap<Informer<PodObject>, NodePodSource>();

/** NodePodSource dispatches pod events to the kubelet of the pod's node. */
export class NodePodSource {
  /** for returns the one source of a shared pod informer. */
  static for(informer: Informer<PodObject>): NodePodSource {
    let source = sources.get(informer);
    if (!source) sources.set(informer, (source = new NodePodSource(informer)));
    return source;
  }

  private readonly handlers = new Map<string, PodChangeHandler>();

  private constructor(private readonly informer: Informer<PodObject>) {
    informer.addIndexer(NODE_NAME_INDEX, (pod) => (pod.spec?.nodeName ? [pod.spec.nodeName] : []));
    informer.addEventHandler({
      add: (pod) => this.route(pod, false),
      update: (_old, pod) => this.route(pod, false),
      delete: (pod) => this.route(pod, true),
    });
  }

  /** register subscribes a kubelet to its node's pods. */
  register(nodeName: string, handler: PodChangeHandler): void {
    this.handlers.set(nodeName, handler);
  }

  /** podsOn lists the pods bound to a node, from the informer's cache. */
  podsOn(nodeName: string): PodObject[] {
    return this.informer.byIndex(NODE_NAME_INDEX, nodeName);
  }

  /** get is the cached pod. */
  get(namespace: string, name: string): PodObject | undefined {
    return this.informer.get(namespace, name);
  }

  private route(pod: PodObject, deleted: boolean): void {
    const node = pod.spec?.nodeName;
    if (node) this.handlers.get(node)?.(pod, deleted);
  }
}
