// What an Ingress card prints: `kubectl describe ingress`'s rules table (host, path → backends) and `kubectl get
// ingress`'s ADDRESS (staging/src/k8s.io/kubectl/pkg/describe/describe.go describeIngress; printers.go
// printIngress). Leaves out TLS and resource backends (shown by kind and name only).
import type { Ingress, IngressBackend } from 'kubernetes-types/networking/v1';

/** IngressRoute is one path of one rule: where requests for it go. */
export interface IngressRoute {
  host: string;
  path: string;
  /** The backend Service's name and port, `web:80` or `web:http`; for a resource backend, `Kind/name`. */
  backend: string;
  service: string | undefined;
}

function backendText(b: IngressBackend | undefined): { backend: string; service: string | undefined } {
  if (b?.service) return { backend: `${b.service.name}:${b.service.port?.number ?? b.service.port?.name ?? ''}`, service: b.service.name };
  if (b?.resource) return { backend: `${b.resource.kind}/${b.resource.name}`, service: undefined };
  return { backend: '<none>', service: undefined };
}

/** ingressRoutes lists the default backend (host `*`, path `(default)`) first, then each rule's paths in order. */
export function ingressRoutes(ing: Ingress): IngressRoute[] {
  const out: IngressRoute[] = [];
  if (ing.spec?.defaultBackend) out.push({ host: '*', path: '(default)', ...backendText(ing.spec.defaultBackend) });
  for (const rule of ing.spec?.rules ?? []) {
    for (const p of rule.http?.paths ?? []) out.push({ host: rule.host ?? '*', path: p.path ?? '/', ...backendText(p.backend) });
  }
  return out;
}

/** routeLine: `foo.bar.com/app → web:80`. */
export function routeLine(r: IngressRoute): string {
  return r.path === '(default)' ? `default → ${r.backend}` : `${r.host}${r.path} → ${r.backend}`;
}

/** ingressAddress is the ADDRESS column: the published IPs or hostnames, comma-separated, or '' before any. */
export function ingressAddress(ing: Ingress): string {
  return (ing.status?.loadBalancer?.ingress ?? []).map((i) => i.ip ?? i.hostname ?? '').filter(Boolean).join(',');
}

/** backendServices are the Services an Ingress sends to, in its namespace, each once, in order. */
export function backendServices(ing: Ingress): string[] {
  const ns = ing.metadata?.namespace ?? '';
  return [...new Set(ingressRoutes(ing).flatMap((r) => (r.service ? [`${ns}/${r.service}`] : [])))];
}
