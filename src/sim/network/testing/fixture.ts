// Test fixture for the data plane: a cluster without controllers or kubelets (nodes control-plane 172.18.0.2,
// node-1 .3, node-2 .4, node-3 .5), with builders that write Services, EndpointSlices, pods and Ingresses directly,
// as the allocator, the EndpointSlice controller and the kubelets would have, and a fake PodEndpointServer.
import type { Container, ServicePort, ServiceSpec } from 'kubernetes-types/core/v1';
import type { HTTPIngressPath, IngressBackend, IngressRule } from 'kubernetes-types/networking/v1';
import type { KubeObject } from '../../api/object';
import { createCluster, type Cluster } from '../../cluster/cluster';
import type { WriteContext } from '../../store/types';
import type { VirtualMs } from '../../clock/virtualClock';
import { LabelServiceName } from '../listers';
import type { NodeNetwork, PodAnswer, PodEndpointServer, PodObject, ServiceObject } from '../types';

const TEST: WriteContext = { actor: 'user', reason: 'test setup' };

export interface PodOptions {
  namespace?: string;
  node?: string;
  ip?: string;
  ready?: boolean;
  phase?: string;
  labels?: Record<string, string>;
  hostname?: string;
  subdomain?: string;
  hostNetwork?: boolean;
  dnsPolicy?: string;
  containers?: Container[];
}

export interface ServiceOptions {
  namespace?: string;
  clusterIP?: string;
  ports?: ServicePort[];
  spec?: ServiceSpec;
  loadBalancerIP?: string;
}

export interface EndpointOptions {
  ip: string;
  node?: string;
  pod?: string;
  ready?: boolean;
  serving?: boolean;
  terminating?: boolean;
  hostname?: string;
}

/** FakeServer answers 200 on the ports it was told to serve, refuses the others, and times out for down IPs. */
export class FakeServer implements PodEndpointServer {
  readonly calls: string[] = [];
  private readonly served = new Map<string, number>();
  readonly down = new Set<string>();

  serve(ip: string, port: number, status = 200): void {
    this.served.set(`${ip}:${port}`, status);
  }

  answer(podIP: string, port: number, path: string): PodAnswer {
    this.calls.push(`${podIP}:${port}${path}`);
    if (this.down.has(podIP)) return { kind: 'timeout' };
    const status = this.served.get(`${podIP}:${port}`);
    return status === undefined ? { kind: 'refused' } : { kind: 'ok', status };
  }
}

/** FakeNodes says every node is up except those put down. */
export class FakeNodes implements NodeNetwork {
  readonly down = new Set<string>();

  nodeUp(nodeName: string): boolean {
    return !this.down.has(nodeName);
  }
}

/** NetworkFixture builds the objects a data-plane test needs. */
export class NetworkFixture {
  readonly cluster: Cluster;
  readonly server = new FakeServer();
  readonly nodes = new FakeNodes();

  constructor() {
    this.cluster = createCluster({ controllers: false, kubelets: false });
  }

  get client() {
    return this.cluster.client;
  }

  now(): VirtualMs {
    return this.cluster.now();
  }

