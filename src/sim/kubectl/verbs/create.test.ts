import { describe, expect, it } from 'vitest';
import type { Deployment } from 'kubernetes-types/apps/v1';
import type { Service } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../api/object';
import { createCluster } from '../../index';
import { runKubectl } from '../kubectl';
import { contextFor } from '../testContext';

const text = (...lines: string[]) => lines.map((l) => `${l}\n`).join('');

const WEB = `apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec: { containers: [{ name: nginx, image: nginx }] }
---
apiVersion: v1
kind: ConfigMap
metadata: { name: settings, namespace: kube-system }
data: { a: "1" }
`;

const FILES = {
  'web.yaml': WEB,
  'typo.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: c }\ndatta: { a: "1" }\n',
  'unknown.yaml': 'apiVersion: v1\nkind: Foo\nmetadata: { name: x }\n',
  'empty.yaml': '# nothing here\n',
};

function setup() {
  const cluster = createCluster({ seed: 1 });
  const ctx = contextFor(cluster, FILES);
  return { cluster, run: (line: string) => runKubectl(ctx, line) };
}

type DeploymentObject = Deployment & KubeObject;

describe('kubectl create -f', () => {
  it.each([
    {
      name: 'creates every object of the file, each in its own or the default namespace',
      before: [],
      line: 'kubectl create -f web.yaml',
      result: { stdout: text('deployment.apps/web created', 'configmap/settings created'), stderr: '', exitCode: 0 },
    },
    {
      name: 'an object that exists is the server AlreadyExists, naming the file',
      before: ['kubectl create -f web.yaml'],
      line: 'kubectl create -f web.yaml',
      result: {
        stdout: '',
        stderr: text(
          'Error from server (AlreadyExists): error when creating "web.yaml": deployments.apps "web" already exists',
          'Error from server (AlreadyExists): error when creating "web.yaml": configmaps "settings" already exists',
        ),
        exitCode: 1,
      },
    },
    {
      name: 'an unknown field is the server strict decoding error',
      before: [],
      line: 'kubectl create -f typo.yaml',
      result: {
        stdout: '',
        stderr: text('Error from server (BadRequest): error when creating "typo.yaml": ConfigMap in version "v1" cannot be handled as a ConfigMap: strict decoding error: unknown field "datta"'),
        exitCode: 1,
      },
    },
    {
      name: 'a kind the server does not serve has no mapping',
      before: [],
      line: 'kubectl create -f unknown.yaml',
      result: {
        stdout: '',
        stderr: text('error: resource mapping not found for name: "x" namespace: "" from "unknown.yaml": no matches for kind "Foo" in version "v1"', 'ensure CRDs are installed first'),
        exitCode: 1,
      },
    },
    {
      name: 'a file with no objects is refused',
      before: [],
      line: 'kubectl create -f empty.yaml',
      result: { stdout: '', stderr: text('error: no objects passed to create'), exitCode: 1 },
    },
    {
      name: 'a file that is not open in the editor does not exist',
      before: [],
      line: 'kubectl create -f nope.yaml',
      result: { stdout: '', stderr: text('error: the path "nope.yaml" does not exist'), exitCode: 1 },
    },
    {
      name: 'arguments besides -f are unexpected',
      before: [],
      line: 'kubectl create -f web.yaml extra',
      result: { stdout: '', stderr: text('error: Unexpected args: [extra]', "See 'kubectl create -h' for help and examples"), exitCode: 1 },
    },
    {
      name: 'an unknown subcommand without -f is an unknown command',
      before: [],
      line: 'kubectl create foo',
      result: {
        stdout: '',
        stderr: text('Error: must specify one of -f and -k', '', 'error: unknown command "foo"', "See 'kubectl create -h' for help and examples"),
        exitCode: 1,
      },
    },
  ])('$name', ({ before, line, result }) => {
    const { run } = setup();
    for (const b of before) run(b);
    expect(run(line)).toEqual(result);
  });

  it('narrates each created object as kubectl, naming the file and the position in it', () => {
    const { cluster, run } = setup();
    run('kubectl create -f web.yaml');
    expect(cluster.actions().slice(-2).map((a) => [a.actor, a.reason])).toEqual([
      ['kubectl', 'kubectl create -f web.yaml: object 1 of 2 in the file, deployment.apps/web, did not exist and is created'],
      ['kubectl', 'kubectl create -f web.yaml: object 2 of 2 in the file, configmap/settings, did not exist and is created'],
    ]);
    expect(cluster.get('ConfigMap', 'kube-system', 'settings')?.data).toEqual({ a: '1' });
  });
});

