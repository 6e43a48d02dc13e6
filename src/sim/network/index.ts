// The simulated data plane's public face: createNetwork wires DNS, kube-proxy, the cloud load balancer, the
// ingress controller's proxy, single requests and the traffic generator over one set of informers.
import { InformerFactory } from '../client/informer';
import type { SeededRandom } from '../clock/random';
import type { VirtualClock, VirtualMs } from '../clock/virtualClock';
import type { ApiClient } from '../store/types';
import { ClusterDns, type ClusterDnsOptions } from './dns';
import { INGRESS_NGINX, type IngressControllerConfig } from './ingressClass';
import { IngressProxy } from './ingressProxy';
import { KubeProxy } from './kubeProxy';
import { NetworkListers } from './listers';
import { CloudLoadBalancer } from './loadBalancer';
import { RequestResolver } from './request';
import { PortForwards } from './portForwards';
import { TrafficGenerator, type TrafficOptions } from './traffic';
import type { NodeNetwork, PodEndpointServer, RequestResult, TrafficSource } from './types';

export interface NetworkDeps {
  client: ApiClient;
  clock: VirtualClock;
  /** Draws kube-proxy's and the load balancer's choices; give the network its own stream to keep traffic from shifting other draws. */
  random: SeededRandom;
  /** Answers for the containers (the kubelets). */
  server: PodEndpointServer;
  /** Which nodes are up; default every node. */
  nodes?: NodeNetwork;
  /** Shared informers; default a factory of the network's own. */
  informers?: InformerFactory;
  ingressController?: IngressControllerConfig;
  dns?: ClusterDnsOptions;
  traffic?: TrafficOptions;
}

export interface Network {
  listers: NetworkListers;
  dns: ClusterDns;
  proxy: KubeProxy;
  loadBalancer: CloudLoadBalancer;
  ingress: IngressProxy;
  /** request sends one request now and returns its hops and outcome. */
  request(source: TrafficSource, url: string): RequestResult;
  traffic: TrafficGenerator;
  /** The local ports of `kubectl port-forward`, reachable as http://127.0.0.1:PORT/ from outside the cluster. */
  portForwards: PortForwards;
}

const ALL_NODES_UP: NodeNetwork = { nodeUp: () => true };

/** createNetwork builds the data plane of one cluster. */
export function createNetwork(deps: NetworkDeps): Network {
  const listers = new NetworkListers(deps.informers ?? new InformerFactory(deps.client));
  const nodes = deps.nodes ?? ALL_NODES_UP;
  const ingressConfig = deps.ingressController ?? INGRESS_NGINX;
  const dns = new ClusterDns(listers, deps.dns);
  const proxy = new KubeProxy(listers, deps.random, deps.clock);
  const loadBalancer = new CloudLoadBalancer(listers, proxy, deps.random, nodes);
  const ingress = new IngressProxy(listers, ingressConfig);
  const portForwards = new PortForwards();
  const resolver = new RequestResolver({ listers, dns, proxy, loadBalancer, ingress, ingressConfig, server: deps.server, nodes, portForwards });
  const send = (source: TrafficSource, url: string, now: VirtualMs) => resolver.send(source, url, now);
  const traffic = new TrafficGenerator(deps.clock, send, deps.traffic);
  return { listers, dns, proxy, loadBalancer, ingress, request: (source, url) => send(source, url, deps.clock.now()), traffic, portForwards };
}

export { IngressNginxController, INGRESS_NGINX_CONTROLLER } from './ingressController';
export { INGRESS_NGINX, type IngressControllerConfig } from './ingressClass';
export { matchIngress, pathMatches, hostMatches } from './ingressMatch';
export { DNS_TIMEOUT_MESSAGE, type DnsAnswer, type DnsRecord } from './dns';
export { podResolvConf, CLUSTER_DNS_IP, CLUSTER_DOMAIN, type ResolvConf } from './resolvConf';
export type { Flow, TrafficCounters, TrafficSample, TrafficStats } from './traffic';
export * from './types';