  namespace(name: string): void {
    this.client.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } }, TEST);
  }

  /** pod creates a pod bound to a node with the status a kubelet would report (Running, IP, Ready). */
  pod(name: string, opts: PodOptions = {}): PodObject {
    const namespace = opts.namespace ?? 'default';
    const spec = {
      nodeName: opts.node ?? 'node-1',
      containers: opts.containers ?? [{ name: 'app', image: 'nginx:1.27' }],
      ...(opts.hostname ? { hostname: opts.hostname } : {}),
      ...(opts.subdomain ? { subdomain: opts.subdomain } : {}),
      ...(opts.hostNetwork ? { hostNetwork: true } : {}),
      ...(opts.dnsPolicy ? { dnsPolicy: opts.dnsPolicy } : {}),
    };
    const created = this.client.create<PodObject>({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace, labels: opts.labels }, spec }, TEST);
    const ready = opts.ready ?? true;
    const status = {
      phase: opts.phase ?? 'Running',
      ...(opts.ip ? { podIP: opts.ip, podIPs: [{ ip: opts.ip }] } : {}),
      conditions: [{ type: 'Ready', status: ready ? 'True' : 'False' }],
    };
    return this.client.updateStatus<PodObject>({ ...created, status }, TEST);
  }

  /** service creates a Service with a fixed ClusterIP and, for load balancers, an address in its status. */
  service(name: string, opts: ServiceOptions = {}): ServiceObject {
    const namespace = opts.namespace ?? 'default';
    const spec: ServiceSpec = {
      ...(opts.clusterIP ? { clusterIP: opts.clusterIP } : {}),
      ports: opts.ports ?? [{ name: 'http', port: 80, targetPort: 8080 }],
      ...opts.spec,
    };
    const created = this.client.create<ServiceObject>({ apiVersion: 'v1', kind: 'Service', metadata: { name, namespace }, spec }, TEST);
    if (!opts.loadBalancerIP) return created;
    return this.client.updateStatus<ServiceObject>({ ...created, status: { loadBalancer: { ingress: [{ ip: opts.loadBalancerIP }] } } }, TEST);
  }

  /** slice writes the EndpointSlice of a Service, as the EndpointSlice controller would. */
  slice(service: string, endpoints: EndpointOptions[], ports: { name?: string; port: number; protocol?: string }[] = [{ name: 'http', port: 8080 }], namespace = 'default', name = `${service}-abcde`): KubeObject {
    return this.client.create(
      {
        apiVersion: 'discovery.k8s.io/v1',
        kind: 'EndpointSlice',
        metadata: { name, namespace, labels: { [LabelServiceName]: service } },
        addressType: 'IPv4',
        endpoints: endpoints.map((ep) => ({
          addresses: [ep.ip],
          conditions: { ready: ep.ready ?? true, serving: ep.serving ?? ep.ready ?? true, terminating: ep.terminating ?? false },
          ...(ep.node ? { nodeName: ep.node } : {}),
          ...(ep.hostname ? { hostname: ep.hostname } : {}),
          ...(ep.pod ? { targetRef: { kind: 'Pod', namespace, name: ep.pod } } : {}),
        })),
        ports: ports.map((p) => ({ name: p.name ?? '', port: p.port, protocol: p.protocol ?? 'TCP' })),
      },
      TEST,
    );
  }

  /** replaceSlice rewrites a slice's endpoints, as the controller does when pods change. */
  replaceSlice(service: string, endpoints: EndpointOptions[], namespace = 'default'): void {
    this.client.delete('EndpointSlice', namespace, `${service}-abcde`, TEST);
    this.slice(service, endpoints, undefined, namespace);
  }

  ingressClass(name: string, controller = 'k8s.io/ingress-nginx', isDefault = false): KubeObject {
    const annotations = isDefault ? { 'ingressclass.kubernetes.io/is-default-class': 'true' } : undefined;
    return this.client.create({ apiVersion: 'networking.k8s.io/v1', kind: 'IngressClass', metadata: { name, annotations }, spec: { controller } }, TEST);
  }

  ingress(name: string, spec: { ingressClassName?: string; rules?: IngressRule[]; defaultBackend?: IngressBackend }, namespace = 'default'): KubeObject {
    return this.client.create({ apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name, namespace }, spec }, TEST);
  }

  /** setStatus replaces an object's status, as its controller would. */
  setStatus(kind: string, namespace: string, name: string, status: object): void {
    this.client.updateStatus({ ...this.client.get(kind, namespace, name)!, status }, TEST);
  }
}

/** backend is an Ingress service backend on a port number. */
export function backend(service: string, port: number): IngressBackend {
  return { service: { name: service, port: { number: port } } };
}

/** path is an HTTPIngressPath to a service backend. */
export function path(p: string, pathType: string, service: string, port = 80): HTTPIngressPath {
  return { path: p, pathType, backend: backend(service, port) };
}

/**
 * standardCluster is the fixture most tests share: CoreDNS behind kube-system/kube-dns (10.96.0.10), Service
 * default/web (10.96.0.20:80 → 8080) over web-1 (node-1), web-2 (node-2) and web-3 (node-3, not ready), all serving,
 * and a client pod default/client (10.244.1.10 on node-1).
 */
