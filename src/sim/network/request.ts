// One HTTP request through the simulated data plane, hop by hop: the client, name resolution (the pod's resolver and
// CoreDNS; for a client outside the cluster, public DNS pointing an Ingress host at the Ingress's address), then
// the destination address as the node's netfilter rules see it (kube-proxy's KUBE-SERVICES for ClusterIPs and
// load-balancer IPs, KUBE-NODEPORTS and the CNI portmap's hostPorts on node addresses, plain routing to pod IPs),
// then nginx inside an ingress controller pod, and finally the container. No single upstream counterpart; each
// step names its own. Leaves out TLS, HTTP redirects, keep-alive (every request is a new connection) and any
// destination outside the cluster.
import type { PortForwardEntry, PortForwards } from './portForwards';
import type { VirtualMs } from '../clock/virtualClock';
import { isControllerPod, servedIngresses, type IngressControllerConfig } from './ingressClass';
import { ingressHostMatches } from './ingressMatch';
import { isIPv4, type ClusterDns } from './dns';
import type { IngressProxy } from './ingressProxy';
import type { KubeProxy, ProxyDecision, ProxyVia } from './kubeProxy';
import type { CloudLoadBalancer } from './loadBalancer';
import type { NetworkListers } from './listers';
import { nodeInternalIP } from './listers';
import { servicePortName, type ServiceEndpoint } from './serviceEndpoints';
import { EXTERNAL_CLIENT_IP, type Hop, type NodeNetwork, type OutcomeStatus, type PodEndpointServer, type PodObject, type RequestResult, type ServiceObject, type TrafficSource } from './types';

export interface RequestDeps {
  listers: NetworkListers;
  dns: ClusterDns;
  proxy: KubeProxy;
  loadBalancer: CloudLoadBalancer;
  ingress: IngressProxy;
  ingressConfig: IngressControllerConfig;
  server: PodEndpointServer;
  nodes: NodeNetwork;
  /** Local ports `kubectl port-forward` listens on, for targets like http://127.0.0.1:8080/. */
  portForwards?: PortForwards;
}

/** ParsedURL is what a client takes from a URL: where to connect and what to ask for. */
export interface ParsedURL {
  host: string;
  port: number;
  path: string;
}

/** parseURL reads http(s) URLs; the port defaults to 80 (443 for https, though TLS itself is not modelled). */
export function parseURL(url: string): ParsedURL {
  const u = new URL(url);
  if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error(`unsupported URL scheme ${u.protocol} in ${url}`);
  return { host: u.hostname, port: u.port ? Number(u.port) : u.protocol === 'https:' ? 443 : 80, path: u.pathname || '/' };
}

interface Client {
  ip: string;
  /** The node a pod client runs on; undefined outside the cluster. */
  nodeName: string | undefined;
}

/** Trip collects the hops of one request. */
class Trip {
  readonly hops: Hop[] = [];
  readonly services: string[] = [];
  readonly pods: string[] = [];
  /** The address the next pod sees the request come from: the client, then the ingress controller pod that proxies it. */
  peerIP = '';

  constructor(readonly time: VirtualMs) {}

  hop(kind: Hop['kind'], ref: string, detail: string): void {
    this.hops.push({ kind, ref, detail });
  }

  end(status: OutcomeStatus, detail: string): RequestResult {
    return { time: this.time, hops: this.hops, outcome: { status, detail }, services: this.services, pods: this.pods };
  }
}

/** RequestResolver sends single requests; it only reads the API and never writes to it. */
export class RequestResolver {
  constructor(private readonly deps: RequestDeps) {}

