// The networking teaching moments, end to end on one seeded cluster with CoreDNS and ingress-nginx: traffic through an
// Ingress during a rolling restart (with and without a readiness probe), and while a node dies.
import { describe, expect, it } from 'vitest';
import { createCluster } from '../index';

const INGRESS = (name: string, port: number) => `---
apiVersion: v1
kind: Service
metadata: { name: ${name} }
spec: { selector: { app: ${name} }, ports: [{ port: 80, targetPort: ${port} }] }
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: { name: ${name} }
spec:
  rules:
  - host: ${name}.example.com
    http: { paths: [{ path: /, pathType: Prefix, backend: { service: { name: ${name}, port: { number: 80 } } } }] }
`;

/** A Spring Boot app (listens 6 s after it starts), 3 replicas, behind an Ingress; optionally with a readiness probe. */
function springApp(readinessProbe: boolean): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata: { name: app }
spec:
  replicas: 3
  selector: { matchLabels: { app: app } }
  template:
    metadata: { labels: { app: app } }
    spec:
      containers:
      - name: app
        image: springio/gs-spring-boot-docker
        ports: [{ containerPort: 8080 }]
${readinessProbe ? '        readinessProbe: { httpGet: { path: /, port: 8080 }, periodSeconds: 2 }\n' : ''}${INGRESS('app', 8080)}`;
}

function rollingRestartUnderTraffic(readinessProbe: boolean) {
  const cluster = createCluster({ seed: 1, addons: true });
  cluster.apply(springApp(readinessProbe));
  cluster.advance(60_000);
  cluster.network.traffic.start({ id: 'users', source: { kind: 'external' }, url: 'http://app.example.com/', ratePerSecond: 20 });
  cluster.advance(5_000);
  expect(cluster.kubectl('rollout restart deployment/app').stdout).toBe('deployment.apps/app restarted\n');
  cluster.advance(90_000);
  return { flow: cluster.network.traffic.stats().flows.users, pods: cluster.kubectl('get pods').stdout };
}

describe('traffic through an Ingress during a rolling restart', () => {
  it('with a readiness probe, every request succeeds: a new pod gets traffic only once it answers', () => {
    expect(rollingRestartUnderTraffic(true).flow).toEqual({ total: 1900, success: 1900, errors: {}, ratePerSecond: 20 });
  });

  it('without one, a new pod is an endpoint as soon as it starts, and requests sent before it listens are refused', () => {
    const { flow, pods } = rollingRestartUnderTraffic(false);
    expect(flow).toEqual({ total: 1900, success: 1779, errors: { 'connection refused': 121 }, ratePerSecond: 20 });
    expect(pods.split('\n').filter((l) => / 1\/1 +Running/.test(l))).toHaveLength(3);
  });
});

describe('traffic while a node dies', () => {
  it('requests sent to the dead node time out until the node is NotReady and its endpoints turn not ready, then all succeed', () => {
    const cluster = createCluster({ seed: 1, addons: true });
    cluster.apply(`apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  replicas: 3
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec: { containers: [{ name: nginx, image: nginx:1.27, ports: [{ containerPort: 80 }] }] }
${INGRESS('web', 80)}`);
    cluster.advance(60_000);
    expect(cluster.kubectl('get pods -o wide -l app=web --no-headers').stdout.split('\n').map((l) => l.split(/ +/)[6])).toEqual(['node-3', 'node-2', 'node-1', undefined]);
    cluster.network.traffic.start({ id: 'users', source: { kind: 'external' }, url: 'http://web.example.com/', ratePerSecond: 10 });
    // node-2 runs one of the three web pods and not the ingress controller, which every request goes through.
    expect(cluster.kubectl('get pods -o wide -n ingress-nginx --no-headers').stdout.split(/ +/)[6]).toBe('node-3');
    cluster.advance(10_000);
    cluster.killNode('node-2');
    const timeouts: number[] = [];
    for (let i = 0; i < 8; i++) {
      cluster.advance(10_000);
      timeouts.push(cluster.network.traffic.stats().flows.users.errors.timeout ?? 0);
    }
    // One request in three goes to node-2's pod; the node is NotReady 50 s after its last heartbeat, and from then
    // on its pod is no longer a ready endpoint.
    expect(timeouts).toEqual([34, 67, 100, 134, 167, 184, 184, 184]);
    expect(cluster.network.traffic.stats().flows.users).toMatchObject({ total: 900, success: 716 });
  });
});
