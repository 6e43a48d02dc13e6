import { describe, expect, it } from 'vitest';
import type { Pod, Service } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../api/object';
import { createCluster } from '../../index';
import { runKubectl } from '../kubectl';
import { contextFor } from '../testContext';

const text = (...lines: string[]) => lines.map((l) => `${l}\n`).join('');

function setup() {
  const cluster = createCluster({ seed: 1 });
  const ctx = contextFor(cluster);
  return { cluster, run: (line: string) => runKubectl(ctx, line) };
}

type PodObject = Pod & KubeObject;

describe('kubectl run', () => {
  it.each([
    {
      name: 'a pod named after the command, labelled run=NAME, one container of the same name',
      line: 'kubectl run nginx --image=nginx',
      labels: { run: 'nginx' },
      container: { name: 'nginx', image: 'nginx' },
      restartPolicy: 'Always',
    },
    {
      name: '--port, --env, --labels and --restart=Never shape the pod',
      line: 'kubectl run web --image=nginx:1.27 --port=8080 --env=MODE=prod --env=EMPTY= --labels=app=web,tier=fe --restart=Never',
      labels: { app: 'web', tier: 'fe' },
      container: { name: 'web', image: 'nginx:1.27', ports: [{ containerPort: 8080, protocol: 'TCP' }], env: [{ name: 'MODE', value: 'prod' }, { name: 'EMPTY' }] },
      restartPolicy: 'Never',
    },
    {
      name: 'arguments after -- are the container args',
      line: 'kubectl run echo --image=busybox -- echo hello',
      labels: { run: 'echo' },
      container: { name: 'echo', image: 'busybox', args: ['echo', 'hello'] },
      restartPolicy: 'Always',
    },
    {
      name: 'with --command they replace the image command',
      line: 'kubectl run sleeper --image=busybox --restart=OnFailure --command -- sleep 3600',
      labels: { run: 'sleeper' },
      container: { name: 'sleeper', image: 'busybox', command: ['sleep', '3600'] },
      restartPolicy: 'OnFailure',
    },
  ])('$name', ({ line, labels, container, restartPolicy }) => {
    const { cluster, run } = setup();
    const name = line.split(' ')[2];
    expect(run(line)).toEqual({ stdout: text(`pod/${name} created`), stderr: '', exitCode: 0 });
    const pod = cluster.get<PodObject>('Pod', 'default', name)!;
    expect(pod.metadata.labels).toEqual(labels);
    const c = pod.spec!.containers[0];
    expect({
      name: c.name,
      image: c.image,
      ...(c.ports ? { ports: c.ports } : {}),
      ...(c.env ? { env: c.env } : {}),
      ...(c.args ? { args: c.args } : {}),
      ...(c.command ? { command: c.command } : {}),
    }).toEqual(container);
    expect(pod.spec!.restartPolicy).toBe(restartPolicy);
    expect(pod.spec!.dnsPolicy).toBe('ClusterFirst');
  });

  it('--expose also creates a ClusterIP service on the port, selecting the pod', () => {
    const { cluster, run } = setup();
    expect(run('kubectl run web --image=nginx --port=80 --expose')).toEqual({ stdout: text('pod/web created', 'service/web created'), stderr: '', exitCode: 0 });
    const svc = cluster.get<Service & KubeObject>('Service', 'default', 'web')!;
    expect(svc.metadata.labels).toBeUndefined();
    expect(svc.spec!.selector).toEqual({ run: 'web' });
    expect(svc.spec!.ports).toEqual([{ port: 80, protocol: 'TCP', targetPort: 80 }]);
  });

  it('narrates the pod as kubectl writes it', () => {
    const { cluster, run } = setup();
    run('kubectl run nginx --image=nginx');
    expect(cluster.actions().find((a) => a.kind === 'Pod' && a.name === 'nginx')).toMatchObject({
      actor: 'kubectl',
      reason: 'kubectl run nginx --image=nginx: a single pod (restartPolicy Always) running nginx, labelled run=nginx',
    });
  });

  it.each([
    { name: '--image is a required flag', line: 'kubectl run nginx', stderr: text('error: required flag(s) "image" not set') },
    { name: 'a name is required', line: 'kubectl run --image=nginx', stderr: text('error: NAME is required for run') },
    { name: 'a name cannot come after --', line: 'kubectl run --image=nginx -- nginx', stderr: text('error: NAME is required for run') },
    {
      name: 'an image reference with capitals is invalid',
      line: 'kubectl run web --image=Nginx',
      stderr: text('error: invalid image name "Nginx": invalid reference format'),
    },
    {
      name: 'the restart policy must be one of three',
      line: 'kubectl run web --image=nginx --restart=Sometimes',
      stderr: text('error: invalid restart policy: Sometimes, valid values are: Always, OnFailure, Never'),
    },
    { name: 'an env entry needs a NAME=', line: 'kubectl run web --image=nginx --env=MODE', stderr: text('error: invalid env: MODE') },
    { name: 'a label needs exactly one =', line: 'kubectl run web --image=nginx --labels=a=b=c', stderr: text('error: unexpected label spec: a=b=c') },
    { name: '--port must be a number', line: 'kubectl run web --image=nginx --port=http', stderr: text('error: --port must be a number') },
    { name: '--expose needs --port', line: 'kubectl run web --image=nginx --expose', stderr: text('error: --port must be set when exposing a service') },
  ])('$name', ({ line, stderr }) => {
    expect(setup().run(line)).toEqual({ stdout: '', stderr, exitCode: 1 });
  });

  it('running a pod that exists is the server AlreadyExists', () => {
    const { run } = setup();
    run('kubectl run nginx --image=nginx');
    expect(run('kubectl run nginx --image=nginx')).toEqual({ stdout: '', stderr: text('Error from server (AlreadyExists): pods "nginx" already exists'), exitCode: 1 });
  });
});