describe('kubectl create deployment', () => {
  it.each([
    {
      name: 'one image makes one container named after the image, labelled and selected by app=NAME',
      line: 'kubectl create deployment nginx --image=nginx',
      stdout: text('deployment.apps/nginx created'),
      expected: {
        labels: { app: 'nginx' },
        replicas: 1,
        selector: { matchLabels: { app: 'nginx' } },
        template: { labels: { app: 'nginx' } },
        containers: [{ name: 'nginx', image: 'nginx' }],
      },
    },
    {
      name: '--replicas and --port set the count and the first container port',
      line: 'kubectl create deploy web --image=registry.example.com/team/web:1.2 --replicas=3 --port=8080',
      stdout: text('deployment.apps/web created'),
      expected: {
        labels: { app: 'web' },
        replicas: 3,
        selector: { matchLabels: { app: 'web' } },
        template: { labels: { app: 'web' } },
        containers: [{ name: 'web', image: 'registry.example.com/team/web:1.2', ports: [{ containerPort: 8080, protocol: 'TCP' }] }],
      },
    },
    {
      name: 'several images together with a command after -- are refused',
      line: 'kubectl create deployment pair --image=busybox --image=redis@sha256:0123456789abcdef0123456789abcdef -- sleep 3600',
      stdout: '',
      stderr: text('error: cannot specify multiple --image options and command'),
      expected: undefined,
    },
    {
      name: 'a command after -- goes to the one container',
      line: 'kubectl create deployment sleeper --image=busybox -- sleep 3600',
      stdout: text('deployment.apps/sleeper created'),
      expected: {
        labels: { app: 'sleeper' },
        replicas: 1,
        selector: { matchLabels: { app: 'sleeper' } },
        template: { labels: { app: 'sleeper' } },
        containers: [{ name: 'busybox', image: 'busybox', command: ['sleep', '3600'] }],
      },
    },
  ])('$name', ({ line, stdout, stderr, expected }) => {
    const { cluster, run } = setup();
    const result = run(line);
    expect(result).toEqual({ stdout, stderr: stderr ?? '', exitCode: expected ? 0 : 1 });
    if (!expected) return;
    const name = line.split(' ')[3];
    const d = cluster.get<DeploymentObject>('Deployment', 'default', name)!;
    const containers = d.spec!.template.spec!.containers.map((c) => ({
      name: c.name,
      image: c.image,
      ...(c.command ? { command: c.command } : {}),
      ...(c.ports ? { ports: c.ports } : {}),
    }));
    expect({
      labels: d.metadata.labels,
      replicas: d.spec!.replicas,
      selector: d.spec!.selector,
      template: { labels: d.spec!.template.metadata?.labels },
      containers,
    }).toEqual(expected);
  });

  it.each([
    {
      name: 'creating a deployment that exists fails as kubectl wraps the AlreadyExists',
      before: ['kubectl create deployment nginx --image=nginx'],
      line: 'kubectl create deployment nginx --image=nginx',
      stderr: text('error: failed to create deployment: deployments.apps "nginx" already exists'),
    },
    {
      name: '--image is a required flag',
      before: [],
      line: 'kubectl create deployment nginx',
      stderr: text('error: required flag(s) "image" not set'),
    },
    {
      name: 'exactly one NAME is required',
      before: [],
      line: 'kubectl create deployment --image=nginx',
      stderr: text('error: exactly one NAME is required, got 0', "See 'kubectl create deployment -h' for help and examples"),
    },
  ])('$name', ({ before, line, stderr }) => {
    const { run } = setup();
    for (const b of before) run(b);
    expect(run(line)).toEqual({ stdout: '', stderr, exitCode: 1 });
  });

  it('-o yaml prints the created object, with the server defaults', () => {
    const { run } = setup();
    const { stdout } = run('kubectl create deployment nginx --image=nginx -o yaml');
    expect(stdout.split('\n').slice(0, 3)).toEqual(['apiVersion: apps/v1', 'kind: Deployment', 'metadata:']);
    expect(stdout).toContain('  progressDeadlineSeconds: 600\n');
  });

  it('narrates the write as kubectl with the replica count and the selector', () => {
    const { cluster, run } = setup();
    run('kubectl create deployment nginx --image=nginx --replicas=2');
    expect(cluster.actions().find((a) => a.kind === 'Deployment' && a.name === 'nginx')).toMatchObject({
      actor: 'kubectl',
      reason: 'kubectl create deployment nginx: a new Deployment of 2 replica(s) running nginx, selecting pods labelled app=nginx',
    });
  });
});

