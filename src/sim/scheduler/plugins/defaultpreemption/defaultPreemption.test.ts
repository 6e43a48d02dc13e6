// Ports TestPostFilter (without extenders), TestSelectBestCandidate and TestPodEligibleToPreemptOthers from
// pkg/scheduler/framework/plugins/defaultpreemption/default_preemption_test.go, on the real framework runtime
// with NodeResourcesFit as the PreFilter/Filter plugin, as upstream registers it.
import { describe, expect, it } from 'vitest';
import type { Node, Pod } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../../api/object';
import type { EventRecorder } from '../../../events/recorder';
import type { WriteContext } from '../../../store/types';
import { VirtualClock } from '../../../clock/virtualClock';
import { newSnapshot } from '../../cache/snapshot';
import { CycleState } from '../../framework/cycleState';
import {
  asStatus,
  Code,
  NominatingMode,
  newStatus,
  type PreFilterExtensions,
  type PreFilterPlugin,
  type Status,
} from '../../framework/interface';
import type { NodeInfo } from '../../framework/nodeInfo';
import { PodInfo } from '../../framework/podInfo';
import { Framework } from '../../framework/runtime';
import { NodeToStatus } from '../../framework/types';
import { FakeClient } from '../../testing/fakeHandle';
import { makePod, type PodWrapper, type TestNode, type TestPod } from '../../testing/wrappers';
import * as names from '../names';
import { newInTreeRegistry } from '../registry';
import { New, type DefaultPreemption } from './defaultPreemption';

const [negPriority, lowPriority, midPriority, highPriority, veryHighPriority] = [-100, 0, 100, 1000, 10000];
const smallRes = { cpu: '100m', memory: '100' };
const mediumRes = { cpu: '200m', memory: '200' };
const largeRes = { cpu: '300m', memory: '300' };
const veryLargeRes = { cpu: '500m', memory: '500' };
/** epochTime(n) is a start time n seconds after the epoch (metav1.Time has second precision). */
const epochTime = (n: number) => new Date(n * 1000).toISOString().replace('.000Z', 'Z');

/** capacityNode mirrors st.MakeNode().Capacity(): the resources plus `pods: 32` unless given. */
function capacityNode(name: string, resources: Record<string, string>, labels: Record<string, string> = {}): TestNode {
  const res = { pods: '32', ...resources };
  return { apiVersion: 'v1', kind: 'Node', metadata: { name, uid: `uid-${name}`, labels }, spec: {}, status: { capacity: res, allocatable: res } };
}

function victim(name: string, nodeName: string, priority: number, req?: Record<string, string>, start = 0): TestPod {
  const w: PodWrapper = makePod().name(name).uid(name).node(nodeName).priority(priority);
  if (req) w.req(req);
  const pod = w.obj();
  pod.status = { phase: 'Running', startTime: epochTime(start) };
  return pod;
}

interface Recorded {
  writes: { verb: string; name: string; ctx: WriteContext; obj?: KubeObject }[];
  events: { name: string; type: string; reason: string; message: string }[];
}

/** RecordingClient serves reads from the fixed objects and records the writes preemption makes. */
class RecordingClient extends FakeClient {
  readonly recorded: Recorded = { writes: [], events: [] };
  override updateStatus<T extends KubeObject>(obj: T, ctx: WriteContext): T {
    this.recorded.writes.push({ verb: 'updateStatus', name: obj.metadata.name ?? '', ctx, obj });
    return obj;
  }
  override delete(_kind: string, _ns: string, name: string, ctx: WriteContext): KubeObject | undefined {
    this.recorded.writes.push({ verb: 'delete', name, ctx });
    return undefined;
  }
}

/**
 * testPlugin fails AddPod/RemovePod on nodes labelled `error: "true"`, as upstream's TestPlugin, so that the
 * errors of the dry run show up in PostFilter.
 */
