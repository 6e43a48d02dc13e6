// A Deployment too large for kube-controller-manager's client burst, on nodes roomy enough to hold it: the fixture of
// the scenarios about client-side rate limits and Event correlation.
import { createCluster } from '../index';

/** nginxDeployment is Deployment `web` of `replicas` nginx:1.27 pods. */
export function nginxDeployment(replicas: number): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  replicas: ${replicas}
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec: { containers: [{ name: nginx, image: nginx:1.27 }] }
`;
}

/** roomyCluster has two nodes of 32 CPUs, 64 GiB and 110 pods each. */
export function roomyCluster() {
  const node = (name: string) => ({ name, cpu: '32', memory: '64Gi', pods: 110 });
  return createCluster({ seed: 1, nodes: [node('node-1'), node('node-2')] });
}
