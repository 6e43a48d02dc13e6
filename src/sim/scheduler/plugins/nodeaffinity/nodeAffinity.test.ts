// Ports TestNodeAffinity and TestNodeAffinityPriority from
// pkg/scheduler/framework/plugins/nodeaffinity/node_affinity_test.go.
import { describe, expect, it } from 'vitest';
import type { Affinity, Node, NodeSelectorRequirement, NodeSelectorTerm, Pod } from 'kubernetes-types/core/v1';
import { CycleState } from '../../framework/cycleState';
import { Code, PreFilterResult, newStatus, type NodeScoreList, type Status } from '../../framework/interface';
import { nodeInfoOf } from '../../testing/wrappers';
import { ErrReasonPod, NodeAffinity, errReasonConflict, errReasonEnforced, type NodeAffinityArgs } from './nodeAffinity';

function podWithRequired(...terms: NodeSelectorTerm[]): Pod {
  return { spec: { containers: [], affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: terms } } } } };
}
function expr(key: string, operator: string, values?: string[]): NodeSelectorRequirement {
  return values ? { key, operator, values } : { key, operator };
}
const nameIn = (...values: string[]) => expr('metadata.name', 'In', values);
const notMatch = newStatus(Code.UnschedulableAndUnresolvable, ErrReasonPod);

interface FilterCase {
  name: string;
  pod: Pod;
  labels?: Record<string, string>;
  nodeName?: string;
  wantStatus?: Status;
  wantPreFilterStatus?: Status;
  wantPreFilterResult?: PreFilterResult;
  args?: NodeAffinityArgs;
  runPreFilter: boolean;
}

