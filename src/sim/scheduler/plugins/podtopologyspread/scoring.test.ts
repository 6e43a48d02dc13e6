// Ports TestPodTopologySpreadScore, TestPreScoreSkip and TestPreScoreStateEmptyNodes (selected cases) from
// pkg/scheduler/framework/plugins/podtopologyspread/scoring_test.go.
import { describe, expect, it } from 'vitest';
import type { Node, Pod } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../../api/object';
import { CycleState } from '../../framework/cycleState';
import { Code, newStatus, type NodeScoreList } from '../../framework/interface';
import { fakeHandle } from '../../testing/fakeHandle';
import { makePod } from '../../testing/wrappers';
import { New } from './podTopologySpread';
import { getPreScoreState, topologyNormalizingWeight } from './scoring';
import { existing, existsSelector, node, spreadPod, unschedulableTaints } from './testBuilders';

const hostname = 'kubernetes.io/hostname';
const zoneKey = 'topology.kubernetes.io/zone';
const fooSelector = existsSelector('foo');
const barSelector = existsSelector('bar');

/** pods puts `count` matching pods named p-<suffix><i> on node-<suffix>. */
function pods(suffix: string, count: number, labels: Record<string, string> = { foo: '' }): Pod[] {
  return Array.from({ length: count }, (_, i) => existing(`p-${suffix}${i + 1}`, `node-${suffix}`, labels));
}

const hostNode = (name: string) => node(name, { [hostname]: name });
const hostNodes = (...names: string[]) => names.map(hostNode);
const zoneHostNode = (name: string, zone: string) => node(name, { zone, [hostname]: name });

interface ScoreCase {
  name: string;
  pod: Pod;
  existingPods?: Pod[];
  nodes: Node[];
  /** failedNodes are in the cluster but not candidates: nodes + failedNodes = all nodes. */
  failedNodes?: Node[];
  objs?: KubeObject[];
  want: NodeScoreList;
}

const onHost = (maxSkew: number, selector = fooSelector) =>
  spreadPod('p').label('foo', '').spreadConstraint(maxSkew, hostname, 'ScheduleAnyway', selector).obj();

