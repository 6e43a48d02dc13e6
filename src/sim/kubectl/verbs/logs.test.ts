import type { Container } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { createCluster, type Cluster } from '../../index';
import { ContainerLogBook } from '../../kubelet/logs/containerLogBook';
import { NO_OUTPUT, type ProgramOutput } from '../../kubelet/logs/programOutput';
import { runKubectl } from '../kubectl';
import { contextFor } from '../testContext';
import type { KubectlContext, KubectlOutput } from '../verb';
import { FIXTURE_MANIFEST } from './getFixture';
import { logsVerb, parseGoDuration, type LogSource } from './logs';

// What the scripts below print, as the container behaviour model describes a script's output.
const SCRIPTS: Record<string, ProgramOutput> = {
  ticker: { lines: [{ at: 0, text: 'start' }], cycle: { from: 0, period: 5_000, lines: [{ at: 0, text: 'tick' }] } },
  crasher: { lines: [{ at: 0, text: 'booting' }, { at: 2_000, text: 'giving up' }] },
};

const MORE = `---
apiVersion: v1
kind: Pod
metadata: { name: ticker, labels: { app: ticker } }
spec:
  containers: [{ name: ticker, image: busybox:1.36, command: ["sh", "-c", "echo start; while true; do echo tick; sleep 5; done"] }]
---
apiVersion: v1
kind: Pod
metadata: { name: crasher }
spec:
  containers: [{ name: crasher, image: busybox:1.36, command: ["sh", "-c", "echo booting; sleep 2; echo giving up; exit 1"] }]
---
apiVersion: v1
kind: Pod
metadata: { name: duo }
spec:
  initContainers: [{ name: setup, image: busybox:1.36, command: ["true"] }]
  containers: [{ name: redis, image: redis:7.4 }, { name: web, image: httpd:2.4 }]
---
apiVersion: v1
kind: Pod
metadata: { name: nosuchimage }
spec:
  containers: [{ name: app, image: nginx:0.0.0 }]
`;

function setup(): { cluster: Cluster; book: ContainerLogBook; ctx: KubectlContext } {
  const cluster = createCluster({ seed: 1 });
  const book = new ContainerLogBook({ client: cluster.client, clock: cluster.clock, outputOf: (c: Container) => SCRIPTS[c.name] ?? NO_OUTPUT });
  cluster.apply(FIXTURE_MANIFEST + MORE);
  cluster.settle();
  cluster.advance(20_000);
  return { cluster, book, ctx: { ...contextFor(cluster), extensions: { logs: book } } };
}

const run = (ctx: KubectlContext, line: string) => runKubectl(ctx, line, [logsVerb]);

