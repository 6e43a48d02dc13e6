import { describe, expect, it } from 'vitest';
import { createCluster } from '../../index';
import { runKubectl } from '../kubectl';
import { contextFor } from '../testContext';

const text = (...lines: string[]) => lines.map((l) => `${l}\n`).join('');

function setup() {
  const cluster = createCluster({ seed: 1 });
  const ctx = contextFor(cluster);
  const run = (line: string) => runKubectl(ctx, line);
  run('kubectl run web --image=nginx --annotations=owner=alice');
  return { cluster, run };
}

// The store keeps an emptied map as {} where the API server would omit it; both mean no annotations.
const annotations = (cluster: ReturnType<typeof setup>['cluster']) => cluster.get('Pod', 'default', 'web')?.metadata.annotations ?? {};

describe('kubectl annotate', () => {
  it.each([
    { name: 'a new annotation is added', line: "kubectl annotate pod web description='my frontend'", result: { owner: 'alice', description: 'my frontend' } },
    { name: '--overwrite replaces a value', line: 'kubectl annotate pod web owner=bob --overwrite', result: { owner: 'bob' } },
    { name: 'KEY- removes an annotation', line: 'kubectl annotate pod/web owner-', result: {} },
    { name: 'removing an absent annotation is silent', line: 'kubectl annotate pod web nope-', result: { owner: 'alice' } },
    { name: 'the change cause may always be overwritten', line: 'kubectl annotate pod web kubernetes.io/change-cause=x', result: { owner: 'alice', 'kubernetes.io/change-cause': 'x' } },
  ])('$name', ({ line, result }) => {
    const { cluster, run } = setup();
    expect(run(line)).toEqual({ stdout: text('pod/web annotated'), stderr: '', exitCode: 0 });
    expect(annotations(cluster)).toEqual(result);
  });

  it.each([
    {
      name: 'an existing key needs --overwrite',
      line: 'kubectl annotate pod web owner=bob',
      stderr: text("error: --overwrite is false but found the following declared annotation(s): 'owner' already has a value (alice)"),
    },
    { name: 'at least one change is required', line: 'kubectl annotate pod web', stderr: text('error: at least one annotation update is required') },
    { name: 'a pair needs = or a trailing -', line: 'kubectl annotate pod web a=b =c', stderr: text('error: all resources must be specified before annotation changes: =c') },
    {
      name: 'one key cannot be both set and removed',
      line: 'kubectl annotate pod web a=b a-',
      stderr: text('error: can not both modify and remove the following annotation(s) in the same command: a'),
    },
  ])('$name', ({ line, stderr }) => {
    const { cluster, run } = setup();
    expect(run(line)).toEqual({ stdout: '', stderr, exitCode: 1 });
    expect(annotations(cluster)).toEqual({ owner: 'alice' });
  });

  it('narrates the patch as kubectl', () => {
    const { cluster, run } = setup();
    run('kubectl annotate pod web team=blue');
    expect(cluster.actions().at(-1)).toMatchObject({ actor: 'kubectl', reason: 'kubectl annotate pod/web team=blue: web now has 2 annotations' });
  });
});
