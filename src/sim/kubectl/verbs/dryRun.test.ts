import { describe, expect, it } from 'vitest';
import { createCluster } from '../../index';

const text = (...lines: string[]) => lines.map((l) => `${l}\n`).join('');

describe('--dry-run=client prints the generated object as kubectl does, and creates nothing', () => {
  it.each([
    [
      'kubectl create deployment nginx --image=nginx --dry-run=client -o yaml',
      text('apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  creationTimestamp: null', '  labels:', '    app: nginx', '  name: nginx', 'spec:', '  replicas: 1', '  selector:', '    matchLabels:', '      app: nginx', '  strategy: {}', '  template:', '    metadata:', '      creationTimestamp: null', '      labels:', '        app: nginx', '    spec:', '      containers:', '      - image: nginx', '        name: nginx', '        resources: {}', 'status: {}'),
    ],
    [
      'kubectl run nginx --image=nginx --dry-run=client -o yaml',
      text('apiVersion: v1', 'kind: Pod', 'metadata:', '  creationTimestamp: null', '  labels:', '    run: nginx', '  name: nginx', 'spec:', '  containers:', '  - image: nginx', '    name: nginx', '    resources: {}', '  dnsPolicy: ClusterFirst', '  restartPolicy: Always', 'status: {}'),
    ],
    [
      'kubectl create service clusterip my-cs --tcp=5678:8080 --dry-run=client -o yaml',
      text('apiVersion: v1', 'kind: Service', 'metadata:', '  creationTimestamp: null', '  labels:', '    app: my-cs', '  name: my-cs', 'spec:', '  ports:', '  - name: 5678-8080', '    port: 5678', '    protocol: TCP', '    targetPort: 8080', '  selector:', '    app: my-cs', '  type: ClusterIP', 'status:', '  loadBalancer: {}'),
    ],
    ['kubectl create namespace dev --dry-run=client -o yaml', text('apiVersion: v1', 'kind: Namespace', 'metadata:', '  creationTimestamp: null', '  name: dev', 'spec: {}', 'status: {}')],
    ['kubectl create deployment web --image=nginx --dry-run=client', text('deployment.apps/web created (dry run)')],
    ['kubectl -n dev run web --image=nginx --dry-run=client -o name', text('pod/web')],
  ])('%s', (line, stdout) => {
    const cluster = createCluster({ seed: 1, nodes: [] });
    const before = cluster.actions().length;
    expect(cluster.kubectl(line)).toEqual({ stdout, stderr: '', exitCode: 0 });
    expect(cluster.actions().length).toBe(before);
  });

  it('expose prints the Service it would create for a Deployment', () => {
    const cluster = createCluster({ seed: 1, nodes: [] });
    cluster.kubectl('kubectl create deployment web --image=nginx');
    expect(cluster.kubectl('kubectl expose deployment web --port=80 --dry-run=client -o yaml').stdout).toBe(
      text('apiVersion: v1', 'kind: Service', 'metadata:', '  creationTimestamp: null', '  labels:', '    app: web', '  name: web', 'spec:', '  ports:', '  - port: 80', '    protocol: TCP', '    targetPort: 80', '  selector:', '    app: web', 'status:', '  loadBalancer: {}'),
    );
    expect(cluster.get('Service', 'default', 'web')).toBeUndefined();
  });

  it.each([
    ['kubectl create deployment web --image=nginx --dry-run=foo', 'error: Invalid dry-run value (foo). Must be "none", "server", or "client".\n'],
    ['kubectl create deployment web --image=nginx --dry-run=server', 'error: --dry-run=server is not supported in Kubeplay: the simulated API server has no dry-run mode\n'],
  ])('%s is refused', (line, stderr) => {
    expect(createCluster({ seed: 1, nodes: [] }).kubectl(line)).toEqual({ stdout: '', stderr, exitCode: 1 });
  });
});
