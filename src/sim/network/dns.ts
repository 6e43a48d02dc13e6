// Mirrors CoreDNS's kubernetes plugin as kubeadm configures it (`kubernetes cluster.local { pods insecure }`, then
// `forward . /etc/resolv.conf`): plugin/kubernetes parse.go parseRequest, kubernetes.go Records / findPods /
// findServices / endpointHostname, object/endpoint.go (only ready endpoints, nil meaning ready), and the glibc
// resolver's search-list walk (res_search: ndots, the name as given first or last). Leaves out AAAA, SRV and PTR
// records, TTLs, the `loadbalance` shuffle of answers, autopath, caching, and any DNS outside the cluster: the
// simulation has no Internet, so names CoreDNS would forward upstream come back NXDOMAIN.
import type { NetworkListers } from './listers';
import { podResolvConf, CLUSTER_DNS_IP, CLUSTER_DOMAIN, type ResolvConf } from './resolvConf';
import { endpointsForServicePort } from './serviceEndpoints';
import { categorizeEndpoints } from './topology';
import type { PodObject, ServiceObject } from './types';

export interface DnsRecord {
  name: string;
  type: 'A' | 'CNAME';
  data: string;
}

/** DnsLookup is one question to the nameserver and its answer: NOERROR with no records is NODATA. */
export interface DnsLookup {
  name: string;
  rcode: 'NOERROR' | 'NXDOMAIN';
  records: DnsRecord[];
}

export type DnsStatus = 'NOERROR' | 'NXDOMAIN' | 'timeout';

/** DNS_TIMEOUT_MESSAGE is how nslookup reports a nameserver that never answers. */
export const DNS_TIMEOUT_MESSAGE = 'connection timed out; no servers could be reached';

/** DnsAnswer is the resolver's answer to a name asked from inside a pod. */
export interface DnsAnswer {
  /** The name as the program asked for it. */
  query: string;
  /** The nameserver asked (resolv.conf's first). */
  server: string;
  status: DnsStatus;
  /** The search-path candidate that answered with records. */
  name: string | undefined;
  records: DnsRecord[];
  /** Every candidate tried, in order, with its answer (empty when the server never answered). */
  tried: DnsLookup[];
  /** Why it failed, in one sentence; for a timeout, nslookup's words. */
  message: string | undefined;
}

export interface ClusterDnsOptions {
  clusterDomain?: string;
  clusterDNS?: string;
}

/** CNAME chains inside the cluster are followed at most this deep (CoreDNS stops loops the same way). */
const MAX_CNAME_DEPTH = 8;

/** ClusterDns is CoreDNS serving the cluster domain, and each pod's resolver in front of it. */
export class ClusterDns {
  readonly clusterDomain: string;
  readonly clusterDNS: string;

  constructor(
    private readonly listers: NetworkListers,
    opts: ClusterDnsOptions = {},
  ) {
    this.clusterDomain = opts.clusterDomain ?? CLUSTER_DOMAIN;
    this.clusterDNS = opts.clusterDNS ?? CLUSTER_DNS_IP;
  }

  /** resolvConf is the resolv.conf the kubelet gives a pod. */
  resolvConf(pod: PodObject): ResolvConf {
    return podResolvConf(pod, { clusterDomain: this.clusterDomain, clusterDNS: this.clusterDNS });
  }

  /** resolve resolves an A name the way a program in the pod does, through its resolv.conf. */
  resolve(query: string, from: PodObject | ResolvConf): DnsAnswer {
    const conf = isResolvConf(from) ? from : this.resolvConf(from);
    const server = conf.nameservers[0] ?? '127.0.0.1';
    const base = { query, server, tried: [] as DnsLookup[] };
    const unreachable = this.unreachable(server);
    if (unreachable) return { ...base, status: 'timeout', name: undefined, records: [], message: `${DNS_TIMEOUT_MESSAGE} (${unreachable})` };
    const inCluster = this.listers.serviceByClusterIP(server) !== undefined;
    for (const candidate of searchCandidates(query.toLowerCase(), conf)) {
      // A nameserver outside the cluster (the node's own) knows nothing of the cluster domain, nor of anything else.
      const answer = inCluster ? this.lookup(candidate) : { name: candidate, rcode: 'NXDOMAIN' as const, records: [] };
      base.tried.push(answer);
      if (answer.records.length > 0) return { ...base, status: 'NOERROR', name: candidate, records: answer.records, message: undefined };
    }
    return { ...base, status: 'NXDOMAIN', name: undefined, records: [], message: `** server can't find ${query}: NXDOMAIN` };
  }

