// Test support: a KubectlContext over a simulated cluster, as the cluster wires it for `cluster.kubectl(line)`.
import type { Cluster } from '../cluster/cluster';
import type { KubectlContext } from './verb';

/** contextFor gives kubectl the cluster's API, kinds and clock, with optional editor files for -f. */
export function contextFor(cluster: Cluster, files: Record<string, string> = {}): KubectlContext {
  return {
    client: cluster.client,
    registry: cluster.registry,
    now: () => cluster.now(),
    files: (name) => files[name],
  };
}
