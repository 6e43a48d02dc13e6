import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../api/object';
import { createCluster } from '../../index';
import { runKubectl } from '../kubectl';
import { contextFor } from '../testContext';
import type { KubectlOutput } from '../verb';

const text = (...lines: string[]) => lines.map((l) => `${l}\n`).join('');

// node-1 runs a Deployment pod, a Deployment pod with an emptyDir, a bare pod and a DaemonSet pod.
const FIXTURE = `apiVersion: apps/v1
kind: DaemonSet
metadata: { name: agent, namespace: kube-system }
spec:
  selector: { matchLabels: { app: agent } }
  template:
    metadata: { labels: { app: agent } }
    spec: { containers: [{ name: agent, image: busybox }] }
---
apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec: { nodeSelector: { kubernetes.io/hostname: node-1 }, containers: [{ name: web, image: nginx }] }
---
apiVersion: apps/v1
kind: Deployment
metadata: { name: cache }
spec:
  selector: { matchLabels: { app: cache } }
  template:
    metadata: { labels: { app: cache } }
    spec:
      nodeSelector: { kubernetes.io/hostname: node-1 }
      volumes: [{ name: scratch, emptyDir: {} }]
      containers: [{ name: cache, image: redis }]
---
apiVersion: v1
kind: Pod
metadata: { name: solo }
spec: { nodeName: node-1, containers: [{ name: solo, image: nginx }] }
`;

function setup() {
  const cluster = createCluster({ seed: 1 });
  cluster.apply(FIXTURE);
  const ds = cluster.get('DaemonSet', 'kube-system', 'agent')!;
  const owner = { apiVersion: 'apps/v1', kind: 'DaemonSet', name: 'agent', uid: ds.metadata.uid!, controller: true };
  cluster.client.create(
    { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'agent-x', namespace: 'kube-system', ownerReferences: [owner] }, spec: { nodeName: 'node-1', containers: [{ name: 'agent', image: 'busybox' }] } },
    { actor: 'daemonset-controller', reason: 'test fixture: the DaemonSet pod of node-1' },
  );
  cluster.settle();
  const ctx = contextFor(cluster);
  const podName = (prefix: string) => cluster.list<KubeObject>('Pod', { namespace: 'default' }).find((p) => p.metadata.name!.startsWith(prefix))!.metadata.name!;
  return { cluster, run: (line: string) => runKubectl(ctx, line), cache: podName('cache-'), web: podName('web-') };
}

/** follow collects what a stream prints while the cluster settles. */
function follow(cluster: ReturnType<typeof setup>['cluster'], stream: { onEvent(h: (o: KubectlOutput) => void): () => void } | undefined): string {
  let out = '';
  // A finished command says so with its exit code, shown here as `[exit N]`.
  const stop = stream?.onEvent((o) => (out += o.stdout + o.stderr + (o.exitCode === undefined ? '' : `[exit ${o.exitCode}]`)));
  cluster.settle();
  stop?.();
  return out;
}

describe('kubectl drain', () => {
  it('refuses DaemonSet, emptyDir and bare pods without the flags, listing each kind of pod it cannot delete', () => {
    const { cluster, run, cache } = setup();
    const problems = [
      `cannot delete Pods with local storage (use --delete-emptydir-data to override): default/${cache}`,
      'cannot delete Pods that declare no controller (use --force to override): default/solo',
      'cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore): kube-system/agent-x',
    ];
    const result = run('kubectl drain node-1');
    expect(result).toEqual({
      stdout: text('node/node-1 cordoned'),
      stderr: text(`error: unable to drain node "node-1" due to error: [${problems.join(', ')}], continuing command...`, 'There are pending nodes to be drained:', ' node-1', ...problems),
      exitCode: 1,
    });
    expect(cluster.list('Pod', { fieldSelector: 'spec.nodeName=node-1' }).filter((p) => p.metadata.deletionTimestamp)).toEqual([]);
  });

  it('with the flags warns, evicts the rest, and reports each pod once it is gone, then the node', () => {
    const { cluster, run, cache, web } = setup();
    const result = run('kubectl drain node-1 --ignore-daemonsets --delete-emptydir-data --force');
    expect({ ...result, stream: undefined }).toEqual({
      stdout: text('node/node-1 cordoned', `evicting pod default/${cache}`, 'evicting pod default/solo', `evicting pod default/${web}`),
      stderr: text('Warning: deleting Pods that declare no controller: default/solo; ignoring DaemonSet-managed Pods: kube-system/agent-x'),
      exitCode: 0,
      stream: undefined,
    });
    expect(follow(cluster, result.stream)).toBe(text(`pod/${cache} evicted`, 'pod/solo evicted', `pod/${web} evicted`, 'node/node-1 drained') + '[exit 0]');
    expect(cluster.list('Pod', { fieldSelector: 'spec.nodeName=node-1' }).map((p) => p.metadata.name)).toEqual(['agent-x']);
  });

  it('--disable-eviction deletes without the evicting lines and reports deleted pods', () => {
    const { cluster, run, web } = setup();
    const result = run('kubectl drain node-1 --ignore-daemonsets --delete-emptydir-data --force --disable-eviction --pod-selector=app=web');
    expect(result.stdout).toBe(text('node/node-1 cordoned'));
    expect(follow(cluster, result.stream)).toBe(text(`pod/${web} deleted`, 'node/node-1 drained') + '[exit 0]');
  });

  it('narrates each eviction as kubectl, with its place in the list and the grace period', () => {
    const { cluster, run, web } = setup();
    run('kubectl drain node-1 --force --ignore-daemonsets --delete-emptydir-data --grace-period=5');
    expect(cluster.actions().filter((a) => a.actor === 'kubectl').map((a) => a.reason).at(-1)).toBe(
      `kubectl drain node-1: evicts pod default/${web} (3 of 3) so the node can be emptied; it has 5s to stop`,
    );
  });

  it.each([
    { name: 'a node with no pods is cordoned and drained at once', line: 'kubectl drain node-3', result: { stdout: text('node/node-3 cordoned', 'node/node-3 drained'), stderr: '', exitCode: 0 } },
    {
      name: 'a missing node is the API NotFound, and nothing is cordoned',
      line: 'kubectl drain node-9',
      result: { stdout: '', stderr: text('Error from server (NotFound): nodes "node-9" not found'), exitCode: 1 },
    },
    {
      name: 'drain without a node prints the usage',
      line: 'kubectl drain',
      result: { stdout: '', stderr: text('error: USAGE: drain NODE [flags]', "See 'kubectl drain -h' for help and examples"), exitCode: 1 },
    },
    {
      name: 'a pod selector must parse',
      line: 'kubectl drain node-1 --pod-selector=a=b=c',
      result: { stdout: '', stderr: text('error: --pod-selector=<pod_selector> must be a valid label selector'), exitCode: 1 },
    },
  ])('$name', ({ line, result }) => {
    const { run } = setup();
    const got = run(line);
    expect(got.stream).toBeUndefined();
    expect(got).toEqual(result);
  });
});