function newTestPlugin(): PreFilterPlugin {
  const fail = (what: string, pod: Pod, nodeInfo: NodeInfo) =>
    nodeInfo.node?.metadata?.labels?.['error'] === 'true' ? asStatus(new Error(`failed to ${what} pod: ${pod.metadata?.name}`)) : null;
  const ext: PreFilterExtensions = {
    addPod: (_s, podToSchedule, _pi, nodeInfo) => fail('add', podToSchedule, nodeInfo),
    removePod: (_s, podToSchedule, _pi, nodeInfo) => fail('remove', podToSchedule, nodeInfo),
  };
  return { name: () => 'test-plugin', preFilter: () => [null, null], preFilterExtensions: () => ext };
}

/**
 * testFramework builds the scheduler framework (the real runtime) with PrioritySort, NodeResourcesFit, the
 * optional test plugin and DefaultPreemption over a snapshot of the pods and nodes, as upstream's tests do.
 */
function testFramework(pods: Pod[], nodes: Node[], opts: { withTestPlugin?: boolean; nominated?: Pod[] } = {}) {
  const snapshot = newSnapshot(pods, nodes);
  const client = new RecordingClient(pods as KubeObject[]);
  const recorder = {
    event: (obj: KubeObject, type: string, reason: string, message: string) =>
      client.recorded.events.push({ name: obj.metadata.name ?? '', type, reason, message }),
  } as unknown as EventRecorder;
  const registry = { ...newInTreeRegistry(), 'test-plugin': () => newTestPlugin() };
  const plugins = [
    { name: names.PrioritySort },
    { name: names.NodeResourcesFit },
    ...(opts.withTestPlugin ? [{ name: 'test-plugin' }] : []),
    { name: names.DefaultPreemption },
  ];
  const fw = new Framework({ registry, plugins, client, recorder, clock: new VirtualClock(1_000_000), snapshot });
  const nominated = opts.nominated ?? [];
  fw.setPodNominator({
    nominatedPodsForNode: (name: string) => nominated.filter((p) => p.status?.nominatedNodeName === name).map((pod) => new PodInfo(pod)),
  });
  const state = new CycleState();
  const pl = fw.postFilterPlugins[0] as DefaultPreemption;
  return { handle: fw, client, state, pl, preFilter: (pod: Pod) => fw.runPreFilterPlugins(state, pod) };
}

function statuses(entries: Record<string, Code>): NodeToStatus {
  const m = new NodeToStatus();
  for (const [name, code] of Object.entries(entries)) m.set(name, newStatus(code));
  return m;
}

