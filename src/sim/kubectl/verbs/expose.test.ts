import { describe, expect, it } from 'vitest';
import type { Service } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../api/object';
import { createCluster } from '../../index';
import { runKubectl } from '../kubectl';
import { contextFor } from '../testContext';

const text = (...lines: string[]) => lines.map((l) => `${l}\n`).join('');

const MULTI = `apiVersion: apps/v1
kind: Deployment
metadata: { name: dns, labels: { app: dns, tier: infra } }
spec:
  selector: { matchLabels: { app: dns } }
  template:
    metadata: { labels: { app: dns } }
    spec:
      containers:
      - name: dns
        image: coredns/coredns
        ports: [{ containerPort: 53, protocol: UDP }, { containerPort: 53, protocol: TCP }, { containerPort: 9153 }]
---
apiVersion: apps/v1
kind: Deployment
metadata: { name: app, labels: { app: app } }
spec:
  selector: { matchLabels: { app: app } }
  template:
    metadata: { labels: { app: app } }
    spec: { containers: [{ name: c, image: nginx, ports: [{ containerPort: 8080 }, { containerPort: 9090, protocol: UDP }] }] }
---
apiVersion: apps/v1
kind: Deployment
metadata: { name: expr }
spec:
  selector: { matchExpressions: [{ key: app, operator: In, values: [expr] }] }
  template:
    metadata: { labels: { app: expr } }
    spec: { containers: [{ name: c, image: nginx }] }
`;

function setup() {
  const cluster = createCluster({ seed: 1 });
  cluster.apply(MULTI);
  const ctx = contextFor(cluster);
  return { cluster, run: (line: string) => runKubectl(ctx, line) };
}

type ServiceObject = Service & KubeObject;

describe('kubectl expose', () => {
  it('exposes the deployment kubectl create deployment made, as a NodePort service selecting its pods', () => {
    const { cluster, run } = setup();
    expect(run('kubectl create deployment nginx --image=nginx')).toEqual({ stdout: text('deployment.apps/nginx created'), stderr: '', exitCode: 0 });
    expect(run('kubectl expose deployment nginx --port=80 --type=NodePort')).toEqual({ stdout: text('service/nginx exposed'), stderr: '', exitCode: 0 });
    cluster.settle();
    const svc = cluster.get<ServiceObject>('Service', 'default', 'nginx')!;
    expect(svc.metadata.labels).toEqual({ app: 'nginx' });
    expect(svc.spec!.type).toBe('NodePort');
    expect(svc.spec!.selector).toEqual({ app: 'nginx' });
    expect(svc.spec!.ports).toEqual([{ port: 80, protocol: 'TCP', targetPort: 80, nodePort: svc.spec!.ports![0].nodePort }]);
    expect(svc.spec!.ports![0].nodePort).toBeGreaterThanOrEqual(30000);
    expect(cluster.actions().find((a) => a.kind === 'Service' && a.name === 'nginx')).toMatchObject({
      actor: 'kubectl',
      reason: "kubectl expose deployment nginx: a NodePort Service on port 80→80 selecting app=nginx, the Deployment's pods",
    });
  });

  it.each([
    {
      name: 'without --port every container port is copied, named port-N, with its protocol',
      line: 'kubectl expose deploy app',
      service: 'app',
      selector: { app: 'app' },
      ports: [
        { name: 'port-1', port: 8080, protocol: 'TCP', targetPort: 8080 },
        { name: 'port-2', port: 9090, protocol: 'UDP', targetPort: 9090 },
      ],
      labels: { app: 'app' },
    },
    {
      name: '--port takes the protocol the exposed container declares for it, --target-port and --name apply',
      line: 'kubectl expose deployment/dns --port=53 --target-port=dns --name=resolver -l role=dns',
      service: 'resolver',
      selector: { app: 'dns' },
      ports: [
        { name: 'port-1-udp', port: 53, protocol: 'UDP', targetPort: 'dns' },
        { name: 'port-1-tcp', port: 53, protocol: 'TCP', targetPort: 'dns' },
      ],
      labels: { role: 'dns' },
    },
    {
      name: '--protocol overrides what the containers declare',
      line: 'kubectl expose deployment dns --port=9153 --protocol=TCP --name=metrics',
      service: 'metrics',
      selector: { app: 'dns' },
      ports: [{ port: 9153, protocol: 'TCP', targetPort: 9153 }],
      labels: { app: 'dns', tier: 'infra' },
    },
  ])('$name', ({ line, service, selector, ports, labels }) => {
    const { cluster, run } = setup();
    expect(run(line)).toEqual({ stdout: text(`service/${service} exposed`), stderr: '', exitCode: 0 });
    const svc = cluster.get<ServiceObject>('Service', 'default', service)!;
    expect(svc.spec!.ports).toEqual(ports);
    expect(svc.spec!.selector).toEqual(selector);
    expect(svc.metadata.labels).toEqual(labels);
  });

  it.each([
    {
      name: 'a deployment without container ports needs --port',
      before: ['kubectl create deployment web --image=nginx'],
      line: 'kubectl expose deployment web',
      stderr: text("error: couldn't find port via --port flag or introspection"),
    },
    {
      name: 'a selector with expressions cannot become a service selector',
      before: [],
      line: 'kubectl expose deployment expr --port=80',
      stderr: text(
        'error: couldn\'t retrieve selectors via --selector flag or introspection: couldn\'t convert expressions - "[{Key:app Operator:In Values:[expr]}]" to map-based selector format',
      ),
    },
    {
      name: 'nodes cannot be exposed',
      before: [],
      line: 'kubectl expose node node-1 --port=80',
      stderr: text('error: cannot expose a Node'),
    },
    {
      name: 'a missing deployment is the API NotFound',
      before: [],
      line: 'kubectl expose deployment nope --port=80',
      stderr: text('Error from server (NotFound): deployments.apps "nope" not found'),
    },
    {
      name: 'a type without a name is refused by the builder',
      before: [],
      line: 'kubectl expose deployment --port=80',
      stderr: text('error: resource(s) were provided, but no name was specified'),
    },
    {
      name: 'exposing twice is the server AlreadyExists',
      before: ['kubectl expose deployment app'],
      line: 'kubectl expose deployment app',
      stderr: text('Error from server (AlreadyExists): services "app" already exists'),
    },
    {
      name: 'a port declared for both UDP and TCP is copied twice, which the API server refuses as kubectl sends it',
      before: [],
      line: 'kubectl expose deployment dns',
      stderr: text(
        'The Service "dns" is invalid: ',
        '* spec.ports[2]: Duplicate value: core.ServicePort{Name:"", Protocol:"UDP", AppProtocol:(*string)(nil), Port:53, TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:""}, NodePort:0}',
        '* spec.ports[3]: Duplicate value: core.ServicePort{Name:"", Protocol:"TCP", AppProtocol:(*string)(nil), Port:53, TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:""}, NodePort:0}',
      ),
    },
  ])('$name', ({ before, line, stderr }) => {
    const { run } = setup();
    for (const b of before) run(b);
    expect(run(line)).toEqual({ stdout: '', stderr, exitCode: 1 });
  });
});
