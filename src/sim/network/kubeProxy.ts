// Mirrors kube-proxy's iptables mode (pkg/proxy/iptables/proxier.go syncProxyRules): per service port, the cluster
// or local endpoint chain, REJECT when the service has no usable endpoint anywhere ("<svc> has no endpoints"), DROP
// when a Local traffic policy finds none on this node ("<svc> has no local endpoints"), pod-originated traffic to a
// NodePort or load-balancer IP short-circuited to the cluster chain, and ClientIP session affinity with the `recent`
// match (pkg/proxy/serviceport.go UsesClusterEndpoints / UsesLocalEndpoints). The chain's `statistic --mode random
// --probability 1/(n-i)` rules give each endpoint 1/n; one uniform draw from the seeded generator stands for them.
// Leaves out conntrack (every request is a new connection), masquerading, externalIPs, loadBalancerSourceRanges,
// UDP/SCTP and IPv6.
import type { ServicePort } from 'kubernetes-types/core/v1';
import type { SeededRandom } from '../clock/random';
import type { VirtualMs } from '../clock/virtualClock';
import type { NetworkListers } from './listers';
import { endpointKey, endpointsForServicePort, servicePortName, type ServiceEndpoint } from './serviceEndpoints';
import { categorizeEndpoints } from './topology';
import type { ServiceObject } from './types';

/** DEFAULT_CLIENT_IP_AFFINITY_SECONDS is DefaultClientIPServiceAffinitySeconds: three hours. */
export const DEFAULT_CLIENT_IP_AFFINITY_SECONDS = 10800;

/** ProxyVia is which of a Service's addresses the packet was sent to. */
export type ProxyVia = 'clusterIP' | 'nodePort' | 'loadBalancer';

export interface ProxyRequest {
  service: ServiceObject;
  port: ServicePort;
  via: ProxyVia;
  /** The address the client used, e.g. `10.96.0.20:80` or `172.18.0.3:30080`, for the narration. */
  destination: string;
  /** The node whose kube-proxy rules the packet meets: the sender's node, or the node receiving external traffic. */
  nodeName: string;
  clientIP: string;
  /** Sent by a pod (or a node) of the cluster rather than from outside it. */
  fromCluster: boolean;
}

export type ProxyDecision =
  | { kind: 'endpoint'; endpoint: ServiceEndpoint; detail: string }
  /** REJECT: the client gets "connection refused" at once. */
  | { kind: 'rejected'; detail: string }
  /** DROP: the client waits until it times out. */
  | { kind: 'dropped'; detail: string };

interface AffinityEntry {
  endpoint: string;
  lastSeen: VirtualMs;
}

/**
 * KubeProxy is the service routing of every node's kube-proxy. Session affinity lives in each node's kernel (the
 * `recent` lists), so it is kept per node.
 */
export class KubeProxy {
  private readonly affinity = new Map<string, AffinityEntry>();

  constructor(
    private readonly listers: NetworkListers,
    private readonly random: SeededRandom,
    private readonly clock: { now(): VirtualMs },
  ) {}

  /** endpointsFor lists a service port's endpoints as kube-proxy's EndpointSlice cache holds them. */
  endpointsFor(svc: ServiceObject, port: ServicePort): ServiceEndpoint[] {
    return endpointsForServicePort(this.listers.slicesFor(svc.metadata.namespace ?? '', svc.metadata.name ?? ''), port);
  }

  /** route decides what the node's rules do with one new connection to a service port. */
  route(req: ProxyRequest): ProxyDecision {
    const { service: svc, port } = req;
    const spn = servicePortName(svc, port);
    const spec = svc.spec ?? {};
    const externallyAccessible = spec.type === 'NodePort' || spec.type === 'LoadBalancer' || (spec.externalIPs ?? []).length > 0;
    const internalLocal = spec.internalTrafficPolicy === 'Local';
    const externalLocal = externallyAccessible && spec.externalTrafficPolicy === 'Local';
    const categorized = categorizeEndpoints(
      this.endpointsFor(svc, port),
      // Cluster endpoints are needed by any externally reachable service, to short-circuit pod-originated traffic.
      { usesCluster: !internalLocal || externallyAccessible, usesLocal: internalLocal || externalLocal },
      req.nodeName,
    );
    const proxyName = `kube-proxy on ${req.nodeName}`;
    if (!categorized.hasAnyEndpoints) {
      return { kind: 'rejected', detail: `${proxyName} rejected the connection to ${req.destination}: "${spn} has no endpoints"` };
    }
    const local = req.via === 'clusterIP' ? internalLocal : externalLocal && !req.fromCluster;
    const candidates = local ? categorized.localEndpoints : categorized.clusterEndpoints;
    if (candidates.length === 0) {
      const policy = req.via === 'clusterIP' ? 'internalTrafficPolicy' : 'externalTrafficPolicy';
      return { kind: 'dropped', detail: `${proxyName} dropped the connection to ${req.destination}: "${spn} has no local endpoints" (${policy} Local)` };
    }
    const { endpoint, sticky } = this.pick(req, spn, candidates);
    const to = `${endpointKey(endpoint)}${endpoint.pod ? ` (pod ${endpoint.pod})` : ''}`;
    const kind = endpoint.ready ? 'ready' : 'serving terminating';
    const among = local ? `${candidates.length} ${kind} endpoints on ${req.nodeName} (Local policy)` : `${candidates.length} ${kind} endpoints`;
    const why = sticky
      ? `sessionAffinity ClientIP keeps client ${req.clientIP} on it`
      : `one of ${among}, each chosen with probability 1/${candidates.length}`;
    return { kind: 'endpoint', endpoint, detail: `${proxyName} sent the connection for ${spn} (${req.destination}) to ${to}: ${why}` };
  }

  /** pick chooses uniformly among the candidates, unless ClientIP affinity still holds this client. */
  private pick(req: ProxyRequest, spn: string, candidates: readonly ServiceEndpoint[]): { endpoint: ServiceEndpoint; sticky: boolean } {
    const spec = req.service.spec ?? {};
    if (spec.sessionAffinity !== 'ClientIP') return { endpoint: candidates[this.random.int(candidates.length)], sticky: false };
    const now = this.clock.now();
    const timeoutMs = (spec.sessionAffinityConfig?.clientIP?.timeoutSeconds ?? DEFAULT_CLIENT_IP_AFFINITY_SECONDS) * 1000;
    const key = `${req.nodeName}\u0000${spn}\u0000${req.clientIP}`;
    const entry = this.affinity.get(key);
    // `-m recent --rcheck --seconds N`: the client was last seen less than N seconds ago on an endpoint still in the chain.
    const held = entry && now - entry.lastSeen < timeoutMs ? candidates.find((ep) => endpointKey(ep) === entry.endpoint) : undefined;
    const endpoint = held ?? candidates[this.random.int(candidates.length)];
    // `-m recent --set` in the endpoint's chain stamps the client on every new connection.
    this.affinity.set(key, { endpoint: endpointKey(endpoint), lastSeen: now });
    return { endpoint, sticky: held !== undefined };
  }
}