describe('DefaultPreemption PostFilter (TestPostFilter)', () => {
  const onePodRes = { pods: '1' };
  const nodeRes = { cpu: '200m', memory: '400' };
  const nominated = (name: string) => ({ nominatingInfo: { nominatedNodeName: name, nominatingMode: NominatingMode.ModeOverride } });
  interface PostFilterCase {
    name: string;
    pod: Pod;
    pods: Pod[];
    nodes: Node[];
    filtered: Record<string, Code>;
    withTestPlugin?: boolean;
    wantResult: ReturnType<typeof nominated> | null;
    wantStatus: Status;
  }
  it.each<PostFilterCase>([
    {
      name: 'pod with higher priority can be made schedulable',
      pod: makePod().name('p').uid('p').priority(highPriority).obj(),
      pods: [victim('p1', 'node1', 0)],
      nodes: [capacityNode('node1', onePodRes)],
      filtered: { node1: Code.Unschedulable },
      wantResult: nominated('node1'),
      wantStatus: newStatus(Code.Success),
    },
    {
      name: 'pod with tied priority is still unschedulable',
      pod: makePod().name('p').uid('p').obj(),
      pods: [victim('p1', 'node1', 0)],
      nodes: [capacityNode('node1', onePodRes)],
      filtered: { node1: Code.Unschedulable },
      wantResult: nominated(''),
      wantStatus: newStatus(Code.Unschedulable, 'preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod.'),
    },
    {
      name: 'preemption should respect filteredNodesStatuses',
      pod: makePod().name('p').uid('p').priority(highPriority).obj(),
      pods: [victim('p1', 'node1', 0)],
      nodes: [capacityNode('node1', onePodRes)],
      filtered: { node1: Code.UnschedulableAndUnresolvable },
      wantResult: nominated(''),
      wantStatus: newStatus(Code.Unschedulable, 'preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.'),
    },
    {
      name: 'pod can be made schedulable on one node',
      pod: makePod().name('p').uid('p').priority(midPriority).obj(),
      pods: [victim('p1', 'node1', highPriority), victim('p2', 'node2', lowPriority)],
      nodes: [capacityNode('node1', onePodRes), capacityNode('node2', onePodRes)],
      filtered: { node1: Code.Unschedulable, node2: Code.Unschedulable },
      wantResult: nominated('node2'),
      wantStatus: newStatus(Code.Success),
    },
    {
      name: 'no candidate nodes found, no enough resource after removing low priority pods',
      pod: makePod().name('p').uid('p').priority(highPriority).req(largeRes).obj(),
      pods: [victim('p1', 'node1', 0), victim('p2', 'node2', 0)],
      nodes: [capacityNode('node1', nodeRes), capacityNode('node2', nodeRes)],
      filtered: { node1: Code.Unschedulable, node2: Code.Unschedulable },
      wantResult: nominated(''),
      wantStatus: newStatus(Code.Unschedulable, 'preemption: 0/2 nodes are available: 2 Insufficient cpu.'),
    },
    {
      name: 'no candidate nodes found with mixed reasons, no lower priority pod and no enough CPU resource',
      pod: makePod().name('p').uid('p').priority(highPriority).req(largeRes).obj(),
      pods: [victim('p1', 'node1', highPriority), victim('p2', 'node2', 0), victim('p3', 'node3', highPriority)],
      nodes: [capacityNode('node1', onePodRes), capacityNode('node2', nodeRes), capacityNode('node3', onePodRes)],
      filtered: { node1: Code.Unschedulable, node2: Code.Unschedulable, node3: Code.Unschedulable },
      wantResult: nominated(''),
      wantStatus: newStatus(
        Code.Unschedulable,
        'preemption: 0/3 nodes are available: 1 Insufficient cpu, 2 No preemption victims found for incoming pod.',
      ),
    },
    {
      name: "no candidate nodes found with mixed reason, 2 UnschedulableAndUnresolvable nodes and 2 nodes don't have enough CPU resource",
      pod: makePod().name('p').uid('p').priority(highPriority).req(largeRes).obj(),
      pods: [victim('p1', 'node1', 0), victim('p2', 'node2', 0)],
      nodes: ['node1', 'node2', 'node3', 'node4'].map((n) => capacityNode(n, nodeRes)),
      filtered: { node1: Code.Unschedulable, node2: Code.Unschedulable, node4: Code.UnschedulableAndUnresolvable },
      wantResult: nominated(''),
      wantStatus: newStatus(
        Code.Unschedulable,
        'preemption: 0/4 nodes are available: 2 Insufficient cpu, 2 Preemption is not helpful for scheduling.',
      ),
    },
    {
      name: 'only one node but failed with TestPlugin',
      pod: makePod().name('p').uid('p').priority(highPriority).req(largeRes).obj(),
      pods: [victim('p1', 'node1', 0)],
      // The node is labelled `error` so that the TestPlugin fails with an error.
      nodes: [capacityNode('node1', largeRes, { error: 'true' })],
      filtered: { node1: Code.Unschedulable },
      withTestPlugin: true,
      wantResult: null,
      wantStatus: newStatus(Code.Error, 'preemption: running RemovePod on PreFilter plugin "test-plugin": failed to remove pod: p'),
    },
    {
      // Even though node1 fails with an error, node2 is still returned as a valid nominated node.
      name: 'one failed with TestPlugin and the other pass',
      pod: makePod().name('p').uid('p').priority(highPriority).req(largeRes).obj(),
      pods: [victim('p1', 'node1', 0), victim('p2', 'node2', 0, mediumRes)],
      nodes: [capacityNode('node1', largeRes, { error: 'true' }), capacityNode('node2', largeRes)],
      filtered: { node1: Code.Unschedulable, node2: Code.Unschedulable },
      withTestPlugin: true,
      wantResult: nominated('node2'),
      wantStatus: newStatus(Code.Success),
    },
  ])('$name', (tc) => {
    const fw = testFramework([tc.pod, ...tc.pods], tc.nodes, { withTestPlugin: tc.withTestPlugin });
    fw.preFilter(tc.pod);
    const m = statuses(tc.filtered);
    // Nodes the filter map does not name are UnschedulableAndUnresolvable, as in a real scheduling cycle.
    const [result, status] = fw.pl.postFilter(fw.state, tc.pod, m);
    expect(result).toEqual(tc.wantResult);
    expect([status?.code, status?.message()]).toEqual([tc.wantStatus.code, tc.wantStatus.message()]);
  });
});

