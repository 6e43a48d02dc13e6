import { describe, expect, it } from 'vitest';
import type { Deployment } from 'kubernetes-types/apps/v1';
import type { KubeObject } from '../../api/object';
import { createCluster } from '../../index';
import { runKubectl } from '../kubectl';
import { contextFor } from '../testContext';
import type { KubectlResult } from '../verb';

const text = (...lines: string[]) => lines.map((l) => `${l}\n`).join('');

/** A settled three-replica Deployment `web` at revision 1. */
function setup() {
  const cluster = createCluster({ seed: 1 });
  const ctx = contextFor(cluster);
  const run = (line: string) => runKubectl(ctx, line);
  run('kubectl create deployment web --image=nginx:1.26 --replicas=3');
  cluster.settle();
  return { cluster, run };
}

type DeploymentObject = Deployment & KubeObject;
const deployment = (cluster: ReturnType<typeof setup>['cluster']) => cluster.get<DeploymentObject>('Deployment', 'default', 'web')!;

/** follow collects what a stream prints while the cluster settles. */
function follow(cluster: ReturnType<typeof setup>['cluster'], result: KubectlResult): string {
  let out = '';
  // A finished command says so with its exit code, shown here as `[exit N]`.
  const stop = result.stream?.onEvent((o) => (out += o.stdout + o.stderr + (o.exitCode === undefined ? '' : `[exit ${o.exitCode}]`)));
  cluster.settle();
  stop?.();
  return out;
}

describe('kubectl rollout status', () => {
  it('a finished rollout prints success at once, with no stream', () => {
    const { run } = setup();
    const result = run('kubectl rollout status deployment/web');
    expect(result).toEqual({ stdout: text('deployment "web" successfully rolled out'), stderr: '', exitCode: 0 });
  });

  it('follows a new rollout, printing each distinct message until success', () => {
    const { cluster, run } = setup();
    run('kubectl set image deployment/web nginx=nginx:1.27');
    const result = run('kubectl rollout status deploy web');
    expect(result.stdout).toBe(text('Waiting for deployment spec update to be observed...'));
    expect(follow(cluster, result)).toBe(
      text(
        'Waiting for deployment "web" rollout to finish: 0 out of 3 new replicas have been updated...',
        'Waiting for deployment "web" rollout to finish: 1 out of 3 new replicas have been updated...',
        'Waiting for deployment "web" rollout to finish: 2 out of 3 new replicas have been updated...',
        'Waiting for deployment "web" rollout to finish: 1 old replicas are pending termination...',
        'deployment "web" successfully rolled out',
      ) + '[exit 0]',
    );
  });

  it('--watch=false prints the current status once', () => {
    const { run } = setup();
    run('kubectl scale deployment web --replicas=4');
    const result = run('kubectl rollout status deployment/web --watch=false');
    expect(result).toEqual({ stdout: text('Waiting for deployment spec update to be observed...'), stderr: '', exitCode: 0 });
  });

  it('names the reason pods are stuck, as kubectl appends it to the waiting message', () => {
    const { cluster, run } = setup();
    run('kubectl create deployment huge --image=nginx');
    cluster.client.patch('Deployment', 'default', 'huge', { spec: { template: { spec: { nodeSelector: { disk: 'ssd' } } } } }, { actor: 'test', reason: 'no node has disk=ssd' });
    cluster.settle();
    const result = run('kubectl rollout status deployment/huge --watch=false');
    expect(result.stdout).toBe(
      text(
        'Waiting for deployment "huge" rollout to finish: 0 of 1 updated replicas are available... (Warning: 0/4 nodes are available: 1 node(s) had untolerated taint(s), 3 node(s) didn\'t match Pod\'s node affinity/selector. preemption: 0/4 nodes are available: 4 Preemption is not helpful for scheduling.)',
      ),
    );
  });

  it.each([
    { name: 'a pinned revision that is not running is an error', line: 'kubectl rollout status deployment/web --revision=2', stderr: text('error: desired revision (2) is different from the running revision (1)') },
    { name: 'a missing object is the API NotFound', line: 'kubectl rollout status pod/web-0', stderr: text('Error from server (NotFound): pods "web-0" not found') },
    { name: 'a resource is required', line: 'kubectl rollout status', stderr: text('error: required resource not specified') },
    { name: 'a node has no status viewer', line: 'kubectl rollout status node/node-1', stderr: text('error: no status viewer has been implemented for Node') },
  ])('$name', ({ line, stderr }) => {
    expect(setup().run(line)).toEqual({ stdout: '', stderr, exitCode: 1 });
  });
});

