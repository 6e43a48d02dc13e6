// Ports TestTaintTolerationScore and TestTaintTolerationFilter from
// pkg/scheduler/framework/plugins/tainttoleration/taint_toleration_test.go.
import { describe, expect, it } from 'vitest';
import type { Node, Pod, Taint, Toleration } from 'kubernetes-types/core/v1';
import { CycleState } from '../../framework/cycleState';
import { Code, newStatus, type NodeScoreList } from '../../framework/interface';
import { nodeInfoOf } from '../../testing/wrappers';
import { TaintToleration } from './taintToleration';

function nodeWithTaints(nodeName: string, taints: Taint[]): Node {
  return { metadata: { name: nodeName }, spec: { taints } };
}

function podWithTolerations(podName: string, tolerations: Toleration[]): Pod {
  return { metadata: { name: podName }, spec: { containers: [], tolerations } };
}

const sla = 'node.kubernetes.io/sla';

describe('TaintToleration Score', () => {
  it.each([
    {
      name: 'node with taints tolerated by the pod, gets a higher score than those node with intolerable taints',
      pod: podWithTolerations('pod1', [{ key: 'foo', operator: 'Equal', value: 'bar', effect: 'PreferNoSchedule' }]),
      nodes: [
        nodeWithTaints('nodeA', [{ key: 'foo', value: 'bar', effect: 'PreferNoSchedule' }]),
        nodeWithTaints('nodeB', [{ key: 'foo', value: 'blah', effect: 'PreferNoSchedule' }]),
      ],
      expected: [{ name: 'nodeA', score: 100 }, { name: 'nodeB', score: 0 }],
    },
    {
      name: 'the nodes that all of their taints are tolerated by the pod, get the same score, no matter how many tolerable taints a node has',
      pod: podWithTolerations('pod1', [
        { key: 'cpu-type', operator: 'Equal', value: 'arm64', effect: 'PreferNoSchedule' },
        { key: 'disk-type', operator: 'Equal', value: 'ssd', effect: 'PreferNoSchedule' },
      ]),
      nodes: [
        nodeWithTaints('nodeA', []),
        nodeWithTaints('nodeB', [{ key: 'cpu-type', value: 'arm64', effect: 'PreferNoSchedule' }]),
        nodeWithTaints('nodeC', [
          { key: 'cpu-type', value: 'arm64', effect: 'PreferNoSchedule' },
          { key: 'disk-type', value: 'ssd', effect: 'PreferNoSchedule' },
        ]),
      ],
      expected: [{ name: 'nodeA', score: 100 }, { name: 'nodeB', score: 100 }, { name: 'nodeC', score: 100 }],
    },
    {
      name: 'the more intolerable taints a node has, the lower score it gets.',
      pod: podWithTolerations('pod1', [{ key: 'foo', operator: 'Equal', value: 'bar', effect: 'PreferNoSchedule' }]),
      nodes: [
        nodeWithTaints('nodeA', []),
        nodeWithTaints('nodeB', [{ key: 'cpu-type', value: 'arm64', effect: 'PreferNoSchedule' }]),
        nodeWithTaints('nodeC', [
          { key: 'cpu-type', value: 'arm64', effect: 'PreferNoSchedule' },
          { key: 'disk-type', value: 'ssd', effect: 'PreferNoSchedule' },
        ]),
      ],
      expected: [{ name: 'nodeA', score: 100 }, { name: 'nodeB', score: 50 }, { name: 'nodeC', score: 0 }],
    },
    {
      name: 'only taints and tolerations that have effect PreferNoSchedule are checked by taints-tolerations priority function',
      pod: podWithTolerations('pod1', [
        { key: 'cpu-type', operator: 'Equal', value: 'arm64', effect: 'NoSchedule' },
        { key: 'disk-type', operator: 'Equal', value: 'ssd', effect: 'NoSchedule' },
      ]),
      nodes: [
        nodeWithTaints('nodeA', []),
        nodeWithTaints('nodeB', [{ key: 'cpu-type', value: 'arm64', effect: 'NoSchedule' }]),
        nodeWithTaints('nodeC', [
          { key: 'cpu-type', value: 'arm64', effect: 'PreferNoSchedule' },
          { key: 'disk-type', value: 'ssd', effect: 'PreferNoSchedule' },
        ]),
      ],
      expected: [{ name: 'nodeA', score: 100 }, { name: 'nodeB', score: 100 }, { name: 'nodeC', score: 0 }],
    },
    {
      name: 'Default behaviour No taints and tolerations, lands on node with no taints',
      pod: podWithTolerations('pod1', []),
      nodes: [nodeWithTaints('nodeA', []), nodeWithTaints('nodeB', [{ key: 'cpu-type', value: 'arm64', effect: 'PreferNoSchedule' }])],
      expected: [{ name: 'nodeA', score: 100 }, { name: 'nodeB', score: 0 }],
    },
    {
      name: 'Numeric Gt operator: pod with Gt toleration prefers nodes with matching SLA taint',
      pod: podWithTolerations('pod1', [{ key: sla, operator: 'Gt', value: '950', effect: 'PreferNoSchedule' }]),
      nodes: [
        nodeWithTaints('nodeA', [{ key: sla, value: '800', effect: 'PreferNoSchedule' }]),
        nodeWithTaints('nodeB', [{ key: sla, value: '999', effect: 'PreferNoSchedule' }]),
      ],
      expected: [{ name: 'nodeA', score: 0 }, { name: 'nodeB', score: 100 }],
    },
    {
      name: 'Numeric Lt operator: pod with Lt toleration prefers nodes with matching SLA taint',
      pod: podWithTolerations('pod1', [{ key: sla, operator: 'Lt', value: '800', effect: 'PreferNoSchedule' }]),
      nodes: [
        nodeWithTaints('nodeA', [{ key: sla, value: '950', effect: 'PreferNoSchedule' }]),
        nodeWithTaints('nodeB', [{ key: sla, value: '700', effect: 'PreferNoSchedule' }]),
      ],
      expected: [{ name: 'nodeA', score: 0 }, { name: 'nodeB', score: 100 }],
    },
    {
      name: 'Score ignores parse errors from numeric PreferNoSchedule taint value',
      pod: podWithTolerations('pod1', [{ key: sla, operator: 'Gt', value: '950', effect: 'PreferNoSchedule' }]),
      nodes: [nodeWithTaints('nodeA', []), nodeWithTaints('nodeB', [{ key: sla, value: 'high', effect: 'PreferNoSchedule' }])],
      expected: [{ name: 'nodeA', score: 100 }, { name: 'nodeB', score: 0 }],
    },
  ])('$name', ({ pod, nodes, expected }) => {
    const p = new TaintToleration(undefined);
    const state = new CycleState();
    const nodeInfos = nodes.map((n) => nodeInfoOf(n));
    expect(p.preScore(state, pod, nodeInfos)).toBeNull();
    const got: NodeScoreList = nodeInfos.map((ni) => ({ name: ni.nodeName(), score: p.score(state, pod, ni) }));
    expect(p.scoreExtensions().normalizeScore(state, pod, got)).toBeNull();
    expect(got).toEqual(expected);
  });
});

