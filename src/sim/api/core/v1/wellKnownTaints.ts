// Mirrors k8s.io/api/core/v1/well_known_taints.go.

/** TaintNodeNotReady will be added when node is not ready and removed when node becomes ready. */
export const TaintNodeNotReady = 'node.kubernetes.io/not-ready';
/** TaintNodeUnreachable will be added when node becomes unreachable (Ready condition Unknown). */
export const TaintNodeUnreachable = 'node.kubernetes.io/unreachable';
/** TaintNodeUnschedulable will be added when node becomes unschedulable (cordoned). */
export const TaintNodeUnschedulable = 'node.kubernetes.io/unschedulable';
/** TaintNodeMemoryPressure will be added when node has memory pressure. */
export const TaintNodeMemoryPressure = 'node.kubernetes.io/memory-pressure';
/** TaintNodeDiskPressure will be added when node has disk pressure. */
export const TaintNodeDiskPressure = 'node.kubernetes.io/disk-pressure';
/** TaintNodeNetworkUnavailable will be added when node's network is unavailable. */
export const TaintNodeNetworkUnavailable = 'node.kubernetes.io/network-unavailable';
/** TaintNodePIDPressure will be added when node has pid pressure. */
export const TaintNodePIDPressure = 'node.kubernetes.io/pid-pressure';
/** TaintNodeOutOfService can be added when node is out of service in case of a non-graceful shutdown. */
export const TaintNodeOutOfService = 'node.kubernetes.io/out-of-service';
