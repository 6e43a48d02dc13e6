// Ports TestPreferredAffinity and TestPreferredAffinityWithHardPodAffinitySymmetricWeight from
// pkg/scheduler/framework/plugins/interpodaffinity/scoring_test.go. Upstream's namespace "" is "default" here;
// the invalid-label-syntax cases are left out (the API server rejects such selectors).
import { describe, expect, it } from 'vitest';
import type { Affinity, Node, Pod, PodAffinityTerm } from 'kubernetes-types/core/v1';
import { CycleState } from '../../framework/cycleState';
import { Code, newStatus, type NodeScoreList, type Status } from '../../framework/interface';
import { fakeHandle } from '../../testing/fakeHandle';
import { New, type InterPodAffinityArgs } from './interPodAffinity';
import { affinityPod, labelledNode, teamNamespaces } from './testBuilders';

const labelRgChina = { region: 'China' };
const labelRgIndia = { region: 'India' };
const labelAzAz1 = { az: 'az1' };
const labelAzAz2 = { az: 'az2' };
const labelRgChinaAzAz1 = { region: 'China', az: 'az1' };
const s1 = { security: 'S1' };
const s2 = { security: 'S2' };

function term(key: string, operator: string, values: string[] | undefined, topologyKey: string, extra: Partial<PodAffinityTerm> = {}): PodAffinityTerm {
  return { labelSelector: { matchExpressions: [values ? { key, operator, values } : { key, operator }] }, topologyKey, ...extra };
}
const weighted = (weight: number, podAffinityTerm: PodAffinityTerm) => ({ weight, podAffinityTerm });
const teamSelector = { namespaces: ['subteam2.team2'], namespaceSelector: { matchExpressions: [{ key: 'team', operator: 'In', values: ['team1'] }] } };

const stayWithS1InRegion: Affinity = {
  podAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [weighted(5, term('security', 'In', ['S1'], 'region'))] },
};
const stayWithS2InRegion: Affinity = {
  podAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [weighted(6, term('security', 'In', ['S2'], 'region'))] },
};
const affinity3: Affinity = {
  podAffinity: {
    preferredDuringSchedulingIgnoredDuringExecution: [
      weighted(8, {
        labelSelector: {
          matchExpressions: [
            { key: 'security', operator: 'NotIn', values: ['S1'] },
            { key: 'security', operator: 'In', values: ['S2'] },
          ],
        },
        topologyKey: 'region',
      }),
      weighted(2, {
        labelSelector: { matchExpressions: [{ key: 'security', operator: 'Exists' }, { key: 'wrongkey', operator: 'DoesNotExist' }] },
        topologyKey: 'region',
      }),
    ],
  },
};
const hardAffinity: Affinity = {
  podAffinity: {
    requiredDuringSchedulingIgnoredDuringExecution: [
      term('security', 'In', ['S1', 'value2'], 'region'),
      {
        labelSelector: { matchExpressions: [{ key: 'security', operator: 'Exists' }, { key: 'wrongkey', operator: 'DoesNotExist' }] },
        topologyKey: 'region',
      },
    ],
  },
};
const awayFromS1InAz: Affinity = {
  podAntiAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [weighted(5, term('security', 'In', ['S1'], 'az'))] },
};
const awayFromS2InAz: Affinity = {
  podAntiAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [weighted(5, term('security', 'In', ['S2'], 'az'))] },
};
const stayWithS1InRegionAwayFromS2InAz: Affinity = {
  podAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [weighted(8, term('security', 'In', ['S1'], 'region'))] },
  podAntiAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [weighted(5, term('security', 'In', ['S2'], 'az'))] },
};
const affinityNamespaceSelector: Affinity = {
  podAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [weighted(5, term('security', 'In', ['S1'], 'region', teamSelector))] },
};
const antiAffinityNamespaceSelector: Affinity = {
  podAntiAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [weighted(5, term('security', 'In', ['S1'], 'region', teamSelector))] },
};

