// Ports TestPreFilterState, TestPreFilterStateAddPod and TestPreFilterStateRemovePod (selected cases) from
// pkg/scheduler/framework/plugins/podtopologyspread/filtering_test.go, plus default constraints in PreFilter.
import { describe, expect, it } from 'vitest';
import type { Node, Pod } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../../api/object';
import { CycleState } from '../../framework/cycleState';
import { Code, newStatus } from '../../framework/interface';
import { PodInfo } from '../../framework/podInfo';
import { fakeHandle } from '../../testing/fakeHandle';
import { getPreFilterState, PreFilterState } from './filtering';
import { New } from './podTopologySpread';
import { existing, existsSelector, spread2103, spreadPod, zoneNodes } from './testBuilders';

const fooSelector = existsSelector('foo');

/** stateView turns a PreFilterState into plain data: per constraint, its counts and the global minimum. */
function stateView(s: PreFilterState): { counts: Record<string, number>; min: number }[] {
  return s.tpValueToMatchNum.map((m, i) => ({ counts: Object.fromEntries(m), min: s.minMatchNum[i] }));
}

function preFilterState(pod: Pod, pods: Pod[], nodes: Node[], objects: KubeObject[] = [], args: object = { defaultingType: 'List' }) {
  const handle = fakeHandle(pods, nodes, objects);
  const pl = New(args, handle);
  const state = new CycleState();
  const [, status] = pl.preFilter(state, pod, handle.snapshotSharedLister().nodeInfos().list());
  return { pl, state, status, handle };
}

describe('PodTopologySpread PreFilter state (TestPreFilterState)', () => {
  const cases = [
    {
      name: 'normal case with one spreadConstraint',
      pod: spreadPod('p').label('foo', '').spreadConstraint(1, 'zone', 'DoNotSchedule', fooSelector).obj(),
      pods: [existing('p-a1', 'node-a'), existing('p-a2', 'node-a'), existing('p-b1', 'node-b'), existing('p-y1', 'node-y'), existing('p-y2', 'node-y')],
      want: [{ counts: { zone1: 3, zone2: 2 }, min: 2 }],
    },
    {
      name: 'normal case with null label selector',
      pod: spreadPod('p').label('foo', '').spreadConstraint(1, 'zone', 'DoNotSchedule', undefined).obj(),
      pods: [existing('p-a1', 'node-a'), existing('p-y1', 'node-y')],
      want: [{ counts: { zone1: 0, zone2: 0 }, min: 0 }],
    },
    {
      name: 'namespace mismatch doesn\'t count',
      pod: spreadPod('p').label('foo', '').spreadConstraint(1, 'zone', 'DoNotSchedule', fooSelector).obj(),
      pods: [
        existing('p-a1', 'node-a'),
        existing('p-a2', 'node-a', { foo: '' }, 'ns1'),
        existing('p-b1', 'node-b'),
        existing('p-y1', 'node-y', { foo: '' }, 'ns2'),
        existing('p-y2', 'node-y'),
      ],
      want: [{ counts: { zone1: 2, zone2: 1 }, min: 1 }],
    },
    {
      name: 'normal case with two spreadConstraints',
      pod: spreadPod('p')
        .label('foo', '')
        .spreadConstraint(1, 'zone', 'DoNotSchedule', fooSelector)
        .spreadConstraint(1, 'node', 'DoNotSchedule', fooSelector)
        .obj(),
      pods: [...spread2103(), existing('p-y4', 'node-y')],
      want: [
        { counts: { zone1: 3, zone2: 4 }, min: 3 },
        { counts: { 'node-a': 2, 'node-b': 1, 'node-x': 0, 'node-y': 4 }, min: 0 },
      ],
    },
    {
      name: 'soft spreadConstraints should be bypassed',
      pod: spreadPod('p')
        .label('foo', '')
        .spreadConstraint(1, 'zone', 'ScheduleAnyway', fooSelector)
        .spreadConstraint(1, 'zone', 'DoNotSchedule', fooSelector)
        .spreadConstraint(1, 'node', 'ScheduleAnyway', fooSelector)
        .spreadConstraint(1, 'node', 'DoNotSchedule', fooSelector)
        .obj(),
      pods: [...spread2103(), existing('p-y4', 'node-y')],
      want: [
        { counts: { zone1: 3, zone2: 4 }, min: 3 },
        { counts: { 'node-a': 2, 'node-b': 1, 'node-x': 0, 'node-y': 4 }, min: 0 },
      ],
    },
  ];
  it.each(cases)('$name', (tc) => {
    const { state, status } = preFilterState(tc.pod, tc.pods, zoneNodes());
    expect(status).toBeNull();
    expect(stateView(getPreFilterState(state))).toEqual(tc.want);
  });

  it('returns Skip when the pod has no hard constraints and no default ones', () => {
    const pod = spreadPod('p').label('foo', '').spreadConstraint(1, 'zone', 'ScheduleAnyway', fooSelector).obj();
    expect(preFilterState(pod, [], zoneNodes()).status).toEqual(newStatus(Code.Skip));
  });

  it('applies DoNotSchedule default constraints with the selector of the ReplicaSet owning the pod', () => {
    const pod = spreadPod('p').label('foo', 'bar').ownerReference('rs1', 'apps/v1', 'ReplicaSet').obj();
    const rs: KubeObject = {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: { name: 'rs1', namespace: 'default' },
      spec: { selector: { matchLabels: { foo: 'bar' } } },
    };
    const args = { defaultingType: 'List', defaultConstraints: [{ maxSkew: 1, topologyKey: 'zone', whenUnsatisfiable: 'DoNotSchedule' }] };
    const pods = [existing('p-a1', 'node-a', { foo: 'bar' }), existing('p-a2', 'node-a', { foo: 'baz' })];
    const { state, status } = preFilterState(pod, pods, zoneNodes(), [rs], args);
    expect(status).toBeNull();
    expect(stateView(getPreFilterState(state))).toEqual([{ counts: { zone1: 1, zone2: 0 }, min: 0 }]);
  });

  it('applies no default constraints when nothing selects the pod', () => {
    const pod = spreadPod('p').label('foo', 'bar').obj();
    const args = { defaultingType: 'List', defaultConstraints: [{ maxSkew: 1, topologyKey: 'zone', whenUnsatisfiable: 'DoNotSchedule' }] };
    expect(preFilterState(pod, [], zoneNodes(), [], args).status).toEqual(newStatus(Code.Skip));
  });
});

