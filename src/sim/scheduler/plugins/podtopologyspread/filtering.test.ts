// Ports TestSingleConstraint, TestMultipleConstraints and TestPreFilterDisabled from
// pkg/scheduler/framework/plugins/podtopologyspread/filtering_test.go.
import { describe, expect, it } from 'vitest';
import type { Node, Pod } from 'kubernetes-types/core/v1';
import { CycleState } from '../../framework/cycleState';
import { Code, newStatus, type Status } from '../../framework/interface';
import { fakeHandle } from '../../testing/fakeHandle';
import { makePod, nodeInfoOf } from '../../testing/wrappers';
import { ErrReasonConstraintsNotMatch, ErrReasonNodeLabelNotMatch, New } from './podTopologySpread';
import { existing, existsSelector, node, spread2103, spreadPod, unschedulableTaints, zoneNodes } from './testBuilders';

const fooSelector = existsSelector('foo');
const barSelector = existsSelector('bar');

/** Failure statuses by code; upstream asserts the code, the reason follows from it. */
const fit = null;
const skew = newStatus(Code.Unschedulable, ErrReasonConstraintsNotMatch);
const missingLabel = newStatus(Code.UnschedulableAndUnresolvable, ErrReasonNodeLabelNotMatch);

interface FilterCase {
  name: string;
  pod: Pod;
  nodes: Node[];
  existingPods?: Pod[];
  want: Record<string, Status | null>;
}

function runFilter(tc: FilterCase): Record<string, Status | null> {
  const handle = fakeHandle(tc.existingPods ?? [], tc.nodes);
  const pl = New({ defaultingType: 'List' }, handle);
  const state = new CycleState();
  const nodeInfos = handle.snapshotSharedLister().nodeInfos().list();
  const [, preFilterStatus] = pl.preFilter(state, tc.pod, nodeInfos);
  expect(preFilterStatus).toBeNull();
  return Object.fromEntries(nodeInfos.map((ni) => [ni.nodeName(), pl.filter(state, tc.pod, ni)]));
}