let podCount = 0;
/** pod builds a pod with the given node, labels, affinity and namespace (names are generated). */
function pod(nodeName: string, labels?: Record<string, string>, affinity?: Affinity, ns?: string): Pod {
  const w = affinityPod(`pod-${++podCount}`);
  if (nodeName) w.node(nodeName);
  if (labels) w.labels(labels);
  if (ns) w.namespace(ns);
  const p = w.obj();
  if (affinity) p.spec!.affinity = affinity;
  return p;
}

interface ScoreCase {
  name: string;
  pod: Pod;
  pods?: Pod[];
  nodes: Node[];
  args?: InterPodAffinityArgs;
  want?: NodeScoreList;
  wantStatus?: Status;
}

const n = (name: string, labels: Record<string, string>) => labelledNode(name, labels);
const scores = (...values: [string, number][]) => values.map(([name, score]) => ({ name, score }));

const preferredCases: ScoreCase[] = [
  {
    name: 'all nodes are same priority as Affinity is nil',
    pod: pod('', s1),
    nodes: [n('node1', labelRgChina), n('node2', labelRgIndia), n('node3', labelAzAz1)],
    wantStatus: newStatus(Code.Skip),
  },
  {
    name: "Affinity: pod that matches topology key & pods in nodes will get high score comparing to otherswhich doesn't match either pods in nodes or in topology key",
    pod: pod('', s1, stayWithS1InRegion),
    pods: [pod('node1', s1), pod('node2', s2), pod('node3', s1)],
    nodes: [n('node1', labelRgChina), n('node2', labelRgIndia), n('node3', labelAzAz1)],
    want: scores(['node1', 100], ['node2', 0], ['node3', 0]),
  },
  {
    name: 'All the nodes that have the same topology key & label value with one of them has an existing pod that match the affinity rules, have the same score',
    pod: pod('', undefined, stayWithS1InRegion),
    pods: [pod('node1', s1)],
    nodes: [n('node1', labelRgChina), n('node2', labelRgChinaAzAz1), n('node3', labelRgIndia)],
    want: scores(['node1', 100], ['node2', 100], ['node3', 0]),
  },
  {
    name: 'Affinity: nodes in one region has more matching pods comparing to other region, so the region which has more matches will get high score',
    pod: pod('', s1, stayWithS2InRegion),
    pods: [pod('node1', s2), pod('node1', s2), pod('node2', s2), pod('node3', s2), pod('node4', s2), pod('node5', s2)],
    nodes: [n('node1', labelRgChina), n('node2', labelRgIndia), n('node3', labelRgChina), n('node4', labelRgChina), n('node5', labelRgIndia)],
    want: scores(['node1', 100], ['node2', 0], ['node3', 100], ['node4', 100], ['node5', 0]),
  },
  {
    name: 'Affinity: different Label operators and values for pod affinity scheduling preference, including some match failures ',
    pod: pod('', s1, affinity3),
    pods: [pod('node1', s1), pod('node2', s2), pod('node3', s1)],
    nodes: [n('node1', labelRgChina), n('node2', labelRgIndia), n('node3', labelAzAz1)],
    want: scores(['node1', 20], ['node2', 100], ['node3', 0]),
  },
  {
    name: 'Affinity symmetry: considered only the preferredDuringSchedulingIgnoredDuringExecution in pod affinity symmetry',
    pod: pod('', s2),
    pods: [pod('node1', s1, stayWithS1InRegion), pod('node2', s2, stayWithS2InRegion)],
    nodes: [n('node1', labelRgChina), n('node2', labelRgIndia), n('node3', labelAzAz1)],
    want: scores(['node1', 0], ['node2', 100], ['node3', 0]),
  },
  {
    name: 'Affinity symmetry with namespace selector',
    pod: pod('', s1, undefined, 'subteam1.team1'),
    pods: [pod('node1', s1, affinityNamespaceSelector), pod('node2', s2, stayWithS2InRegion)],
    nodes: [n('node1', labelRgChina), n('node2', labelRgIndia), n('node3', labelAzAz1)],
    want: scores(['node1', 100], ['node2', 0], ['node3', 0]),
  },
  {
    name: 'AntiAffinity symmetry with namespace selector',
    pod: pod('', s1, undefined, 'subteam1.team1'),
    pods: [pod('node1', s1, antiAffinityNamespaceSelector), pod('node2', s2, stayWithS2InRegion)],
    nodes: [n('node1', labelRgChina), n('node2', labelRgIndia), n('node3', labelAzAz1)],
    want: scores(['node1', 0], ['node2', 100], ['node3', 100]),
  },
  {
    name: 'Affinity symmetry: considered RequiredDuringSchedulingIgnoredDuringExecution in pod affinity symmetry',
    pod: pod('', s1),
    pods: [pod('node1', s1, hardAffinity), pod('node2', s2, hardAffinity)],
    nodes: [n('node1', labelRgChina), n('node2', labelRgIndia), n('node3', labelAzAz1)],
    want: scores(['node1', 100], ['node2', 100], ['node3', 0]),
  },
  {
    name: 'Anti Affinity: pod that does not match existing pods in node will get high score ',
    pod: pod('', s1, awayFromS1InAz),
    pods: [pod('node1', s1), pod('node2', s2)],
    nodes: [n('node1', labelAzAz1), n('node2', labelRgChina)],
    want: scores(['node1', 0], ['node2', 100]),
  },
  {
    name: 'Anti Affinity: pod that does not match topology key & match the pods in nodes will get higher score comparing to others ',
    pod: pod('', s1, awayFromS1InAz),
    pods: [pod('node1', s1), pod('node2', s1)],
    nodes: [n('node1', labelAzAz1), n('node2', labelRgChina)],
    want: scores(['node1', 0], ['node2', 100]),
  },
  {
    name: 'Anti Affinity: one node has more matching pods comparing to other node, so the node which has more unmatches will get high score',
    pod: pod('', s1, awayFromS1InAz),
    pods: [pod('node1', s1), pod('node1', s1), pod('node2', s2)],
    nodes: [n('node1', labelAzAz1), n('node2', labelRgIndia)],
    want: scores(['node1', 0], ['node2', 100]),
  },
  {
    name: 'Anti Affinity symmetry: the existing pods in node which has anti affinity match will get high score',
    pod: pod('', s2),
    pods: [pod('node1', s1, awayFromS2InAz), pod('node2', s2, awayFromS1InAz)],
    nodes: [n('node1', labelAzAz1), n('node2', labelAzAz2)],
    want: scores(['node1', 0], ['node2', 100]),
  },
  {
    name: 'Affinity and Anti Affinity: considered only preferredDuringSchedulingIgnoredDuringExecution in both pod affinity & anti affinity',
    pod: pod('', s1, stayWithS1InRegionAwayFromS2InAz),
    pods: [pod('node1', s1), pod('node2', s1)],
    nodes: [n('node1', labelRgChina), n('node2', labelAzAz1)],
    want: scores(['node1', 100], ['node2', 0]),
  },
  {
    // The pod prefers its siblings' region but stays away from them at az level.
    name: 'Affinity and Anti Affinity: considering both affinity and anti-affinity, the pod to schedule and existing pods have the same labels',
    pod: pod('', s1, stayWithS1InRegionAwayFromS2InAz),
    pods: [pod('node1', s1), pod('node1', s1), pod('node2', s1), pod('node3', s1), pod('node3', s1), pod('node4', s1), pod('node5', s1)],
    nodes: [n('node1', labelRgChinaAzAz1), n('node2', labelRgIndia), n('node3', labelRgChina), n('node4', labelRgChina), n('node5', labelRgIndia)],
    want: scores(['node1', 100], ['node2', 0], ['node3', 100], ['node4', 100], ['node5', 0]),
  },
  {
    // Affinity 8,0,0,0; anti-affinity 0,-5,0,0; affinity symmetry 0,0,8,0; anti-affinity symmetry 0,0,0,-5.
    name: 'Affinity and Anti Affinity and symmetry: considered only preferredDuringSchedulingIgnoredDuringExecution in both pod affinity & anti affinity & symmetry',
    pod: pod('', s1, stayWithS1InRegionAwayFromS2InAz),
    pods: [pod('node1', s1), pod('node2', s2), pod('node3', undefined, stayWithS1InRegionAwayFromS2InAz), pod('node4', undefined, awayFromS1InAz)],
    nodes: [n('node1', labelRgChina), n('node2', labelAzAz1), n('node3', labelRgIndia), n('node4', labelAzAz2)],
    want: scores(['node1', 100], ['node2', 0], ['node3', 100], ['node4', 0]),
  },
  {
    // kubernetes#82796: some nodes of a topology have no pods with affinity and the incoming pod has none.
    name: "Avoid panic when partial nodes in a topology don't have pods with affinity",
    pod: pod('', s1),
    pods: [pod('node1', s1), pod('node2', undefined, stayWithS1InRegionAwayFromS2InAz)],
    nodes: [n('node1', labelRgChina), n('node2', labelRgChina)],
    want: scores(['node1', 0], ['node2', 0]),
  },
  {
    name: 'Affinity with pods matching NamespaceSelector',
    pod: pod('', s1, affinityNamespaceSelector, 'subteam1.team1'),
    pods: [pod('node1', s1, undefined, 'subteam1.team1'), pod('node1', s1, undefined, 'subteam1.team1'), pod('node1', s1, undefined, 'subteam1.team2'), pod('node2', s1, undefined, 'subteam2.team1')],
    nodes: [n('node1', labelRgChina), n('node2', labelRgIndia)],
    want: scores(['node1', 100], ['node2', 0]),
  },
  {
    name: 'Affinity with pods matching both NamespaceSelector and Namespaces fields',
    pod: pod('', s1, affinityNamespaceSelector, 'subteam1.team1'),
    pods: [pod('node1', s1, undefined, 'subteam1.team1'), pod('node1', s1, undefined, 'subteam1.team1'), pod('node1', s1, undefined, 'subteam2.team2'), pod('node2', s1, undefined, 'subteam2.team1')],
    nodes: [n('node1', labelRgChina), n('node2', labelRgIndia)],
    want: scores(['node1', 100], ['node2', 0]),
  },
  {
    name: 'Anti-affinity with pods matching NamespaceSelector',
    pod: pod('', s1, antiAffinityNamespaceSelector, 'subteam1.team1'),
    pods: [pod('node1', s1, undefined, 'subteam1.team1'), pod('node1', s1, undefined, 'subteam1.team1'), pod('node1', s1, undefined, 'subteam1.team2'), pod('node2', s1, undefined, 'subteam2.team1')],
    nodes: [n('node1', labelRgChina), n('node2', labelRgIndia)],
    want: scores(['node1', 0], ['node2', 100]),
  },
  {
    name: 'Anti-affinity with pods matching both NamespaceSelector and Namespaces fields',
    pod: pod('', s1, antiAffinityNamespaceSelector, 'subteam1.team1'),
    pods: [pod('node1', s1, undefined, 'subteam1.team1'), pod('node1', s1, undefined, 'subteam1.team1'), pod('node1', s1, undefined, 'subteam2.team2'), pod('node2', s1, undefined, 'subteam2.team1')],
    nodes: [n('node1', labelRgChina), n('node2', labelRgIndia)],
    want: scores(['node1', 0], ['node2', 100]),
  },
  {
    name: 'Ignore preferred terms of existing pods',
    pod: pod('', s2),
    pods: [pod('node1', s1, stayWithS1InRegionAwayFromS2InAz), pod('node2', s2, stayWithS2InRegion)],
    nodes: [n('node1', labelRgChina), n('node2', labelRgIndia)],
    args: { hardPodAffinityWeight: 1, ignorePreferredTermsOfExistingPods: true },
    wantStatus: newStatus(Code.Skip),
  },
  {
    name: 'Do not ignore preferred terms of existing pods',
    pod: pod('', s2),
    pods: [pod('node1', s1, stayWithS1InRegionAwayFromS2InAz), pod('node2', s2, stayWithS2InRegion)],
    nodes: [n('node1', labelRgChina), n('node2', labelRgIndia)],
    want: scores(['node1', 0], ['node2', 100]),
  },
  {
    name: 'No nodes to score',
    pod: pod('', s2),
    nodes: [],
    wantStatus: newStatus(Code.Skip),
  },
];

