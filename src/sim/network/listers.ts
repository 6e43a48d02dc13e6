// What the data plane reads of the API, through shared informers as kube-proxy, CoreDNS and ingress-nginx do (each
// runs its own watches; here they share one cache). No upstream counterpart: the indexes stand in for the lookups
// the kernel's routing tables and iptables rules make on a packet's destination.
import type { InformerFactory, Informer } from '../client/informer';
import { addPodNodeNameIndexer, getPodsAssignedToNode } from '../controllers/nodelifecycle/podNodeNameIndex';
import type { EndpointSliceObject, IngressClassObject, IngressObject, NamespaceObject, NodeObject, PodObject, ServiceObject } from './types';

/** LabelServiceName is discovery.k8s.io's label naming the Service an EndpointSlice belongs to. */
export const LabelServiceName = 'kubernetes.io/service-name';

const BY_CLUSTER_IP = 'network/clusterIP';
const BY_LOAD_BALANCER_IP = 'network/loadBalancerIP';
const BY_NODE_PORT = 'network/nodePort';
const BY_SERVICE = 'network/service';
const BY_POD_IP = 'network/podIP';
const BY_INTERNAL_IP = 'network/internalIP';

/** NetworkListers are the informer caches and indexes every part of the data plane reads. */
export class NetworkListers {
  readonly services: Informer<ServiceObject>;
  readonly slices: Informer<EndpointSliceObject>;
  readonly pods: Informer<PodObject>;
  readonly nodes: Informer<NodeObject>;
  readonly namespaces: Informer<NamespaceObject>;
  readonly ingresses: Informer<IngressObject>;
  readonly ingressClasses: Informer<IngressClassObject>;

  constructor(informers: InformerFactory) {
    this.services = informers.forKind<ServiceObject>('Service');
    this.slices = informers.forKind<EndpointSliceObject>('EndpointSlice');
    this.pods = informers.forKind<PodObject>('Pod');
    this.nodes = informers.forKind<NodeObject>('Node');
    this.namespaces = informers.forKind<NamespaceObject>('Namespace');
    this.ingresses = informers.forKind<IngressObject>('Ingress');
    this.ingressClasses = informers.forKind<IngressClassObject>('IngressClass');
    this.services.addIndexer(BY_CLUSTER_IP, (svc) => (svc.spec?.clusterIPs ?? []).filter((ip) => ip !== 'None'));
    this.services.addIndexer(BY_LOAD_BALANCER_IP, (svc) => (svc.status?.loadBalancer?.ingress ?? []).flatMap((i) => (i.ip ? [i.ip] : [])));
    this.services.addIndexer(BY_NODE_PORT, (svc) => (svc.spec?.ports ?? []).flatMap((p) => (p.nodePort ? [String(p.nodePort)] : [])));
    this.slices.addIndexer(BY_SERVICE, (slice) => {
      const svc = slice.metadata.labels?.[LabelServiceName];
      return svc ? [`${slice.metadata.namespace}/${svc}`] : [];
    });
    // Host-network pods share their node's address: they are reached through the node, not by pod IP.
    this.pods.addIndexer(BY_POD_IP, (pod) => (pod.status?.podIP && !pod.spec?.hostNetwork ? [pod.status.podIP] : []));
    // The controllers' index by node name, shared: every pod event updates each index of the pod informer.
    addPodNodeNameIndexer(this.pods);
    this.nodes.addIndexer(BY_INTERNAL_IP, (node) => {
      const ip = nodeInternalIP(node);
      return ip ? [ip] : [];
    });
  }

  service(namespace: string, name: string): ServiceObject | undefined {
    return this.services.get(namespace, name);
  }

  serviceByClusterIP(ip: string): ServiceObject | undefined {
    return this.services.byIndex(BY_CLUSTER_IP, ip)[0];
  }

  serviceByLoadBalancerIP(ip: string): ServiceObject | undefined {
    return this.services.byIndex(BY_LOAD_BALANCER_IP, ip)[0];
  }

  serviceByNodePort(port: number): ServiceObject | undefined {
    return this.services.byIndex(BY_NODE_PORT, String(port))[0];
  }

  /** slicesFor returns the EndpointSlices of a Service, in name order. */
  slicesFor(namespace: string, serviceName: string): EndpointSliceObject[] {
    return this.slices.byIndex(BY_SERVICE, `${namespace}/${serviceName}`);
  }

  podByIP(ip: string): PodObject | undefined {
    return this.pods.byIndex(BY_POD_IP, ip)[0];
  }

  podsOnNode(nodeName: string): PodObject[] {
    return getPodsAssignedToNode(this.pods, nodeName);
  }

  nodeByIP(ip: string): NodeObject | undefined {
    return this.nodes.byIndex(BY_INTERNAL_IP, ip)[0];
  }

  namespaceExists(name: string): boolean {
    return this.namespaces.get('', name) !== undefined;
  }
}

/** nodeInternalIP is the node's first InternalIP address. */
export function nodeInternalIP(node: NodeObject): string | undefined {
  return node.status?.addresses?.find((a) => a.type === 'InternalIP' && a.address)?.address;
}

/** isNodeReady: the node's Ready condition is True. */
export function isNodeReady(node: NodeObject): boolean {
  return (node.status?.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True');
}
