// Test support for the node lifecycle and taint eviction controllers: a cluster without kube-controller-manager,
// the two controllers, and a fake kubelet heartbeat per node (Lease renewals every 10 s, Ready posted on demand),
// so the tests do not depend on the real kubelet.
import type { Event, NodeCondition, Pod, Toleration } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../api/object';
import { InformerFactory } from '../../client/informer';
import { rfc3339, rfc3339Micro } from '../../clock/timeFormat';
import type { TimerHandle, VirtualMs } from '../../clock/virtualClock';
import { createCluster, type Cluster } from '../../cluster/cluster';
import type { NodeOptions } from '../../cluster/nodeTemplate';
import { EventRecorder } from '../../events/recorder';
import type { ControllerContext } from '../controllerContext';
import type { PodObject } from '../controllerUtils';
import { TaintEvictionController } from '../tainteviction/taintEvictionController';
import type { NodeLifecycleConfig } from './config';
import { NAMESPACE_NODE_LEASE, NodeLifecycleController } from './nodeLifecycleController';
import type { LeaseObject } from './nodeHealth';
import type { NodeObject } from './nodeTaints';

/** HEARTBEAT_PERIOD is the kubelet's Lease renew interval: 0.25 × leaseDurationSeconds 40. */
export const HEARTBEAT_PERIOD: VirtualMs = 10_000;

/**
 * FakeHeartbeat renews the node's Lease as a kubelet does, starting `offset` from now and then every 10 s; stop()
 * is a killed kubelet. postReady() posts the node's conditions with a fresh lastHeartbeatTime.
 */
export class FakeHeartbeat {
  private timer: TimerHandle | undefined;

  constructor(
    private readonly cluster: Cluster,
    readonly nodeName: string,
  ) {}

  start(offset: VirtualMs): void {
    this.stop();
    this.timer = this.cluster.clock.schedule(offset, {
      owner: `kubelet/${this.nodeName}`,
      label: 'renew node lease',
      periodic: true,
      run: () => {
        this.renewLease();
        this.start(HEARTBEAT_PERIOD);
      },
    });
  }

  stop(): void {
    this.timer?.cancel();
    this.timer = undefined;
  }

  renewLease(): void {
    const client = this.cluster.client;
    const renewTime = rfc3339Micro(this.cluster.now());
    const ctx = { actor: `kubelet/${this.nodeName}`, reason: `renewed the node lease of ${this.nodeName}`, quiet: true };
    const existing = client.get<LeaseObject>('Lease', NAMESPACE_NODE_LEASE, this.nodeName);
    if (existing) {
      client.update<LeaseObject>({ ...existing, spec: { ...existing.spec, renewTime } }, ctx);
      return;
    }
    client.create<LeaseObject>(
      {
        apiVersion: 'coordination.k8s.io/v1',
        kind: 'Lease',
        metadata: { name: this.nodeName, namespace: NAMESPACE_NODE_LEASE },
        spec: { holderIdentity: this.nodeName, leaseDurationSeconds: 40, renewTime },
      },
      ctx,
    );
  }

  /** postReady posts Ready (True or False) and no pressure, as the kubelet's status sync does. */
  postReady(status: 'True' | 'False'): void {
    const node = this.cluster.get<NodeObject>('Node', '', this.nodeName)!;
    const now = rfc3339(this.cluster.now());
    const want: Omit<NodeCondition, 'lastHeartbeatTime' | 'lastTransitionTime'>[] = [
      { type: 'MemoryPressure', status: 'False', reason: 'KubeletHasSufficientMemory', message: 'kubelet has sufficient memory available' },
      { type: 'DiskPressure', status: 'False', reason: 'KubeletHasNoDiskPressure', message: 'kubelet has no disk pressure' },
      { type: 'PIDPressure', status: 'False', reason: 'KubeletHasSufficientPID', message: 'kubelet has sufficient PID available' },
      status === 'True'
        ? { type: 'Ready', status: 'True', reason: 'KubeletReady', message: 'kubelet is posting ready status' }
        : { type: 'Ready', status: 'False', reason: 'KubeletNotReady', message: 'container runtime network not ready' },
    ];
    const conditions = want.map((c) => {
      const before = node.status?.conditions?.find((o) => o.type === c.type);
      return { ...c, lastHeartbeatTime: now, lastTransitionTime: before?.status === c.status ? before.lastTransitionTime : now };
    });
    this.cluster.client.updateStatus<NodeObject>({ ...node, status: { ...node.status, conditions } }, { actor: `kubelet/${this.nodeName}`, reason: `posted the node status of ${this.nodeName}`, quiet: true });
  }
}