  /**
   * unreachable explains why a nameserver address gets no answer, or returns undefined when it answers. The cluster
   * DNS is a Service: its queries reach CoreDNS only through endpoints kube-proxy can use.
   */
  unreachable(server: string): string | undefined {
    const svc = this.listers.serviceByClusterIP(server);
    if (!svc) return server === this.clusterDNS ? `no Service has the cluster DNS address ${server}` : undefined;
    const slices = this.listers.slicesFor(svc.metadata.namespace ?? '', svc.metadata.name ?? '');
    const ports = svc.spec?.ports ?? [];
    const port = ports.find((p) => p.name === 'dns') ?? ports[0];
    const usable = port ? categorizeEndpoints(endpointsForServicePort(slices, port), { usesCluster: true, usesLocal: false }, '').hasAnyEndpoints : false;
    return usable ? undefined : `Service ${svc.metadata.namespace}/${svc.metadata.name} has no ready endpoints`;
  }

  /** lookup answers one fully qualified name as CoreDNS does. */
  lookup(fqdn: string, depth = 0): DnsLookup {
    const name = fqdn.toLowerCase().replace(/\.$/, '');
    const records = this.records(name);
    if (records === undefined) return { name, rcode: 'NXDOMAIN', records: [] };
    const cname = records.find((r) => r.type === 'CNAME');
    // A CNAME into the cluster domain is answered by CoreDNS itself; one outside it would need the Internet.
    if (cname && depth < MAX_CNAME_DEPTH && this.inZone(cname.data)) records.push(...this.lookup(cname.data, depth + 1).records);
    return { name, rcode: 'NOERROR', records };
  }

  /** records is Records: undefined for NXDOMAIN, an empty list for NODATA. */
  private records(name: string): DnsRecord[] | undefined {
    if (!this.inZone(name)) return undefined;
    const base = name === this.clusterDomain ? '' : name.slice(0, -(this.clusterDomain.length + 1));
    if (base === '' || base === 'svc' || base === 'pod') return [];
    const segs = base.split('.');
    const podOrSvc = segs.pop();
    if (podOrSvc !== 'svc' && podOrSvc !== 'pod') return undefined;
    const namespace = segs.pop();
    if (namespace === undefined) return [];
    if (!this.listers.namespaceExists(namespace)) return undefined;
    const service = segs.pop();
    if (service === undefined) return [];
    // What is left is an endpoint (one label) or a _port._protocol pair (two); anything longer is not a name here.
    if (segs.length > 2) return undefined;
    const endpoint = segs.length === 1 ? segs[0] : undefined;
    const [port, protocol] = segs.length === 2 ? [stripUnderscore(segs[0]), stripUnderscore(segs[1])] : ['', ''];
    return podOrSvc === 'pod' ? this.findPod(name, service) : this.findService(name, namespace, service, endpoint, port, protocol);
  }

  /** findPod is findPods under `pods insecure`: any dashed IPv4 address answers in an existing namespace. */
  private findPod(name: string, podName: string): DnsRecord[] | undefined {
    const ip = podName.split('-').length === 4 && !podName.includes('--') ? podName.replaceAll('-', '.') : '';
    return isIPv4(ip) ? [{ name, type: 'A', data: ip }] : undefined;
  }