const filterCases: FilterCase[] = [
  { name: 'missing labels', pod: { spec: { containers: [], nodeSelector: { foo: 'bar' } } }, wantStatus: notMatch, runPreFilter: true },
  { name: 'same labels', pod: { spec: { containers: [], nodeSelector: { foo: 'bar' } } }, labels: { foo: 'bar' }, runPreFilter: true },
  { name: 'node labels are superset', pod: { spec: { containers: [], nodeSelector: { foo: 'bar' } } }, labels: { foo: 'bar', baz: 'blah' }, runPreFilter: true },
  { name: 'node labels are subset', pod: { spec: { containers: [], nodeSelector: { foo: 'bar', baz: 'blah' } } }, labels: { foo: 'bar' }, wantStatus: notMatch, runPreFilter: true },
  { name: 'Pod with matchExpressions using In operator that matches the existing node', pod: podWithRequired({ matchExpressions: [expr('foo', 'In', ['bar', 'value2'])] }), labels: { foo: 'bar' }, runPreFilter: true },
  { name: 'Pod with matchExpressions using Gt operator that matches the existing node', pod: podWithRequired({ matchExpressions: [expr('kernel-version', 'Gt', ['0204'])] }), labels: { 'kernel-version': '0206' }, runPreFilter: true },
  { name: 'Pod with matchExpressions using NotIn operator that matches the existing node', pod: podWithRequired({ matchExpressions: [expr('mem-type', 'NotIn', ['DDR', 'DDR2'])] }), labels: { 'mem-type': 'DDR3' }, runPreFilter: true },
  { name: 'Pod with matchExpressions using Exists operator that matches the existing node', pod: podWithRequired({ matchExpressions: [expr('GPU', 'Exists')] }), labels: { GPU: 'NVIDIA-GRID-K1' }, runPreFilter: true },
  { name: "Pod with affinity that don't match node's labels won't schedule onto the node", pod: podWithRequired({ matchExpressions: [expr('foo', 'In', ['value1', 'value2'])] }), labels: { foo: 'bar' }, wantStatus: notMatch, runPreFilter: true },
  { name: "Pod with empty MatchExpressions is not a valid value will match no objects and won't schedule onto the node", pod: podWithRequired({ matchExpressions: [] }), labels: { foo: 'bar' }, wantStatus: notMatch, runPreFilter: true },
  { name: 'Pod with no Affinity will schedule onto a node', pod: { spec: { containers: [] } }, labels: { foo: 'bar' }, wantPreFilterStatus: newStatus(Code.Skip), runPreFilter: true },
  { name: 'Pod with Affinity but nil NodeSelector will schedule onto a node', pod: { spec: { containers: [], affinity: { nodeAffinity: {} } } }, labels: { foo: 'bar' }, wantPreFilterStatus: newStatus(Code.Skip), runPreFilter: true },
  { name: 'Pod with multiple matchExpressions ANDed that matches the existing node', pod: podWithRequired({ matchExpressions: [expr('GPU', 'Exists'), expr('GPU', 'NotIn', ['AMD', 'INTER'])] }), labels: { GPU: 'NVIDIA-GRID-K1' }, runPreFilter: true },
  { name: "Pod with multiple matchExpressions ANDed that doesn't match the existing node", pod: podWithRequired({ matchExpressions: [expr('GPU', 'Exists'), expr('GPU', 'In', ['AMD', 'INTER'])] }), labels: { GPU: 'NVIDIA-GRID-K1' }, wantStatus: notMatch, runPreFilter: true },
  {
    name: "Pod with multiple NodeSelectorTerms ORed in affinity, matches the node's labels and will schedule onto the node",
    pod: podWithRequired({ matchExpressions: [expr('foo', 'In', ['bar', 'value2'])] }, { matchExpressions: [expr('diffkey', 'In', ['wrong', 'value2'])] }),
    labels: { foo: 'bar' },
    runPreFilter: true,
  },
  {
    name: 'Pod with an Affinity and a PodSpec.NodeSelector(the old thing that we are deprecating) both are satisfied, will schedule onto the node',
    pod: { spec: { containers: [], nodeSelector: { foo: 'bar' }, affinity: podWithRequired({ matchExpressions: [expr('foo', 'Exists')] }).spec!.affinity } },
    labels: { foo: 'bar' },
    runPreFilter: true,
  },
  {
    name: "Pod with an Affinity matches node's labels but the PodSpec.NodeSelector(the old thing that we are deprecating) is not satisfied, won't schedule onto the node",
    pod: { spec: { containers: [], nodeSelector: { foo: 'bar' }, affinity: podWithRequired({ matchExpressions: [expr('foo', 'Exists')] }).spec!.affinity } },
    labels: { foo: 'barrrrrr' },
    wantStatus: notMatch,
    runPreFilter: true,
  },
  { name: "Pod with an invalid value in Affinity term won't be scheduled onto the node", pod: podWithRequired({ matchExpressions: [expr('foo', 'NotIn', ['invalid value: ___@#$%^'])] }), labels: { foo: 'bar' }, wantStatus: notMatch, runPreFilter: true },
  { name: 'Pod with matchFields using In operator that matches the existing node', pod: podWithRequired({ matchFields: [nameIn('node1')] }), nodeName: 'node1', wantPreFilterResult: new PreFilterResult(new Set(['node1'])), runPreFilter: true },
  { name: 'Pod with matchFields using In operator that does not match the existing node', pod: podWithRequired({ matchFields: [nameIn('node1')] }), nodeName: 'node2', wantStatus: notMatch, wantPreFilterResult: new PreFilterResult(new Set(['node1'])), runPreFilter: true },
  {
    name: 'Pod with two terms: matchFields does not match, but matchExpressions matches',
    pod: podWithRequired({ matchFields: [nameIn('node1'), nameIn('node2')] }, { matchExpressions: [expr('foo', 'In', ['bar'])] }),
    nodeName: 'node2',
    labels: { foo: 'bar' },
    runPreFilter: true,
  },
  {
    name: 'Pod with one term: matchFields does not match, but matchExpressions matches',
    pod: podWithRequired({ matchFields: [nameIn('node1')], matchExpressions: [expr('foo', 'In', ['bar'])] }),
    nodeName: 'node2',
    labels: { foo: 'bar' },
    wantPreFilterResult: new PreFilterResult(new Set(['node1'])),
    wantStatus: notMatch,
    runPreFilter: true,
  },
  {
    name: 'Pod with one term: both matchFields and matchExpressions match',
    pod: podWithRequired({ matchFields: [nameIn('node1')], matchExpressions: [expr('foo', 'In', ['bar'])] }),
    nodeName: 'node1',
    labels: { foo: 'bar' },
    wantPreFilterResult: new PreFilterResult(new Set(['node1'])),
    runPreFilter: true,
  },
  {
    name: 'Pod with two terms: both matchFields and matchExpressions do not match',
    pod: podWithRequired({ matchFields: [nameIn('node1')] }, { matchExpressions: [expr('foo', 'In', ['not-match-to-bar'])] }),
    nodeName: 'node2',
    labels: { foo: 'bar' },
    wantStatus: notMatch,
    runPreFilter: true,
  },
  {
    name: 'Pod with two terms of node.Name affinity',
    pod: podWithRequired({ matchFields: [nameIn('node1')] }, { matchFields: [nameIn('node2')] }),
    nodeName: 'node2',
    wantPreFilterResult: new PreFilterResult(new Set(['node1', 'node2'])),
    runPreFilter: true,
  },
  {
    name: 'Pod with two conflicting mach field requirements',
    pod: podWithRequired({ matchFields: [nameIn('node1'), nameIn('node2')] }),
    nodeName: 'node2',
    labels: { foo: 'bar' },
    wantPreFilterStatus: newStatus(Code.UnschedulableAndUnresolvable, errReasonConflict),
    wantStatus: notMatch,
    runPreFilter: true,
  },
  {
    name: "Matches added affinity and Pod's node affinity",
    pod: podWithRequired({ matchExpressions: [expr('zone', 'In', ['foo'])] }),
    nodeName: 'node2',
    labels: { zone: 'foo' },
    args: { addedAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [nameIn('node2')] }] } } },
    runPreFilter: true,
  },
  {
    name: "Matches added affinity but not Pod's node affinity",
    pod: podWithRequired({ matchExpressions: [expr('zone', 'In', ['bar'])] }),
    nodeName: 'node2',
    labels: { zone: 'foo' },
    args: { addedAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [nameIn('node2')] }] } } },
    wantStatus: notMatch,
    runPreFilter: true,
  },
  {
    name: "Doesn't match added affinity",
    pod: { spec: { containers: [] } },
    nodeName: 'node2',
    labels: { zone: 'foo' },
    args: { addedAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [expr('zone', 'In', ['bar'])] }] } } },
    wantStatus: newStatus(Code.UnschedulableAndUnresolvable, errReasonEnforced),
    runPreFilter: true,
  },
  { name: 'Matches node selector correctly even if PreFilter is not called', pod: { spec: { containers: [], nodeSelector: { foo: 'bar' } } }, labels: { foo: 'bar', baz: 'blah' }, runPreFilter: false },
  {
    name: 'Matches node affinity correctly even if PreFilter is not called',
    pod: podWithRequired({ matchExpressions: [expr('GPU', 'Exists'), expr('GPU', 'NotIn', ['AMD', 'INTER'])] }),
    labels: { GPU: 'NVIDIA-GRID-K1' },
    runPreFilter: false,
  },
];