function runScore(tc: ScoreCase): NodeScoreList | Status {
  const handle = fakeHandle(tc.pods ?? [], tc.nodes, teamNamespaces);
  const pl = New(tc.args ?? { hardPodAffinityWeight: 1 }, handle);
  const state = new CycleState();
  const nodeInfos = handle.snapshotSharedLister().nodeInfos().list();
  const status = pl.preScore(state, tc.pod, nodeInfos);
  if (status) return status;
  const list = nodeInfos.map((ni) => ({ name: ni.nodeName(), score: pl.score(state, tc.pod, ni) }));
  expect(pl.normalizeScore(state, tc.pod, list)).toBeNull();
  return list;
}

describe('InterPodAffinity PreScore, Score and NormalizeScore (TestPreferredAffinity)', () => {
  it.each(preferredCases)('$name', (tc) => {
    expect(runScore(tc)).toEqual(tc.wantStatus ?? tc.want);
  });
});

describe('InterPodAffinity scores existing pods required affinity with hardPodAffinityWeight (TestPreferredAffinityWithHardPodAffinitySymmetricWeight)', () => {
  const hardPodAffinity: Affinity = {
    podAffinity: {
      requiredDuringSchedulingIgnoredDuringExecution: [
        term('service', 'In', ['S1'], 'region', {
          namespaces: ['default', 'subteam2.team2'],
          namespaceSelector: { matchExpressions: [{ key: 'team', operator: 'In', values: ['team1'] }] },
        }),
      ],
    },
  };
  const nodes = () => [n('node1', labelRgChina), n('node2', labelRgIndia), n('node3', labelAzAz1)];
  const existingPods = () => [pod('node1', undefined, hardPodAffinity), pod('node2', undefined, hardPodAffinity)];
  const serviceS1 = { service: 'S1' };
  it.each([
    { name: 'with default weight', pod: pod('', serviceS1), weight: 1, want: scores(['node1', 100], ['node2', 100], ['node3', 0]) },
    { name: 'with zero weight', pod: pod('', serviceS1), weight: 0, wantStatus: newStatus(Code.Skip) },
    { name: 'with no matching namespace', pod: pod('', serviceS1, undefined, 'subteam1.team2'), weight: 1, wantStatus: newStatus(Code.Skip) },
    { name: 'with matching NamespaceSelector', pod: pod('', serviceS1, undefined, 'subteam1.team1'), weight: 1, want: scores(['node1', 100], ['node2', 100], ['node3', 0]) },
    { name: 'with matching Namespaces', pod: pod('', serviceS1, undefined, 'subteam2.team2'), weight: 1, want: scores(['node1', 100], ['node2', 100], ['node3', 0]) },
  ])('$name', (tc) => {
    const got = runScore({ name: tc.name, pod: tc.pod, pods: existingPods(), nodes: nodes(), args: { hardPodAffinityWeight: tc.weight } });
    expect(got).toEqual(tc.wantStatus ?? tc.want);
  });
});