describe('DefaultPreemption evicts the victims of the chosen node', () => {
  it('marks the victim as a DisruptionTarget, deletes it, reports Preempted and clears lower-priority nominations', () => {
    const pod = makePod().name('p').uid('uid-p').priority(highPriority).obj();
    const lowNominated = makePod().name('waiting').uid('uid-waiting').priority(lowPriority).obj();
    lowNominated.status = { phase: 'Pending', nominatedNodeName: 'node1' };
    const fw = testFramework([pod, victim('p1', 'node1', 0), lowNominated], [capacityNode('node1', { pods: '1' })], { nominated: [lowNominated] });
    fw.preFilter(pod);
    const [result, status] = fw.pl.postFilter(fw.state, pod, statuses({ node1: Code.Unschedulable }));
    expect(status).toEqual(newStatus(Code.Success));
    expect(result?.nominatingInfo?.nominatedNodeName).toBe('node1');
    const { writes, events } = fw.client.recorded;
    expect(writes.map((w) => [w.verb, w.name, w.ctx.actor, w.ctx.reason])).toEqual([
      ['updateStatus', 'p1', 'default-scheduler', 'marked pod default/p1 (priority 0) as a preemption victim to make room for pod default/p (priority 1000) on node1'],
      ['delete', 'p1', 'default-scheduler', 'preempted pod default/p1 (priority 0) to make room for pod default/p (priority 1000) on node1'],
      ['updateStatus', 'waiting', 'default-scheduler', 'cleared the nominated node of pod default/waiting: higher-priority pod default/p preempted pods on node1'],
    ]);
    expect((writes[0].obj as Pod).status?.conditions).toEqual([
      {
        type: 'DisruptionTarget',
        status: 'True',
        reason: 'PreemptionByScheduler',
        message: 'default-scheduler: preempting to accommodate a higher priority pod',
        lastTransitionTime: '2026-01-01T09:16:40Z',
      },
    ]);
    expect((writes[2].obj as Pod).status?.nominatedNodeName).toBeUndefined();
    expect(events).toEqual([{ name: 'p1', type: 'Normal', reason: 'Preempted', message: 'Preempted by pod uid-p on node node1' }]);
  });
});

