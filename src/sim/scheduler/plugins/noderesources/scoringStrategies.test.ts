// Ports TestLeastAllocatedScoringStrategy (least_allocated_test.go), TestMostAllocatedScoringStrategy
// (most_allocated_test.go), TestRequestedToCapacityRatioScoringStrategy, TestBrokenLinearFunction and
// TestResourceBinPackingSingleExtended (requested_to_capacity_ratio_test.go) from
// pkg/scheduler/framework/plugins/noderesources. The "resources not set" cases are left out: our args default
// empty resources to cpu and memory, so that configuration cannot occur.
import { describe, expect, it } from 'vitest';
import type { Node, Pod } from 'kubernetes-types/core/v1';
import { CycleState } from '../../framework/cycleState';
import { makeNode, makePod, nodeInfoOf } from '../../testing/wrappers';
import { buildBrokenLinearFunction } from '../helper/shapeScore';
import { Fit, type ScoringStrategyType } from './fit';
import type { ResourceSpec } from './resourceAllocation';

const extendedRes = 'abc.com/xyz';
const defaultResources: ResourceSpec[] = [
  { name: 'cpu', weight: 1 },
  { name: 'memory', weight: 1 },
];
const extendedResourceSet: ResourceSpec[] = [...defaultResources, { name: extendedRes, weight: 1 }];

const node = (name: string, capacity: Record<string, string>) => makeNode().name(name).capacity(capacity).obj();
const pod = (...reqs: Record<string, string>[]) => {
  const w = makePod().name(`p${reqs.length}`);
  for (const r of reqs) w.req(r);
  return w.obj();
};
let uid = 0;
const on = (nodeName: string, ...reqs: Record<string, string>[]) => {
  const w = makePod().name(`existing-${uid++}`).node(nodeName);
  for (const r of reqs) w.req(r);
  return w.obj();
};

interface Case {
  name: string;
  requestedPod: Pod;
  nodes: Node[];
  existingPods?: Pod[];
  expected: number[];
  resources?: ResourceSpec[];
  wantErr?: string;
}

function run(type: ScoringStrategyType, tc: Case, shape?: { utilization: number; score: number }[]) {
  if (tc.wantErr) {
    expect(() => new Fit({ scoringStrategy: { type, resources: tc.resources } })).toThrow(tc.wantErr);
    return;
  }
  const p = new Fit({ scoringStrategy: { type, resources: tc.resources, requestedToCapacityRatio: shape ? { shape } : undefined } });
  const state = new CycleState();
  expect(p.preScore(state, tc.requestedPod)).toBeNull();
  const scores = tc.nodes.map((n) =>
    p.score(state, tc.requestedPod, nodeInfoOf(n, ...(tc.existingPods ?? []).filter((e) => e.spec?.nodeName === n.metadata?.name))),
  );
  expect(scores).toEqual(tc.expected);
}

const c1 = { cpu: '1000', memory: '2000' };
const c2 = { cpu: '2000', memory: '3000' };

