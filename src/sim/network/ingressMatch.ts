// Mirrors the matching rules of k8s.io/api networking/v1 types.go (IngressRule.Host, HTTPIngressPath.PathType) and
// the "Examples" table of content/en/docs/concepts/services-networking/ingress.md, arranged the way ingress-nginx
// arranges them (internal/ingress/controller/controller.go createServers / getBackendServers): one server per host
// across all Ingresses of the class; a request picks the exact host's server, else the wildcard one, else the
// catch-all server of the rules without a host; in that server the longest matching path wins, Exact before Prefix
// on equal length, the oldest Ingress on a full tie; nothing matching falls to the server's root location, whose
// backend is the spec.defaultBackend of the Ingress that created the server (for the catch-all server, of the first
// Ingress with a defaultBackend and no rules), or else the controller's own default backend (404).
// ImplementationSpecific is treated as Prefix; ingress-nginx would treat it as a plain string prefix (or a regex with
// use-regex). Leaves out TLS, canaries, annotations and resource backends.
import type { IngressBackend } from 'kubernetes-types/networking/v1';
import type { IngressObject } from './types';

export type PathType = 'Exact' | 'Prefix' | 'ImplementationSpecific';

/** IngressRoute is where a request goes: a rule's path, or a server's root location. */
export interface IngressRoute {
  /** The Ingress whose rule or defaultBackend matched; undefined for the controller's own default backend. */
  ingress: IngressObject | undefined;
  /** The server: the rule host (`*.foo.com` for a wildcard), or '' for the catch-all server. */
  server: string;
  /** The matching path, or undefined when the request fell to the server's root location. */
  path: string | undefined;
  pathType: PathType | undefined;
  /** undefined: the controller's default backend answers 404. */
  backend: IngressBackend | undefined;
}

interface Location {
  ingress: IngressObject;
  path: string;
  pathType: PathType;
  backend: IngressBackend;
}

interface Server {
  root: { ingress: IngressObject | undefined; backend: IngressBackend | undefined };
  locations: Location[];
}

/**
 * pathMatches is HTTPIngressPath matching. Exact: the whole path, case-sensitively. Prefix: element by element on
 * `/`, so `/foo/bar` matches `/foo/bar/baz` but not `/foo/barbaz`, and trailing slashes do not count.
 */
export function pathMatches(pathType: PathType, rulePath: string, requestPath: string): boolean {
  if (pathType === 'Exact') return rulePath === requestPath;
  const rule = rulePath.split('/').filter(Boolean);
  const request = requestPath.split('/').filter(Boolean);
  return rule.length <= request.length && rule.every((element, i) => element === request[i]);
}

/**
 * hostMatches is IngressRule.Host matching: a precise host equals the request's host; `*.foo.com` matches exactly
 * one more label (`bar.foo.com`, not `baz.bar.foo.com` nor `foo.com`); an empty host matches every request.
 */
export function hostMatches(ruleHost: string, requestHost: string): boolean {
  if (ruleHost === '') return true;
  const host = normalizeHost(requestHost);
  if (!ruleHost.startsWith('*.')) return ruleHost === host;
  const dot = host.indexOf('.');
  return dot > 0 && host.slice(dot + 1) === ruleHost.slice(2);
}

/** normalizeHost drops the port and a final dot of a Host header; DNS names are case-insensitive. */
export function normalizeHost(host: string): string {
  return host.replace(/:\d+$/, '').replace(/\.$/, '').toLowerCase();
}

/** matchIngress routes one request across the Ingresses of a class, given in controller order (oldest first). */
export function matchIngress(ingresses: readonly IngressObject[], host: string, path: string): IngressRoute {
  const servers = buildServers(ingresses);
  const requestHost = normalizeHost(host);
  const serverName = selectServer(servers, requestHost);
  const server = servers.get(serverName)!;
  let best: Location | undefined;
  for (const loc of server.locations) {
    if (!pathMatches(loc.pathType, loc.path, path)) continue;
    if (!best || loc.path.length > best.path.length || (loc.path.length === best.path.length && loc.pathType === 'Exact' && best.pathType !== 'Exact')) best = loc;
  }
  if (best) return { ingress: best.ingress, server: serverName, path: best.path, pathType: best.pathType, backend: best.backend };
  return { ingress: server.root.ingress, server: serverName, path: undefined, pathType: undefined, backend: server.root.backend };
}

/** ingressHostMatches says whether any rule of these Ingresses names the host (exactly or by wildcard). */
export function ingressHostMatches(ingresses: readonly IngressObject[], host: string): IngressObject | undefined {
  return ingresses.find((ing) => (ing.spec?.rules ?? []).some((rule) => rule.host && hostMatches(rule.host, host)));
}

/** selectServer is nginx's server_name choice: the exact name, then the wildcard, then the default server. */
function selectServer(servers: ReadonlyMap<string, Server>, host: string): string {
  if (servers.has(host)) return host;
  for (const name of servers.keys()) if (name.startsWith('*.') && hostMatches(name, host)) return name;
  return '';
}

function buildServers(ingresses: readonly IngressObject[]): Map<string, Server> {
  const servers = new Map<string, Server>([['', { root: { ingress: undefined, backend: undefined }, locations: [] }]]);
  for (const ing of ingresses) {
    const defaultBackend = ing.spec?.defaultBackend;
    const rules = ing.spec?.rules ?? [];
    const catchAll = servers.get('')!;
    // The special "catch all" case: an Ingress with a backend but no rule configures the default server.
    if (defaultBackend && rules.length === 0 && catchAll.root.backend === undefined) catchAll.root = { ingress: ing, backend: defaultBackend };
    for (const rule of rules) {
      const host = rule.host ?? '';
      // The first Ingress to name a host creates its server; its defaultBackend serves what no path matches.
      if (!servers.has(host)) servers.set(host, { root: { ingress: ing, backend: defaultBackend }, locations: [] });
    }
  }
  for (const ing of ingresses) {
    for (const rule of ing.spec?.rules ?? []) {
      const server = servers.get(rule.host ?? '')!;
      for (const p of rule.http?.paths ?? []) {
        const path = p.path || '/';
        const pathType = (p.pathType ?? 'ImplementationSpecific') as PathType;
        // A location an older Ingress already configured keeps its backend.
        if (server.locations.some((l) => l.path === path && l.pathType === pathType)) continue;
        server.locations.push({ ingress: ing, path, pathType, backend: p.backend });
      }
    }
  }
  return servers;
}
