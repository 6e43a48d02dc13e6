import type { KubeObject } from '../src/sim/index';
import { createCluster } from '../src/sim/index';
import type { NodeOptions } from '../src/sim/cluster/nodeTemplate';

/**
 * Replicates kube-scheduler's scheduler_perf workloads (test/integration/scheduler_perf/config/performance-config.yaml):
 * SchedulingBasic nodes have cpu 4, memory 32Gi, pods 110; pods have one container requesting and limiting
 * cpu 100m and memory 500Mi. Variants add a topology spread constraint or a required pod anti-affinity.
 */
export type Variant = 'basic' | 'topologySpread' | 'podAntiAffinity';

export interface SchedulingRun {
  variant: Variant;
  nodes: number;
  pods: number;
  percentageOfNodesToScore?: number;
  /** Wall time to schedule every pod (pods are created first, then the scheduler runs). */
  seconds: number;
  podsPerSecond: number;
  scheduled: number;
}

const ZONES = ['zone-a', 'zone-b', 'zone-c'];

function nodes(count: number): NodeOptions[] {
  return Array.from({ length: count }, (_, i) => ({
    name: `node-${i}`,
    cpu: '4',
    memory: '32Gi',
    pods: 110,
    labels: { 'topology.kubernetes.io/zone': ZONES[i % ZONES.length] },
  }));
}

function pod(i: number, variant: Variant): KubeObject {
  const labels = { app: 'bench', color: 'green' };
  const spec: Record<string, unknown> = {
    containers: [
      {
        name: 'pause',
        image: 'registry.k8s.io/pause:3.10',
        resources: { requests: { cpu: '100m', memory: '500Mi' }, limits: { cpu: '100m', memory: '500Mi' } },
      },
    ],
  };
  if (variant === 'topologySpread') {
    spec.topologySpreadConstraints = [{ maxSkew: 5, topologyKey: 'topology.kubernetes.io/zone', whenUnsatisfiable: 'DoNotSchedule', labelSelector: { matchLabels: { app: 'bench' } } }];
  }
  if (variant === 'podAntiAffinity') {
    spec.affinity = { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchLabels: { color: 'green' } }, topologyKey: 'kubernetes.io/hostname' }] } };
  }
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name: `pod-${i}`, namespace: 'default', labels }, spec };
}

/** runScheduling creates the nodes and pods, then times the scheduler until every pod is bound. */
export function runScheduling(variant: Variant, nodeCount: number, podCount: number, percentageOfNodesToScore?: number): SchedulingRun {
  // scheduler_perf runs only the API server and the scheduler against fake nodes: no controllers, no kubelets.
  const cluster = createCluster({ nodes: nodes(nodeCount), percentageOfNodesToScore, schedulerTrace: false, seed: 1, controllers: false, kubelets: false });
  const user = { actor: 'user', reason: 'benchmark' };
  for (let i = 0; i < podCount; i++) cluster.client.create(pod(i, variant), user);
  const start = process.hrtime.bigint();
  cluster.settle({ timeoutMs: 24 * 60 * 60 * 1000 });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const scheduled = cluster.list('Pod', { fieldSelector: 'spec.nodeName!=' }).length;
  return { variant, nodes: nodeCount, pods: podCount, percentageOfNodesToScore, seconds, podsPerSecond: scheduled / seconds, scheduled };
}
