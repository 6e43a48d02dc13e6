// Ports TestNodeUnschedulable from pkg/scheduler/framework/plugins/nodeunschedulable/node_unschedulable_test.go.
import { describe, expect, it } from 'vitest';
import { CycleState } from '../../framework/cycleState';
import { Code, newStatus } from '../../framework/interface';
import { makeNode, makePod, nodeInfoOf } from '../../testing/wrappers';
import { ErrReasonUnschedulable, NodeUnschedulable } from './nodeUnschedulable';

describe('NodeUnschedulable Filter', () => {
  it.each([
    { name: 'Does not schedule pod to unschedulable node (node.Spec.Unschedulable==true)', pod: makePod().name('p').obj(), unschedulable: true, want: newStatus(Code.UnschedulableAndUnresolvable, ErrReasonUnschedulable) },
    { name: 'Schedule pod to normal node', pod: makePod().name('p').obj(), unschedulable: false, want: null },
    {
      name: 'Schedule pod with toleration to unschedulable node (node.Spec.Unschedulable==true)',
      pod: makePod().name('p').toleration({ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' }).obj(),
      unschedulable: true,
      want: null,
    },
  ])('$name', ({ pod, unschedulable, want }) => {
    const node = makeNode().name('n').unschedulable(unschedulable).obj();
    expect(new NodeUnschedulable().filter(new CycleState(), pod, nodeInfoOf(node))).toEqual(want);
  });
});