describe('PodTopologySpread PreFilterExtensions (TestPreFilterStateAddPod, TestPreFilterStateRemovePod)', () => {
  const zonePod = () => spreadPod('p').label('foo', '').spreadConstraint(1, 'zone', 'DoNotSchedule', fooSelector).obj();
  const threeNodes = () => zoneNodes().slice(0, 3);

  it('adding a matching pod to node-x raises the zone2 count and the minimum', () => {
    const { pl, state, handle } = preFilterState(zonePod(), [existing('p-a1', 'node-a'), existing('p-b1', 'node-b')], zoneNodes());
    const nodeX = handle.snapshotSharedLister().nodeInfos().get('node-x')!;
    expect(pl.addPod(state, zonePod(), new PodInfo(existing('p-x1', 'node-x')), nodeX)).toBeNull();
    expect(stateView(getPreFilterState(state))).toEqual([{ counts: { zone1: 2, zone2: 1 }, min: 1 }]);
  });

  it('adding a pod of another namespace changes nothing', () => {
    const { pl, state, handle } = preFilterState(zonePod(), [existing('p-a1', 'node-a')], zoneNodes());
    const nodeX = handle.snapshotSharedLister().nodeInfos().get('node-x')!;
    expect(pl.addPod(state, zonePod(), new PodInfo(existing('p-x1', 'node-x', { foo: '' }, 'ns1')), nodeX)).toBeNull();
    expect(stateView(getPreFilterState(state))).toEqual([{ counts: { zone1: 1, zone2: 0 }, min: 0 }]);
  });

  it('one spreadConstraint on zone, removing a pod keeps the minimum (topologyKeyToMinPodsMap unchanged)', () => {
    const pods = [existing('p-a1', 'node-a'), existing('p-b1', 'node-b'), existing('p-x1', 'node-x')];
    const { pl, state, handle } = preFilterState(zonePod(), pods, threeNodes());
    const nodeA = handle.snapshotSharedLister().nodeInfos().get('node-a')!;
    expect(pl.removePod(state, zonePod(), new PodInfo(pods[0]), nodeA)).toBeNull();
    expect(stateView(getPreFilterState(state))).toEqual([{ counts: { zone1: 1, zone2: 1 }, min: 1 }]);
  });

  it('one spreadConstraint on zone, removing a pod lowers the minimum (topologyKeyToMinPodsMap changed)', () => {
    const pods = [existing('p-a1', 'node-a'), existing('p-b1', 'node-b'), existing('p-x1', 'node-x'), existing('p-y1', 'node-y')];
    const { pl, state, handle } = preFilterState(zonePod(), pods, zoneNodes());
    const nodeA = handle.snapshotSharedLister().nodeInfos().get('node-a')!;
    expect(pl.removePod(state, zonePod(), new PodInfo(pods[0]), nodeA)).toBeNull();
    expect(stateView(getPreFilterState(state))).toEqual([{ counts: { zone1: 1, zone2: 2 }, min: 1 }]);
  });

  it("delete an irrelevant pod won't help", () => {
    const pods = [existing('p-a0', 'node-a', { bar: '' }), existing('p-a1', 'node-a'), existing('p-b1', 'node-b'), existing('p-x1', 'node-x'), existing('p-y1', 'node-y')];
    const { pl, state, handle } = preFilterState(zonePod(), pods, zoneNodes());
    const nodeA = handle.snapshotSharedLister().nodeInfos().get('node-a')!;
    expect(pl.removePod(state, zonePod(), new PodInfo(pods[0]), nodeA)).toBeNull();
    expect(stateView(getPreFilterState(state))).toEqual([{ counts: { zone1: 2, zone2: 2 }, min: 2 }]);
  });

  it('a cloned state is not changed by updates of the original', () => {
    const { pl, state, handle } = preFilterState(zonePod(), [existing('p-a1', 'node-a')], zoneNodes());
    const copy = getPreFilterState(state).clone();
    const nodeX = handle.snapshotSharedLister().nodeInfos().get('node-x')!;
    pl.addPod(state, zonePod(), new PodInfo(existing('p-x1', 'node-x')), nodeX);
    expect(stateView(copy)).toEqual([{ counts: { zone1: 1, zone2: 0 }, min: 0 }]);
  });
});