  send(source: TrafficSource, url: string, now: VirtualMs): RequestResult {
    const { host, port, path } = parseURL(url);
    const trip = new Trip(now);
    let client: Client;
    let sourcePod: PodObject | undefined;
    if (source.kind === 'pod') {
      sourcePod = this.deps.listers.pods.get(source.namespace, source.name);
      const ip = sourcePod?.status?.podIP;
      const nodeName = sourcePod?.spec?.nodeName;
      const ref = `Pod/${source.namespace}/${source.name}`;
      if (!sourcePod || !ip || !nodeName || sourcePod.status?.phase !== 'Running' || !this.deps.nodes.nodeUp(nodeName, now)) {
        trip.hop('client', ref, `pod ${source.namespace}/${source.name} is not running, so it sends nothing`);
        return trip.end('source not running', `pod ${source.namespace}/${source.name} is not running`);
      }
      client = { ip, nodeName };
      trip.hop('client', ref, `pod ${source.namespace}/${source.name} (${ip} on ${nodeName}) sends GET ${url}`);
    } else {
      client = { ip: source.ip ?? EXTERNAL_CLIENT_IP, nodeName: undefined };
      trip.hop('client', `External/${client.ip}`, `a client outside the cluster (${client.ip}) sends GET ${url}`);
    }
    trip.peerIP = client.ip;
    if (source.kind === 'external' && (host === '127.0.0.1' || host === 'localhost')) {
      const forward = this.deps.portForwards?.lookup(port);
      if (forward) return this.throughPortForward(trip, forward, port, host, path, now);
      return trip.end('connection refused', `nothing listens on ${host}:${port} on the client's machine: start kubectl port-forward first`);
    }
    let ip = host;
    if (!isIPv4(host)) {
      const resolved = sourcePod ? this.resolveInPod(trip, host, sourcePod) : this.resolveOutside(trip, host);
      if (typeof resolved !== 'string') return resolved;
      ip = resolved;
    }
    return this.connect(trip, client, ip, port, host, path, now);
  }

  /** throughPortForward follows kubectl port-forward: the API server and the pod's kubelet carry the connection to the pod. */
  private throughPortForward(trip: Trip, forward: PortForwardEntry, localPort: number, host: string, path: string, now: VirtualMs): RequestResult {
    const pod = this.deps.listers.pods.get(forward.namespace, forward.pod);
    const podIP = pod?.status?.podIP;
    const name = `${forward.namespace}/${forward.pod}`;
    if (!pod || !podIP) {
      trip.hop('pod', `Pod/${name}`, `kubectl port-forward on 127.0.0.1:${localPort} lost pod ${name}`);
      return trip.end('connection refused', `pod ${name} is gone; kubectl port-forward cannot reach it`);
    }
    forward.onConnection();
    trip.hop('kubelet', `Node//${pod.spec?.nodeName ?? ''}`, `kubectl port-forward takes 127.0.0.1:${localPort} through the API server to the kubelet on ${pod.spec?.nodeName ?? ''}, into pod ${name} port ${forward.remotePort}`);
    trip.peerIP = '127.0.0.1';
    return this.atPod(trip, pod, podIP, forward.remotePort, host, path, now);
  }

  /** resolveInPod asks the pod's nameserver; returns the first address or the failed request. */
  private resolveInPod(trip: Trip, host: string, pod: PodObject): string | RequestResult {
    const answer = this.deps.dns.resolve(host, pod);
    const nameserver = this.deps.listers.serviceByClusterIP(answer.server);
    const ref = nameserver ? `Service/${nameserver.metadata.namespace}/${nameserver.metadata.name}` : `External/${answer.server}`;
    if (answer.status === 'timeout') {
      trip.hop('dns', ref, `${host}: ${answer.message}`);
      return trip.end('timeout', `could not resolve ${host}: ${answer.message}`);
    }
    const address = answer.records.find((r) => r.type === 'A')?.data;
    const tried = answer.tried.length > 1 ? ` after trying ${answer.tried.length - 1} other names of the search path` : '';
    if (answer.status === 'NXDOMAIN' || !address) {
      const alias = answer.records.find((r) => r.type === 'CNAME');
      const why = alias ? `${answer.name} is an alias for ${alias.data}, a name outside the cluster the simulation cannot resolve` : `no such name (tried ${answer.tried.map((t) => t.name).join(', ')})`;
      trip.hop('dns', ref, `${host}: ${why}`);
      return trip.end('NXDOMAIN', `could not resolve ${host}: ${why}`);
    }
    trip.hop('dns', ref, `${host} is ${answer.name}, A ${answer.records.filter((r) => r.type === 'A').map((r) => r.data).join(', ')}${tried}`);
    return address;
  }

  /** resolveOutside stands for public DNS: only an Ingress host with an address resolves, to that address. */
  private resolveOutside(trip: Trip, host: string): string | RequestResult {
    const ingress = ingressHostMatches(servedIngresses(this.deps.listers.ingresses.list(), this.deps.listers.ingressClasses.list(), this.deps.ingressConfig), host);
    const address = ingress?.status?.loadBalancer?.ingress?.find((i) => i.ip)?.ip;
    if (!ingress || !address) {
      const why = ingress ? `Ingress ${ingress.metadata.namespace}/${ingress.metadata.name} has no address yet` : 'no Ingress serves that host';
      trip.hop('dns', 'External/dns', `${host}: NXDOMAIN (${why})`);
      return trip.end('NXDOMAIN', `could not resolve ${host}: ${why}`);
    }
    trip.hop('dns', 'External/dns', `${host} is ${address}, the address of Ingress ${ingress.metadata.namespace}/${ingress.metadata.name}`);
    return address;
  }

