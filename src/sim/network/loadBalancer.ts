// The cloud load balancer in front of a LoadBalancer Service, as the service controller configures one
// (staging/src/k8s.io/cloud-provider/controllers/service/controller.go: nodes labelled
// node.kubernetes.io/exclude-from-external-load-balancers are left out) and as it health-checks nodes: kube-proxy's
// /healthz for externalTrafficPolicy Cluster, the healthCheckNodePort for Local, which answers 200 only on nodes
// with a local endpoint (pkg/proxy/healthcheck/service_health.go). Connections are spread uniformly over healthy
// nodes; with no healthy node the balancer fails open and sends to all of them, as the big clouds do. Leaves out
// the balancer's own address allocation (status.loadBalancer is someone else's write) and connection draining.
import type { SeededRandom } from '../clock/random';
import type { VirtualMs } from '../clock/virtualClock';
import type { KubeProxy } from './kubeProxy';
import type { NetworkListers } from './listers';
import { categorizeEndpoints } from './topology';
import type { NodeNetwork, ServiceObject } from './types';
import type { ServicePort } from 'kubernetes-types/core/v1';

/** LabelNodeExcludeBalancers keeps a node out of every cloud load balancer's pool. */
export const LabelNodeExcludeBalancers = 'node.kubernetes.io/exclude-from-external-load-balancers';

export type BalancerChoice = { kind: 'node'; nodeName: string; detail: string } | { kind: 'none'; detail: string };

/** CloudLoadBalancer picks the node that receives each new connection to a load-balancer IP. */
export class CloudLoadBalancer {
  constructor(
    private readonly listers: NetworkListers,
    private readonly proxy: KubeProxy,
    private readonly random: SeededRandom,
    private readonly nodes: NodeNetwork,
  ) {}

  pickNode(svc: ServiceObject, port: ServicePort, now: VirtualMs): BalancerChoice {
    const pool = this.listers.nodes
      .list()
      .filter((n) => n.metadata.labels?.[LabelNodeExcludeBalancers] === undefined)
      .map((n) => n.metadata.name ?? '');
    const lb = `the load balancer of Service ${svc.metadata.namespace}/${svc.metadata.name}`;
    if (pool.length === 0) return { kind: 'none', detail: `${lb} has no nodes in its pool` };
    const local = svc.spec?.externalTrafficPolicy === 'Local';
    const endpoints = local ? this.proxy.endpointsFor(svc, port) : [];
    const healthy = pool.filter(
      (node) => this.nodes.nodeUp(node, now) && (!local || categorizeEndpoints(endpoints, { usesCluster: false, usesLocal: true }, node).localEndpoints.length > 0),
    );
    const targets = healthy.length > 0 ? healthy : pool;
    const nodeName = targets[this.random.int(targets.length)];
    const check = local ? 'nodes with a local endpoint pass the healthCheckNodePort check' : 'nodes whose kube-proxy answers /healthz';
    const why = healthy.length > 0 ? `one of ${healthy.length} healthy nodes (${check})` : `no node is healthy (${check}), so it tries any of ${pool.length}`;
    return { kind: 'node', nodeName, detail: `${lb} forwards the connection to ${nodeName}: ${why}` };
  }
}
