// Test harness for the deployment controller's scenario tests: a cluster from createCluster with the ReplicaSet and
// Deployment controllers, and a kubelet stand-in (the real kubelets are written elsewhere) that reports pods Ready and
// confirms graceful deletions after fixed delays.
import type { Pod } from 'kubernetes-types/core/v1';
import { InformerFactory } from '../../client/informer';
import { rfc3339 } from '../../clock/timeFormat';
import { VirtualClock, type VirtualMs } from '../../clock/virtualClock';
import { createCluster, type Cluster } from '../../cluster/cluster';
import { EventRecorder } from '../../events/recorder';
import type { ControllerContext } from '../controllerContext';
import type { PodObject } from '../controllerUtils';
import { ReplicaSetController } from '../replicaset/replicaSetController';
import { DeploymentController } from './deploymentController';
import type { DeploymentObject, ReplicaSetObject } from './replicaSets';

export interface ScenarioOptions {
  /** How long after creation the stand-in kubelet reports a pod Ready. Default 0 (at once). */
  readyAfterMs?: VirtualMs;
  /** How long after a graceful delete starts the stand-in kubelet confirms it. Default 0. */
  terminateAfterMs?: VirtualMs;
  /**
   * Run the deployment controller on its own clock, which the test never advances: its queue then never fires and
   * the test calls syncDeployment itself, once the rest of the cluster has settled.
   */
  manualDeploymentSyncs?: boolean;
}

export interface Scenario {
  cluster: Cluster;
  deploymentController: DeploymentController;
  deployment(name: string): DeploymentObject;
  /** replicaSetSizes lists `name=spec.replicas` of the namespace's ReplicaSets, oldest first. */
  replicaSetSizes(): string[];
}

/** newScenario builds the cluster. The stand-in kubelet watches pods before any controller does, so it acts first. */
export function newScenario(opts: ScenarioOptions = {}): Scenario {
  const cluster = createCluster({ controllers: false, kubelets: false });
  startKubeletStandIn(cluster, opts.readyAfterMs ?? 0, opts.terminateAfterMs ?? 0);
  const informers = new InformerFactory(cluster.client);
  const recorder = new EventRecorder(cluster.client, cluster.clock);
  const ctx: ControllerContext = { client: cluster.client, informers, clock: cluster.clock, random: cluster.random, recorder };
  new ReplicaSetController(ctx);
  const deploymentClock = opts.manualDeploymentSyncs ? new VirtualClock() : cluster.clock;
  const deploymentController = new DeploymentController({ ...ctx, clock: deploymentClock });
  return {
    cluster,
    deploymentController,
    deployment: (name) => cluster.get<DeploymentObject>('Deployment', 'default', name)!,
    replicaSetSizes: () =>
      cluster
        .list<ReplicaSetObject>('ReplicaSet', { namespace: 'default' })
        .sort((a, b) => (a.metadata.creationTimestamp ?? '').localeCompare(b.metadata.creationTimestamp ?? '') || (a.metadata.name ?? '').localeCompare(b.metadata.name ?? ''))
        .map((rs) => `${rs.metadata.name}=${rs.spec?.replicas}`),
  };
}

/** startKubeletStandIn reports every new pod Running and Ready, and finishes graceful deletions. */
function startKubeletStandIn(cluster: Cluster, readyAfterMs: VirtualMs, terminateAfterMs: VirtualMs): void {
  const client = cluster.client;
  client.watch<PodObject>('Pod', (event) => {
    const pod = event.object;
    const ns = pod.metadata.namespace ?? '';
    const name = pod.metadata.name ?? '';
    if (event.type === 'ADDED' && !pod.metadata.deletionTimestamp) {
      cluster.clock.schedule(readyAfterMs, {
        owner: 'kubelet',
        label: `ready ${name}`,
        run: () => {
          const current = client.get<PodObject>('Pod', ns, name);
          if (!current || current.metadata.deletionTimestamp) return;
          const now = rfc3339(cluster.clock.now());
          const status: Pod['status'] = {
            ...current.status,
            phase: 'Running',
            conditions: [
              ...(current.status?.conditions ?? []).filter((c) => c.type !== 'Ready' && c.type !== 'ContainersReady'),
              { type: 'ContainersReady', status: 'True', lastTransitionTime: now },
              { type: 'Ready', status: 'True', lastTransitionTime: now },
            ],
          };
          client.updateStatus({ ...current, status }, { actor: 'kubelet', reason: `reported pod ${name} Ready (kubelet stand-in)` });
        },
      });
    }
    if (event.type === 'MODIFIED' && pod.metadata.deletionTimestamp && !event.old?.metadata.deletionTimestamp) {
      cluster.clock.schedule(terminateAfterMs, {
        owner: 'kubelet',
        label: `terminate ${name}`,
        run: () => {
          if (!client.get('Pod', ns, name)) return;
          client.delete('Pod', ns, name, { actor: 'kubelet', reason: `confirmed pod ${name} stopped (kubelet stand-in)` }, { gracePeriodSeconds: 0 });
        },
      });
    }
  });
}