/** NodeLifecycleHarness is a cluster with both controllers and a running heartbeat on every node. */
export interface NodeLifecycleHarness {
  cluster: Cluster;
  /** The controllers' context, to start more controllers on the same cluster. */
  ctx: ControllerContext;
  heartbeats: Map<string, FakeHeartbeat>;
  /** at runs the clock to the given virtual time. */
  at(t: VirtualMs): void;
  node(name: string): NodeObject;
  pod(name: string): PodObject | undefined;
  /** createPod binds a Ready pod in `default` straight to the node, with the given extra tolerations. */
  createPod(name: string, nodeName: string, tolerations?: Toleration[]): PodObject;
  /** writes lists narrated writes by the two controllers as `<s> <actor> <verb> <Kind> <name>: <reason>`. */
  writes(): string[];
  /** events lists Events as `<s> <Kind>/<name> <reason> <type>: <message> (<source>)`. */
  events(): string[];
}

/** The heartbeats are offset 2 s from the 5 s monitor ticks, so no two ever happen at the same instant. */
export const HEARTBEAT_OFFSET: VirtualMs = 2_000;

/** newHarness starts the controllers at time 0, before the first heartbeat at 2 s. */
export function newHarness(nodes: readonly NodeOptions[], config: Partial<NodeLifecycleConfig> = {}): NodeLifecycleHarness {
  const cluster = createCluster({ controllers: false, kubelets: false, nodes });
  const recorder = new EventRecorder(cluster.client, cluster.clock);
  const ctx: ControllerContext = { client: cluster.client, informers: new InformerFactory(cluster.client), clock: cluster.clock, random: cluster.random, recorder };
  new NodeLifecycleController(ctx, config);
  new TaintEvictionController(ctx);
  const heartbeats = new Map(nodes.map((n) => [n.name, new FakeHeartbeat(cluster, n.name)]));
  for (const hb of heartbeats.values()) hb.start(HEARTBEAT_OFFSET);
  const secs = (t: VirtualMs) => `${t / 1000}s`;
  return {
    cluster,
    ctx,
    heartbeats,
    at: (t) => cluster.advance(t - cluster.now()),
    node: (name) => cluster.get<NodeObject>('Node', '', name)!,
    pod: (name) => cluster.get<PodObject>('Pod', 'default', name),
    createPod(name, nodeName, tolerations = []) {
      const user = { actor: 'user', reason: 'test setup' };
      const pod: Pod & KubeObject = {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name, namespace: 'default' },
        spec: { nodeName, containers: [{ name: 'app', image: 'nginx' }], ...(tolerations.length > 0 ? { tolerations } : {}) },
      };
      const created = cluster.client.create(pod, user);
      const now = rfc3339(cluster.now());
      return cluster.client.updateStatus<PodObject>(
        { ...created, status: { phase: 'Running', conditions: [{ type: 'Ready', status: 'True', lastProbeTime: null as unknown as undefined, lastTransitionTime: now }] } },
        { actor: `kubelet/${nodeName}`, reason: 'test setup: the pod runs and is Ready', quiet: true },
      );
    },
    writes: () =>
      cluster
        .actions()
        .filter((a) => a.actor === 'node-lifecycle-controller' || a.actor === 'taint-eviction-controller')
        .map((a) => `${secs(a.time)} ${a.actor} ${a.verb} ${a.kind} ${a.namespace ? `${a.namespace}/` : ''}${a.name}: ${a.reason}`),
    events: () =>
      cluster.events().map((e: Event & KubeObject) => {
        const t = Date.parse(e.firstTimestamp ?? '') - Date.parse(rfc3339(0));
        return `${secs(t)} ${e.involvedObject.kind}/${e.involvedObject.name} ${e.reason} ${e.type}: ${e.message} (${e.source?.component})`;
      }),
  };
}
