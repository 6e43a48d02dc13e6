// Ports TestNodeName from pkg/scheduler/framework/plugins/nodename/node_name_test.go.
import { describe, expect, it } from 'vitest';
import { CycleState } from '../../framework/cycleState';
import { Code, newStatus } from '../../framework/interface';
import { makeNode, makePod, nodeInfoOf } from '../../testing/wrappers';
import { ErrReason, NodeName } from './nodeName';

describe('NodeName Filter', () => {
  it.each([
    { name: 'no host specified', pod: makePod().name('p').obj(), node: 'foo', want: null },
    { name: 'host matches', pod: makePod().name('p').node('foo').obj(), node: 'foo', want: null },
    { name: "host doesn't match", pod: makePod().name('p').node('bar').obj(), node: 'foo', want: newStatus(Code.UnschedulableAndUnresolvable, ErrReason) },
  ])('$name', ({ pod, node, want }) => {
    expect(new NodeName().filter(new CycleState(), pod, nodeInfoOf(makeNode().name(node).obj()))).toEqual(want);
  });
});
