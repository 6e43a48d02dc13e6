import { describe, expect, it } from 'vitest';
import type { Cluster } from '../../index';
import { runKubectl } from '../kubectl';
import { contextFor } from '../testContext';
import { fixtureCluster } from './getFixture';
import { goDuration, topVerb } from './top';

// The docs' CPU example: stress asks for 2 CPUs and is throttled at its 1 CPU limit.
const CPU_DEMO = `apiVersion: v1
kind: Pod
metadata: { name: cpu-demo }
spec:
  containers: [{ name: cpu-demo-ctr, image: vish/stress, resources: { limits: { cpu: "1" }, requests: { cpu: "0.5" } }, args: ["-cpus", "2"] }]
`;

function measured(): Cluster {
  const cluster = fixtureCluster();
  cluster.apply(CPU_DEMO);
  cluster.advance(30_000);
  return cluster;
}

const run = (cluster: Cluster, line: string) => runKubectl(contextFor(cluster), line, [topVerb]);

const NODES = [
  'NAME            CPU(cores)   CPU(%)   MEMORY(bytes)   MEMORY(%)   ',
  'control-plane   122m         6%       560Mi           14%         ',
  'node-1          22m          0%       234Mi           2%          ',
  'node-2          1024m        25%      239Mi           2%          ',
  'node-3          22m          0%       234Mi           2%          ',
  '',
].join('\n');

describe('kubectl top', () => {
  it.each([
    ['top node lists every node against its allocatable, each cell padded as printValue leaves it', 'top nodes', NODES],
    [
      'top node NAME lists one node',
      'top node node-1',
      'NAME     CPU(cores)   CPU(%)   MEMORY(bytes)   MEMORY(%)   \nnode-1   22m          0%       234Mi           2%          \n',
    ],
    [
      'top pod lists the namespace’s pods by name',
      'top pods',
      [
        'NAME                   CPU(cores)   MEMORY(bytes)   ',
        'cpu-demo               1000m        3Mi             ',
        'web-5894d768d8-4g2xs   1m           3Mi             ',
        'web-5894d768d8-dsxb6   1m           3Mi             ',
        'web-5894d768d8-wtmh6   1m           3Mi             ',
        '',
      ].join('\n'),
    ],
    [
      '--sort-by=cpu puts the busiest first, --no-headers drops the header',
      'top pods --sort-by=cpu --no-headers',
      'cpu-demo               1000m   3Mi   \nweb-5894d768d8-4g2xs   1m      3Mi   \nweb-5894d768d8-dsxb6   1m      3Mi   \nweb-5894d768d8-wtmh6   1m      3Mi   \n',
    ],
    [
      '-A --containers --sum lists containers with their namespace and pod, then the totals',
      'top pods -A --containers --sum',
      [
        'NAMESPACE   POD                    NAME           CPU(cores)   MEMORY(bytes)   ',
        'default     cpu-demo               cpu-demo-ctr   1000m        3Mi             ',
        'default     web-5894d768d8-4g2xs   nginx          1m           3Mi             ',
        'default     web-5894d768d8-dsxb6   nginx          1m           3Mi             ',
        'default     web-5894d768d8-wtmh6   nginx          1m           3Mi             ',
        '                                                  ________     ________        ',
        '                                                  1003m        13Mi            ',
        '',
      ].join('\n'),
    ],
  ])('%s', (_, line, stdout) => {
    expect(run(measured(), line)).toEqual({ stdout, stderr: '', exitCode: 0 });
  });

  it.each([
    ['a pod without metrics', 'top pod nope', 'Error from server (NotFound): podmetrics.metrics.k8s.io "default/nope" not found\n'],
    ['a node without metrics', 'top node nope', 'Error from server (NotFound): nodemetrics.metrics.k8s.io "nope" not found\n'],
    ['--sort-by takes cpu or memory', 'top pods --sort-by=name', 'error: --sort-by accepts only cpu or memory\n'],
    ['a name and a selector together', 'top pod x -l app=web', 'error: only one of NAME or selector can be provided\n'],
  ])('%s is an error', (_, line, stderr) => {
    expect(run(measured(), line)).toEqual({ stdout: '', stderr, exitCode: 1 });
  });

  it('pods not yet scraped by metrics-server have no metrics yet', () => {
    expect(run(fixtureCluster(), 'top pods')).toEqual({ stdout: '', stderr: 'error: metrics not available yet\n', exitCode: 1 });
  });

  it('a pod that should have been scraped by now is named, with its age', () => {
    const cluster = measured();
    cluster.apply('apiVersion: v1\nkind: Pod\nmetadata: { name: huge, namespace: kube-public }\nspec:\n  containers: [{ name: app, image: nginx, resources: { requests: { cpu: "64" } } }]\n');
    cluster.advance(150_500);
    expect(run(cluster, 'top pods -n kube-public')).toEqual({ stdout: '', stderr: 'error: Metrics not available for pod kube-public/huge, age: 2m30.571s\n', exitCode: 1 });
  });

  it('a namespace without pods has no resources', () => {
    expect(run(measured(), 'top pods -n empty')).toEqual({ stdout: '', stderr: 'No resources found in empty namespace.\n', exitCode: 0 });
  });

  it('a node whose kubelet is gone is listed last, unknown', () => {
    const cluster = measured();
    cluster.killNode('node-2');
    cluster.advance(60_000);
    expect(run(cluster, 'top nodes').stdout).toBe(
      [
        'NAME            CPU(cores)   CPU(%)      MEMORY(bytes)   MEMORY(%)   ',
        'control-plane   122m         6%          560Mi           14%         ',
        'node-1          22m          0%          234Mi           2%          ',
        'node-3          22m          0%          234Mi           2%          ',
        'node-2          <unknown>    <unknown>   <unknown>       <unknown>   ',
        '',
      ].join('\n'),
    );
  });

  it('requests served add CPU through the metrics hook', () => {
    const cluster = measured();
    const ctx = { ...contextFor(cluster), extensions: { metrics: { requestRate: () => 100 } } };
    expect(runKubectl(ctx, 'top pods -l app=web --no-headers', [topVerb]).stdout).toBe(
      'web-5894d768d8-4g2xs   21m   3Mi   \nweb-5894d768d8-dsxb6   21m   3Mi   \nweb-5894d768d8-wtmh6   21m   3Mi   \n',
    );
  });
});

describe('goDuration prints time.Duration as Go does', () => {
  it.each([
    ['zero', 0, '0s'],
    ['under a second', 450, '450ms'],
    ['minutes and fractional seconds', 150_500, '2m30.5s'],
    ['whole minutes keep 0s', 180_000, '3m0s'],
    ['hours keep their minutes', 3_605_000, '1h0m5s'],
  ])('%s', (_, ms, want) => {
    expect(goDuration(ms)).toBe(want);
  });
});