describe('LeastAllocated scoring strategy', () => {
  it.each<Case>([
    { name: 'nothing scheduled, nothing requested', requestedPod: pod(), nodes: [node('node1', { cpu: '4000', memory: '10000' }), node('node2', { cpu: '4000', memory: '10000' })], expected: [100, 100], resources: defaultResources },
    { name: 'nothing scheduled, resources requested, differently sized nodes', requestedPod: pod(c1, c2), nodes: [node('node1', { cpu: '4000', memory: '10000' }), node('node2', { cpu: '6000', memory: '10000' })], expected: [37, 50], resources: defaultResources },
    {
      name: 'no resources requested, pods scheduled',
      requestedPod: pod(),
      nodes: [node('node1', { cpu: '4000', memory: '10000' }), node('node2', { cpu: '4000', memory: '10000' })],
      existingPods: [on('node1'), on('node1'), on('node2'), on('node2')],
      expected: [100, 100],
      resources: defaultResources,
    },
    {
      name: 'no resources requested, pods scheduled with resources',
      requestedPod: pod(),
      nodes: [node('node1', { cpu: '10000', memory: '20000' }), node('node2', { cpu: '10000', memory: '20000' })],
      existingPods: [on('node1', { cpu: '3000', memory: '0' }), on('node1', { cpu: '3000', memory: '0' }), on('node2', { cpu: '3000', memory: '0' }), on('node2', { cpu: '3000', memory: '5000' })],
      expected: [70, 57],
      resources: defaultResources,
    },
    {
      name: 'resources requested, pods scheduled with resources',
      requestedPod: pod(c1, c2),
      nodes: [node('node1', { cpu: '10000', memory: '20000' }), node('node2', { cpu: '10000', memory: '20000' })],
      existingPods: [on('node1', { cpu: '3000', memory: '0' }), on('node2', { cpu: '3000', memory: '5000' })],
      expected: [57, 45],
      resources: defaultResources,
    },
    {
      name: 'resources requested, pods scheduled with resources, differently sized nodes',
      requestedPod: pod(c1, c2),
      nodes: [node('node1', { cpu: '10000', memory: '20000' }), node('node2', { cpu: '10000', memory: '50000' })],
      existingPods: [on('node1', { cpu: '3000', memory: '0' }), on('node2', { cpu: '3000', memory: '5000' })],
      expected: [57, 60],
      resources: defaultResources,
    },
    {
      name: 'requested resources exceed node capacity',
      requestedPod: pod({ cpu: '3000', memory: '0' }),
      nodes: [node('node1', { cpu: '4000', memory: '10000' }), node('node2', { cpu: '4000', memory: '10000' })],
      existingPods: [on('node1', { cpu: '3000', memory: '0' }), on('node2', { cpu: '3000', memory: '5000' })],
      expected: [50, 25],
      resources: defaultResources,
    },
    {
      name: 'zero node resources, pods scheduled with resources',
      requestedPod: pod(),
      nodes: [makeNode().name('node1').obj(), makeNode().name('node2').obj()],
      existingPods: [on('node1', { cpu: '3000', memory: '0' }), on('node2', { cpu: '3000', memory: '5000' })],
      expected: [0, 0],
      resources: defaultResources,
    },
    {
      name: 'nothing scheduled, resources requested with different weight on CPU and memory, differently sized nodes',
      requestedPod: pod(c1, c2),
      nodes: [node('node1', { cpu: '4000', memory: '10000' }), node('node2', { cpu: '6000', memory: '10000' })],
      expected: [41, 50],
      resources: [{ name: 'memory', weight: 2 }, { name: 'cpu', weight: 1 }],
    },
    { name: 'resource with negative weight', requestedPod: pod(c1, c2), nodes: [], expected: [], resources: [{ name: 'memory', weight: -1 }, { name: 'cpu', weight: 1 }], wantErr: 'scoringStrategy.resources[0].weight' },
    { name: 'resource with zero weight', requestedPod: pod(c1, c2), nodes: [], expected: [], resources: [{ name: 'memory', weight: 1 }, { name: 'cpu', weight: 0 }], wantErr: 'scoringStrategy.resources[1].weight' },
    { name: 'resource weight larger than MaxNodeScore', requestedPod: pod(c1, c2), nodes: [], expected: [], resources: [{ name: 'memory', weight: 1 }, { name: 'cpu', weight: 101 }], wantErr: 'scoringStrategy.resources[1].weight' },
    {
      name: 'bypass extended resource if the pod does not request',
      requestedPod: pod(c1, c2),
      nodes: [node('node1', { cpu: '6000', memory: '10000' }), node('node2', { cpu: '6000', memory: '10000', [extendedRes]: '4' })],
      expected: [50, 50],
      resources: extendedResourceSet,
    },
    {
      name: 'honor extended resource if the pod requests',
      requestedPod: pod({ cpu: '3000', memory: '5000', [extendedRes]: '2' }),
      nodes: [node('node1', { cpu: '6000', memory: '10000', [extendedRes]: '4' }), node('node2', { cpu: '6000', memory: '10000', [extendedRes]: '10' })],
      expected: [50, 60],
      resources: extendedResourceSet,
    },
    {
      name: "if the node doesn't have a resource",
      requestedPod: pod({ cpu: '3000', memory: '4000' }),
      nodes: [node('node1', { cpu: '6000', memory: '10000' }), node('node2', { cpu: '6000', memory: '10000', [extendedRes]: '4' })],
      expected: [55, 55],
      resources: [{ name: extendedRes, weight: 2 }, { name: 'cpu', weight: 1 }, { name: 'memory', weight: 1 }],
    },
  ])('$name', (tc) => run('LeastAllocated', tc));
});