  /** findService is findServices: ExternalName → CNAME; headless or endpoint names → endpoint IPs; else ClusterIPs. */
  private findService(name: string, namespace: string, serviceName: string, endpoint: string | undefined, port: string, protocol: string): DnsRecord[] | undefined {
    const svc = this.listers.service(namespace, serviceName);
    if (!svc) return undefined;
    const spec = svc.spec ?? {};
    if (spec.type === 'ExternalName') {
      const target = (spec.externalName ?? '').replace(/\.$/, '');
      // An ExternalName has no endpoints, and an IP address is not a CNAME target.
      if (endpoint !== undefined || !target || isIPv4(target)) return undefined;
      return [{ name, type: 'CNAME', data: target }];
    }
    const ips = spec.clusterIP === 'None' || endpoint !== undefined ? this.endpointIPs(svc, endpoint, port, protocol) : this.clusterIPs(svc, port, protocol);
    return ips.length > 0 ? unique(ips).map((ip) => ({ name, type: 'A' as const, data: ip })) : undefined;
  }

  private clusterIPs(svc: ServiceObject, port: string, protocol: string): string[] {
    const matches = (svc.spec?.ports ?? []).some((p) => matchPortAndProtocol(port, p.name ?? '', protocol, p.protocol ?? 'TCP'));
    return matches ? (svc.spec?.clusterIPs ?? []) : [];
  }

  /** endpointIPs lists the ready endpoint addresses, only those named `endpoint` when one is asked for. */
  private endpointIPs(svc: ServiceObject, endpoint: string | undefined, port: string, protocol: string): string[] {
    const ips: string[] = [];
    for (const slice of this.listers.slicesFor(svc.metadata.namespace ?? '', svc.metadata.name ?? '')) {
      // A slice without ports still lists its addresses (CoreDNS adds a sentinel port that matches any query).
      const ports = slice.ports ?? [];
      const portMatches = ports.length === 0 ? port === '' && protocol === '' : ports.some((p) => matchPortAndProtocol(port, p.name ?? '', protocol, p.protocol ?? 'TCP'));
      if (!portMatches) continue;
      for (const ep of slice.endpoints ?? []) {
        if (ep.conditions?.ready === false) continue;
        for (const address of ep.addresses ?? []) {
          if (endpoint === undefined || endpoint === endpointHostname(address, ep.hostname)) ips.push(address);
        }
      }
    }
    return ips;
  }

  private inZone(name: string): boolean {
    return name === this.clusterDomain || name.endsWith(`.${this.clusterDomain}`);
  }
}

/**
 * searchCandidates is the order res_search tries names in: a name ending in a dot as it is; a name with at least
 * ndots dots as it is first, then with each search domain; a shorter one with each search domain first.
 */
export function searchCandidates(name: string, conf: Pick<ResolvConf, 'searches' | 'ndots'>): string[] {
  if (name.endsWith('.')) return [name.slice(0, -1)];
  const dots = name.split('.').length - 1;
  const searched = conf.searches.map((domain) => `${name}.${domain}`);
  return dots >= conf.ndots ? [name, ...searched] : [...searched, name];
}

function isResolvConf(from: PodObject | ResolvConf): from is ResolvConf {
  return Array.isArray((from as ResolvConf).nameservers);
}

/** endpointHostname is endpointHostname: the endpoint's hostname, else its address with dashes. */
function endpointHostname(address: string, hostname: string | undefined): string {
  return hostname || address.replaceAll('.', '-').replaceAll(':', '-');
}

/** matchPortAndProtocol: a query without _port or _protocol matches any. */
function matchPortAndProtocol(queryPort: string, port: string, queryProtocol: string, protocol: string): boolean {
  return (queryPort === '' || queryPort === port.toLowerCase()) && (queryProtocol === '' || queryProtocol === protocol.toLowerCase());
}

function stripUnderscore(label: string): string {
  return label.startsWith('_') ? label.slice(1) : label;
}

/** isIPv4 says whether a string is a dotted-quad IPv4 address. */
export function isIPv4(value: string): boolean {
  const parts = value.split('.');
  return parts.length === 4 && parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255);
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}
