// Mirrors how ingress-nginx proxies a request once nginx has it: the matched location's upstream is the backend
// Service's endpoints taken straight from its EndpointSlices (internal/ingress/controller/endpointslices.go: ready
// endpoints only, a nil condition counting as ready, the slice port named like the Service port), balanced by the
// Lua balancer's default round_robin (rootfs/etc/nginx/lua/balancer/round_robin.lua), with 503 when the upstream has
// no endpoint and the default backend's 404 when no rule matches. The balancer starts over when the endpoint set
// changes, as a new balancer instance does after a sync. Leaves out ExternalName backends, weights, EWMA, session
// affinity annotations, retries (proxy_next_upstream) and TLS.
import type { ServicePort } from 'kubernetes-types/core/v1';
import type { IngressServiceBackend } from 'kubernetes-types/networking/v1';
import { servedIngresses, type IngressControllerConfig } from './ingressClass';
import { matchIngress, type IngressRoute } from './ingressMatch';
import type { NetworkListers } from './listers';
import { endpointKey, endpointsForServicePort, findServicePort, type ServiceEndpoint } from './serviceEndpoints';
import type { ServiceObject } from './types';

/** DEFAULT_BACKEND_BODY is what the default backend answers when no rule matches. */
export const DEFAULT_BACKEND_BODY = 'default backend - 404';

export type IngressProxyResult =
  | { kind: 'backend'; route: IngressRoute; service: ServiceObject; servicePort: ServicePort; endpoint: ServiceEndpoint; detail: string }
  | { kind: 'response'; status: 404 | 503; route: IngressRoute; service: ServiceObject | undefined; detail: string };

interface Balancer {
  signature: string;
  next: number;
}

/** IngressProxy is nginx inside the ingress controller's pods: route, then balance across endpoints. */
export class IngressProxy {
  private readonly balancers = new Map<string, Balancer>();

  constructor(
    private readonly listers: NetworkListers,
    private readonly config: IngressControllerConfig,
  ) {}

  /** route routes one request by its Host header and path. */
  route(host: string, path: string): IngressProxyResult {
    const route = matchIngress(servedIngresses(this.listers.ingresses.list(), this.listers.ingressClasses.list(), this.config), host, path);
    const where = `host ${host} path ${path}`;
    if (!route.backend?.service) {
      const why = route.ingress ? `matched Ingress ${ref(route.ingress)}, which has no service backend for it` : 'matches no Ingress rule';
      return { kind: 'response', status: 404, route, service: undefined, detail: `${where} ${why}: the default backend answers 404 (${DEFAULT_BACKEND_BODY})` };
    }
    const matched = route.path ? `${route.pathType} ${route.path} of Ingress ${ref(route.ingress!)}` : `the defaultBackend of Ingress ${ref(route.ingress!)}`;
    const backend = route.backend.service;
    const namespace = route.ingress!.metadata.namespace ?? '';
    const service = this.listers.service(namespace, backend.name);
    const upstream = `${namespace}/${backend.name}:${portLabel(backend)}`;
    const port = service && findServicePort(service, backend.port ?? {});
    const endpoints = service && port ? this.readyEndpoints(service, port) : [];
    if (!service || !port || endpoints.length === 0) {
      const why = !service ? `Service ${namespace}/${backend.name} does not exist` : !port ? `Service ${namespace}/${backend.name} has no port ${portLabel(backend)}` : `Service ${namespace}/${backend.name} has no ready endpoints`;
      return { kind: 'response', status: 503, route, service, detail: `${where} matched ${matched}, but ${why}: nginx answers 503 Service Temporarily Unavailable` };
    }
    const endpoint = this.roundRobin(upstream, endpoints);
    const to = `${endpointKey(endpoint)}${endpoint.pod ? ` (pod ${endpoint.pod})` : ''}`;
    const detail = `${where} matched ${matched}; nginx proxies to ${to}, next in round robin over the ${endpoints.length} ready endpoints of Service ${namespace}/${backend.name}`;
    return { kind: 'backend', route, service, servicePort: port, endpoint, detail };
  }

  private readyEndpoints(service: ServiceObject, port: ServicePort): ServiceEndpoint[] {
    const slices = this.listers.slicesFor(service.metadata.namespace ?? '', service.metadata.name ?? '');
    return endpointsForServicePort(slices, port).filter((ep) => ep.ready);
  }

  private roundRobin(upstream: string, endpoints: readonly ServiceEndpoint[]): ServiceEndpoint {
    const signature = endpoints.map(endpointKey).join(',');
    let balancer = this.balancers.get(upstream);
    if (!balancer || balancer.signature !== signature) {
      balancer = { signature, next: 0 };
      this.balancers.set(upstream, balancer);
    }
    const endpoint = endpoints[balancer.next % endpoints.length];
    balancer.next = (balancer.next + 1) % endpoints.length;
    return endpoint;
  }
}

function portLabel(backend: IngressServiceBackend): string {
  return backend.port?.name ?? String(backend.port?.number ?? '');
}

function ref(obj: { metadata: { namespace?: string; name?: string } }): string {
  return `${obj.metadata.namespace}/${obj.metadata.name}`;
}
