// Test support: the cluster get.test.ts prints, built the same way every time (seed 1, settled).
import { createCluster, type Cluster } from '../../index';

/** FIXTURE_MANIFEST is a Deployment of three nginx pods, its Service, and a ConfigMap in kube-system. */
export const FIXTURE_MANIFEST = `apiVersion: apps/v1
kind: Deployment
metadata: { name: web, labels: { app: web } }
spec:
  replicas: 3
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:
      containers: [{ name: nginx, image: nginx:1.27, resources: { requests: { cpu: 100m } } }]
---
apiVersion: v1
kind: Service
metadata: { name: web }
spec:
  selector: { app: web }
  ports: [{ port: 80, targetPort: 8080 }]
---
apiVersion: v1
kind: ConfigMap
metadata: { name: settings, namespace: kube-system }
data: { a: "1", b: "2" }
`;

/** fixtureCluster applies FIXTURE_MANIFEST to a seed-1 cluster and settles it. */
export function fixtureCluster(): Cluster {
  const cluster = createCluster({ seed: 1 });
  cluster.apply(FIXTURE_MANIFEST);
  cluster.settle();
  return cluster;
}
