// What a Service card and the inspector print about a Service, in the words of `kubectl get service` and `kubectl
// describe service` (staging/src/k8s.io/kubectl/pkg/describe/describe.go describeService, and printers.go's
// EXTERNAL-IP `<pending>`), one line per port. Leaves out externalIPs, session affinity and IP families.
import type { Service, ServicePort } from 'kubernetes-types/core/v1';

/** serviceKey is the `namespace/name` counters and EndpointSlices are keyed by. */
export function serviceKey(svc: Service): string {
  return `${svc.metadata?.namespace ?? ''}/${svc.metadata?.name ?? ''}`;
}

export function serviceType(svc: Service): string {
  return svc.spec?.type ?? 'ClusterIP';
}

/** portLine: `10.96.12.34:80 → 8080/TCP`, with ` · nodePort 30080` when asked for and the port has one. */
export function portLine(svc: Service, port: ServicePort, withNodePort = true): string {
  const ip = svc.spec?.clusterIP;
  const address = ip === 'None' ? 'headless ' : ip ?? '';
  const nodePort = withNodePort && port.nodePort ? ` · nodePort ${port.nodePort}` : '';
  return `${address}:${port.port} → ${port.targetPort ?? port.port}/${port.protocol ?? 'TCP'}${nodePort}`;
}

/** portLines: one line per port; an ExternalName Service has none, only its alias. */
export function portLines(svc: Service): string[] {
  if (serviceType(svc) === 'ExternalName') return [`alias of ${svc.spec?.externalName ?? ''}`];
  return (svc.spec?.ports ?? []).map((p) => portLine(svc, p));
}

/**
 * cardPortLines are the two lines a Service card has for addresses: the first port, then the load-balancer address
 * and node ports if any, else the second port (or how many more there are).
 */
export function cardPortLines(svc: Service): [string, string] {
  if (serviceType(svc) === 'ExternalName') return [`alias of ${svc.spec?.externalName ?? ''}`, ''];
  const ports = svc.spec?.ports ?? [];
  if (ports.length === 0) return ['no ports', ''];
  const nodePorts = ports.flatMap((p) => (p.nodePort ? [p.nodePort] : []));
  const extras = [externalLine(svc), nodePorts.length > 0 ? `nodePort${nodePorts.length > 1 ? 's' : ''} ${nodePorts.join(', ')}` : undefined].filter(Boolean);
  const first = portLine(svc, ports[0], false);
  if (extras.length > 0) return [`${first}${ports.length > 1 ? ` (+${ports.length - 1})` : ''}`, extras.join(' · ')];
  if (ports.length === 2) return [first, portLine(svc, ports[1], false)];
  return [first, ports.length > 2 ? `+${ports.length - 1} more ports` : ''];
}

/** loadBalancerIPs are the addresses the cloud published in status, as EXTERNAL-IP shows them. */
export function loadBalancerIPs(svc: Service): string[] {
  return (svc.status?.loadBalancer?.ingress ?? []).map((i) => i.ip ?? i.hostname ?? '').filter(Boolean);
}

/** externalLine: `LoadBalancer 172.18.255.1`, `LoadBalancer <pending>`, or undefined for other types. */
export function externalLine(svc: Service): string | undefined {
  if (serviceType(svc) !== 'LoadBalancer') return undefined;
  const ips = loadBalancerIPs(svc);
  return `LoadBalancer ${ips.length > 0 ? ips.join(', ') : '<pending>'}`;
}

/** The Service ingress-nginx publishes its address through (--publish-service), as the addons install it. */
export const INGRESS_CONTROLLER_SERVICE = 'ingress-nginx/ingress-nginx-controller';

/** isSystemService: the cluster's own Services, which a lesson about an app does not need to see. */
export function isSystemService(svc: Service): boolean {
  const ns = svc.metadata?.namespace;
  return ns === 'kube-system' || ns === 'ingress-nginx' || serviceKey(svc) === 'default/kubernetes';
}

/**
 * visibleServices keeps the app's Services, sorted by namespace/name, plus the system ones when asked for; the
 * ingress controller's Service also shows whenever there are Ingresses, as it is where their traffic comes in.
 */
export function visibleServices(services: readonly Service[], ingressCount: number, showSystem: boolean): Service[] {
  return services
    .filter((s) => showSystem || !isSystemService(s) || (ingressCount > 0 && serviceKey(s) === INGRESS_CONTROLLER_SERVICE))
    .sort((a, b) => compareKeys(serviceKey(a), serviceKey(b)));
}

export function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
