// Ports TestNodeResourcesBalancedAllocation from
// pkg/scheduler/framework/plugins/noderesources/balanced_allocation_test.go (current formula: std = |f1 - f2| / 2,
// v1.32+: best-effort pods Skip).
import { describe, expect, it } from 'vitest';
import type { Node, Pod } from 'kubernetes-types/core/v1';
import { CycleState } from '../../framework/cycleState';
import { Code } from '../../framework/interface';
import { nodeInfoOf } from '../../testing/wrappers';
import { BalancedAllocation, balancedResourceScorer } from './balancedAllocation';

let uid = 0;
function spec(nodeName: string | undefined, ...reqs: [string, string][]): Pod {
  return {
    metadata: { name: `p${uid}`, uid: `uid-${uid++}` },
    spec: { nodeName, containers: reqs.map(([cpu, memory], i) => ({ name: `c${i}`, image: 'i', resources: { requests: { cpu, memory } } })) },
  };
}
const cpuOnly = (node?: string) => spec(node, ['1000m', '0'], ['2000m', '0']);
const cpuAndMemory = (node?: string) => spec(node, ['1000m', '2000'], ['2000m', '3000']);
const noResources = (): Pod => ({ metadata: { name: 'none' }, spec: { containers: [] } });
function makeNode(name: string, milliCPU: number, memory: number): Node {
  const list = { cpu: `${milliCPU}m`, memory: String(memory) };
  return { metadata: { name }, status: { capacity: list, allocatable: list } };
}

describe('NodeResourcesBalancedAllocation', () => {
  it.each([
    { name: 'nothing scheduled, resources requested, differently sized machines', pod: cpuAndMemory(), nodes: [makeNode('machine1', 4000, 10000), makeNode('machine2', 6000, 10000)], pods: [] as Pod[], expected: [87, 100] },
    {
      name: 'resources requested, pods scheduled with resources',
      pod: cpuAndMemory(),
      nodes: [makeNode('machine1', 10000, 20000), makeNode('machine2', 10000, 20000)],
      pods: [cpuOnly('machine1'), cpuAndMemory('machine2')],
      expected: [82, 95],
    },
    {
      name: 'resources requested, pods scheduled with resources, differently sized machines',
      pod: cpuAndMemory(),
      nodes: [makeNode('machine1', 10000, 20000), makeNode('machine2', 10000, 50000)],
      pods: [cpuOnly('machine1'), cpuAndMemory('machine2')],
      expected: [82, 80],
    },
    {
      name: 'requested resources at node capacity: fractions are capped at 1',
      pod: cpuOnly(),
      nodes: [makeNode('machine1', 4000, 10000), makeNode('machine2', 4000, 10000)],
      pods: [cpuOnly('machine1'), cpuAndMemory('machine2')],
      expected: [50, 75],
    },
  ])('$name', ({ pod, nodes, pods, expected }) => {
    const p = new BalancedAllocation();
    const state = new CycleState();
    expect(p.preScore(state, pod)).toBeNull();
    const got = nodes.map((n) => p.score(state, pod, nodeInfoOf(n, ...pods.filter((e) => e.spec?.nodeName === n.metadata?.name))));
    expect(got).toEqual(expected);
  });

  it('skips a best-effort pod (no requests) so that such pods do not pile onto one node', () => {
    const status = new BalancedAllocation().preScore(new CycleState(), noResources());
    expect(status?.code).toBe(Code.Skip);
  });

  it.each([
    { name: 'two resources use half the difference of their fractions', requested: [3, 5], allocatable: [4, 10], want: 87 },
    { name: 'three resources use the population standard deviation', requested: [1, 2, 3], allocatable: [4, 4, 4], want: 79 },
    { name: 'resources with zero allocatable are left out', requested: [3, 5], allocatable: [4, 0], want: 100 },
  ])('balancedResourceScorer: $name', ({ requested, allocatable, want }) => {
    expect(balancedResourceScorer(requested, allocatable)).toBe(want);
  });
});
