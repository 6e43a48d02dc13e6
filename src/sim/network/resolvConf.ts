// Mirrors pkg/kubelet/network/dns/dns.go (getPodDNSType, GetPodDNS, generateSearchesForDNSClusterFirst,
// appendDNSConfig, mergeDNSOptions; the limits of 3 nameservers and 32 search domains) with kubeadm's defaults
// (clusterDNS 10.96.0.10, clusterDomain cluster.local). The node's own resolv.conf is kind's: the Docker network's
// resolver, no search domains. Leaves out the 2048-character search-line limit and IPv6 servers.
import type { Pod } from 'kubernetes-types/core/v1';

/** CLUSTER_DOMAIN is the kubelet's --cluster-domain under kubeadm. */
export const CLUSTER_DOMAIN = 'cluster.local';
/** CLUSTER_DNS_IP is the kubelet's --cluster-dns under kubeadm: the kube-dns Service's ClusterIP. */
export const CLUSTER_DNS_IP = '10.96.0.10';
/** HOST_DNS_IP is the nameserver in a kind node's /etc/resolv.conf (Docker's embedded DNS on the network gateway). */
export const HOST_DNS_IP = '172.18.0.1';

const MAX_NAMESERVERS = 3;
const MAX_SEARCH_DOMAINS = 32;
/** The glibc resolver's default when resolv.conf sets no ndots. */
const DEFAULT_NDOTS = 1;

/** ResolvConf is a container's /etc/resolv.conf. */
export interface ResolvConf {
  nameservers: string[];
  searches: string[];
  options: string[];
  /** options ndots:N, parsed: names with fewer dots try the search domains first. */
  ndots: number;
  /** Whether the first nameserver is the cluster DNS (CoreDNS behind the kube-dns Service). */
  clusterDNS: boolean;
}

export interface ResolvConfOptions {
  clusterDomain?: string;
  clusterDNS?: string;
}

/** podResolvConf is GetPodDNS: the resolv.conf the kubelet writes for a pod. */
export function podResolvConf(pod: Pod, opts: ResolvConfOptions = {}): ResolvConf {
  const domain = opts.clusterDomain ?? CLUSTER_DOMAIN;
  const clusterDNS = opts.clusterDNS ?? CLUSTER_DNS_IP;
  const policy = pod.spec?.dnsPolicy ?? 'ClusterFirst';
  let nameservers: string[];
  let searches: string[];
  let options: string[];
  if (policy === 'None') {
    [nameservers, searches, options] = [[], [], []];
  } else if (policy === 'ClusterFirstWithHostNet' || (policy === 'ClusterFirst' && !pod.spec?.hostNetwork)) {
    nameservers = [clusterDNS];
    searches = omitDuplicates([`${pod.metadata?.namespace ?? 'default'}.svc.${domain}`, `svc.${domain}`, domain]);
    options = ['ndots:5'];
  } else {
    // Default, and ClusterFirst on the host network: the node's own resolver.
    [nameservers, searches, options] = [[HOST_DNS_IP], [], []];
  }
  const dnsConfig = pod.spec?.dnsConfig;
  if (dnsConfig) {
    nameservers = omitDuplicates([...nameservers, ...(dnsConfig.nameservers ?? [])]);
    searches = omitDuplicates([...searches, ...(dnsConfig.searches ?? [])]);
    options = mergeDNSOptions(options, (dnsConfig.options ?? []).map((o) => (o.value !== undefined ? `${o.name}:${o.value}` : (o.name ?? ''))));
  }
  nameservers = nameservers.slice(0, MAX_NAMESERVERS);
  searches = searches.slice(0, MAX_SEARCH_DOMAINS);
  return { nameservers, searches, options, ndots: ndotsOf(options), clusterDNS: nameservers[0] === clusterDNS };
}

/** mergeDNSOptions is mergeDNSOptions: an option named again in the pod's dnsConfig replaces the earlier one. */
function mergeDNSOptions(existing: readonly string[], added: readonly string[]): string[] {
  const byName = new Map<string, string>();
  for (const option of [...existing, ...added]) byName.set(option.split(':')[0], option);
  return [...byName.values()];
}

function ndotsOf(options: readonly string[]): number {
  const ndots = options.find((o) => o.startsWith('ndots:'));
  const n = ndots ? Number(ndots.slice('ndots:'.length)) : NaN;
  return Number.isInteger(n) && n >= 0 ? Math.min(n, 15) : DEFAULT_NDOTS;
}

function omitDuplicates(values: readonly string[]): string[] {
  return [...new Set(values)];
}
