import type { Deployment } from 'kubernetes-types/apps/v1';
import { createCluster, type Cluster, type KubeObject } from '../src/sim/index';

/**
 * End-to-end workload benchmarks through the whole simulated control plane (controllers, scheduler, kubelets with
 * their XState machines and probes): a large Deployment from apply until every pod is Ready, and a rolling update
 * of it, measured in pods per wall second and simulated seconds per wall second.
 */
export interface DeploymentRun {
  replicas: number;
  nodes: number;
  /** Wall seconds from apply until all replicas are available. */
  createSeconds: number;
  createPodsPerSecond: number;
  /** Virtual seconds that took. */
  createSimSeconds: number;
  /** Wall seconds and virtual seconds of the rolling update until the new ReplicaSet is fully available. */
  rollSeconds: number;
  rollSimSeconds: number;
  rollSimPerWall: number;
}

function manifest(replicas: number, image: string): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: ${replicas}
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
      - name: nginx
        image: ${image}
        resources:
          requests: {cpu: 10m, memory: 16Mi}
        readinessProbe:
          httpGet: {path: /, port: 80}
          periodSeconds: 10
`;
}

function available(cluster: Cluster, replicas: number, image: string): boolean {
  const d = cluster.get<Deployment & KubeObject>('Deployment', 'default', 'web');
  const s = d?.status;
  return (
    d?.spec?.template?.spec?.containers[0].image === image &&
    s?.observedGeneration === d?.metadata.generation &&
    s?.updatedReplicas === replicas &&
    s?.availableReplicas === replicas &&
    s?.replicas === replicas
  );
}

/** runUntil advances virtual time in 1 s slices until `done`, returning wall and virtual seconds taken. */
function runUntil(cluster: Cluster, done: () => boolean, limitMs: number): { wall: number; sim: number } {
  const simStart = cluster.now();
  const start = process.hrtime.bigint();
  while (!done() && cluster.now() - simStart < limitMs) cluster.advance(1000);
  return { wall: Number(process.hrtime.bigint() - start) / 1e9, sim: (cluster.now() - simStart) / 1000 };
}

export function runDeployment(replicas: number, nodeCount: number): DeploymentRun {
  const nodes = Array.from({ length: nodeCount }, (_, i) => ({ name: `node-${i + 1}`, cpu: '32', memory: '128Gi', pods: 110 }));
  const cluster = createCluster({ nodes, seed: 1, schedulerTrace: false });
  cluster.apply(manifest(replicas, 'nginx:1.14.2'));
  const create = runUntil(cluster, () => available(cluster, replicas, 'nginx:1.14.2'), 30 * 60 * 1000);
  cluster.setImage('default', 'web', 'nginx:1.16.1');
  const roll = runUntil(cluster, () => available(cluster, replicas, 'nginx:1.16.1'), 60 * 60 * 1000);
  return {
    replicas,
    nodes: nodeCount,
    createSeconds: create.wall,
    createPodsPerSecond: replicas / create.wall,
    createSimSeconds: create.sim,
    rollSeconds: roll.wall,
    rollSimSeconds: roll.sim,
    rollSimPerWall: roll.sim / roll.wall,
  };
}

/** PodMemory is what a cluster of Running pods holds: JavaScript heap and ArrayBuffer memory, after a full GC. */
export interface PodMemory {
  heapMiB: number;
  buffersMiB: number;
  perPodKiB: number;
  seconds: number;
}

/**
 * memoryForPods: memory held by a cluster running `pods` pods on `nodes` nodes. `schedulerTrace` keeps each pod's
 * scheduling trace, as the playground does; the throughput benchmarks turn it off.
 */
export function memoryForPods(pods: number, nodeCount: number, schedulerTrace = false): PodMemory {
  const gc = (globalThis as { gc?: () => void }).gc;
  const used = () => {
    gc?.();
    const m = process.memoryUsage();
    return { heap: m.heapUsed, buffers: m.arrayBuffers };
  };
  const before = used();
  const nodes = Array.from({ length: nodeCount }, (_, i) => ({ name: `node-${i + 1}`, cpu: '32', memory: '128Gi', pods: 110 }));
  const cluster = createCluster({ nodes, seed: 1, schedulerTrace });
  const start = process.hrtime.bigint();
  cluster.apply(manifest(pods, 'nginx:1.14.2'));
  runUntil(cluster, () => available(cluster, pods, 'nginx:1.14.2'), 30 * 60 * 1000);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const after = used();
  if (cluster.list('Pod').length !== pods) throw new Error('not all pods exist');
  const [heap, buffers] = [after.heap - before.heap, after.buffers - before.buffers];
  return { heapMiB: heap / 1024 / 1024, buffersMiB: buffers / 1024 / 1024, perPodKiB: (heap + buffers) / 1024 / pods, seconds };
}