/** Legend: X/Y = matching pods on candidate nodes; ~Y~ = not a candidate; ?Y? = candidate missing a topology key. */
const scoreCases: ScoreCase[] = [
  {
    name: 'one constraint on node, no existing pods',
    pod: onHost(1),
    nodes: hostNodes('node-a', 'node-b'),
    want: [{ name: 'node-a', score: 100 }, { name: 'node-b', score: 100 }],
  },
  {
    name: 'one constraint on node, only one node is candidate',
    pod: onHost(1),
    existingPods: [...pods('a', 2), ...pods('b', 1)],
    nodes: hostNodes('node-a'),
    failedNodes: hostNodes('node-b'),
    want: [{ name: 'node-a', score: 100 }],
  },
  {
    name: 'one constraint on node, all nodes have the same number of matching pods',
    pod: onHost(1),
    existingPods: [...pods('a', 1), ...pods('b', 1)],
    nodes: hostNodes('node-a', 'node-b'),
    want: [{ name: 'node-a', score: 100 }, { name: 'node-b', score: 100 }],
  },
  {
    name: 'one constraint on node, all 4 nodes are candidates',
    pod: onHost(1),
    existingPods: [...pods('a', 2), ...pods('b', 1), ...pods('d', 3)],
    nodes: hostNodes('node-a', 'node-b', 'node-c', 'node-d'),
    want: [{ name: 'node-a', score: 20 }, { name: 'node-b', score: 60 }, { name: 'node-c', score: 100 }, { name: 'node-d', score: 0 }],
  },
  {
    name: 'one constraint on node, null selector',
    pod: spreadPod('p').label('foo', '').spreadConstraint(1, hostname, 'ScheduleAnyway', undefined).obj(),
    existingPods: [...pods('a', 2), ...pods('b', 1), ...pods('d', 3)],
    nodes: hostNodes('node-a', 'node-b', 'node-c', 'node-d'),
    want: [{ name: 'node-a', score: 100 }, { name: 'node-b', score: 100 }, { name: 'node-c', score: 100 }, { name: 'node-d', score: 100 }],
  },
  {
    name: 'one constraint on node, all 4 nodes are candidates, maxSkew=2',
    pod: onHost(2),
    existingPods: [...pods('a', 2), ...pods('b', 1), ...pods('d', 3)],
    nodes: hostNodes('node-a', 'node-b', 'node-c', 'node-d'),
    want: [{ name: 'node-a', score: 33 }, { name: 'node-b', score: 66 }, { name: 'node-c', score: 100 }, { name: 'node-d', score: 16 }],
  },
  {
    name: 'one constraint on node, all 4 nodes are candidates, maxSkew=3',
    pod: onHost(3),
    existingPods: [...pods('a', 4), ...pods('b', 3), ...pods('c', 2), ...pods('d', 1)],
    nodes: hostNodes('node-a', 'node-b', 'node-c', 'node-d'),
    want: [{ name: 'node-a', score: 44 }, { name: 'node-b', score: 66 }, { name: 'node-c', score: 77 }, { name: 'node-d', score: 100 }],
  },
  {
    // Same scores as if we were using one spreading constraint.
    name: "system defaulting, nodes don't have zone, pods match service",
    pod: makePod().name('p').label('foo', '').obj(),
    existingPods: [...pods('a', 4), ...pods('b', 3), ...pods('c', 2), ...pods('d', 1)],
    nodes: hostNodes('node-a', 'node-b', 'node-c', 'node-d'),
    objs: [{ apiVersion: 'v1', kind: 'Service', metadata: { name: 'svc', namespace: 'default' }, spec: { selector: { foo: '' } } }],
    want: [{ name: 'node-a', score: 44 }, { name: 'node-b', score: 66 }, { name: 'node-c', score: 77 }, { name: 'node-d', score: 100 }],
  },
  {
    // Matching pods spread as 4/2/1/~3~ (node-y is not a candidate).
    name: 'one constraint on node, 3 out of 4 nodes are candidates',
    pod: onHost(1),
    existingPods: [...pods('a', 4), ...pods('b', 2), ...pods('x', 1), ...pods('y', 3)],
    nodes: hostNodes('node-a', 'node-b', 'node-x'),
    failedNodes: hostNodes('node-y'),
    want: [{ name: 'node-a', score: 33 }, { name: 'node-b', score: 83 }, { name: 'node-x', score: 100 }],
  },
  {
    // Matching pods spread as 4/?2?/1/~3~: node-b lacks the topology key.
    name: "one constraint on node, 3 out of 4 nodes are candidates, one node doesn't match topology key",
    pod: onHost(1),
    existingPods: [...pods('a', 4), ...pods('b', 2), ...pods('x', 1), ...pods('y', 3)],
    nodes: [hostNode('node-a'), node('node-b', { n: 'node-b' }), hostNode('node-x')],
    failedNodes: hostNodes('node-y'),
    want: [{ name: 'node-a', score: 16 }, { name: 'node-b', score: 0 }, { name: 'node-x', score: 100 }],
  },
  {
    // Matching pods spread as 4/2/1/~3~.
    name: 'one constraint on zone, 3 out of 4 nodes are candidates',
    pod: spreadPod('p').label('foo', '').spreadConstraint(1, 'zone', 'ScheduleAnyway', fooSelector).obj(),
    existingPods: [...pods('a', 4), ...pods('b', 2), ...pods('x', 1), ...pods('y', 3)],
    nodes: [zoneHostNode('node-a', 'zone1'), zoneHostNode('node-b', 'zone1'), zoneHostNode('node-x', 'zone2')],
    failedNodes: [zoneHostNode('node-y', 'zone2')],
    want: [{ name: 'node-a', score: 75 }, { name: 'node-b', score: 75 }, { name: 'node-x', score: 100 }],
  },
  {
    // Matching pods spread as 2/~1~/2/~4~.
    name: 'two Constraints on zone and node, 2 out of 4 nodes are candidates',
    pod: spreadPod('p')
      .label('foo', '')
      .spreadConstraint(1, 'zone', 'ScheduleAnyway', fooSelector)
      .spreadConstraint(1, hostname, 'ScheduleAnyway', fooSelector)
      .obj(),
    existingPods: [...pods('a', 2), ...pods('b', 1), ...pods('x', 2), ...pods('y', 4)],
    nodes: [zoneHostNode('node-a', 'zone1'), zoneHostNode('node-x', 'zone2')],
    failedNodes: [zoneHostNode('node-b', 'zone1'), zoneHostNode('node-y', 'zone2')],
    want: [{ name: 'node-a', score: 100 }, { name: 'node-x', score: 63 }],
  },
  {
    // zone: matching pods spread as 2/2/1/1 (per zone 2/2); node: 0/1/0/1.
    name: 'two Constraints on zone and node, with different labelSelectors',
    pod: spreadPod('p')
      .label('foo', '')
      .label('bar', '')
      .spreadConstraint(1, 'zone', 'ScheduleAnyway', fooSelector)
      .spreadConstraint(1, hostname, 'ScheduleAnyway', barSelector)
      .obj(),
    existingPods: [
      existing('p-a1', 'node-a'),
      existing('p-b1', 'node-b', { foo: '', bar: '' }),
      existing('p-y1', 'node-y'),
      existing('p-y2', 'node-y', { bar: '' }),
    ],
    nodes: [zoneHostNode('node-a', 'zone1'), zoneHostNode('node-b', 'zone1'), zoneHostNode('node-x', 'zone2'), zoneHostNode('node-y', 'zone2')],
    want: [{ name: 'node-a', score: 60 }, { name: 'node-b', score: 20 }, { name: 'node-x', score: 100 }, { name: 'node-y', score: 60 }],
  },
  {
    // zone: 0/0/2/2; node: 0/1/0/1.
    name: 'two Constraints on zone and node, with different labelSelectors, some nodes have 0 pods',
    pod: spreadPod('p')
      .label('foo', '')
      .label('bar', '')
      .spreadConstraint(1, 'zone', 'ScheduleAnyway', fooSelector)
      .spreadConstraint(1, hostname, 'ScheduleAnyway', barSelector)
      .obj(),
    existingPods: [existing('p-b1', 'node-b', { bar: '' }), existing('p-x1', 'node-x'), existing('p-y1', 'node-y', { foo: '', bar: '' })],
    nodes: [zoneHostNode('node-a', 'zone1'), zoneHostNode('node-b', 'zone1'), zoneHostNode('node-x', 'zone2'), zoneHostNode('node-y', 'zone2')],
    want: [{ name: 'node-a', score: 100 }, { name: 'node-b', score: 60 }, { name: 'node-x', score: 40 }, { name: 'node-y', score: 0 }],
  },
  {
    // zone: 2/2/1/~1~; node: 0/1/0/~1~.
    name: 'two Constraints on zone and node, with different labelSelectors, 3 out of 4 nodes are candidates',
    pod: spreadPod('p')
      .label('foo', '')
      .label('bar', '')
      .spreadConstraint(1, 'zone', 'ScheduleAnyway', fooSelector)
      .spreadConstraint(1, hostname, 'ScheduleAnyway', barSelector)
      .obj(),
    existingPods: [
      existing('p-a1', 'node-a'),
      existing('p-b1', 'node-b', { foo: '', bar: '' }),
      existing('p-y1', 'node-y'),
      existing('p-y2', 'node-y', { bar: '' }),
    ],
    nodes: [zoneHostNode('node-a', 'zone1'), zoneHostNode('node-b', 'zone1'), zoneHostNode('node-x', 'zone2')],
    failedNodes: [zoneHostNode('node-y', 'zone2')],
    want: [{ name: 'node-a', score: 50 }, { name: 'node-b', score: 25 }, { name: 'node-x', score: 100 }],
  },
  {
    name: 'existing pods in a different namespace do not count',
    pod: onHost(1),
    existingPods: [existing('p-a1', 'node-a', { foo: '' }, 'ns1'), existing('p-a2', 'node-a'), ...pods('b', 2)],
    nodes: hostNodes('node-a', 'node-b'),
    want: [{ name: 'node-a', score: 100 }, { name: 'node-b', score: 33 }],
  },
  {
    name: 'terminating Pods should be excluded',
    pod: onHost(1),
    existingPods: [makePod().name('p-a').node('node-a').label('foo', '').terminating().obj(), existing('p-b', 'node-b')],
    nodes: hostNodes('node-a', 'node-b'),
    want: [{ name: 'node-a', score: 100 }, { name: 'node-b', score: 0 }],
  },
  {
    // Artificial: the API server rejects a non-default minDomains with ScheduleAnyway.
    name: 'minDomains has no effect when ScheduleAnyway',
    pod: spreadPod('p').label('foo', '').spreadConstraint(2, 'node', 'ScheduleAnyway', fooSelector, { minDomains: 10 }).obj(),
    existingPods: [...pods('a', 2), ...pods('b', 2), ...pods('c', 1)],
    nodes: [node('node-a', { node: 'node-a' }), node('node-b', { node: 'node-b' }), node('node-c', { node: 'node-c' })],
    want: [{ name: 'node-a', score: 75 }, { name: 'node-b', score: 75 }, { name: 'node-c', score: 100 }],
  },
  ...(['labelSelectors', 'nodeAffinity'] as const).flatMap((by): ScoreCase[] => {
    const build = (policy?: 'Ignore') => {
      const w = spreadPod('p').label('foo', '');
      if (by === 'labelSelectors') w.nodeSelector({ foo: '' });
      else w.nodeAffinityIn('foo', ['']);
      return w.spreadConstraint(1, 'node', 'ScheduleAnyway', fooSelector, policy ? { nodeAffinityPolicy: policy } : {}).obj();
    };
    const nodes = [node('node-a', { node: 'node-a', foo: '' }), node('node-b', { node: 'node-b', foo: '' }), node('node-c', { node: 'node-c' })];
    const existingPods = [...pods('a', 2), ...pods('b', 1), ...pods('c', 1)];
    return [
      {
        name: `NodeAffinityPolicy honored with ${by}`,
        pod: build(),
        existingPods,
        nodes,
        want: [{ name: 'node-a', score: 0 }, { name: 'node-b', score: 33 }, { name: 'node-c', score: 100 }],
      },
      {
        name: `NodeAffinityPolicy ignored with ${by}`,
        pod: build('Ignore'),
        existingPods,
        nodes,
        want: [{ name: 'node-a', score: 66 }, { name: 'node-b', score: 100 }, { name: 'node-c', score: 100 }],
      },
    ];
  }),
  {
    name: 'NodeTaintsPolicy honored',
    pod: spreadPod('p').label('foo', '').spreadConstraint(1, 'node', 'ScheduleAnyway', fooSelector, { nodeTaintsPolicy: 'Honor' }).obj(),
    existingPods: [...pods('a', 2), ...pods('b', 1), ...pods('c', 1)],
    nodes: [node('node-a', { node: 'node-a' }), node('node-b', { node: 'node-b' }), node('node-c', { node: 'node-c' }, unschedulableTaints)],
    want: [{ name: 'node-a', score: 0 }, { name: 'node-b', score: 33 }, { name: 'node-c', score: 100 }],
  },
  {
    name: 'NodeTaintsPolicy ignored',
    pod: spreadPod('p').label('foo', '').spreadConstraint(1, 'node', 'ScheduleAnyway', fooSelector).obj(),
    existingPods: [...pods('a', 2), ...pods('b', 1), ...pods('c', 1)],
    nodes: [node('node-a', { node: 'node-a' }), node('node-b', { node: 'node-b' }), node('node-c', { node: 'node-c' }, unschedulableTaints)],
    want: [{ name: 'node-a', score: 66 }, { name: 'node-b', score: 100 }, { name: 'node-c', score: 100 }],
  },
  {
    name: 'matchLabelKeys ANDed with LabelSelector when LabelSelector is empty',
    pod: spreadPod('p')
      .label('foo', '')
      .label('bar', '')
      .spreadConstraint(1, 'zone', 'ScheduleAnyway', {}, { matchLabelKeys: ['foo'] })
      .spreadConstraint(1, hostname, 'ScheduleAnyway', {}, { matchLabelKeys: ['bar'] })
      .obj(),
    existingPods: [
      existing('p-a1', 'node-a'),
      existing('p-b1', 'node-b', { foo: '', bar: '' }),
      existing('p-y1', 'node-c'),
      existing('p-y2', 'node-c', { bar: '' }),
    ],
    nodes: [zoneHostNode('node-a', 'zone1'), zoneHostNode('node-b', 'zone1'), zoneHostNode('node-c', 'zone2'), zoneHostNode('node-d', 'zone2')],
    want: [{ name: 'node-a', score: 60 }, { name: 'node-b', score: 20 }, { name: 'node-c', score: 60 }, { name: 'node-d', score: 100 }],
  },
  {
    name: "matchLabelKeys ANDed with LabelSelector when LabelSelector isn't empty",
    pod: spreadPod('p')
      .label('foo', '')
      .label('bar', '')
      .label('baz', '')
      .spreadConstraint(1, 'zone', 'ScheduleAnyway', fooSelector)
      .spreadConstraint(1, hostname, 'ScheduleAnyway', barSelector, { matchLabelKeys: ['baz'] })
      .obj(),
    existingPods: [
      existing('p-a1', 'node-a'),
      existing('p-b1', 'node-b', { foo: '', bar: '', baz: '' }),
      existing('p-c1', 'node-c'),
      existing('p-c2', 'node-c', { bar: '' }),
      existing('p-d3', 'node-c', { bar: '', baz: '' }),
    ],
    nodes: [zoneHostNode('node-a', 'zone1'), zoneHostNode('node-b', 'zone1'), zoneHostNode('node-c', 'zone2'), zoneHostNode('node-d', 'zone2')],
    want: [{ name: 'node-a', score: 60 }, { name: 'node-b', score: 20 }, { name: 'node-c', score: 60 }, { name: 'node-d', score: 100 }],
  },
];