describe('MostAllocated scoring strategy', () => {
  it.each<Case>([
    { name: 'nothing scheduled, nothing requested', requestedPod: pod(), nodes: [node('node1', { cpu: '4000', memory: '10000' }), node('node2', { cpu: '4000', memory: '10000' })], expected: [0, 0], resources: defaultResources },
    { name: 'nothing scheduled, resources requested, differently sized nodes', requestedPod: pod(c1, c2), nodes: [node('node1', { cpu: '4000', memory: '10000' }), node('node2', { cpu: '6000', memory: '10000' })], expected: [62, 50], resources: defaultResources },
    {
      name: 'no resources requested, pods scheduled with resources',
      requestedPod: pod(),
      nodes: [node('node1', { cpu: '10000', memory: '20000' }), node('node2', { cpu: '10000', memory: '20000' })],
      existingPods: [on('node1', { cpu: '3000', memory: '0' }), on('node1', { cpu: '3000', memory: '0' }), on('node2', { cpu: '3000', memory: '0' }), on('node2', { cpu: '3000', memory: '5000' })],
      expected: [30, 42],
      resources: defaultResources,
    },
    {
      name: 'resources requested, pods scheduled with resources',
      requestedPod: pod(c1, c2),
      nodes: [node('node1', { cpu: '10000', memory: '20000' }), node('node2', { cpu: '10000', memory: '20000' })],
      existingPods: [on('node1', { cpu: '3000', memory: '0' }), on('node2', { cpu: '3000', memory: '5000' })],
      expected: [42, 55],
      resources: defaultResources,
    },
    {
      name: 'resources requested equal node capacity',
      requestedPod: pod({ cpu: '2000', memory: '4000' }, { cpu: '3000', memory: '5000' }),
      nodes: [node('node1', { cpu: '5000', memory: '10000' }), node('node2', { cpu: '10000', memory: '9000' })],
      expected: [95, 75],
      resources: defaultResources,
    },
    {
      name: 'nothing scheduled, resources requested with different weight on CPU and memory, differently sized nodes',
      requestedPod: pod(c1, c2),
      nodes: [node('node1', { cpu: '4000', memory: '10000' }), node('node2', { cpu: '6000', memory: '10000' })],
      expected: [58, 50],
      resources: [{ name: 'memory', weight: 2 }, { name: 'cpu', weight: 1 }],
    },
    {
      name: 'no resources requested, pods scheduled, nonzero request for resource',
      requestedPod: makePod().name('c').container('container').obj(),
      nodes: [node('node1', { cpu: '250m', memory: '1000Mi' }), node('node2', { cpu: '250m', memory: '1000Mi' })],
      existingPods: [makePod().name('e1').node('node1').container('container').obj(), makePod().name('e2').node('node1').container('container').obj()],
      expected: [80, 30],
      resources: defaultResources,
    },
    { name: 'resource with negative weight', requestedPod: pod(c1, c2), nodes: [], expected: [], resources: [{ name: 'memory', weight: -1 }, { name: 'cpu', weight: 1 }], wantErr: 'scoringStrategy.resources[0].weight' },
    { name: 'resource weight larger than MaxNodeScore', requestedPod: pod(c1, c2), nodes: [], expected: [], resources: [{ name: 'memory', weight: 101 }], wantErr: 'scoringStrategy.resources[0].weight' },
    {
      name: 'bypass extended resource if the pod does not request',
      requestedPod: pod(c1, c2),
      nodes: [node('node1', { cpu: '6000', memory: '10000' }), node('node2', { cpu: '6000', memory: '10000', [extendedRes]: '4' })],
      expected: [50, 50],
      resources: extendedResourceSet,
    },
    {
      name: 'honor extended resource if the pod request',
      requestedPod: pod({ cpu: '3000', memory: '5000', [extendedRes]: '2' }),
      nodes: [node('node1', { cpu: '6000', memory: '10000', [extendedRes]: '4' }), node('node2', { cpu: '6000', memory: '10000', [extendedRes]: '10' })],
      expected: [50, 40],
      resources: extendedResourceSet,
    },
    {
      name: "if the node doesn't have a resource",
      requestedPod: pod({ cpu: '3000', memory: '4000' }),
      nodes: [node('node1', { cpu: '6000', memory: '10000' }), node('node2', { cpu: '6000', memory: '10000', [extendedRes]: '4' })],
      expected: [45, 45],
      resources: [{ name: extendedRes, weight: 2 }, { name: 'cpu', weight: 1 }, { name: 'memory', weight: 1 }],
    },
  ])('$name', (tc) => run('MostAllocated', tc));
});

