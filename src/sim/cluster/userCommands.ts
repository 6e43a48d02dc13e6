import type { Pod } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../api/object';
import type { ApiClient } from '../store/types';

/**
 * The kubectl commands a user runs against nodes and workloads, as kubectl implements them on the client side:
 * each is one or more ordinary API writes by `user`, narrated with kubectl's own output line.
 */

/** cordon is `kubectl cordon`: mark the node unschedulable. Returns kubectl's output. */
export function cordon(client: ApiClient, node: string): string {
  return setUnschedulable(client, node, true);
}

/** uncordon is `kubectl uncordon`. */
export function uncordon(client: ApiClient, node: string): string {
  return setUnschedulable(client, node, false);
}

function setUnschedulable(client: ApiClient, node: string, unschedulable: boolean): string {
  const verb = unschedulable ? 'cordoned' : 'uncordoned';
  const current = client.get('Node', '', node);
  if (!current) return `Error from server (NotFound): nodes "${node}" not found`;
  if (Boolean((current.spec as { unschedulable?: boolean })?.unschedulable) === unschedulable) return `node/${node} already ${verb}`;
  client.patch('Node', '', node, { spec: { unschedulable: unschedulable ? true : null } }, {
    actor: 'user',
    reason: `kubectl ${unschedulable ? 'cordon' : 'uncordon'} ${node}: the scheduler ${unschedulable ? 'will place no new pods' : 'may place pods again'} on ${node}`,
  });
  return `node/${node} ${verb}`;
}

/**
 * drain is `kubectl drain --ignore-daemonsets --delete-emptydir-data`: cordon, then evict every pod on the node
 * except DaemonSet-managed and mirror (static) pods. Eviction is a graceful delete; PodDisruptionBudgets are not
 * simulated yet, so no eviction is refused.
 */
export function drain(client: ApiClient, node: string): string[] {
  const out = [cordon(client, node)];
  const pods = client.list<Pod & KubeObject>('Pod', { fieldSelector: `spec.nodeName=${node}` });
  const skipped = pods.filter(isDaemonSetOrMirror);
  if (skipped.length > 0) {
    out.push(`Warning: ignoring DaemonSet-managed Pods: ${skipped.map((p) => `${p.metadata.namespace}/${p.metadata.name}`).join(', ')}`);
  }
  for (const pod of pods) {
    if (isDaemonSetOrMirror(pod) || pod.metadata.deletionTimestamp) continue;
    out.push(`evicting pod ${pod.metadata.namespace}/${pod.metadata.name}`);
    client.delete('Pod', pod.metadata.namespace ?? 'default', pod.metadata.name ?? '', {
      actor: 'user',
      reason: `kubectl drain ${node}: evicted pod ${pod.metadata.name} so the node can be emptied`,
    });
  }
  out.push(`node/${node} drained`);
  return out;
}

function isDaemonSetOrMirror(pod: Pod & KubeObject): boolean {
  const mirror = pod.metadata.annotations?.['kubernetes.io/config.mirror'] !== undefined;
  return mirror || (pod.metadata.ownerReferences ?? []).some((r) => r.controller && r.kind === 'DaemonSet');
}

/** scale is `kubectl scale deployment/<name> --replicas=N`. */
export function scale(client: ApiClient, kind: string, namespace: string, name: string, replicas: number): string {
  const resource = `${kind.toLowerCase()}.apps/${name}`;
  client.patch(kind, namespace, name, { spec: { replicas } }, { actor: 'user', reason: `kubectl scale ${resource} --replicas=${replicas}` });
  return `${resource} scaled`;
}

/** setImage is `kubectl set image deployment/<name> <container>=<image>` for the first (or named) container. */
export function setImage(client: ApiClient, namespace: string, name: string, image: string, container?: string): string {
  const deployment = client.get('Deployment', namespace, name);
  if (!deployment) return `Error from server (NotFound): deployments.apps "${name}" not found`;
  const next = structuredClone(deployment) as KubeObject & { spec: { template: { spec: { containers: { name: string; image?: string }[] } } } };
  const containers = next.spec.template.spec.containers;
  const target = containers.find((c) => c.name === container) ?? containers[0];
  if (!target) return `error: unable to find container named "${container}"`;
  if (target.image === image) return `deployment.apps/${name} image updated`;
  target.image = image;
  client.update(next, { actor: 'user', reason: `kubectl set image deployment/${name} ${target.name}=${image}: a new pod template starts a rollout` });
  return `deployment.apps/${name} image updated`;
}