describe('PodTopologySpread PreScore, Score and NormalizeScore (TestPodTopologySpreadScore)', () => {
  it.each(scoreCases)('$name', (tc) => {
    const handle = fakeHandle(tc.existingPods ?? [], [...tc.nodes, ...(tc.failedNodes ?? [])], tc.objs ?? []);
    const pl = New({ defaultingType: 'System' }, handle);
    const state = new CycleState();
    const lister = handle.snapshotSharedLister().nodeInfos();
    const filtered = tc.nodes.map((n) => lister.get(n.metadata!.name!)!);
    expect(pl.preScore(state, tc.pod, filtered)).toBeNull();
    const scores = filtered.map((ni) => ({ name: ni.nodeName(), score: pl.score(state, tc.pod, ni) }));
    expect(pl.normalizeScore(state, tc.pod, scores)).toBeNull();
    expect(scores).toEqual(tc.want);
  });
});

describe('PodTopologySpread PreScore skips (TestPreScoreSkip)', () => {
  const rs1: KubeObject = {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name: 'rs1', namespace: 'default' },
    spec: { selector: existsSelector('tar') },
  };
  it.each([
    {
      name: "the pod doesn't have soft topology spread Constraints",
      pod: makePod().name('p').obj(),
      args: { defaultingType: 'List' },
      nodes: hostNodes('node-a', 'node-b'),
    },
    {
      name: "default constraints and a replicaset that doesn't match",
      pod: spreadPod('p').label('foo', 'bar').label('baz', 'sup').ownerReference('rs2', 'apps/v1', 'ReplicaSet').obj(),
      args: { defaultingType: 'List', defaultConstraints: [{ maxSkew: 2, topologyKey: 'planet', whenUnsatisfiable: 'ScheduleAnyway' }] },
      nodes: [node('node-a', { planet: 'mars' })],
    },
  ])('$name', (tc) => {
    const handle = fakeHandle([], tc.nodes, [rs1]);
    const pl = New(tc.args, handle);
    const nodeInfos = handle.snapshotSharedLister().nodeInfos().list();
    expect(pl.preScore(new CycleState(), tc.pod, nodeInfos)).toEqual(newStatus(Code.Skip));
  });
});

