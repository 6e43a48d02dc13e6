// What the traffic panel offers and reports: URLs a request can be sent to, the way clients reach a Service in
// Kubernetes (an Ingress host, the Service's cluster DNS name `<svc>.<ns>.svc.cluster.local`, a load balancer's IP,
// any node's IP on a nodePort; see the Service and Ingress concept pages), and which Service a flow ends up in.
// No upstream counterpart; URL handling follows src/sim/network/request.ts (parseURL).
import type { Node, Pod, Service } from 'kubernetes-types/core/v1';
import type { Ingress } from 'kubernetes-types/networking/v1';
import type { Flow, TrafficSample, TrafficSource } from '../../sim/index';
import { byNaturalName } from '../graph/layout';
import { ingressAddress } from '../graph/network/ingressText';
import { compareKeys, INGRESS_CONTROLLER_SERVICE, isSystemService, loadBalancerIPs, serviceType } from '../graph/network/serviceText';

export interface TargetSuggestion {
  url: string;
  /** What the URL reaches and from where, in words. */
  label: string;
}

const withPort = (host: string, port: number) => (port === 80 ? `http://${host}/` : `http://${host}:${port}/`);

function nodeIP(node: Node): string | undefined {
  return node.status?.addresses?.find((a) => a.type === 'InternalIP')?.address;
}

function isReady(node: Node): boolean {
  return (node.status?.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True');
}

/**
 * targetSuggestions lists, without duplicates: each Ingress host and path (a wildcard host as its `www` name, a rule
 * without host at the Ingress's address), each app Service's DNS name on each port, each load-balancer address, and
 * each nodePort on the first Ready node, and each local port `kubectl port-forward` listens on. The cluster's own
 * Services are left out.
 */
export function targetSuggestions(input: { ingresses: readonly Ingress[]; services: readonly Service[]; nodes: readonly Node[]; portForwards?: readonly number[] }): TargetSuggestion[] {
  const out = new Map<string, string>();
  const add = (url: string, label: string) => {
    if (!out.has(url)) out.set(url, label);
  };
  const key = (o: { metadata?: { namespace?: string; name?: string } }) => `${o.metadata?.namespace ?? ''}/${o.metadata?.name ?? ''}`;
  for (const ing of [...input.ingresses].sort((a, b) => compareKeys(key(a), key(b)))) {
    const address = ingressAddress(ing).split(',')[0];
    for (const rule of ing.spec?.rules ?? []) {
      const host = rule.host ? rule.host.replace(/^\*\./, 'www.') : address;
      if (!host) continue;
      for (const p of rule.http?.paths ?? []) add(`http://${host}${p.path ?? '/'}`, `Ingress ${ing.metadata?.name}, from outside`);
    }
  }
  const services = input.services.filter((s) => !isSystemService(s) && serviceType(s) !== 'ExternalName').sort((a, b) => compareKeys(key(a), key(b)));
  for (const svc of services) {
    const [ns, name] = [svc.metadata?.namespace, svc.metadata?.name];
    for (const p of svc.spec?.ports ?? []) if ((p.protocol ?? 'TCP') === 'TCP') add(`http://${name}.${ns}.svc.cluster.local:${p.port}/`, `Service ${name}, from a pod`);
  }
  for (const svc of services) {
    for (const ip of loadBalancerIPs(svc)) for (const p of svc.spec?.ports ?? []) add(withPort(ip, p.port), `LoadBalancer ${svc.metadata?.name}, from outside`);
  }
  const node = [...input.nodes].filter(isReady).sort((a, b) => byNaturalName(a.metadata?.name ?? '', b.metadata?.name ?? ''))[0];
  const ip = node && nodeIP(node);
  if (ip) {
    for (const svc of services) {
      for (const p of svc.spec?.ports ?? []) if (p.nodePort) add(`http://${ip}:${p.nodePort}/`, `NodePort ${svc.metadata?.name} on ${node.metadata?.name}`);
    }
  }
  for (const port of input.portForwards ?? []) add(`http://127.0.0.1:${port}/`, `kubectl port-forward on ${port}, from outside`);
  return [...out].map(([url, label]) => ({ url, label }));
}

/** targetError says why a URL cannot be a target, or undefined when it can. */
export function targetError(url: string): string | undefined {
  if (url.trim() === '') return 'enter a URL, e.g. http://web.default.svc.cluster.local:80/';
  try {
    const u = new URL(url.trim());
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return `only http:// and https:// URLs can be sent, not ${u.protocol}`;
    return undefined;
  } catch {
    return `${url.trim()} is not a URL`;
  }
}

/** clampRate keeps a rate within 1–100 requests per second, whole numbers. */
export function clampRate(rate: number): number {
  return Number.isFinite(rate) ? Math.min(100, Math.max(1, Math.round(rate))) : 1;
}

/** nextFlowId is `flow-<n>`, one above the highest running flow's number. */
export function nextFlowId(flows: readonly Flow[]): string {
  const numbers = flows.map((f) => Number(/^flow-(\d+)$/.exec(f.id)?.[1] ?? 0));
  return `flow-${Math.max(0, ...numbers) + 1}`;
}

/** sourceText: `outside the cluster` or `pod default/client`. */
export function sourceText(source: TrafficSource): string {
  return source.kind === 'external' ? `outside the cluster${source.ip ? ` (${source.ip})` : ''}` : `pod ${source.namespace}/${source.name}`;
}

/**
 * flowService is the Service (`namespace/name`) the flow's requests end up in: the last Service hop of its newest
 * sample that got past the ingress controller's own Service (a 404 or 503 from nginx never reaches a backend), else
 * the controller's Service itself. Undefined before any sample.
 */
export function flowService(samples: readonly TrafficSample[], flowId: string): string | undefined {
  let controller: string | undefined;
  for (let i = samples.length - 1; i >= 0; i--) {
    if (samples[i].flowId !== flowId) continue;
    const hop = [...samples[i].hops].reverse().find((h) => h.kind === 'service' && h.ref.startsWith('Service/'));
    const service = hop?.ref.slice('Service/'.length);
    if (service !== INGRESS_CONTROLLER_SERVICE && service !== undefined) return service;
    controller ??= service;
  }
  return controller;
}

/** podSources lists the pods a flow can start from: those Running with an IP, as `namespace/name` in code-unit order. */
export function podSources(pods: readonly Pod[]): string[] {
  return (
    pods
      .filter((p) => p.status?.phase === 'Running' && p.status.podIP)
      .map((p) => `${p.metadata?.namespace}/${p.metadata?.name}`)
      // Code-unit order: a collator's natural order cost milliseconds for 2,000 pods.
      .sort()
  );
}
