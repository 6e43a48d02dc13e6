import { describe, expect, it } from 'vitest';
import type { Node } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../api/object';
import { createCluster } from '../../index';
import { runKubectl } from '../kubectl';
import { contextFor } from '../testContext';

const text = (...lines: string[]) => lines.map((l) => `${l}\n`).join('');

function setup() {
  const cluster = createCluster({ seed: 1 });
  const ctx = contextFor(cluster);
  const run = (line: string) => runKubectl(ctx, line);
  run('kubectl taint nodes node-1 dedicated=gpu:NoSchedule');
  return { cluster, run };
}

const taints = (cluster: ReturnType<typeof setup>['cluster'], node = 'node-1') => cluster.get<Node & KubeObject>('Node', '', node)?.spec?.taints;

describe('kubectl taint', () => {
  it.each([
    {
      name: 'a new taint goes first, before the ones the node had',
      line: 'kubectl taint nodes node-1 spot:NoExecute',
      stdout: text('node/node-1 tainted'),
      taints: [{ key: 'spot', effect: 'NoExecute' }, { key: 'dedicated', value: 'gpu', effect: 'NoSchedule' }],
    },
    { name: 'key:Effect- removes that taint', line: 'kubectl taint node node-1 dedicated:NoSchedule-', stdout: text('node/node-1 untainted'), taints: undefined },
    { name: 'key- removes the key with every effect', line: 'kubectl taint no node-1 dedicated-', stdout: text('node/node-1 untainted'), taints: undefined },
    {
      name: '--overwrite replaces the value of a taint with the same key and effect',
      line: 'kubectl taint nodes node-1 dedicated=cpu:NoSchedule --overwrite',
      stdout: text('node/node-1 modified'),
      taints: [{ key: 'dedicated', value: 'cpu', effect: 'NoSchedule' }],
    },
    {
      name: 'adding and removing in one command is modified',
      line: 'kubectl taint nodes node-1 spot:PreferNoSchedule dedicated-',
      stdout: text('node/node-1 modified'),
      taints: [{ key: 'spot', effect: 'PreferNoSchedule' }],
    },
  ])('$name', ({ line, stdout, taints: expected }) => {
    const { cluster, run } = setup();
    expect(run(line)).toEqual({ stdout, stderr: '', exitCode: 0 });
    expect(taints(cluster)).toEqual(expected);
  });

  it('--all taints every node, keeping the control plane’s own taint', () => {
    const { cluster, run } = setup();
    expect(run('kubectl taint nodes --all maintenance=true:NoSchedule')).toEqual({
      stdout: text('node/control-plane tainted', 'node/node-1 tainted', 'node/node-2 tainted', 'node/node-3 tainted'),
      stderr: '',
      exitCode: 0,
    });
    expect(taints(cluster, 'control-plane')).toEqual([
      { key: 'maintenance', value: 'true', effect: 'NoSchedule' },
      { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' },
    ]);
  });

  it.each([
    {
      name: 'a taint with the same key and effect needs --overwrite',
      line: 'kubectl taint nodes node-1 dedicated=cpu:NoSchedule',
      stderr: text('error: node node-1 already has dedicated taint(s) with same effect(s) and --overwrite is false'),
    },
    { name: 'removing a taint the node lacks is an error', line: 'kubectl taint nodes node-1 spot:NoExecute-', stderr: text('error: taint "spot:NoExecute" not found') },
    {
      name: 'an unknown effect is a usage error',
      line: 'kubectl taint nodes node-1 a=b:Never',
      stderr: text('error: invalid taint effect: Never, unsupported taint effect', "See 'kubectl taint -h' for help and examples"),
    },
    {
      name: 'without a colon key=value is read as the key, which is not a qualified name',
      line: 'kubectl taint nodes node-1 a=b',
      stderr: text(
        "error: invalid taint spec: a=b, name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')",
        "See 'kubectl taint -h' for help and examples",
      ),
    },
    { name: 'only nodes can be tainted', line: 'kubectl taint pods web a=b:NoSchedule', stderr: text('error: invalid resource type pods, only node types are supported') },
    {
      name: 'a node name is required without --all',
      line: 'kubectl taint nodes a=b:NoSchedule',
      stderr: text("error: at least one resource name must be specified since 'all' parameter is not set"),
    },
    {
      name: 'one taint cannot be both added and removed',
      line: 'kubectl taint nodes node-1 a=b:NoSchedule a-',
      stderr: text('error: can not both modify and remove the following taint(s) in the same command: {"a":""}'),
    },
    { name: 'a missing node is the API NotFound', line: 'kubectl taint nodes node-9 a=b:NoSchedule', stderr: text('Error from server (NotFound): nodes "node-9" not found') },
    { name: 'at least one taint change is required', line: 'kubectl taint nodes node-1', stderr: text('error: at least one taint update is required') },
  ])('$name', ({ line, stderr }) => {
    const { cluster, run } = setup();
    expect(run(line)).toEqual({ stdout: '', stderr, exitCode: 1 });
    expect(taints(cluster)).toEqual([{ key: 'dedicated', value: 'gpu', effect: 'NoSchedule' }]);
  });

  it('narrates the patch as kubectl with the taints the node now has', () => {
    const { cluster, run } = setup();
    run('kubectl taint nodes node-2 spot:NoExecute');
    expect(cluster.actions().at(-1)).toMatchObject({
      actor: 'kubectl',
      reason: 'kubectl taint nodes node-2 spot:NoExecute: node-2 now has 1 taint(s) (spot:NoExecute); pods must tolerate them to be scheduled or keep running there',
    });
  });
});