describe('PodTopologySpread PreScore state (TestPreScoreStateEmptyNodes)', () => {
  it('system default constraints and a replicaset: nodes with no zone are a separate zone', () => {
    const pod = spreadPod('p').label('foo', 'tar').label('baz', 'sup').ownerReference('rs1', 'apps/v1', 'ReplicaSet').obj();
    const rs1: KubeObject = {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: { name: 'rs1', namespace: 'default' },
      spec: { selector: fooSelector },
    };
    const nodes = [
      node('node-a', { [hostname]: 'node-a', [zoneKey]: 'mars' }),
      node('node-b', { [hostname]: 'node-b', [zoneKey]: 'mars' }),
      node('node-c', { [hostname]: 'node-c' }),
      node('node-d', { [hostname]: 'node-d' }),
    ];
    const handle = fakeHandle([], nodes, [rs1]);
    const pl = New({ defaultingType: 'System' }, handle);
    const state = new CycleState();
    expect(pl.preScore(state, pod, handle.snapshotSharedLister().nodeInfos().list())).toBeNull();
    const s = getPreScoreState(state);
    expect(s.constraints.map((c) => [c.topologyKey, c.maxSkew, c.minDomains, c.nodeAffinityPolicy, c.nodeTaintsPolicy])).toEqual([
      [hostname, 3, 1, 'Honor', 'Ignore'],
      [zoneKey, 5, 1, 'Honor', 'Ignore'],
    ]);
    expect(s.ignoredNodes.size).toBe(0);
    expect(s.topologyValueToPodCounts.map((m) => Object.fromEntries(m))).toEqual([{}, { mars: 0, '': 0 }]);
    expect(s.topologyNormalizingWeight).toEqual([topologyNormalizingWeight(4), topologyNormalizingWeight(2)]);
  });

  it('system default constraints on nodes without zone labels: the zone constraint is not counted, since no score reads it', () => {
    const pod = spreadPod('p').label('foo', 'tar').ownerReference('rs1', 'apps/v1', 'ReplicaSet').obj();
    const rs1: KubeObject = { apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'rs1', namespace: 'default' }, spec: { selector: fooSelector } };
    const handle = fakeHandle([...pods('a', 2, { foo: 'tar' }), ...pods('b', 1, { foo: 'tar' })], hostNodes('node-a', 'node-b'), [rs1]);
    const pl = New({ defaultingType: 'System' }, handle);
    const state = new CycleState();
    const nodeInfos = handle.snapshotSharedLister().nodeInfos().list();
    expect(pl.preScore(state, pod, nodeInfos)).toBeNull();
    const s = getPreScoreState(state);
    expect(s.keyOnCandidates).toEqual([true, false]);
    expect(s.topologyValueToPodCounts.map((m) => Object.fromEntries(m))).toEqual([{}, { '': 0 }]);
    // Hostname spreading alone decides: 2 matching pods on node-a, 1 on node-b (maxSkew 3, weight ln(2 + 2)).
    const scores: NodeScoreList = nodeInfos.map((ni) => ({ name: ni.nodeName(), score: pl.score(state, pod, ni) }));
    expect(scores).toEqual([{ name: 'node-a', score: 5 }, { name: 'node-b', score: 3 }]);
    pl.normalizeScore(state, pod, scores);
    expect(scores).toEqual([{ name: 'node-a', score: 60 }, { name: 'node-b', score: 100 }]);
  });

  it("node-x doesn't have label zone: it is ignored and does not count for the weights", () => {
    const pod = spreadPod('p')
      .label('foo', '')
      .spreadConstraint(1, 'zone', 'ScheduleAnyway', fooSelector)
      .spreadConstraint(1, hostname, 'ScheduleAnyway', barSelector)
      .obj();
    const nodes = [zoneHostNode('node-a', 'zone1'), zoneHostNode('node-b', 'zone1'), node('node-x', { [hostname]: 'node-x' })];
    const handle = fakeHandle([], nodes);
    const pl = New({ defaultingType: 'List' }, handle);
    const state = new CycleState();
    expect(pl.preScore(state, pod, handle.snapshotSharedLister().nodeInfos().list())).toBeNull();
    const s = getPreScoreState(state);
    expect([...s.ignoredNodes]).toEqual(['node-x']);
    expect(s.topologyValueToPodCounts.map((m) => Object.fromEntries(m))).toEqual([{ zone1: 0 }, {}]);
    expect(s.topologyNormalizingWeight).toEqual([topologyNormalizingWeight(1), topologyNormalizingWeight(2)]);
  });
});
