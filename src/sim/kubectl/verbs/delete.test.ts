import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../api/object';
import { createCluster } from '../../index';
import { runKubectl } from '../kubectl';
import { contextFor } from '../testContext';

const text = (...lines: string[]) => lines.map((l) => `${l}\n`).join('');

const FIXTURE = `apiVersion: v1
kind: Pod
metadata: { name: web, labels: { app: web } }
spec: { containers: [{ name: nginx, image: nginx }] }
---
apiVersion: v1
kind: Pod
metadata: { name: db, labels: { app: db } }
spec: { containers: [{ name: postgres, image: postgres }], terminationGracePeriodSeconds: 10 }
---
apiVersion: apps/v1
kind: Deployment
metadata: { name: api }
spec:
  replicas: 1
  selector: { matchLabels: { app: api } }
  template:
    metadata: { labels: { app: api } }
    spec: { containers: [{ name: api, image: nginx }] }
`;

const FORCE_WARNING = 'Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.';

function setup() {
  const cluster = createCluster({ seed: 1 });
  cluster.apply(FIXTURE);
  cluster.settle();
  const ctx = contextFor(cluster, { 'web.yaml': FIXTURE.split('---')[0] });
  return { cluster, run: (line: string) => runKubectl(ctx, line) };
}

const deletion = (obj: KubeObject | undefined) => obj && { timestamp: obj.metadata.deletionTimestamp !== undefined, grace: obj.metadata.deletionGracePeriodSeconds, finalizers: obj.metadata.finalizers };

