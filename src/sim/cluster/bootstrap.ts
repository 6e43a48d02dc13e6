import type { KubeObject } from '../api/object';
import type { ApiClient } from '../store/types';

const KUBEADM = { actor: 'kubeadm', reason: 'created at cluster bootstrap, as kubeadm init does' };

function namespace(name: string): KubeObject {
  return { apiVersion: 'v1', kind: 'Namespace', metadata: { name } };
}

function priorityClass(name: string, value: number, description: string): KubeObject {
  return { apiVersion: 'scheduling.k8s.io/v1', kind: 'PriorityClass', metadata: { name }, value, description };
}

/**
 * bootstrap creates what every kubeadm cluster has before the first user command: the four initial namespaces and
 * the two built-in PriorityClasses (pkg/apis/scheduling SystemPriorityClasses).
 */
export function bootstrap(client: ApiClient): void {
  for (const name of ['default', 'kube-node-lease', 'kube-public', 'kube-system']) client.create(namespace(name), KUBEADM);
  client.create(priorityClass('system-cluster-critical', 2000000000, 'Used for system critical pods that must run in the cluster, but can be moved to another node if necessary.'), KUBEADM);
  client.create(priorityClass('system-node-critical', 2000001000, 'Used for system critical pods that must not be moved from their current node.'), KUBEADM);
}