export function standardCluster(): NetworkFixture {
  const f = new NetworkFixture();
  f.service('kube-dns', {
    namespace: 'kube-system',
    clusterIP: '10.96.0.10',
    ports: [
      { name: 'dns', port: 53, protocol: 'UDP' },
      { name: 'dns-tcp', port: 53, protocol: 'TCP' },
      { name: 'metrics', port: 9153, protocol: 'TCP' },
    ],
  });
  f.slice(
    'kube-dns',
    [
      { ip: '10.244.0.2', node: 'control-plane', pod: 'coredns-1' },
      { ip: '10.244.0.3', node: 'control-plane', pod: 'coredns-2' },
    ],
    [
      { name: 'dns', port: 53, protocol: 'UDP' },
      { name: 'dns-tcp', port: 53 },
      { name: 'metrics', port: 9153 },
    ],
    'kube-system',
  );
  f.service('web', { clusterIP: '10.96.0.20' });
  f.pod('web-1', { node: 'node-1', ip: '10.244.1.2', labels: { app: 'web' } });
  f.pod('web-2', { node: 'node-2', ip: '10.244.2.2', labels: { app: 'web' } });
  f.pod('web-3', { node: 'node-3', ip: '10.244.3.2', labels: { app: 'web' }, ready: false });
  f.slice('web', [
    { ip: '10.244.1.2', node: 'node-1', pod: 'web-1' },
    { ip: '10.244.2.2', node: 'node-2', pod: 'web-2' },
    { ip: '10.244.3.2', node: 'node-3', pod: 'web-3', ready: false, serving: false },
  ]);
  for (const ip of ['10.244.1.2', '10.244.2.2', '10.244.3.2']) f.server.serve(ip, 8080);
  f.pod('client', { node: 'node-1', ip: '10.244.1.10' });
  return f;
}

/**
 * ingressCluster adds to the standard cluster ingress-nginx: IngressClass nginx, a controller pod on node-2
 * (10.244.2.20, hostPorts 80 and 443) behind the LoadBalancer Service ingress-nginx/ingress-nginx-controller
 * (10.96.0.100, nodePort 31080, load-balancer IP 172.18.255.200), and Ingress default/web sending foo.bar.com to
 * Service web, with that address in its status.
 */
export function ingressCluster(): NetworkFixture {
  const f = standardCluster();
  f.namespace('ingress-nginx');
  f.ingressClass('nginx');
  f.pod('ingress-nginx-controller-abc', {
    namespace: 'ingress-nginx',
    node: 'node-2',
    ip: '10.244.2.20',
    labels: { 'app.kubernetes.io/name': 'ingress-nginx', 'app.kubernetes.io/component': 'controller' },
    containers: [
      {
        name: 'controller',
        image: 'registry.k8s.io/ingress-nginx/controller:v1.12.1',
        ports: [
          { name: 'http', containerPort: 80, hostPort: 80, protocol: 'TCP' },
          { name: 'https', containerPort: 443, hostPort: 443, protocol: 'TCP' },
        ],
      },
    ],
  });
  f.server.serve('10.244.2.20', 80);
  f.service('ingress-nginx-controller', {
    namespace: 'ingress-nginx',
    clusterIP: '10.96.0.100',
    ports: [{ name: 'http', port: 80, targetPort: 'http', nodePort: 31080 }],
    spec: { type: 'LoadBalancer' },
    loadBalancerIP: '172.18.255.200',
  });
  f.slice('ingress-nginx-controller', [{ ip: '10.244.2.20', node: 'node-2', pod: 'ingress-nginx-controller-abc' }], [{ name: 'http', port: 80 }], 'ingress-nginx');
  f.ingress('web', { ingressClassName: 'nginx', rules: [{ host: 'foo.bar.com', http: { paths: [path('/', 'Prefix', 'web')] } }] });
  f.setStatus('Ingress', 'default', 'web', { loadBalancer: { ingress: [{ ip: '172.18.255.200' }] } });
  return f;
}
