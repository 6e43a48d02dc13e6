// Mirrors AddPodNodeNameIndexer of pkg/controller/controller_utils.go and the getPodsAssignedToNode closures of the
// node lifecycle and taint eviction controllers: a shared pod informer index by spec.nodeName.
import type { Informer } from '../../client/informer';
import type { PodObject } from '../controllerUtils';

/** NODE_NAME_KEY_INDEX names the pod index by the node a pod is bound to. */
export const NODE_NAME_KEY_INDEX = 'spec.nodeName';

/** addPodNodeNameIndexer indexes bound pods by node name; unbound pods are not indexed. */
export function addPodNodeNameIndexer(podInformer: Informer<PodObject>): void {
  podInformer.addIndexer(NODE_NAME_KEY_INDEX, (pod) => (pod.spec?.nodeName ? [pod.spec.nodeName] : []));
}

/** getPodsAssignedToNode lists the pods bound to the node, from the informer cache, in namespace/name order. */
export function getPodsAssignedToNode(podInformer: Informer<PodObject>, nodeName: string): PodObject[] {
  return podInformer.byIndex(NODE_NAME_KEY_INDEX, nodeName);
}