describe('DefaultPreemption clears the nomination of a pod preemption cannot help', () => {
  it('removes status.nominatedNodeName when no node failed with Unschedulable', () => {
    const pod = makePod().name('p').uid('uid-p').priority(highPriority).obj();
    pod.status = { phase: 'Pending', nominatedNodeName: 'node1' };
    const fw = testFramework([pod, victim('p1', 'node1', 0)], [capacityNode('node1', { pods: '1' })]);
    fw.preFilter(pod);
    const [result, status] = fw.pl.postFilter(fw.state, pod, statuses({ node1: Code.UnschedulableAndUnresolvable }));
    expect(status?.message()).toBe('preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.');
    expect(result?.nominatingInfo?.nominatedNodeName).toBe('');
    expect(fw.client.recorded.writes.map((w) => [w.verb, w.name, w.ctx.reason])).toEqual([
      ['updateStatus', 'p', 'cleared the nominated node of pod default/p: preemption cannot make room for it on any node'],
    ]);
    expect((fw.client.recorded.writes[0].obj as Pod).status?.nominatedNodeName).toBeUndefined();
  });
});

describe('DefaultPreemption picks the best candidate node (TestSelectBestCandidate)', () => {
  const p = (name: string, nodeName: string, priority: number, req: Record<string, string>, start = 0) => victim(name, nodeName, priority, req, start);
  it.each([
    {
      name: 'a pod that fits on both nodes when lower priority pods are preempted',
      nodeNames: ['node1', 'node2'],
      pod: makePod().name('p').uid('p').priority(highPriority).req(largeRes).obj(),
      pods: [p('p1', 'node1', midPriority, largeRes), p('p2', 'node2', midPriority, largeRes)],
      expected: ['node1', 'node2'],
    },
    {
      name: 'node with min highest priority pod is picked',
      nodeNames: ['node1', 'node2', 'node3'],
      pod: makePod().name('p').uid('p').priority(highPriority).req(veryLargeRes).obj(),
      pods: [
        p('p1.1', 'node1', midPriority, mediumRes),
        p('p1.2', 'node1', midPriority, largeRes),
        p('p2.1', 'node2', midPriority, mediumRes),
        p('p2.2', 'node2', lowPriority, mediumRes),
        p('p3.1', 'node3', lowPriority, mediumRes),
        p('p3.2', 'node3', lowPriority, mediumRes),
      ],
      expected: ['node3'],
    },
    {
      name: 'when highest priorities are the same, minimum sum of priorities is picked',
      nodeNames: ['node1', 'node2', 'node3'],
      pod: makePod().name('p').uid('p').priority(highPriority).req(veryLargeRes).obj(),
      pods: [
        p('p1.1', 'node1', midPriority, mediumRes),
        p('p1.2', 'node1', midPriority, largeRes),
        p('p2.1', 'node2', midPriority, largeRes),
        p('p2.2', 'node2', lowPriority, mediumRes),
        p('p3.1', 'node3', midPriority, mediumRes),
        p('p3.2', 'node3', midPriority, mediumRes),
      ],
      expected: ['node2'],
    },
    {
      name: 'when highest priority and sum are the same, minimum number of pods is picked',
      nodeNames: ['node1', 'node2', 'node3'],
      pod: makePod().name('p').uid('p').priority(highPriority).req(veryLargeRes).obj(),
      pods: [
        p('p1.1', 'node1', midPriority, smallRes),
        p('p1.2', 'node1', negPriority, smallRes),
        p('p1.3', 'node1', midPriority, smallRes),
        p('p1.4', 'node1', negPriority, smallRes),
        p('p2.1', 'node2', midPriority, largeRes),
        p('p2.2', 'node2', negPriority, mediumRes),
        p('p3.1', 'node3', midPriority, mediumRes),
        p('p3.2', 'node3', negPriority, smallRes),
        p('p3.3', 'node3', lowPriority, smallRes),
      ],
      expected: ['node2'],
    },
    {
      // pickOneNodeForPreemption adjusts pod priorities when summing the victims' priorities.
      name: 'sum of adjusted priorities is considered',
      nodeNames: ['node1', 'node2', 'node3'],
      pod: makePod().name('p').uid('p').priority(highPriority).req(veryLargeRes).obj(),
      pods: [
        p('p1.1', 'node1', midPriority, smallRes),
        p('p1.2', 'node1', negPriority, smallRes),
        p('p1.3', 'node1', negPriority, smallRes),
        p('p2.1', 'node2', midPriority, largeRes),
        p('p2.2', 'node2', negPriority, mediumRes),
        p('p3.1', 'node3', midPriority, mediumRes),
        p('p3.2', 'node3', negPriority, smallRes),
        p('p3.3', 'node3', lowPriority, smallRes),
      ],
      expected: ['node2'],
    },
    {
      name: 'non-overlapping lowest high priority, sum priorities, and number of pods',
      nodeNames: ['node1', 'node2', 'node3', 'node4'],
      pod: makePod().name('p').uid('p').priority(veryHighPriority).req(veryLargeRes).obj(),
      pods: [
        p('p1.1', 'node1', midPriority, smallRes),
        p('p1.2', 'node1', lowPriority, smallRes),
        p('p1.3', 'node1', lowPriority, smallRes),
        p('p2.1', 'node2', highPriority, largeRes),
        p('p3.1', 'node3', midPriority, mediumRes),
        p('p3.2', 'node3', lowPriority, smallRes),
        p('p3.3', 'node3', lowPriority, smallRes),
        p('p3.4', 'node3', lowPriority, mediumRes),
        p('p4.1', 'node4', midPriority, mediumRes),
        p('p4.2', 'node4', midPriority, smallRes),
        p('p4.3', 'node4', midPriority, smallRes),
        p('p4.4', 'node4', negPriority, smallRes),
      ],
      expected: ['node1'],
    },
    {
      name: "same priority, same number of victims, different start time for each node's pod",
      nodeNames: ['node1', 'node2', 'node3'],
      pod: makePod().name('p').uid('p').priority(highPriority).req(veryLargeRes).obj(),
      pods: [
        p('p1.1', 'node1', midPriority, mediumRes, 2),
        p('p1.2', 'node1', midPriority, mediumRes, 2),
        p('p2.1', 'node2', midPriority, mediumRes, 3),
        p('p2.2', 'node2', midPriority, mediumRes, 3),
        p('p3.1', 'node3', midPriority, mediumRes, 1),
        p('p3.2', 'node3', midPriority, mediumRes, 1),
      ],
      expected: ['node2'],
    },
    {
      name: 'same priority, same number of victims, different start time for all pods',
      nodeNames: ['node1', 'node2', 'node3'],
      pod: makePod().name('p').uid('p').priority(highPriority).req(veryLargeRes).obj(),
      pods: [
        p('p1.1', 'node1', midPriority, mediumRes, 4),
        p('p1.2', 'node1', midPriority, mediumRes, 2),
        p('p2.1', 'node2', midPriority, mediumRes, 5),
        p('p2.2', 'node2', midPriority, mediumRes, 1),
        p('p3.1', 'node3', midPriority, mediumRes, 3),
        p('p3.2', 'node3', midPriority, mediumRes, 6),
      ],
      expected: ['node3'],
    },
    {
      name: 'different priority, same number of victims, different start time for all pods',
      nodeNames: ['node1', 'node2', 'node3'],
      pod: makePod().name('p').uid('p').priority(highPriority).req(veryLargeRes).obj(),
      pods: [
        p('p1.1', 'node1', lowPriority, mediumRes, 4),
        p('p1.2', 'node1', midPriority, mediumRes, 2),
        p('p2.1', 'node2', midPriority, mediumRes, 6),
        p('p2.2', 'node2', lowPriority, mediumRes, 1),
        p('p3.1', 'node3', lowPriority, mediumRes, 3),
        p('p3.2', 'node3', midPriority, mediumRes, 5),
      ],
      expected: ['node2'],
    },
  ])('$name', (tc) => {
    const nodes = tc.nodeNames.map((n) => capacityNode(n, veryLargeRes));
    const fw = testFramework(tc.pods, nodes);
    fw.preFilter(tc.pod);
    const pl = fw.pl;
    const nodeInfos = fw.handle.snapshotSharedLister().nodeInfos().list();
    const [offset, numCandidates] = pl.getOffsetAndNumCandidates(nodeInfos.length);
    const [candidates] = pl.evaluator.dryRunPreemption(fw.state, tc.pod, nodeInfos, offset, numCandidates);
    expect(tc.expected).toContain(pl.evaluator.selectCandidate(candidates)?.name);
  });
});