describe('NodeAffinity Filter', () => {
  it.each(filterCases)('$name', (tc) => {
    const node: Node = { metadata: { name: tc.nodeName ?? '', labels: tc.labels } };
    const p = new NodeAffinity(tc.args);
    const state = new CycleState();
    if (tc.runPreFilter) {
      const [result, status] = p.preFilter(state, tc.pod);
      expect(status).toEqual(tc.wantPreFilterStatus ?? null);
      expect(result).toEqual(tc.wantPreFilterResult ?? null);
    }
    expect(p.filter(state, tc.pod, nodeInfoOf(node))).toEqual(tc.wantStatus ?? null);
  });
});

const label1 = { foo: 'bar' };
const label2 = { key: 'value' };
const label3 = { az: 'az1' };
const label4 = { abc: 'az11', def: 'az22' };
const label5 = { foo: 'bar', key: 'value', az: 'az1' };
const affinity1: Affinity = {
  nodeAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 2, preference: { matchExpressions: [expr('foo', 'In', ['bar'])] } }] },
};
const affinity2: Affinity = {
  nodeAffinity: {
    preferredDuringSchedulingIgnoredDuringExecution: [
      { weight: 2, preference: { matchExpressions: [expr('foo', 'In', ['bar'])] } },
      { weight: 4, preference: { matchExpressions: [expr('key', 'In', ['value'])] } },
      { weight: 5, preference: { matchExpressions: [expr('foo', 'In', ['bar']), expr('key', 'In', ['value']), expr('az', 'In', ['az1'])] } },
    ],
  },
};
const n = (name: string, labels: Record<string, string>): Node => ({ metadata: { name, labels } });