describe('kubectl delete', () => {
  it.each([
    {
      name: 'a scheduled pod is deleted gracefully, with its own grace period',
      line: 'kubectl delete pod db',
      result: { stdout: text('pod "db" deleted from default namespace'), stderr: '', exitCode: 0 },
      object: ['Pod', 'db'],
      state: { timestamp: true, grace: 10, finalizers: undefined },
    },
    {
      name: '--grace-period=0 without --force becomes a grace period of 1 second',
      line: 'kubectl delete pod/web --grace-period=0',
      result: { stdout: text('pod "web" deleted from default namespace'), stderr: '', exitCode: 0 },
      object: ['Pod', 'web'],
      state: { timestamp: true, grace: 1, finalizers: undefined },
    },
    {
      name: '--now is a grace period of 1 second',
      line: 'kubectl delete pods web --now',
      result: { stdout: text('pod "web" deleted from default namespace'), stderr: '', exitCode: 0 },
      object: ['Pod', 'web'],
      state: { timestamp: true, grace: 1, finalizers: undefined },
    },
    {
      name: '--force removes the pod at once, with kubectl’s warning',
      line: 'kubectl delete pod web --force',
      result: { stdout: text('pod "web" force deleted from default namespace'), stderr: text(FORCE_WARNING), exitCode: 0 },
      object: ['Pod', 'web'],
      state: undefined,
    },
    {
      name: '--cascade=foreground keeps the deployment until its dependents are gone',
      line: 'kubectl delete deployment api --cascade=foreground',
      result: { stdout: text('deployment.apps "api" deleted from default namespace'), stderr: '', exitCode: 0 },
      object: ['Deployment', 'api'],
      state: { timestamp: true, grace: 0, finalizers: ['foregroundDeletion'] },
    },
    {
      name: 'a deprecated boolean --cascade still works, with a warning',
      line: 'kubectl delete deployment api --cascade=false',
      result: {
        stdout: text('deployment.apps "api" deleted from default namespace'),
        stderr: text('warning: --cascade=false is deprecated (boolean value) and can be replaced with --cascade=orphan.'),
        exitCode: 0,
      },
      object: ['Deployment', 'api'],
      state: { timestamp: true, grace: 0, finalizers: ['orphan'] },
    },
    {
      name: 'the objects of a file are deleted by the names it gives',
      line: 'kubectl delete -f web.yaml',
      result: { stdout: text('pod "web" deleted from default namespace'), stderr: '', exitCode: 0 },
      object: ['Pod', 'web'],
      state: { timestamp: true, grace: 30, finalizers: undefined },
    },
    {
      name: '-o name prints resource/name',
      line: 'kubectl delete pod web -o name',
      result: { stdout: text('pod/web'), stderr: '', exitCode: 0 },
      object: ['Pod', 'web'],
      state: { timestamp: true, grace: 30, finalizers: undefined },
    },
  ])('$name', ({ line, result, object, state }) => {
    const { cluster, run } = setup();
    expect(run(line)).toEqual(result);
    expect(deletion(cluster.get(object[0], 'default', object[1]))).toEqual(state);
  });

  it.each([
    {
      name: 'a missing name among others is reported after the others are deleted',
      line: 'kubectl delete pod web nope db',
      result: {
        stdout: text('pod "web" deleted from default namespace', 'pod "db" deleted from default namespace'),
        stderr: text('Error from server (NotFound): pods "nope" not found'),
        exitCode: 1,
      },
    },
    {
      name: '--ignore-not-found treats a missing object as deleted',
      line: 'kubectl delete pod nope --ignore-not-found',
      result: { stdout: '', stderr: '', exitCode: 0 },
    },
    {
      name: 'a selector deletes what it matches',
      line: 'kubectl delete pods -l app=web',
      result: { stdout: text('pod "web" deleted from default namespace'), stderr: '', exitCode: 0 },
    },
    {
      name: 'a selector that matches nothing finds no resources',
      line: 'kubectl delete pods -l app=nothing',
      result: { stdout: text('No resources found'), stderr: '', exitCode: 0 },
    },
    {
      name: '--all deletes every object of the type in the namespace',
      line: 'kubectl delete deploy --all',
      result: { stdout: text('deployment.apps "api" deleted from default namespace'), stderr: '', exitCode: 0 },
    },
    {
      name: 'a cluster-scoped object deleted with -n gets a warning and no namespace in the output',
      line: 'kubectl delete node node-3 -n default',
      result: { stdout: text('node "node-3" deleted'), stderr: text('Warning: deleting cluster-scoped resources, not scoped to the provided namespace'), exitCode: 0 },
    },
    {
      name: 'a type without a name, selector or --all is refused',
      line: 'kubectl delete pods',
      result: { stdout: '', stderr: text('error: resource(s) were provided, but no name was specified'), exitCode: 1 },
    },
    {
      name: 'nothing to delete is the builder’s missing resource error',
      line: 'kubectl delete',
      result: {
        stdout: '',
        stderr: text(
          'error: You must provide one or more resources by argument or filename.',
          'Example resource specifications include:',
          "   '-f rsrc.yaml'",
          "   '--filename=rsrc.json'",
          "   '<resource> <name>'",
          "   '<resource>'",
        ),
        exitCode: 1,
      },
    },
    {
      name: '--now and --grace-period together are refused',
      line: 'kubectl delete pod web --now --grace-period=5',
      result: { stdout: '', stderr: text('error: --now and --grace-period cannot be specified together'), exitCode: 1 },
    },
    {
      name: '--force with a positive grace period is refused',
      line: 'kubectl delete pod web --force --grace-period=5',
      result: { stdout: '', stderr: text('error: --force and --grace-period greater than 0 cannot be specified together'), exitCode: 1 },
    },
    {
      name: 'an unknown cascade strategy is refused',
      line: 'kubectl delete deploy api --cascade=later',
      result: { stdout: '', stderr: text('error: invalid cascade value (later). Must be "background", "foreground", or "orphan"'), exitCode: 1 },
    },
    {
      name: 'only -o name is an output mode',
      line: 'kubectl delete pod web -o yaml',
      result: { stdout: '', stderr: text("error: unexpected -o output mode: yaml. We only support '-o name'"), exitCode: 1 },
    },
  ])('$name', ({ line, result }) => {
    expect(setup().run(line)).toEqual(result);
  });

  it('--cascade=orphan leaves the ReplicaSet running without an owner', () => {
    const { cluster, run } = setup();
    run('kubectl delete deployment api --cascade=orphan');
    cluster.settle();
    const [rs] = cluster.list('ReplicaSet', { namespace: 'default' });
    expect(cluster.get('Deployment', 'default', 'api')).toBeUndefined();
    expect(rs.metadata.ownerReferences ?? []).toEqual([]);
  });

  it('narrates a pod deletion as kubectl with the grace period the kubelet gets', () => {
    const { cluster, run } = setup();
    run('kubectl delete pod db');
    const pod = cluster.get('Pod', 'default', 'db')!;
    expect(cluster.actions().filter((a) => a.verb === 'delete').at(-1)).toMatchObject({
      actor: 'kubectl',
      reason: `kubectl delete pod db: graceful deletion: the kubelet on ${(pod.spec as { nodeName: string }).nodeName} has 10s to stop the containers`,
    });
  });
});