const singleConstraintCases: FilterCase[] = [
  {
    name: 'no existing pods',
    pod: spreadPod('p').label('foo', '').spreadConstraint(1, 'zone', 'DoNotSchedule', fooSelector).obj(),
    nodes: zoneNodes(),
    want: { 'node-a': fit, 'node-b': fit, 'node-x': fit, 'node-y': fit },
  },
  {
    name: "no existing pods, incoming pod doesn't match itself",
    pod: spreadPod('p').label('foo', '').spreadConstraint(1, 'zone', 'DoNotSchedule', barSelector).obj(),
    nodes: zoneNodes(),
    want: { 'node-a': fit, 'node-b': fit, 'node-x': fit, 'node-y': fit },
  },
  {
    name: 'existing pods in a different namespace do not count',
    pod: spreadPod('p').label('foo', '').spreadConstraint(1, 'zone', 'DoNotSchedule', fooSelector).obj(),
    nodes: zoneNodes(),
    existingPods: [
      existing('p-a1', 'node-a', { foo: '' }, 'ns1'),
      existing('p-b1', 'node-a', { foo: '' }, 'ns2'),
      existing('p-x1', 'node-x'),
      existing('p-y1', 'node-y'),
    ],
    want: { 'node-a': fit, 'node-b': fit, 'node-x': skew, 'node-y': skew },
  },
  {
    name: 'existing pods do not match null selector',
    pod: spreadPod('p').label('foo', '').spreadConstraint(1, 'zone', 'DoNotSchedule', undefined).obj(),
    nodes: zoneNodes(),
    existingPods: [existing('p-x1', 'node-x'), existing('p-y1', 'node-y')],
    want: { 'node-a': fit, 'node-b': fit, 'node-x': fit, 'node-y': fit },
  },
  {
    name: 'pods spread across zones as 3/3, all nodes fit',
    pod: spreadPod('p').label('foo', '').spreadConstraint(1, 'zone', 'DoNotSchedule', fooSelector).obj(),
    nodes: zoneNodes(),
    existingPods: spread2103(),
    want: { 'node-a': fit, 'node-b': fit, 'node-x': fit, 'node-y': fit },
  },
  {
    name: "pods spread across zones as 1/2 due to absence of label 'zone' on node-b",
    pod: spreadPod('p').label('foo', '').spreadConstraint(1, 'zone', 'DoNotSchedule', fooSelector).obj(),
    nodes: [
      node('node-a', { zone: 'zone1', node: 'node-a' }),
      node('node-b', { zon: 'zone1', node: 'node-b' }),
      node('node-x', { zone: 'zone2', node: 'node-x' }),
      node('node-y', { zone: 'zone2', node: 'node-y' }),
    ],
    existingPods: [existing('p-a1', 'node-a'), existing('p-b1', 'node-b'), existing('p-x1', 'node-x'), existing('p-y1', 'node-y')],
    want: { 'node-a': fit, 'node-b': missingLabel, 'node-x': skew, 'node-y': skew },
  },
  {
    name: "pod cannot be scheduled as all nodes don't have label 'rack'",
    pod: spreadPod('p').label('foo', '').spreadConstraint(1, 'rack', 'DoNotSchedule', fooSelector).obj(),
    nodes: [node('node-a', { zone: 'zone1', node: 'node-a' }), node('node-x', { zone: 'zone2', node: 'node-x' })],
    want: { 'node-a': missingLabel, 'node-x': missingLabel },
  },
  {
    name: 'pods spread across nodes as 2/1/0/3, only node-x fits',
    pod: spreadPod('p').label('foo', '').spreadConstraint(1, 'node', 'DoNotSchedule', fooSelector).obj(),
    nodes: zoneNodes(),
    existingPods: spread2103(),
    want: { 'node-a': skew, 'node-b': skew, 'node-x': fit, 'node-y': skew },
  },
  {
    name: 'pods spread across nodes as 2/1/0/3, maxSkew is 2, node-b and node-x fit',
    pod: spreadPod('p').label('foo', '').spreadConstraint(2, 'node', 'DoNotSchedule', fooSelector).obj(),
    nodes: zoneNodes(),
    existingPods: spread2103(),
    want: { 'node-a': skew, 'node-b': fit, 'node-x': fit, 'node-y': skew },
  },
  {
    name: "pods spread across nodes as 2/1/0/3, but pod doesn't match itself",
    pod: spreadPod('p').label('bar', '').spreadConstraint(1, 'node', 'DoNotSchedule', fooSelector).obj(),
    nodes: zoneNodes(),
    existingPods: spread2103(),
    want: { 'node-a': skew, 'node-b': fit, 'node-x': fit, 'node-y': skew },
  },
  {
    // Only node-a and node-y are considered, so pods spread as 2/~1~/~0~/3. NodeAffinity does not run here,
    // so node-b and node-x still fit; that node-a fits proves the spreading ignores them.
    name: 'incoming pod has nodeAffinity, pods spread as 2/~1~/~0~/3, hence node-a fits',
    pod: spreadPod('p')
      .label('foo', '')
      .nodeAffinityIn('node', ['node-a', 'node-y'])
      .spreadConstraint(1, 'node', 'DoNotSchedule', fooSelector)
      .obj(),
    nodes: zoneNodes(),
    existingPods: spread2103(),
    want: { 'node-a': fit, 'node-b': fit, 'node-x': fit, 'node-y': skew },
  },
  {
    name: 'terminating Pods should be excluded',
    pod: spreadPod('p').label('foo', '').spreadConstraint(1, 'node', 'DoNotSchedule', fooSelector).obj(),
    nodes: [node('node-a', { node: 'node-a' }), node('node-b', { node: 'node-b' })],
    existingPods: [makePod().name('p-a').node('node-a').label('foo', '').terminating().obj(), existing('p-b', 'node-b')],
    want: { 'node-a': fit, 'node-b': skew },
  },
  {
    name: 'incoming pod has nodeAffinity, pods spread as 0/~2~/0/1, hence node-a fits',
    pod: spreadPod('p')
      .label('foo', '')
      .nodeAffinityNotIn('node', ['node-b'])
      .spreadConstraint(1, 'zone', 'DoNotSchedule', fooSelector)
      .obj(),
    nodes: zoneNodes(),
    existingPods: [existing('p-b1', 'node-b'), existing('p-b2', 'node-b'), existing('p-y1', 'node-y')],
    want: { 'node-a': fit, 'node-b': fit, 'node-x': skew, 'node-y': skew },
  },
  {
    name: 'pods spread across nodes as 2/2/1, maxSkew is 2, and the number of domains < minDomains, then the third node fits',
    pod: spreadPod('p').label('foo', '').spreadConstraint(2, 'node', 'DoNotSchedule', fooSelector, { minDomains: 4 }).obj(),
    nodes: [node('node-a', { node: 'node-a' }), node('node-b', { node: 'node-b' }), node('node-c', { node: 'node-c' })],
    existingPods: [
      existing('p-a1', 'node-a'),
      existing('p-a2', 'node-a'),
      existing('p-b1', 'node-b'),
      existing('p-b2', 'node-b'),
      existing('p-c1', 'node-c'),
    ],
    want: { 'node-a': skew, 'node-b': skew, 'node-c': fit },
  },
  {
    name: 'pods spread across nodes as 2/2/1, maxSkew is 2, and the number of domains > minDomains, then the all nodes fit',
    pod: spreadPod('p').label('foo', '').spreadConstraint(2, 'node', 'DoNotSchedule', fooSelector, { minDomains: 2 }).obj(),
    nodes: [node('node-a', { node: 'node-a' }), node('node-b', { node: 'node-b' }), node('node-c', { node: 'node-c' })],
    existingPods: [
      existing('p-a1', 'node-a'),
      existing('p-a2', 'node-a'),
      existing('p-b1', 'node-b'),
      existing('p-b2', 'node-b'),
      existing('p-c1', 'node-c'),
    ],
    want: { 'node-a': fit, 'node-b': fit, 'node-c': fit },
  },
  {
    name: 'pods spread across zone as 2/1, maxSkew is 2 and the number of domains < minDomains, then the third and fourth nodes fit',
    pod: spreadPod('p').label('foo', '').spreadConstraint(2, 'zone', 'DoNotSchedule', fooSelector, { minDomains: 3 }).obj(),
    nodes: zoneNodes(),
    existingPods: [existing('p-b1', 'node-a'), existing('p-b2', 'node-b'), existing('p-y1', 'node-y')],
    want: { 'node-a': skew, 'node-b': skew, 'node-x': fit, 'node-y': fit },
  },
  {
    name: 'pods spread across zone as 2/1, maxSkew is 2 and the number of domains > minDomains, then the all nodes fit',
    pod: spreadPod('p').label('foo', '').spreadConstraint(2, 'zone', 'DoNotSchedule', fooSelector, { minDomains: 1 }).obj(),
    nodes: zoneNodes(),
    existingPods: [existing('p-b1', 'node-a'), existing('p-b2', 'node-b'), existing('p-y1', 'node-y')],
    want: { 'node-a': fit, 'node-b': fit, 'node-x': fit, 'node-y': fit },
  },
  {
    // Pods spread across nodes as 1/1/0/~0~; node-y fits here because NodeAffinity does not run.
    name: 'NodeAffinityPolicy honored with labelSelectors',
    pod: spreadPod('p')
      .label('foo', '')
      .nodeSelector({ foo: '' })
      .spreadConstraint(1, 'node', 'DoNotSchedule', fooSelector)
      .obj(),
    nodes: [
      node('node-a', { node: 'node-a', foo: '' }),
      node('node-b', { node: 'node-b', foo: '' }),
      node('node-x', { node: 'node-x', foo: '' }),
      node('node-y', { node: 'node-y' }),
    ],
    existingPods: [existing('p-b1', 'node-a'), existing('p-b2', 'node-b'), existing('p-y1', 'node-y')],
    want: { 'node-a': skew, 'node-b': skew, 'node-x': fit, 'node-y': fit },
  },
  {
    // Pods spread across nodes as 1/1/0/~1~.
    name: 'NodeAffinityPolicy ignored with labelSelectors',
    pod: spreadPod('p')
      .label('foo', '')
      .nodeSelector({ foo: '' })
      .spreadConstraint(1, 'node', 'DoNotSchedule', fooSelector, { nodeAffinityPolicy: 'Ignore' })
      .obj(),
    nodes: [
      node('node-a', { node: 'node-a', foo: '' }),
      node('node-b', { node: 'node-b', foo: '' }),
      node('node-x', { node: 'node-x', foo: '' }),
      node('node-y', { node: 'node-y' }),
    ],
    existingPods: [existing('p-b1', 'node-a'), existing('p-b2', 'node-b'), existing('p-y1', 'node-y')],
    want: { 'node-a': skew, 'node-b': skew, 'node-x': fit, 'node-y': skew },
  },
  {
    // Pods spread across nodes as 1/1/0/~0~.
    name: 'NodeAffinityPolicy honored with nodeAffinity',
    pod: spreadPod('p')
      .label('foo', '')
      .nodeAffinityIn('foo', [''])
      .spreadConstraint(1, 'node', 'DoNotSchedule', fooSelector)
      .obj(),
    nodes: [
      node('node-a', { node: 'node-a', foo: '' }),
      node('node-b', { node: 'node-b', foo: '' }),
      node('node-x', { node: 'node-x', foo: '' }),
      node('node-y', { node: 'node-y' }),
    ],
    existingPods: [existing('p-b1', 'node-a'), existing('p-b2', 'node-b'), existing('p-y1', 'node-y')],
    want: { 'node-a': skew, 'node-b': skew, 'node-x': fit, 'node-y': fit },
  },
  {
    // Pods spread across nodes as 1/1/0/~1~.
    name: 'NodeAffinityPolicy ignored with nodeAffinity',
    pod: spreadPod('p')
      .label('foo', '')
      .nodeAffinityIn('foo', [''])
      .spreadConstraint(1, 'node', 'DoNotSchedule', fooSelector, { nodeAffinityPolicy: 'Ignore' })
      .obj(),
    nodes: [
      node('node-a', { node: 'node-a', foo: '' }),
      node('node-b', { node: 'node-b', foo: '' }),
      node('node-x', { node: 'node-x', foo: '' }),
      node('node-y', { node: 'node-y' }),
    ],
    existingPods: [existing('p-b1', 'node-a'), existing('p-b2', 'node-b'), existing('p-y1', 'node-y')],
    want: { 'node-a': skew, 'node-b': skew, 'node-x': fit, 'node-y': skew },
  },
  {
    // Pods spread across nodes as 1/1/0/~0~; node-y fits here because TaintToleration does not run.
    name: 'NodeTaintsPolicy honored',
    pod: spreadPod('p').label('foo', '').spreadConstraint(1, 'node', 'DoNotSchedule', fooSelector, { nodeTaintsPolicy: 'Honor' }).obj(),
    nodes: [
      node('node-a', { node: 'node-a', foo: '' }),
      node('node-b', { node: 'node-b', foo: '' }),
      node('node-x', { node: 'node-x', foo: '' }),
      node('node-y', { node: 'node-y' }, unschedulableTaints),
    ],
    existingPods: [existing('p-b1', 'node-a'), existing('p-b2', 'node-b'), existing('p-y1', 'node-y')],
    want: { 'node-a': skew, 'node-b': skew, 'node-x': fit, 'node-y': fit },
  },
  {
    // Pods spread across nodes as 1/1/0/~1~.
    name: 'NodeTaintsPolicy ignored',
    pod: spreadPod('p').label('foo', '').spreadConstraint(1, 'node', 'DoNotSchedule', fooSelector).obj(),
    nodes: [
      node('node-a', { node: 'node-a', foo: '' }),
      node('node-b', { node: 'node-b', foo: '' }),
      node('node-x', { node: 'node-x', foo: '' }),
      node('node-y', { node: 'node-y' }, unschedulableTaints),
    ],
    existingPods: [existing('p-b1', 'node-a'), existing('p-b2', 'node-b'), existing('p-y1', 'node-y')],
    want: { 'node-a': skew, 'node-b': skew, 'node-x': fit, 'node-y': skew },
  },
];

