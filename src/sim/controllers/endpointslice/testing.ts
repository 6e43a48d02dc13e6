// Test fixture shared by the EndpointSlice and Endpoints controller tests: a cluster without kube-controller-manager
// (the tests start the controller under test) and builders for Services and for pods whose status is set directly,
// as a kubelet would report it.
import type { Container, PodStatus, Service, ServiceSpec } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../api/object';
import { createCluster } from '../../cluster/cluster';
import { rfc3339 } from '../../clock/timeFormat';
import type { WriteContext } from '../../store/types';
import type { PodObject } from '../controllerUtils';
import { controllerContextFor } from '../testing/controllerContext';
import type { ControllerContext } from '../controllerContext';

const USER: WriteContext = { actor: 'user', reason: 'test setup' };
const KUBELET: WriteContext = { actor: 'kubelet/node-1', reason: 'test: the kubelet reports status' };

/** The time every test pod turned Ready (or not), as its kubelet stamped the Ready condition. */
export const READY_SINCE = '2026-01-01T09:00:00Z';

export interface PodOptions {
  labels?: Record<string, string>;
  ip?: string;
  ready?: boolean;
  /** The Ready condition's message when not ready, as the kubelet writes it. */
  message?: string;
  nodeName?: string;
  phase?: string;
  containers?: Container[];
  hostname?: string;
  subdomain?: string;
  namespace?: string;
}

export type Fixture = ReturnType<typeof endpointsFixture>;

/** endpointsFixture starts a cluster (nodes control-plane, node-1..3) and the controllers `start` builds. */
export function endpointsFixture(start: (ctx: ControllerContext) => void) {
  const cluster = createCluster({ controllers: false, kubelets: false });
  const client = cluster.client;
  const ctx = controllerContextFor(cluster);
  start(ctx);
  let seen = 0;
  return {
    cluster,
    client,
    /** ctx is the context the controllers were given, to start another one later. */
    ctx,
    /** service creates a Service named `name` in `default`, with the given spec and labels. */
    service(name: string, spec: ServiceSpec, labels?: Record<string, string>): Service & KubeObject {
      return client.create<Service & KubeObject>({ apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: 'default', ...(labels ? { labels } : {}) }, spec }, USER);
    },
    /** updateService replaces the Service's spec. */
    updateService(name: string, change: (spec: ServiceSpec) => void): void {
      const svc = structuredClone(client.get<Service & KubeObject>('Service', 'default', name)!);
      change(svc.spec!);
      client.update(svc, USER);
    },
    /** pod creates a running pod bound to a node, with its IP and Ready condition set. */
    pod(name: string, opts: PodOptions = {}): PodObject {
      const namespace = opts.namespace ?? 'default';
      client.create<PodObject>(
        {
          apiVersion: 'v1',
          kind: 'Pod',
          metadata: { name, namespace, labels: opts.labels ?? { app: 'web' } },
          spec: {
            nodeName: opts.nodeName ?? 'node-1',
            containers: opts.containers ?? [{ name: 'app', image: 'nginx:1.27' }],
            ...(opts.hostname ? { hostname: opts.hostname } : {}),
            ...(opts.subdomain ? { subdomain: opts.subdomain } : {}),
          },
        },
        USER,
      );
      const ready = opts.ready ?? true;
      const status: PodStatus = {
        phase: opts.phase ?? 'Running',
        ...(opts.ip === undefined ? {} : { podIP: opts.ip, podIPs: [{ ip: opts.ip }] }),
        conditions: [
          { type: 'Ready', status: ready ? 'True' : 'False', lastTransitionTime: READY_SINCE, ...(ready ? {} : { reason: 'ContainersNotReady', message: opts.message ?? 'containers with unready status: [app]' }) },
        ],
      };
      return this.setStatus(name, status, namespace);
    },
    setStatus(name: string, status: PodStatus, namespace = 'default'): PodObject {
      return client.updateStatus({ ...client.get<PodObject>('Pod', namespace, name)!, status }, KUBELET);
    },
    /** setReady flips a pod's Ready condition at the current time. */
    setReady(name: string, ready: boolean): PodObject {
      const pod = client.get<PodObject>('Pod', 'default', name)!;
      const status = structuredClone(pod.status!);
      status.conditions = [{ type: 'Ready', status: ready ? 'True' : 'False', lastTransitionTime: rfc3339(cluster.now()) }];
      return this.setStatus(name, status);
    },
    /** settle runs every queued sync. */
    settle(): void {
      cluster.settle();
    },
    /** writes returns the narrated writes of `actor` since the last call, as `verb kind name: reason`. */
    writes(actor: string): string[] {
      const fresh = cluster.actions().filter((a) => a.seq > seen);
      seen = fresh.at(-1)?.seq ?? seen;
      return fresh.filter((a) => a.actor === actor).map((a) => `${a.verb} ${a.kind} ${a.name}: ${a.reason}`);
    },
  };
}
