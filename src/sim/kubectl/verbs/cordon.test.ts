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
  return { cluster, run: (line: string) => runKubectl(ctx, line) };
}

describe('kubectl cordon and uncordon', () => {
  it.each([
    {
      name: 'cordon marks a schedulable node unschedulable',
      before: [],
      line: 'kubectl cordon node-1',
      result: { stdout: text('node/node-1 cordoned'), stderr: '', exitCode: 0 },
      unschedulable: true,
    },
    {
      name: 'cordon of a cordoned node changes nothing and says so',
      before: ['kubectl cordon node-1'],
      line: 'kubectl cordon node-1',
      result: { stdout: text('node/node-1 already cordoned'), stderr: '', exitCode: 0 },
      unschedulable: true,
    },
    {
      name: 'uncordon clears spec.unschedulable',
      before: ['kubectl cordon node-1'],
      line: 'kubectl uncordon node-1',
      result: { stdout: text('node/node-1 uncordoned'), stderr: '', exitCode: 0 },
      unschedulable: undefined,
    },
    {
      name: 'uncordon of a schedulable node says it already is',
      before: [],
      line: 'kubectl uncordon node-1',
      result: { stdout: text('node/node-1 already uncordoned'), stderr: '', exitCode: 0 },
      unschedulable: undefined,
    },
    {
      name: 'a selector cordons every node it matches',
      before: [],
      line: 'kubectl cordon -l kubernetes.io/hostname=node-1',
      result: { stdout: text('node/node-1 cordoned'), stderr: '', exitCode: 0 },
      unschedulable: true,
    },
  ])('$name', ({ before, line, result, unschedulable }) => {
    const { cluster, run } = setup();
    for (const b of before) run(b);
    expect(run(line)).toEqual(result);
    expect(cluster.get<Node & KubeObject>('Node', '', 'node-1')?.spec?.unschedulable).toBe(unschedulable);
  });

  it.each([
    {
      name: 'cordon without a node prints the usage',
      line: 'kubectl cordon',
      stderr: text('error: USAGE: cordon NODE [flags]', "See 'kubectl cordon -h' for help and examples"),
    },
    {
      name: 'cordon of a node that does not exist is the API NotFound',
      line: 'kubectl cordon node-9',
      stderr: text('Error from server (NotFound): nodes "node-9" not found'),
    },
    {
      name: 'a node name and a selector together are refused',
      line: 'kubectl uncordon node-1 -l a=b',
      stderr: text('error: cannot specify both a node name and a --selector option', "See 'kubectl uncordon -h' for help and examples"),
    },
  ])('$name', ({ line, stderr }) => {
    expect(setup().run(line)).toEqual({ stdout: '', stderr, exitCode: 1 });
  });

  it('narrates the write as kubectl, with the number of pods that keep running', () => {
    const { cluster, run } = setup();
    run('kubectl cordon node-2');
    expect(cluster.actions().at(-1)).toMatchObject({
      actor: 'kubectl',
      reason: 'kubectl cordon node-2: spec.unschedulable is now true, so the scheduler places no new pods on node-2; its 0 pod(s) keep running',
    });
  });
});