describe('kubectl rollout history and undo', () => {
  it('history lists the revisions with no change cause', () => {
    const { cluster, run } = setup();
    run('kubectl set image deployment/web nginx=nginx:1.27');
    cluster.settle();
    expect(run('kubectl rollout history deployment/web')).toEqual({
      stdout: text('deployment.apps/web ', 'REVISION  CHANGE-CAUSE', '1         <none>', '2         <none>', ''),
      stderr: '',
      exitCode: 0,
    });
  });

  it('history shows the change cause the ReplicaSet carries', () => {
    const { cluster, run } = setup();
    run('kubectl annotate deployment web kubernetes.io/change-cause="move to 1.27"');
    run('kubectl set image deployment/web nginx=nginx:1.27');
    cluster.settle();
    expect(run('kubectl rollout history deployment web').stdout).toBe(
      text('deployment.apps/web ', 'REVISION  CHANGE-CAUSE', '1         <none>', '2         move to 1.27', ''),
    );
  });

  it('undo goes back to the previous template, which becomes revision 3', () => {
    const { cluster, run } = setup();
    run('kubectl set image deployment/web nginx=nginx:1.27');
    cluster.settle();
    expect(run('kubectl rollout undo deployment/web')).toEqual({ stdout: text('deployment.apps/web rolled back'), stderr: '', exitCode: 0 });
    cluster.settle();
    expect(deployment(cluster).spec!.template.spec!.containers[0].image).toBe('nginx:1.26');
    expect(deployment(cluster).metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('3');
    expect(cluster.actions().find((a) => a.reason.includes('kubectl rollout undo'))?.actor).toBe('kubectl');
  });

  it.each([
    { name: 'undo without history is an error', line: 'kubectl rollout undo deployment/web', stderr: text('error: no rollout history found for deployment "web"') },
    { name: 'undo to a revision that does not exist is an error', line: 'kubectl rollout undo deployment/web --to-revision=7', stderr: text('error: unable to find specified revision 7 in history') },
    { name: 'nodes cannot be rolled back', line: 'kubectl rollout undo node/node-1', stderr: text('error: no rollbacker has been implemented for "Node"') },
    { name: 'a missing deployment is the API NotFound', line: 'kubectl rollout history deployment/nope', stderr: text('Error from server (NotFound): deployments.apps "nope" not found') },
  ])('$name', ({ line, stderr }) => {
    expect(setup().run(line)).toEqual({ stdout: '', stderr, exitCode: 1 });
  });
});

describe('kubectl rollout pause, resume and restart', () => {
  it.each([
    { name: 'pause sets spec.paused', before: [], line: 'kubectl rollout pause deployment/web', result: { stdout: text('deployment.apps/web paused'), stderr: '', exitCode: 0 }, paused: true },
    {
      name: 'pausing a paused deployment is an error',
      before: ['kubectl rollout pause deployment/web'],
      line: 'kubectl rollout pause deployment/web',
      result: { stdout: '', stderr: text('error: deployments.apps "web" is already paused'), exitCode: 1 },
      paused: true,
    },
    {
      name: 'resume clears spec.paused',
      before: ['kubectl rollout pause deployment/web'],
      line: 'kubectl rollout resume deployment/web',
      result: { stdout: text('deployment.apps/web resumed'), stderr: '', exitCode: 0 },
      paused: false,
    },
    {
      name: 'resuming a deployment that is not paused is an error',
      before: [],
      line: 'kubectl rollout resume deployment/web',
      result: { stdout: '', stderr: text('error: deployments.apps "web" is not paused'), exitCode: 1 },
      paused: false,
    },
    {
      name: 'a paused deployment cannot be restarted',
      before: ['kubectl rollout pause deployment/web'],
      line: 'kubectl rollout restart deployment/web',
      result: { stdout: '', stderr: text('error: deployments.apps "web" can\'t restart paused deployment (run rollout resume first)'), exitCode: 1 },
      paused: true,
    },
  ])('$name', ({ before, line, result, paused }) => {
    const { cluster, run } = setup();
    for (const b of before) run(b);
    expect(run(line)).toEqual(result);
    expect(deployment(cluster).spec!.paused ?? false).toBe(paused);
  });

  it('restart stamps the template with the virtual time, and the controller replaces every pod', () => {
    const { cluster, run } = setup();
    cluster.advance(60_000); // 5s of settling, then a minute
    const before = cluster.list('Pod').map((p) => p.metadata.name);
    expect(run('kubectl rollout restart deployment/web')).toEqual({ stdout: text('deployment.apps/web restarted'), stderr: '', exitCode: 0 });
    const at = deployment(cluster).spec!.template.metadata!.annotations!['kubectl.kubernetes.io/restartedAt'];
    expect(at).toBe('2026-01-01T09:01:05Z');
    cluster.settle();
    const after = cluster.list('Pod').map((p) => p.metadata.name);
    expect(after).toHaveLength(3);
    expect(after.filter((n) => before.includes(n))).toEqual([]);
  });

  it('a second restart in the same second is an empty patch, reported after the restart line', () => {
    const { run } = setup();
    run('kubectl rollout restart deployment/web');
    expect(run('kubectl rollout restart deployment/web')).toEqual({
      stdout: text('deployment.apps/web restarted'),
      stderr: text('error: failed to create patch for web: empty patch'),
      exitCode: 1,
    });
  });

  it('TYPE alone pauses every deployment of the namespace', () => {
    const { run } = setup();
    run('kubectl create deployment api --image=nginx');
    expect(run('kubectl rollout pause deployment')).toEqual({ stdout: text('deployment.apps/api paused', 'deployment.apps/web paused'), stderr: '', exitCode: 0 });
  });
});