describe('TaintToleration Filter', () => {
  const untolerated = newStatus(Code.UnschedulableAndUnresolvable, 'node(s) had untolerated taint(s)');
  it.each([
    {
      name: "A pod having no tolerations can't be scheduled onto a node with nonempty taints",
      pod: podWithTolerations('pod1', []),
      node: nodeWithTaints('nodeA', [{ key: 'dedicated', value: 'user1', effect: 'NoSchedule' }]),
      want: untolerated,
    },
    {
      name: 'A pod which can be scheduled on a dedicated node assigned to user1 with effect NoSchedule',
      pod: podWithTolerations('pod1', [{ key: 'dedicated', value: 'user1', effect: 'NoSchedule' }]),
      node: nodeWithTaints('nodeA', [{ key: 'dedicated', value: 'user1', effect: 'NoSchedule' }]),
      want: null,
    },
    {
      name: "A pod which can't be scheduled on a dedicated node assigned to user2 with effect NoSchedule",
      pod: podWithTolerations('pod1', [{ key: 'dedicated', operator: 'Equal', value: 'user2', effect: 'NoSchedule' }]),
      node: nodeWithTaints('nodeA', [{ key: 'dedicated', value: 'user1', effect: 'NoSchedule' }]),
      want: untolerated,
    },
    {
      name: 'A pod can be scheduled onto the node, with a toleration uses operator Exists that tolerates the taints on the node',
      pod: podWithTolerations('pod1', [{ key: 'foo', operator: 'Exists', effect: 'NoSchedule' }]),
      node: nodeWithTaints('nodeA', [{ key: 'foo', value: 'bar', effect: 'NoSchedule' }]),
      want: null,
    },
    {
      name: 'A pod has multiple tolerations, node has multiple taints, all the taints are tolerated, pod can be scheduled onto the node',
      pod: podWithTolerations('pod1', [
        { key: 'dedicated', operator: 'Equal', value: 'user2', effect: 'NoSchedule' },
        { key: 'foo', operator: 'Exists', effect: 'NoSchedule' },
      ]),
      node: nodeWithTaints('nodeA', [
        { key: 'dedicated', value: 'user2', effect: 'NoSchedule' },
        { key: 'foo', value: 'bar', effect: 'NoSchedule' },
      ]),
      want: null,
    },
    {
      name: "A pod has a toleration that keys and values match the taint on the node, but (non-empty) effect doesn't match, can't be scheduled onto the node",
      pod: podWithTolerations('pod1', [{ key: 'foo', operator: 'Equal', value: 'bar', effect: 'PreferNoSchedule' }]),
      node: nodeWithTaints('nodeA', [{ key: 'foo', value: 'bar', effect: 'NoSchedule' }]),
      want: untolerated,
    },
    {
      name: 'The pod has a toleration that keys and values match the taint on the node, the effect of toleration is empty, and the effect of taint is NoSchedule. Pod can be scheduled onto the node',
      pod: podWithTolerations('pod1', [{ key: 'foo', operator: 'Equal', value: 'bar' }]),
      node: nodeWithTaints('nodeA', [{ key: 'foo', value: 'bar', effect: 'NoSchedule' }]),
      want: null,
    },
    {
      name: "The pod has a toleration that key and value don't match the taint on the node, but the effect of taint on node is PreferNoSchedule. Pod can be scheduled onto the node",
      pod: podWithTolerations('pod1', [{ key: 'dedicated', operator: 'Equal', value: 'user2', effect: 'NoSchedule' }]),
      node: nodeWithTaints('nodeA', [{ key: 'dedicated', value: 'user1', effect: 'PreferNoSchedule' }]),
      want: null,
    },
    {
      name: 'The pod has no toleration, but the effect of taint on node is PreferNoSchedule. Pod can be scheduled onto the node',
      pod: podWithTolerations('pod1', []),
      node: nodeWithTaints('nodeA', [{ key: 'dedicated', value: 'user1', effect: 'PreferNoSchedule' }]),
      want: null,
    },
    {
      name: 'Pod with Gt toleration cannot be scheduled on node when taint value is lower than threshold',
      pod: podWithTolerations('pod1', [{ key: 'node.example.com/priority-level', operator: 'Gt', value: '950', effect: 'NoSchedule' }]),
      node: nodeWithTaints('nodeA', [{ key: 'node.example.com/priority-level', value: '800', effect: 'NoSchedule' }]),
      want: untolerated,
    },
    {
      name: 'Pod with Gt toleration can be scheduled on node when taint value is higher than threshold',
      pod: podWithTolerations('pod1', [{ key: sla, operator: 'Gt', value: '750', effect: 'NoSchedule' }]),
      node: nodeWithTaints('nodeA', [{ key: sla, value: '950', effect: 'NoSchedule' }]),
      want: null,
    },
    {
      name: 'Pod with Lt toleration cannot be scheduled on node when taint value is higher than threshold',
      pod: podWithTolerations('pod1', [{ key: 'node.example.com/priority-level', operator: 'Lt', value: '800', effect: 'NoSchedule' }]),
      node: nodeWithTaints('nodeA', [{ key: 'node.example.com/priority-level', value: '950', effect: 'NoSchedule' }]),
      want: untolerated,
    },
    {
      name: 'A NoExecute taint that the pod does not tolerate also keeps the pod off the node',
      pod: podWithTolerations('pod1', []),
      node: nodeWithTaints('nodeA', [{ key: 'node.kubernetes.io/unreachable', effect: 'NoExecute' }]),
      want: untolerated,
    },
  ])('$name', ({ pod, node, want }) => {
    const p = new TaintToleration(undefined);
    expect(p.filter(new CycleState(), pod, nodeInfoOf(node))).toEqual(want);
  });
});
