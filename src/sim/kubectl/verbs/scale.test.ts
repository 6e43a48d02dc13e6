import { describe, expect, it } from 'vitest';
import { createCluster } from '../../index';
import { runKubectl } from '../kubectl';
import { contextFor } from '../testContext';

const text = (...lines: string[]) => lines.map((l) => `${l}\n`).join('');

function setup() {
  const cluster = createCluster({ seed: 1 });
  const ctx = contextFor(cluster);
  const run = (line: string) => runKubectl(ctx, line);
  run('kubectl create deployment web --image=nginx --replicas=2');
  run('kubectl create deployment api --image=nginx');
  run('kubectl run solo --image=nginx');
  return { cluster, run };
}

const replicas = (cluster: ReturnType<typeof setup>['cluster'], name: string) =>
  (cluster.get('Deployment', 'default', name)?.spec as { replicas: number }).replicas;

describe('kubectl scale', () => {
  it.each([
    { name: 'TYPE NAME sets spec.replicas', line: 'kubectl scale deployment web --replicas=5', stdout: text('deployment.apps/web scaled'), web: 5, api: 1 },
    { name: 'TYPE/NAME works the same', line: 'kubectl scale deploy/web --replicas=0', stdout: text('deployment.apps/web scaled'), web: 0, api: 1 },
    {
      name: '--all scales every deployment of the namespace',
      line: 'kubectl scale deployments --all --replicas=3',
      stdout: text('deployment.apps/api scaled', 'deployment.apps/web scaled'),
      web: 3,
      api: 3,
    },
    { name: 'the current size as a precondition that holds', line: 'kubectl scale deployment web --current-replicas=2 --replicas=4', stdout: text('deployment.apps/web scaled'), web: 4, api: 1 },
    { name: 'scaling to the current size still says scaled', line: 'kubectl scale deployment web --replicas=2', stdout: text('deployment.apps/web scaled'), web: 2, api: 1 },
    { name: '-o name prints the name only', line: 'kubectl scale deployment web --replicas=1 -o name', stdout: text('deployment.apps/web'), web: 1, api: 1 },
  ])('$name', ({ line, stdout, web, api }) => {
    const { cluster, run } = setup();
    expect(run(line)).toEqual({ stdout, stderr: '', exitCode: 0 });
    expect([replicas(cluster, 'web'), replicas(cluster, 'api')]).toEqual([web, api]);
  });

  it.each([
    { name: '--replicas is a required flag', line: 'kubectl scale deployment web', stderr: text('error: required flag(s) "replicas" not set') },
    {
      name: 'a negative count is refused',
      line: 'kubectl scale deployment web --replicas=-1',
      stderr: text('error: The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0'),
    },
    { name: 'a precondition that fails names both sizes', line: 'kubectl scale deployment web --current-replicas=3 --replicas=4', stderr: text('error: Expected replicas to be 3, was 2') },
    { name: 'a missing deployment is the API NotFound', line: 'kubectl scale deployment nope --replicas=1', stderr: text('Error from server (NotFound): deployments.apps "nope" not found') },
    { name: 'a pod has no scale subresource', line: 'kubectl scale pod solo --replicas=2', stderr: text('Error from server (NotFound): the server could not find the requested resource') },
  ])('$name', ({ line, stderr }) => {
    const { cluster, run } = setup();
    expect(run(line)).toEqual({ stdout: '', stderr, exitCode: 1 });
    expect(replicas(cluster, 'web')).toBe(2);
  });

  it('narrates the write as kubectl with the old and new replica counts', () => {
    const { cluster, run } = setup();
    run('kubectl scale deployment web --replicas=5');
    expect(cluster.actions().at(-1)).toMatchObject({ actor: 'kubectl', reason: 'kubectl scale deployment.apps/web --replicas=5: spec.replicas 2 → 5' });
  });
});
