import { describe, expect, it } from 'vitest';
import type { Deployment } from 'kubernetes-types/apps/v1';
import type { KubeObject } from '../../api/object';
import { createCluster } from '../../index';
import { runKubectl } from '../kubectl';
import { contextFor } from '../testContext';

const text = (...lines: string[]) => lines.map((l) => `${l}\n`).join('');

const TWO_CONTAINERS = `apiVersion: apps/v1
kind: Deployment
metadata: { name: pair }
spec:
  selector: { matchLabels: { app: pair } }
  template:
    metadata: { labels: { app: pair } }
    spec: { containers: [{ name: web, image: nginx:1.26 }, { name: cache, image: redis:7 }] }
`;

function setup() {
  const cluster = createCluster({ seed: 1 });
  cluster.apply(TWO_CONTAINERS);
  const ctx = contextFor(cluster);
  return { cluster, run: (line: string) => runKubectl(ctx, line) };
}

const images = (cluster: ReturnType<typeof setup>['cluster']) =>
  cluster.get<Deployment & KubeObject>('Deployment', 'default', 'pair')!.spec!.template.spec!.containers.map((c) => c.image);

describe('kubectl set image', () => {
  it.each([
    { name: 'one container gets a new image', line: 'kubectl set image deployment/pair web=nginx:1.27', stdout: text('deployment.apps/pair image updated'), images: ['nginx:1.27', 'redis:7'] },
    {
      name: 'several containers change in one write',
      line: 'kubectl set image deployment pair web=nginx:1.27 cache=redis:8',
      stdout: text('deployment.apps/pair image updated'),
      images: ['nginx:1.27', 'redis:8'],
    },
    { name: '* sets every container', line: 'kubectl set image deploy/pair *=busybox', stdout: text('deployment.apps/pair image updated'), images: ['busybox', 'busybox'] },
    { name: 'an image that is already set prints nothing', line: 'kubectl set image deployment/pair web=nginx:1.26', stdout: '', images: ['nginx:1.26', 'redis:7'] },
  ])('$name', ({ line, stdout, images: expected }) => {
    const { cluster, run } = setup();
    expect(run(line)).toEqual({ stdout, stderr: '', exitCode: 0 });
    expect(images(cluster)).toEqual(expected);
  });

  it.each([
    {
      name: 'an unknown container is an error while the known ones still change',
      line: 'kubectl set image deployment/pair nope=x web=nginx:1.27',
      result: { stdout: text('deployment.apps/pair image updated'), stderr: text('error: unable to find container named "nope"'), exitCode: 1 },
      images: ['nginx:1.27', 'redis:7'],
    },
    {
      name: 'a resource without an image change is refused',
      line: 'kubectl set image deployment/pair',
      result: { stdout: '', stderr: text('error: at least one image update is required'), exitCode: 1 },
      images: ['nginx:1.26', 'redis:7'],
    },
    {
      name: '* with other containers named too lists both problems',
      line: 'kubectl set image deployments *=busybox web=nginx --all -l app=pair',
      result: {
        stdout: '',
        stderr: text('error: [cannot set --all and --selector at the same time, all containers are already specified by *, but saw more than one container_name=container_image pairs]'),
        exitCode: 1,
      },
      images: ['nginx:1.26', 'redis:7'],
    },
    {
      name: 'resources must come before the changes',
      line: 'kubectl set image web=nginx deployment/pair',
      result: { stdout: '', stderr: text('error: all resources must be specified before image changes: deployment/pair'), exitCode: 1 },
      images: ['nginx:1.26', 'redis:7'],
    },
    {
      name: 'a missing deployment is the API NotFound',
      line: 'kubectl set image deployment/nope web=nginx',
      result: { stdout: '', stderr: text('Error from server (NotFound): deployments.apps "nope" not found'), exitCode: 1 },
      images: ['nginx:1.26', 'redis:7'],
    },
  ])('$name', ({ line, result, images: expected }) => {
    const { cluster, run } = setup();
    expect(run(line)).toEqual(result);
    expect(images(cluster)).toEqual(expected);
  });

  it('narrates the change as kubectl, image by image', () => {
    const { cluster, run } = setup();
    run('kubectl set image deployment/pair web=nginx:1.27');
    expect(cluster.actions().at(-1)).toMatchObject({
      actor: 'kubectl',
      reason: 'kubectl set image deployment.apps/pair web=nginx:1.27: container web nginx:1.26 → nginx:1.27; a new pod template starts a rollout',
    });
  });
});