  /** connect follows a connection to ip:port the way the netfilter rules it meets send it. */
  private connect(trip: Trip, client: Client, ip: string, port: number, host: string, path: string, now: VirtualMs): RequestResult {
    const { listers } = this.deps;
    const inCluster = client.nodeName !== undefined;
    const clusterIPService = listers.serviceByClusterIP(ip);
    if (clusterIPService) {
      if (!inCluster) return trip.end('timeout', `${ip} is a ClusterIP: it exists only inside the cluster, so packets from outside go nowhere`);
      return this.throughService(trip, client, clusterIPService, 'clusterIP', ip, port, client.nodeName!, host, path, now);
    }
    const lbService = listers.serviceByLoadBalancerIP(ip);
    if (lbService && (lbService.spec?.ports ?? []).some((p) => p.port === port)) {
      // Every node's kube-proxy captures load-balancer IPs, so a pod's packets never leave its node for the balancer.
      if (inCluster) return this.throughService(trip, client, lbService, 'loadBalancer', ip, port, client.nodeName!, host, path, now);
      const choice = this.deps.loadBalancer.pickNode(lbService, lbService.spec!.ports!.find((p) => p.port === port)!, now);
      if (choice.kind === 'none') return trip.end('timeout', choice.detail);
      trip.hop('service', serviceRef(lbService), choice.detail);
      trip.services.push(key(lbService));
      return this.throughService(trip, client, lbService, 'loadBalancer', ip, port, choice.nodeName, host, path, now, true);
    }
    const node = listers.nodeByIP(ip);
    if (node) {
      const nodeName = node.metadata.name ?? '';
      if (!this.deps.nodes.nodeUp(nodeName, now)) return trip.end('timeout', `node ${nodeName} (${ip}) is down: nothing answers`);
      const nodePortService = listers.serviceByNodePort(port);
      if (nodePortService) return this.throughService(trip, client, nodePortService, 'nodePort', `${ip}:${port}`, port, nodeName, host, path, now);
      const hostPort = this.hostPortPod(nodeName, port);
      if (hostPort) {
        trip.hop('kube-proxy', `Node//${nodeName}`, `${nodeName} forwards port ${port} to pod ${key(hostPort.pod)} (${hostPort.how})`);
        return this.atPod(trip, hostPort.pod, hostPort.podIP, hostPort.containerPort, host, path, now);
      }
      return trip.end('connection refused', `nothing listens on ${nodeName} (${ip}) port ${port}`);
    }
    const pod = listers.podByIP(ip);
    if (pod) {
      if (!inCluster) return trip.end('timeout', `${ip} is a pod IP: the pod network is not routed outside the cluster`);
      return this.atPod(trip, pod, ip, port, host, path, now);
    }
    return trip.end('timeout', `no machine in the cluster has the address ${ip}`);
  }

  /** throughService meets kube-proxy's rules for one of a Service's addresses on `nodeName`. */
  private throughService(
    trip: Trip,
    client: Client,
    svc: ServiceObject,
    via: ProxyVia,
    address: string,
    port: number,
    nodeName: string,
    host: string,
    path: string,
    now: VirtualMs,
    counted = false,
  ): RequestResult {
    const svcPort = (svc.spec?.ports ?? []).find((p) => (via === 'nodePort' ? p.nodePort === port : p.port === port) && (p.protocol ?? 'TCP') === 'TCP');
    const destination = via === 'clusterIP' || via === 'loadBalancer' ? `${address}:${port}` : address;
    if (!svcPort) return trip.end('timeout', `Service ${key(svc)} has no port ${port}: no rule catches ${destination}, so the packets go nowhere`);
    if (!counted) {
      trip.hop('service', serviceRef(svc), `${destination} is Service ${key(svc)} port ${portLabel(svcPort.name, svcPort.port)}, target port ${svcPort.targetPort ?? svcPort.port}`);
      trip.services.push(key(svc));
    }
    const decision: ProxyDecision = this.deps.proxy.route({ service: svc, port: svcPort, via, destination, nodeName, clientIP: client.ip, fromCluster: client.nodeName !== undefined });
    trip.hop('kube-proxy', `Node//${nodeName}`, decision.detail);
    if (decision.kind === 'rejected') return trip.end('connection refused', decision.detail);
    if (decision.kind === 'dropped') return trip.end('timeout', decision.detail);
    return this.atEndpoint(trip, decision.endpoint, host, path, now);
  }