describe('NodeAffinity Score', () => {
  it.each([
    { name: 'all nodes are same priority as NodeAffinity is nil', pod: { spec: { containers: [] } } as Pod, nodes: [n('node1', label1), n('node2', label2), n('node3', label3)], expected: [0, 0, 0], runPreScore: true },
    { name: "no node matches preferred scheduling requirements in NodeAffinity of pod so all nodes' priority is zero", pod: { spec: { containers: [], affinity: affinity1 } }, nodes: [n('node1', label4), n('node2', label2), n('node3', label3)], expected: [0, 0, 0], runPreScore: true },
    { name: 'only node1 matches the preferred scheduling requirements of pod', pod: { spec: { containers: [], affinity: affinity1 } }, nodes: [n('node1', label1), n('node2', label2), n('node3', label3)], expected: [100, 0, 0], runPreScore: true },
    { name: 'all nodes matches the preferred scheduling requirements of pod but with different priorities', pod: { spec: { containers: [], affinity: affinity2 } }, nodes: [n('node1', label1), n('node5', label5), n('node2', label2)], expected: [18, 100, 36], runPreScore: true },
    { name: 'added affinity', pod: { spec: { containers: [] } } as Pod, nodes: [n('node1', label1), n('node2', label2)], expected: [100, 0], args: { addedAffinity: affinity1.nodeAffinity }, runPreScore: true },
    {
      name: 'added affinity and pod has default affinity',
      pod: { spec: { containers: [], affinity: affinity1 } },
      nodes: [n('node1', label1), n('node2', label2), n('node3', label5)],
      expected: [40, 60, 100],
      args: { addedAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 3, preference: { matchExpressions: [expr('key', 'In', ['value'])] } }] } },
      runPreScore: true,
    },
    { name: 'calculate the priorities correctly even if PreScore is not called', pod: { spec: { containers: [], affinity: affinity2 } }, nodes: [n('node1', label1), n('node5', label5), n('node2', label2)], expected: [18, 100, 36], runPreScore: false },
  ])('$name', ({ pod, nodes, expected, args, runPreScore }) => {
    const p = new NodeAffinity(args as NodeAffinityArgs | undefined);
    const state = new CycleState();
    if (runPreScore) {
      // A pod without preferred terms makes PreScore return Skip (v1.27+); the runtime then skips Score.
      const status = p.preScore(state, pod);
      expect(status === null || status.code === Code.Skip).toBe(true);
    }
    const got: NodeScoreList = nodes.map((node) => ({ name: node.metadata!.name!, score: p.score(state, pod, nodeInfoOf(node)) }));
    expect(p.normalizeScore(state, pod, got)).toBeNull();
    expect(got).toEqual(nodes.map((node, i) => ({ name: node.metadata!.name, score: expected[i] })));
  });
});
