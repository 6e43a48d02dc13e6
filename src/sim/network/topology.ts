// Mirrors pkg/proxy/topology.go CategorizeEndpoints: usable endpoints are the ready ones, falling back (separately
// for the Cluster and the Local policy) to serving terminating ones. Leaves out topology hints (trafficDistribution
// PreferSameZone / PreferSameNode), so topologyMode is always "".
import type { ServiceEndpoint } from './serviceEndpoints';

/** TrafficPolicies says which endpoint sets a service port uses on the node making the choice. */
export interface TrafficPolicies {
  usesCluster: boolean;
  usesLocal: boolean;
}

export interface CategorizedEndpoints {
  /** Usable endpoints for Cluster traffic policy; empty when the service never uses it. */
  clusterEndpoints: ServiceEndpoint[];
  /** Usable endpoints on this node for Local traffic policy; empty when the service never uses it. */
  localEndpoints: ServiceEndpoint[];
  /** Whether any endpoint anywhere in the cluster is usable: when false, kube-proxy rejects the traffic. */
  hasAnyEndpoints: boolean;
}

/** categorizeEndpoints is CategorizeEndpoints for the endpoints of one service port, seen from `nodeName`. */
export function categorizeEndpoints(endpoints: readonly ServiceEndpoint[], policies: TrafficPolicies, nodeName: string): CategorizedEndpoints {
  const result: CategorizedEndpoints = { clusterEndpoints: [], localEndpoints: [], hasAnyEndpoints: false };
  if (endpoints.length === 0) return result;
  const isLocal = (ep: ServiceEndpoint) => ep.nodeName === nodeName;
  if (policies.usesCluster) {
    result.clusterEndpoints = endpoints.filter((ep) => ep.ready);
    // No ready endpoint anywhere: try again with terminating endpoints that still pass their readiness probe.
    if (result.clusterEndpoints.length === 0) result.clusterEndpoints = endpoints.filter((ep) => ep.serving && ep.terminating);
    if (result.clusterEndpoints.length > 0) result.hasAnyEndpoints = true;
  }
  if (!policies.usesLocal) return result;
  let hasLocalReady = false;
  let hasLocalServingTerminating = false;
  for (const ep of endpoints) {
    if (ep.ready) {
      result.hasAnyEndpoints = true;
      if (isLocal(ep)) hasLocalReady = true;
    } else if (ep.serving && ep.terminating) {
      result.hasAnyEndpoints = true;
      if (isLocal(ep)) hasLocalServingTerminating = true;
    }
  }
  if (hasLocalReady) result.localEndpoints = endpoints.filter((ep) => isLocal(ep) && ep.ready);
  else if (hasLocalServingTerminating) result.localEndpoints = endpoints.filter((ep) => isLocal(ep) && ep.serving && ep.terminating);
  return result;
}