describe('kubectl create namespace and service', () => {
  it.each([
    { name: 'a namespace is created with just its name', line: 'kubectl create namespace dev', result: { stdout: text('namespace/dev created'), stderr: '', exitCode: 0 } },
    {
      name: 'an existing namespace is the server AlreadyExists',
      line: 'kubectl create ns default',
      result: { stdout: '', stderr: text('Error from server (AlreadyExists): namespaces "default" already exists'), exitCode: 1 },
    },
    {
      name: 'a ClusterIP service needs a --tcp port',
      line: 'kubectl create service clusterip web',
      result: { stdout: '', stderr: text('error: at least one tcp port specifier must be provided'), exitCode: 1 },
    },
    {
      name: 'a NodePort service with a bare port is created',
      line: 'kubectl create service nodeport web --tcp=80',
      result: { stdout: text('service/web created'), stderr: '', exitCode: 0 },
    },
    {
      name: 'a headless service is only possible for ClusterIP, which then needs no port',
      line: 'kubectl create service clusterip db --clusterip=None',
      result: { stdout: text('service/db created'), stderr: '', exitCode: 0 },
    },
    {
      name: 'a port that is not a number is strconv.ParseUint’s error',
      line: 'kubectl create svc clusterip web --tcp=http:80',
      result: { stdout: '', stderr: text('error: strconv.ParseUint: parsing "http": invalid syntax'), exitCode: 1 },
    },
    {
      name: 'an existing service fails as kubectl wraps the AlreadyExists',
      line: 'kubectl create service clusterip kubernetes --tcp=443',
      result: { stdout: '', stderr: text('error: failed to create ClusterIP service: services "kubernetes" already exists'), exitCode: 1 },
    },
  ])('$name', ({ line, result }) => {
    expect(setup().run(line)).toEqual(result);
  });

  it.each([
    {
      name: 'clusterip builds a named TCP port from port:targetPort, selecting app=NAME',
      line: 'kubectl create service clusterip web --tcp=80:8080',
      spec: { type: 'ClusterIP', selector: { app: 'web' }, ports: [{ name: '80-8080', port: 80, targetPort: 8080, protocol: 'TCP' }] },
    },
    {
      name: 'nodeport keeps the --node-port given',
      line: 'kubectl create service nodeport web --tcp=80:http --node-port=30080',
      spec: { type: 'NodePort', selector: { app: 'web' }, ports: [{ name: '80-http', port: 80, targetPort: 'http', protocol: 'TCP', nodePort: 30080 }] },
    },
    {
      name: 'loadbalancer with a bare port targets the same port',
      line: 'kubectl create service loadbalancer web --tcp=443',
      spec: { type: 'LoadBalancer', selector: { app: 'web' }, ports: [{ name: '443', port: 443, targetPort: 443, protocol: 'TCP' }] },
    },
  ])('$name', ({ line, spec }) => {
    const { cluster, run } = setup();
    expect(run(line).exitCode).toBe(0);
    const svc = cluster.get<Service & KubeObject>('Service', 'default', 'web')!;
    expect(svc.metadata.labels).toEqual({ app: 'web' });
    expect({
      type: svc.spec!.type,
      selector: svc.spec!.selector,
      ports: svc.spec!.ports!.map((p) => ({ name: p.name, port: p.port, targetPort: p.targetPort, protocol: p.protocol, ...(spec.type === 'NodePort' ? { nodePort: p.nodePort } : {}) })),
    }).toEqual(spec);
  });
});