  private atEndpoint(trip: Trip, endpoint: ServiceEndpoint, host: string, path: string, now: VirtualMs): RequestResult {
    const [namespace, name] = endpoint.pod ? endpoint.pod.split('/') : ['', ''];
    const pod = endpoint.pod ? this.deps.listers.pods.get(namespace, name) : this.deps.listers.podByIP(endpoint.ip);
    return this.atPod(trip, pod, endpoint.ip, endpoint.port, host, path, now);
  }

  /** atPod hands the connection to a pod's container; an ingress controller's nginx then routes it further. */
  private atPod(trip: Trip, pod: PodObject | undefined, podIP: string, port: number, host: string, path: string, now: VirtualMs): RequestResult {
    const name = pod ? key(pod) : podIP;
    const ref = pod ? `Pod/${name}` : `Address/${podIP}`;
    const answer = this.deps.server.answer(podIP, port, path, now, trip.peerIP);
    if (pod) trip.pods.push(name);
    if (answer.kind === 'refused') {
      trip.hop('pod', ref, `nothing listens on ${podIP}:${port} in pod ${name}`);
      return trip.end('connection refused', `pod ${name} refused the connection to ${podIP}:${port}`);
    }
    if (answer.kind === 'timeout') {
      trip.hop('pod', ref, `${podIP}:${port} (pod ${name}) never answered`);
      return trip.end('timeout', `pod ${name} did not answer on ${podIP}:${port}`);
    }
    const config = this.deps.ingressConfig;
    if (!pod || !isControllerPod(pod, config) || !config.ports.includes(port)) {
      trip.hop('pod', ref, `pod ${name} answers ${answer.status} on ${podIP}:${port}${path}`);
      return trip.end(answer.status, `pod ${name} answered ${answer.status}`);
    }
    trip.hop('pod', ref, `nginx in ingress controller pod ${name} takes the request for ${host}${path}`);
    trip.peerIP = podIP;
    const routed = this.deps.ingress.route(host, path);
    const ingressRef = routed.route.ingress ? `Ingress/${key(routed.route.ingress)}` : ref;
    trip.hop('ingress', ingressRef, routed.detail);
    if (routed.kind === 'response') return trip.end(routed.status, routed.detail);
    trip.hop('service', serviceRef(routed.service), `ingress-nginx sends to the endpoints of Service ${servicePortName(routed.service, routed.servicePort)} itself, not through its ClusterIP`);
    trip.services.push(key(routed.service));
    return this.atEndpoint(trip, routed.endpoint, host, path, now);
  }

  /**
   * hostPortPod finds the pod on a node that owns a node port outside the Service range: a hostPort (the CNI portmap
   * plugin forwards it to the pod) or a container port of a host-network pod.
   */
  private hostPortPod(nodeName: string, port: number): { pod: PodObject; podIP: string; containerPort: number; how: string } | undefined {
    for (const pod of this.deps.listers.podsOnNode(nodeName)) {
      if (pod.status?.phase !== 'Running' || pod.metadata.deletionTimestamp) continue;
      for (const c of pod.spec?.containers ?? []) {
        for (const p of c.ports ?? []) {
          if ((p.protocol ?? 'TCP') !== 'TCP') continue;
          if (pod.spec?.hostNetwork && p.containerPort === port) {
            return { pod, podIP: pod.status?.podIP ?? this.nodeIP(nodeName), containerPort: port, how: 'host network' };
          }
          if (p.hostPort === port && pod.status?.podIP) return { pod, podIP: pod.status.podIP, containerPort: p.containerPort, how: `hostPort ${port} → containerPort ${p.containerPort}` };
        }
      }
    }
    return undefined;
  }

  private nodeIP(nodeName: string): string {
    const node = this.deps.listers.nodes.get('', nodeName);
    return (node && nodeInternalIP(node)) ?? '';
  }
}

function key(obj: { metadata: { namespace?: string; name?: string } }): string {
  return `${obj.metadata.namespace}/${obj.metadata.name}`;
}

function serviceRef(svc: ServiceObject): string {
  return `Service/${key(svc)}`;
}

function portLabel(name: string | undefined, port: number): string {
  return name ? `${port} (${name})` : String(port);
}