describe('RequestedToCapacityRatio scoring strategy', () => {
  const shape = [
    { utilization: 0, score: 10 },
    { utilization: 100, score: 0 },
  ];
  it.each<Case>([
    {
      name: 'nothing scheduled, nothing requested (default - least requested nodes have priority)',
      requestedPod: pod(),
      nodes: [node('node1', { cpu: '4000', memory: '10000' }), node('node2', { cpu: '4000', memory: '10000' })],
      existingPods: [on('node1'), on('node1')],
      expected: [100, 100],
      resources: defaultResources,
    },
    {
      name: 'nothing scheduled, resources requested, differently sized nodes (default - least requested nodes have priority)',
      requestedPod: pod(c1, c2),
      nodes: [node('node1', { cpu: '4000', memory: '10000' }), node('node2', { cpu: '6000', memory: '10000' })],
      existingPods: [on('node1'), on('node1')],
      expected: [38, 50],
      resources: defaultResources,
    },
    {
      name: 'no resources requested, pods scheduled with resources (default - least requested nodes have priority)',
      requestedPod: pod(),
      nodes: [node('node1', { cpu: '4000', memory: '10000' }), node('node2', { cpu: '6000', memory: '10000' })],
      existingPods: [on('node1', { cpu: '3000', memory: '5000' }), on('node2', { cpu: '3000', memory: '5000' })],
      expected: [38, 50],
      resources: defaultResources,
    },
  ])('$name', (tc) => run('RequestedToCapacityRatio', tc, shape));

  const extNode = (name: string, foo: number) =>
    makeNode().name(name).capacity({ cpu: '4000m', memory: String(10000 * 1024 * 1024), 'intel.com/foo': String(foo) }).obj();
  it.each([
    { name: 'nothing scheduled, nothing requested', pod: pod(), pods: [] as Pod[], expected: [0, 0] },
    { name: 'resources requested, pods scheduled with less resources', pod: pod({ 'intel.com/foo': '2' }), pods: [pod()], expected: [2, 5] },
    { name: 'resources requested, pods scheduled with resources, on node with existing pod running', pod: pod({ 'intel.com/foo': '2' }), pods: [on('node2', { 'intel.com/foo': '2' })], expected: [2, 10] },
    { name: 'resources requested, pods scheduled with more resources', pod: pod({ 'intel.com/foo': '4' }), pods: [pod()], expected: [5, 10] },
  ])('bin packing a single extended resource: $name', ({ pod: requested, pods, expected }) => {
    run(
      'RequestedToCapacityRatio',
      { name: '', requestedPod: requested, nodes: [extNode('node1', 8), extNode('node2', 4)], existingPods: pods, expected, resources: [{ name: 'intel.com/foo', weight: 1 }] },
      [{ utilization: 0, score: 0 }, { utilization: 100, score: 1 }],
    );
  });
});

describe('buildBrokenLinearFunction', () => {
  it.each([
    { name: 'a rising line is flat before its first and after its last point', points: [{ utilization: 10, score: 1 }, { utilization: 90, score: 9 }], assertions: [[-10, 1], [0, 1], [9, 1], [10, 1], [15, 1], [19, 1], [20, 2], [89, 8], [90, 9], [99, 9], [100, 9], [110, 9]] },
    { name: 'a line that rises then falls truncates between points', points: [{ utilization: 0, score: 2 }, { utilization: 40, score: 10 }, { utilization: 100, score: 0 }], assertions: [[-10, 2], [0, 2], [20, 6], [30, 8], [40, 10], [70, 5], [100, 0], [110, 0]] },
    { name: 'a flat line gives the same score everywhere', points: [{ utilization: 0, score: 2 }, { utilization: 40, score: 2 }, { utilization: 100, score: 2 }], assertions: [[-10, 2], [0, 2], [20, 2], [30, 2], [40, 2], [70, 2], [100, 2], [110, 2]] },
  ])('$name', ({ points, assertions }) => {
    const f = buildBrokenLinearFunction(points);
    expect(assertions.map(([p]) => f(p))).toEqual(assertions.map(([, want]) => want));
  });
});