describe('DefaultPreemption decides whether a pod may preempt (TestPodEligibleToPreemptOthers)', () => {
  const terminatingVictim = (byScheduler: boolean) => {
    const v = victim('p1', 'node1', lowPriority);
    v.metadata = { ...v.metadata, deletionTimestamp: epochTime(10) };
    if (byScheduler) v.status!.conditions = [{ type: 'DisruptionTarget', status: 'True', reason: 'PreemptionByScheduler' }];
    return v;
  };
  const nominatedTo = (node: string) => {
    const pod = makePod().name('p_with_nominated_node').uid('p').priority(highPriority).obj();
    pod.status = { phase: 'Pending', nominatedNodeName: node };
    return pod;
  };
  const never = makePod().name('p_with_preempt_never_policy').uid('p').priority(highPriority).obj();
  never.spec!.preemptionPolicy = 'Never';
  it.each([
    {
      name: 'Pod with nominated node',
      pod: nominatedTo('node1'),
      pods: [terminatingVictim(false)],
      nominatedNodeStatus: newStatus(Code.UnschedulableAndUnresolvable, 'node(s) had untolerated taint(s)'),
      expected: [true, ''],
    },
    {
      name: 'Pod without nominated node',
      pod: makePod().name('p_without_nominated_node').uid('p').priority(highPriority).obj(),
      pods: [],
      nominatedNodeStatus: newStatus(Code.Success),
      expected: [true, ''],
    },
    {
      name: "Pod with 'PreemptNever' preemption policy",
      pod: never,
      pods: [],
      nominatedNodeStatus: newStatus(Code.Success),
      expected: [false, 'not eligible due to preemptionPolicy=Never.'],
    },
    {
      name: 'preemption victim pod terminating, as indicated by the dedicated DisruptionTarget condition',
      pod: nominatedTo('node1'),
      pods: [terminatingVictim(true)],
      nominatedNodeStatus: newStatus(Code.Unschedulable),
      expected: [false, 'not eligible due to a terminating pod on the nominated node.'],
    },
    {
      name: 'non-victim Pods terminating',
      pod: nominatedTo('node1'),
      pods: [terminatingVictim(false)],
      nominatedNodeStatus: newStatus(Code.Unschedulable),
      expected: [true, ''],
    },
  ])('$name', (tc) => {
    const fw = testFramework(tc.pods, [capacityNode('node1', {})]);
    expect(fw.pl.podEligibleToPreemptOthers(tc.pod, tc.nominatedNodeStatus)).toEqual(tc.expected);
  });
});

describe('DefaultPreemption sizes the dry run (TestGetOffsetAndNumCandidates)', () => {
  it.each([
    { name: '10 nodes with the defaults dry-run all 10', args: {}, numNodes: 10, want: [0, 10] },
    { name: '1000 nodes with the defaults dry-run 100 (minCandidateNodesAbsolute)', args: {}, numNodes: 1000, want: [0, 100] },
    { name: '5000 nodes with the defaults dry-run 500 (10 percent)', args: {}, numNodes: 5000, want: [0, 500] },
    {
      name: '1000 nodes with 40 percent and absolute 10 dry-run 400',
      args: { minCandidateNodesPercentage: 40, minCandidateNodesAbsolute: 10 },
      numNodes: 1000,
      want: [0, 400],
    },
  ])('$name', (tc) => {
    const fw = testFramework([], []);
    expect(New(tc.args, fw.handle).getOffsetAndNumCandidates(tc.numNodes)).toEqual(tc.want);
  });
});