describe('kubectl logs', () => {
  it('the ContainerLogBook is the LogSource kubectl reads', () => {
    const { book } = setup();
    const source: LogSource = book;
    expect(source).toBe(book);
  });

  it.each([
    ['a crashing container waiting to restart shows its last run', 'logs crasher', 'booting\ngiving up\n', '', 0],
    ['--previous while it waits is that same last run', 'logs crasher -p --timestamps', '2026-01-01T09:00:15.890000000Z booting\n2026-01-01T09:00:17.890000000Z giving up\n', '', 0],
    ['--tail keeps the last lines', 'logs ticker --tail=2 --timestamps', '2026-01-01T09:00:26.521000000Z tick\n2026-01-01T09:00:31.521000000Z tick\n', '', 0],
    ['--since keeps the lines of the last seconds', 'logs ticker --since=6s', 'tick\n', '', 0],
    ['--prefix names the pod and container', 'logs ticker --tail=1 --prefix', '[pod/ticker/ticker] tick\n', '', 0],
    ['-l reads each matching pod', 'logs -l app=ticker --tail=1', 'tick\n', '', 0],
    ['-l with no match says so', 'logs -l app=none', '', 'No resources found in default namespace.\n', 0],
    ['an image that cannot be pulled has no log', 'logs nosuchimage', '', 'Error from server (BadRequest): container "app" in pod "nosuchimage" is waiting to start: image can\'t be pulled\n', 1],
    ['--previous of a container that never restarted', 'logs ticker -p', '', 'Error from server (BadRequest): previous terminated container "ticker" in pod "ticker" not found\n', 1],
    ['a missing pod', 'logs nope', '', 'Error from server (NotFound): pods "nope" not found\n', 1],
    ['a missing deployment', 'logs deploy/nope', '', 'Error from server (NotFound): deployments.apps "nope" not found\n', 1],
    ['a kind without pods', 'logs cm/settings -n kube-system', '', 'error: cannot get the logs from *v1.ConfigMap: selector for *v1.ConfigMap not implemented\n', 1],
    ['a container the pod does not have', 'logs duo -c nope', '', 'error: container nope is not valid for pod duo out of: redis, web, setup (init)\n', 1],
    ['-c and an inline container together', 'logs duo web -c web', '', 'error: only one of -c or an inline [CONTAINER] arg is allowed\n', 1],
    ['no pod named', 'logs', '', "error: expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command\nSee 'kubectl logs -h' for help and examples\n", 1],
    ['a bad --since', 'logs ticker --since=5x', '', 'error: invalid argument "5x" for "--since" flag: time: invalid duration "5x"\n', 1],
  ])('%s', (_, line, stdout, stderr, exitCode) => {
    const { ctx } = setup();
    expect(run(ctx, line)).toEqual({ stdout, stderr, exitCode });
  });

  it('a workload prints its first pod and says which of several it used', () => {
    const { ctx } = setup();
    const result = run(ctx, 'logs deployment/web --tail=1');
    expect(result.stderr).toBe('Found 3 pods, using pod/web-5894d768d8-g4psx\n');
    expect(result.stdout).toBe('2026/01/01 09:00:05 [notice] 1#1: start worker process 32\n');
  });

  it('a pod of several containers defaults to the first and says so', () => {
    const { ctx } = setup();
    const result = run(ctx, 'logs duo --tail=1');
    expect(result.stderr).toBe('Defaulted container "redis" out of: redis, web, setup (init)\n');
    expect(result.stdout).toMatch(/Ready to accept connections tcp\n$/);
  });

  it('-f streams each new line as it is written, until the stream is closed', () => {
    const { cluster, ctx } = setup();
    const result = run(ctx, 'logs ticker -f --tail=1');
    expect(result.stdout).toBe('tick\n');
    const seen: KubectlOutput[] = [];
    const stop = result.stream!.onEvent((o) => seen.push(o));
    cluster.advance(10_000);
    stop();
    cluster.advance(10_000);
    expect(seen).toEqual([{ stdout: 'tick\n', stderr: '' }, { stdout: 'tick\n', stderr: '' }]);
  });

  it('a container still being created has no log yet', () => {
    const { cluster, ctx } = setup();
    cluster.apply('apiVersion: v1\nkind: Pod\nmetadata: { name: fresh }\nspec:\n  containers: [{ name: app, image: nginx:1.29 }]\n');
    cluster.advance(1_000);
    expect(run(ctx, 'logs fresh')).toEqual({
      stdout: '',
      stderr: 'Error from server (BadRequest): container "app" in pod "fresh" is waiting to start: ContainerCreating\n',
      exitCode: 1,
    });
  });

  it('-f on a container that is not running prints its log and ends', () => {
    const { ctx } = setup();
    expect(run(ctx, 'logs crasher -f').stream).toBeUndefined();
  });

  it('without a log service kubectl says logs are unavailable', () => {
    const { cluster } = setup();
    expect(runKubectl(contextFor(cluster), 'logs ticker', [logsVerb])).toEqual({
      stdout: '',
      stderr: 'error: container logs are not available: this cluster runs no log service\n',
      exitCode: 1,
    });
  });
});

describe('parseGoDuration reads time.ParseDuration syntax', () => {
  it.each([
    ['seconds', '5s', 5_000],
    ['hours and minutes', '1h30m', 5_400_000],
    ['milliseconds', '300ms', 300],
    ['a fraction', '1.5m', 90_000],
    ['zero', '0', 0],
    ['a unit is required', '5', undefined],
  ])('%s', (_, text, want) => {
    expect(parseGoDuration(text)).toBe(want);
  });
});
