import { describe, expect, it } from 'vitest';
import type { Cluster } from '../../index';
import { runKubectl } from '../kubectl';
import { contextFor } from '../testContext';
import type { KubectlOutput } from '../verb';
import { eventsVerb } from './events';
import { fixtureCluster } from './getFixture';

// A pod that crashes two seconds after every start, a minute into its life: repeated events and a Warning.
function crashing(): Cluster {
  const cluster = fixtureCluster();
  cluster.apply('apiVersion: v1\nkind: Pod\nmetadata: { name: crasher }\nspec:\n  containers: [{ name: crasher, image: busybox:1.36, command: ["sh", "-c", "sleep 2; exit 1"] }]\n');
  cluster.advance(60_000);
  return cluster;
}

const run = (cluster: Cluster, line: string) => runKubectl(contextFor(cluster), line, [eventsVerb]);
const BACKOFF = 'Back-off restarting failed container crasher in pod crasher_default(02c34e89-90eb-46bf-b0c6-2ebb7a25fc61)';

describe('kubectl events', () => {
  it.each([
    [
      '--for lists one object’s events, oldest first, repeats counted',
      'events --for pod/crasher',
      [
        'LAST SEEN           TYPE      REASON      OBJECT        MESSAGE',
        '60s                 Normal    Scheduled   Pod/crasher   Successfully assigned default/crasher to node-2',
        '59s                 Normal    Pulling     Pod/crasher   Pulling image "busybox:1.36"',
        '59s                 Normal    Pulled      Pod/crasher   Successfully pulled image "busybox:1.36" in 663ms (663ms including waiting). Image size: 2161008 bytes.',
        '23s (x4 over 59s)   Normal    Created     Pod/crasher   Created container: crasher',
        '23s (x4 over 59s)   Normal    Started     Pod/crasher   Started container crasher',
        '23s (x3 over 57s)   Normal    Pulled      Pod/crasher   Container image "busybox:1.36" already present on machine',
        `21s (x3 over 55s)   Warning   BackOff     Pod/crasher   ${BACKOFF}`,
        '',
      ].join('\n'),
    ],
    [
      '--types=Warning with -A adds the NAMESPACE column',
      'events --types=warning -A',
      `NAMESPACE   LAST SEEN           TYPE      REASON    OBJECT        MESSAGE\ndefault     21s (x3 over 55s)   Warning   BackOff   Pod/crasher   ${BACKOFF}\n`,
    ],
    ['--no-headers drops the header', 'events --for deployment/web --no-headers', '65s   Normal   ScalingReplicaSet   Deployment/web   Scaled up replica set web-5894d768d8 from 0 to 3\n'],
    ['-o name names each event', 'events --for pod/crasher --types=Warning -o name', 'event/crasher.000000027fcbd79d\n'],
  ])('%s', (_, line, stdout) => {
    expect(run(crashing(), line)).toEqual({ stdout, stderr: '', exitCode: 0 });
  });

  it.each([
    ['a namespace without events', 'events -n quiet', '', 'No events found in quiet namespace.\n', 0],
    ['--for needs TYPE/NAME', 'events --for crasher', '', 'error: --for must be in resource/name form\n', 1],
    ['--for with an unknown type', 'events --for widget/x', '', 'error: the server doesn\'t have a resource type "widget"\n', 1],
    ['--types accepts Normal and Warning only', 'events --types=Bad', '', 'error: valid --types are Normal or Warning\n', 1],
  ])('%s', (_, line, stdout, stderr, exitCode) => {
    expect(run(crashing(), line)).toEqual({ stdout, stderr, exitCode });
  });

  it('-w prints the existing events, then each one as it is written, keeping the columns', () => {
    const cluster = crashing();
    const result = run(cluster, 'events -w --for pod/crasher --types=Warning');
    expect(result.stdout).toBe(`LAST SEEN           TYPE      REASON    OBJECT        MESSAGE\n21s (x3 over 55s)   Warning   BackOff   Pod/crasher   ${BACKOFF}\n`);
    const seen: KubectlOutput[] = [];
    const stop = result.stream!.onEvent((o) => seen.push(o));
    cluster.advance(60_000);
    stop();
    expect(seen).toEqual([{ stdout: `0s (x4 over 76s)    Warning   BackOff   Pod/crasher   ${BACKOFF}\n`, stderr: '' }]);
  });
});