const multipleConstraintsCases: FilterCase[] = [
  {
    // zone: any node fits; node: only node-x; together: node-x.
    name: 'two Constraints on zone and node, spreads = [3/3, 2/1/0/3]',
    pod: spreadPod('p')
      .label('foo', '')
      .spreadConstraint(1, 'zone', 'DoNotSchedule', fooSelector)
      .spreadConstraint(1, 'node', 'DoNotSchedule', fooSelector)
      .obj(),
    nodes: zoneNodes(),
    existingPods: spread2103(),
    want: { 'node-a': skew, 'node-b': skew, 'node-x': fit, 'node-y': skew },
  },
  {
    // zone: zone1 (node-a, node-b); node: node-x; together: no node.
    name: 'two Constraints on zone and node, spreads = [3/4, 2/1/0/4]',
    pod: spreadPod('p')
      .label('foo', '')
      .spreadConstraint(1, 'zone', 'DoNotSchedule', fooSelector)
      .spreadConstraint(1, 'node', 'DoNotSchedule', fooSelector)
      .obj(),
    nodes: zoneNodes(),
    existingPods: [...spread2103(), existing('p-y4', 'node-y')],
    want: { 'node-a': skew, 'node-b': skew, 'node-x': skew, 'node-y': skew },
  },
  {
    // zone: zone2 (node-x, node-y); node: node-a, node-b or node-x; together: node-x.
    name: 'Constraints hold different labelSelectors, spreads = [1/0, 1/0/0/1]',
    pod: spreadPod('p')
      .label('foo', '')
      .label('bar', '')
      .spreadConstraint(1, 'zone', 'DoNotSchedule', fooSelector)
      .spreadConstraint(1, 'node', 'DoNotSchedule', barSelector)
      .obj(),
    nodes: zoneNodes(),
    existingPods: [existing('p-a1', 'node-a'), existing('p-y1', 'node-y', { bar: '' })],
    want: { 'node-a': skew, 'node-b': skew, 'node-x': fit, 'node-y': skew },
  },
  {
    // zone: zone2 (node-x, node-y); node: node-a or node-b; together: no node.
    name: 'Constraints hold different labelSelectors, spreads = [1/0, 0/0/1/1]',
    pod: spreadPod('p')
      .label('foo', '')
      .label('bar', '')
      .spreadConstraint(1, 'zone', 'DoNotSchedule', fooSelector)
      .spreadConstraint(1, 'node', 'DoNotSchedule', barSelector)
      .obj(),
    nodes: zoneNodes(),
    existingPods: [existing('p-a1', 'node-a'), existing('p-x1', 'node-x', { bar: '' }), existing('p-y1', 'node-y', { bar: '' })],
    want: { 'node-a': skew, 'node-b': skew, 'node-x': skew, 'node-y': skew },
  },
  {
    // zone: zone1 (node-a, node-b); node: node-b or node-x; together: node-b.
    name: 'Constraints hold different labelSelectors, spreads = [2/3, 1/0/0/1]',
    pod: spreadPod('p')
      .label('foo', '')
      .label('bar', '')
      .spreadConstraint(1, 'zone', 'DoNotSchedule', fooSelector)
      .spreadConstraint(1, 'node', 'DoNotSchedule', barSelector)
      .obj(),
    nodes: zoneNodes(),
    existingPods: [
      existing('p-a1', 'node-a'),
      existing('p-a2', 'node-a', { foo: '', bar: '' }),
      existing('p-y1', 'node-y'),
      existing('p-y2', 'node-y', { foo: '', bar: '' }),
      existing('p-y3', 'node-y'),
    ],
    want: { 'node-a': skew, 'node-b': fit, 'node-x': skew, 'node-y': skew },
  },
  {
    // zone: the pod doesn't match itself, so any zone; node: node-a or node-b; together: node-a and node-b.
    name: "Constraints hold different labelSelectors but pod doesn't match itself on 'zone' constraint",
    pod: spreadPod('p')
      .label('bar', '')
      .spreadConstraint(1, 'zone', 'DoNotSchedule', fooSelector)
      .spreadConstraint(1, 'node', 'DoNotSchedule', barSelector)
      .obj(),
    nodes: zoneNodes(),
    existingPods: [existing('p-a1', 'node-a'), existing('p-x1', 'node-x', { bar: '' }), existing('p-y1', 'node-y', { bar: '' })],
    want: { 'node-a': fit, 'node-b': fit, 'node-x': skew, 'node-y': skew },
  },
  {
    // zone: any node; node: node-b (node-x lacks the label); together: node-b.
    name: "two Constraints on zone and node, absence of label 'node' on node-x, spreads = [1/1, 1/0/0/1]",
    pod: spreadPod('p')
      .label('foo', '')
      .spreadConstraint(1, 'zone', 'DoNotSchedule', fooSelector)
      .spreadConstraint(1, 'node', 'DoNotSchedule', fooSelector)
      .obj(),
    nodes: [
      node('node-a', { zone: 'zone1', node: 'node-a' }),
      node('node-b', { zone: 'zone1', node: 'node-b' }),
      node('node-x', { zone: 'zone2' }),
      node('node-y', { zone: 'zone2', node: 'node-y' }),
    ],
    existingPods: [existing('p-a1', 'node-a'), existing('p-y3', 'node-y')],
    want: { 'node-a': skew, 'node-b': fit, 'node-x': missingLabel, 'node-y': skew },
  },
  {
    // zone: 2/~0~; node: 1/1/0/~1~; together: node-x.
    name: 'two node inclusion Constraints, zone: honor/ignore, node: ignore/ignore',
    pod: spreadPod('p')
      .label('foo', '')
      .nodeSelector({ foo: '' })
      .spreadConstraint(1, 'zone', 'DoNotSchedule', fooSelector)
      .spreadConstraint(1, 'node', 'DoNotSchedule', fooSelector, { nodeAffinityPolicy: 'Ignore' })
      .obj(),
    nodes: [
      node('node-a', { zone: 'zone1', node: 'node-a', foo: '' }),
      node('node-b', { zone: 'zone1', node: 'node-b', foo: '' }),
      node('node-x', { zone: 'zone2', node: 'node-x', foo: '' }),
      node('node-y', { zone: 'zone2', node: 'node-y' }),
    ],
    existingPods: [existing('p-a1', 'node-a'), existing('p-b1', 'node-b'), existing('p-y1', 'node-y')],
    want: { 'node-a': skew, 'node-b': skew, 'node-x': fit, 'node-y': skew },
  },
  {
    // zone: 2/0; node: 1/1/0/~1~; together: node-x.
    name: 'two node inclusion Constraints, zone: honor/honor, node: honor/ignore',
    pod: spreadPod('p')
      .label('foo', '')
      .spreadConstraint(1, 'zone', 'DoNotSchedule', fooSelector, { nodeTaintsPolicy: 'Honor' })
      .spreadConstraint(1, 'node', 'DoNotSchedule', fooSelector)
      .obj(),
    nodes: [
      node('node-a', { zone: 'zone1', node: 'node-a', foo: '' }),
      node('node-b', { zone: 'zone1', node: 'node-b', foo: '' }),
      node('node-x', { zone: 'zone2', node: 'node-x', foo: '' }),
      node('node-y', { zone: 'zone2', node: 'node-y' }, unschedulableTaints),
    ],
    existingPods: [existing('p-a1', 'node-a'), existing('p-b1', 'node-b'), existing('p-y1', 'node-y')],
    want: { 'node-a': skew, 'node-b': skew, 'node-x': fit, 'node-y': skew },
  },
  {
    // zone: 1/~1~; node: 1/0/0/~1~; together: node-b and node-x.
    name: 'two node inclusion Constraints, zone: honor/ignore, node: honor/ignore',
    pod: spreadPod('p')
      .label('foo', '')
      .nodeSelector({ foo: '' })
      .spreadConstraint(1, 'zone', 'DoNotSchedule', fooSelector)
      .spreadConstraint(1, 'node', 'DoNotSchedule', fooSelector)
      .obj(),
    nodes: [
      node('node-a', { zone: 'zone1', node: 'node-a', foo: '' }),
      node('node-b', { zone: 'zone1', node: 'node-b' }),
      node('node-x', { zone: 'zone2', node: 'node-x', foo: '' }),
      node('node-y', { zone: 'zone2', node: 'node-y', foo: '' }, unschedulableTaints),
    ],
    existingPods: [existing('p-a1', 'node-a'), existing('p-b1', 'node-b'), existing('p-y1', 'node-y')],
    want: { 'node-a': skew, 'node-b': fit, 'node-x': fit, 'node-y': skew },
  },
  {
    // zone: 1/0; node: 1/~1~/0/~1~; together: node-x.
    name: 'two node inclusion Constraints, zone: honor/honor, node: ignore/ignore',
    pod: spreadPod('p')
      .label('foo', '')
      .nodeSelector({ foo: '' })
      .spreadConstraint(1, 'zone', 'DoNotSchedule', fooSelector, { nodeTaintsPolicy: 'Honor' })
      .spreadConstraint(1, 'node', 'DoNotSchedule', fooSelector, { nodeAffinityPolicy: 'Ignore' })
      .obj(),
    nodes: [
      node('node-a', { zone: 'zone1', node: 'node-a', foo: '' }),
      node('node-b', { zone: 'zone1', node: 'node-b' }),
      node('node-x', { zone: 'zone2', node: 'node-x', foo: '' }),
      node('node-y', { zone: 'zone2', node: 'node-y', foo: '' }, unschedulableTaints),
    ],
    existingPods: [existing('p-a1', 'node-a'), existing('p-b1', 'node-b'), existing('p-y1', 'node-y')],
    want: { 'node-a': skew, 'node-b': skew, 'node-x': fit, 'node-y': skew },
  },
];

describe('PodTopologySpread Filter with a single constraint (TestSingleConstraint)', () => {
  it.each(singleConstraintCases)('$name', (tc) => {
    expect(runFilter(tc)).toEqual(tc.want);
  });
});

describe('PodTopologySpread Filter with multiple constraints (TestMultipleConstraints)', () => {
  it.each(multipleConstraintsCases)('$name', (tc) => {
    expect(runFilter(tc)).toEqual(tc.want);
  });
});

describe('PodTopologySpread Filter without PreFilter (TestPreFilterDisabled)', () => {
  it('returns an Error status naming the missing state', () => {
    const pl = New({ defaultingType: 'List' }, fakeHandle([], []));
    const status = pl.filter(new CycleState(), makePod().name('p').obj(), nodeInfoOf(node('node-a', {})));
    expect(status?.code).toBe(Code.Error);
    expect(status?.message()).toBe('reading "PreFilterPodTopologySpread" from cycleState: not found');
  });
});
