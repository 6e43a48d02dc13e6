// Mirrors pkg/controller/nodelifecycle/config/v1alpha1/defaults.go and the kube-controller-manager flags of the node
// lifecycle controller (--node-monitor-period, --node-monitor-grace-period, --node-startup-grace-period,
// --node-eviction-rate, --secondary-node-eviction-rate, --large-cluster-size-threshold, --unhealthy-zone-threshold).
import type { VirtualMs } from '../../clock/virtualClock';

/** NodeLifecycleConfig holds the node lifecycle controller's settings; times are virtual milliseconds. */
export interface NodeLifecycleConfig {
  /** How often the controller checks the heartbeats the kubelets post (--node-monitor-period). */
  nodeMonitorPeriod: VirtualMs;
  /**
   * How long a node may go without a heartbeat (node status or Lease renewal) before it is marked Unknown
   * (--node-monitor-grace-period). 50 s since v1.32 (kubernetes PR #126287); 40 s before.
   */
  nodeMonitorGracePeriod: VirtualMs;
  /** The grace period of a node whose kubelet never posted a Ready condition (--node-startup-grace-period). */
  nodeStartupGracePeriod: VirtualMs;
  /** Nodes tainted NoExecute per second in a healthy zone (--node-eviction-rate). */
  evictionLimiterQPS: number;
  /** Nodes tainted NoExecute per second in a partially disrupted large zone (--secondary-node-eviction-rate). */
  secondaryEvictionLimiterQPS: number;
  /** Zones with at most this many nodes stop tainting when partially disrupted (--large-cluster-size-threshold). */
  largeClusterThreshold: number;
  /** The share of NotReady nodes (at least 3) that makes a zone partially disrupted (--unhealthy-zone-threshold). */
  unhealthyZoneThreshold: number;
}

/** DEFAULT_NODE_LIFECYCLE_CONFIG is what kube-controller-manager runs with when no flag is given. */
export const DEFAULT_NODE_LIFECYCLE_CONFIG: Readonly<NodeLifecycleConfig> = {
  nodeMonitorPeriod: 5_000,
  nodeMonitorGracePeriod: 50_000,
  nodeStartupGracePeriod: 60_000,
  evictionLimiterQPS: 0.1,
  secondaryEvictionLimiterQPS: 0.01,
  largeClusterThreshold: 50,
  unhealthyZoneThreshold: 0.55,
};
