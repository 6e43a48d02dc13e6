import { describe, expect, it } from 'vitest';
import { rfc3339 } from '../../clock/timeFormat';
import type { NodeOptions } from '../../cluster/nodeTemplate';
import { newHarness } from './testing';

const UNREACHABLE = 'node.kubernetes.io/unreachable';
const NOT_READY = 'node.kubernetes.io/not-ready';
const NLC = 'node-lifecycle-controller';

const THREE_NODES: NodeOptions[] = [{ name: 'control-plane', controlPlane: true }, { name: 'node-1' }, { name: 'node-2' }];
const FIVE_NODES: NodeOptions[] = [{ name: 'node-1' }, { name: 'node-2' }, { name: 'node-3' }, { name: 'node-4' }, { name: 'node-5' }];

/** taints prints a node's taints as `key:Effect@seconds`. */
function taints(h: ReturnType<typeof newHarness>, node: string): string[] {
  const epoch = Date.parse(rfc3339(0));
  return (h.node(node).spec?.taints ?? []).map((t) => `${t.key}:${t.effect}${t.timeAdded ? `@${(Date.parse(t.timeAdded) - epoch) / 1000}s` : ''}`);
}

function ready(h: ReturnType<typeof newHarness>, node: string): string | undefined {
  return h.node(node).status?.conditions?.find((c) => c.type === 'Ready')?.status;
}

// Heartbeats (Lease renewals) run at 2 s, 12 s, ... and monitor passes at 0 s, 5 s, 10 s, ... A kubelet stopped at
// 100 s last renewed at 92 s; the controller saw that renewal at its 95 s pass (probeTimestamp), so the node is
// silent for longer than 50 s from the 150 s pass on (145 s is not yet *after* 95 s + 50 s).
describe('NodeLifecycleController when a kubelet stops', () => {
  it('marks the node Unknown at the first monitor pass more than 50 s after it last saw a heartbeat, and taints it', () => {
    const h = newHarness(THREE_NODES);
    h.createPod('web', 'node-2');
    h.at(100_000);
    h.heartbeats.get('node-2')!.stop();
    h.at(145_000);
    expect(ready(h, 'node-2')).toBe('True');
    h.at(150_000);
    expect(h.node('node-2').status?.conditions).toEqual(
      ['MemoryPressure', 'DiskPressure', 'PIDPressure', 'Ready'].map((type) => ({
        type,
        status: 'Unknown',
        reason: 'NodeStatusUnknown',
        message: 'Kubelet stopped posting node status.',
        lastHeartbeatTime: rfc3339(0),
        lastTransitionTime: rfc3339(150_000),
      })),
    );
    expect(taints(h, 'node-2')).toEqual([`${UNREACHABLE}:NoSchedule@150s`]);
    h.at(155_000);
    expect(taints(h, 'node-2')).toEqual([`${UNREACHABLE}:NoSchedule@150s`, `${UNREACHABLE}:NoExecute@155s`]);
    expect(ready(h, 'node-1')).toBe('True');
    expect(h.writes()).toEqual([
      `150s ${NLC} updateStatus Node node-2: marked node node-2 NotReady (Ready=Unknown): no heartbeat for 55s (node-monitor-grace-period 50s)`,
      `150s ${NLC} updateStatus Pod default/web: marked pod default/web not Ready: its node node-2 is NotReady, so Services stop sending it traffic`,
      `150s ${NLC} patch Node node-2: tainted node node-2 ${UNREACHABLE}:NoSchedule: its Ready condition is Unknown, so the scheduler places no new pods there`,
      `155s ${NLC} patch Node node-2: tainted node node-2 ${UNREACHABLE}:NoExecute: its Ready condition is Unknown; pods that do not tolerate it will be evicted`,
    ]);
    expect(h.events()).toEqual([
      '0s Node/control-plane RegisteredNode Normal: Node control-plane event: Registered Node control-plane in Controller (node-controller)',
      '0s Node/node-1 RegisteredNode Normal: Node node-1 event: Registered Node node-1 in Controller (node-controller)',
      '0s Node/node-2 RegisteredNode Normal: Node node-2 event: Registered Node node-2 in Controller (node-controller)',
      '150s Node/node-2 NodeNotReady Normal: Node node-2 status is now: NodeNotReady (node-controller)',
      '150s Pod/web NodeNotReady Warning: Node is not ready (node-controller)',
    ]);
  });

  it('marks the pods Ready=False and keeps the rest of their Ready condition', () => {
    const h = newHarness(THREE_NODES);
    h.createPod('web', 'node-2');
    // Stopped before its first renewal: the controller's first sight of the node (0 s) is the last heartbeat.
    h.heartbeats.get('node-2')!.stop();
    h.at(55_000);
    expect(h.pod('web')?.status?.conditions).toEqual([{ type: 'Ready', status: 'False', lastProbeTime: null, lastTransitionTime: rfc3339(55_000) }]);
  });

  it('marks a pod bound to an Unknown node not Ready as soon as it is bound', () => {
    const h = newHarness(THREE_NODES);
    h.heartbeats.get('node-2')!.stop();
    h.at(61_000);
    expect(ready(h, 'node-2')).toBe('Unknown');
    h.createPod('late', 'node-2');
    h.at(61_000);
    expect(h.pod('late')?.status?.conditions?.find((c) => c.type === 'Ready')?.status).toBe('False');
    expect(h.events().filter((e) => e.includes('Pod/late'))).toEqual(['61s Pod/late NodeNotReady Warning: Node is not ready (node-controller)']);
  });

  it('uses the older 40 s grace period when configured so, as clusters before v1.32 did', () => {
    const h = newHarness(THREE_NODES, { nodeMonitorGracePeriod: 40_000 });
    h.at(100_000);
    h.heartbeats.get('node-2')!.stop();
    h.at(135_000);
    expect(ready(h, 'node-2')).toBe('True');
    h.at(140_000);
    expect(ready(h, 'node-2')).toBe('Unknown');
    expect(h.writes()[0]).toBe(`140s ${NLC} updateStatus Node node-2: marked node node-2 NotReady (Ready=Unknown): no heartbeat for 45s (node-monitor-grace-period 40s)`);
  });
});

describe('NodeLifecycleController when the kubelet comes back', () => {
  it('lifts both unreachable taints: NoSchedule when the status arrives, NoExecute at the next monitor pass', () => {
    const h = newHarness(THREE_NODES);
    const hb = h.heartbeats.get('node-2')!;
    h.at(100_000);
    hb.stop();
    h.at(200_000);
    hb.postReady('True');
    hb.start(0);
    h.at(200_000);
    expect(taints(h, 'node-2')).toEqual([`${UNREACHABLE}:NoExecute@155s`]);
    h.at(205_000);
    expect(taints(h, 'node-2')).toEqual([]);
    expect(h.node('node-2').spec?.taints).toBeUndefined();
    expect(h.writes().slice(3)).toEqual([
      `200s ${NLC} patch Node node-2: removed taint ${UNREACHABLE}:NoSchedule from node node-2: its Ready condition is True`,
      `205s ${NLC} patch Node node-2: removed taint ${UNREACHABLE}:NoExecute from node node-2: its Ready condition is True again, so evictions not yet done are cancelled`,
    ]);
  });
});

describe('NodeLifecycleController when a kubelet reports Ready=False', () => {
  it('taints the node not-ready (NoSchedule at once, NoExecute at the next pass) without marking pods itself', () => {
    const h = newHarness(THREE_NODES);
    h.createPod('web', 'node-2');
    h.at(31_000);
    h.heartbeats.get('node-2')!.postReady('False');
    h.at(31_000);
    expect(taints(h, 'node-2')).toEqual([`${NOT_READY}:NoSchedule@31s`]);
    h.at(35_000);
    expect(taints(h, 'node-2')).toEqual([`${NOT_READY}:NoSchedule@31s`, `${NOT_READY}:NoExecute@35s`]);
    // The kubelet records NodeNotReady and updates its pods itself; the controller only saw Ready=False.
    expect(h.events().filter((e) => e.includes('NodeNotReady'))).toEqual([]);
    expect(h.pod('web')?.status?.conditions?.[0]?.status).toBe('True');
  });

  it('swaps not-ready for unreachable at once when the kubelet then goes silent', () => {
    const h = newHarness(THREE_NODES);
    h.at(31_000);
    h.heartbeats.get('node-2')!.postReady('False');
    h.at(100_000);
    h.heartbeats.get('node-2')!.stop();
    h.at(155_000);
    expect(taints(h, 'node-2')).toEqual([`${UNREACHABLE}:NoSchedule@150s`, `${UNREACHABLE}:NoExecute@155s`]);
    expect(h.writes().slice(2)).toEqual([
      `150s ${NLC} updateStatus Node node-2: marked node node-2 NotReady (Ready=Unknown): no heartbeat for 55s (node-monitor-grace-period 50s)`,
      `150s ${NLC} patch Node node-2: tainted node node-2 ${UNREACHABLE}:NoSchedule: its Ready condition is Unknown, so the scheduler places no new pods there`,
      `150s ${NLC} patch Node node-2: removed taint ${NOT_READY}:NoSchedule from node node-2: its Ready condition is Unknown`,
      `155s ${NLC} patch Node node-2: tainted node node-2 ${UNREACHABLE}:NoExecute: its Ready condition is Unknown; pods that do not tolerate it will be evicted`,
      `155s ${NLC} patch Node node-2: removed taint ${NOT_READY}:NoExecute from node node-2: its Ready condition went from False to Unknown`,
    ]);
  });
});

describe('NodeLifecycleController taints cordoned nodes', () => {
  it('adds node.kubernetes.io/unschedulable:NoSchedule on cordon and removes it on uncordon', () => {
    const h = newHarness(THREE_NODES);
    h.at(10_000);
    h.cluster.cordon('node-1');
    h.at(10_000);
    expect(taints(h, 'node-1')).toEqual(['node.kubernetes.io/unschedulable:NoSchedule@10s']);
    h.at(20_000);
    h.cluster.uncordon('node-1');
    h.at(20_000);
    expect(h.node('node-1').spec?.taints).toBeUndefined();
    expect(h.writes()).toEqual([
      `10s ${NLC} patch Node node-1: tainted node node-1 node.kubernetes.io/unschedulable:NoSchedule: it is cordoned (spec.unschedulable is true), so the scheduler places no new pods there`,
      `20s ${NLC} patch Node node-1: removed taint node.kubernetes.io/unschedulable:NoSchedule from node node-1: it is no longer cordoned`,
    ]);
  });

  it('keeps the kubeadm control-plane taint it does not manage', () => {
    const h = newHarness(THREE_NODES);
    h.cluster.cordon('control-plane');
    h.at(1_000);
    expect(taints(h, 'control-plane')).toEqual(['node-role.kubernetes.io/control-plane:NoSchedule', 'node.kubernetes.io/unschedulable:NoSchedule@0s']);
  });
});

/** noExecute lists the nodes with an unreachable NoExecute taint, with its time. */
function noExecute(h: ReturnType<typeof newHarness>, nodes: readonly NodeOptions[]): string[] {
  return nodes.flatMap((n) => taints(h, n.name).filter((t) => t.includes(':NoExecute')).map((t) => `${n.name} ${t}`));
}

describe('NodeLifecycleController zone states', () => {
  const cases: { name: string; nodes: NodeOptions[]; kill: string[]; expected: string[] }[] = [
    {
      name: 'Two of five nodes down leaves the zone Normal: both are tainted, 10 s apart (--node-eviction-rate 0.1)',
      nodes: FIVE_NODES,
      kill: ['node-1', 'node-2'],
      expected: [`node-1 ${UNREACHABLE}:NoExecute@155s`, `node-2 ${UNREACHABLE}:NoExecute@165s`],
    },
    {
      name: 'Three of five nodes down (60% >= 55%) is a PartialDisruption of a small zone: no NoExecute taint at all',
      nodes: FIVE_NODES,
      kill: ['node-1', 'node-2', 'node-3'],
      expected: [],
    },
    {
      name: 'Every node of the only zone down is a FullDisruption of every zone: no NoExecute taint at all',
      nodes: THREE_NODES,
      kill: ['control-plane', 'node-1', 'node-2'],
      expected: [],
    },
    {
      name: 'A zone fully down while another zone is healthy is tainted at the normal rate',
      nodes: [
        { name: 'a-1', labels: { 'topology.kubernetes.io/zone': 'a' } },
        { name: 'a-2', labels: { 'topology.kubernetes.io/zone': 'a' } },
        { name: 'b-1', labels: { 'topology.kubernetes.io/zone': 'b' } },
      ],
      kill: ['a-1', 'a-2'],
      expected: [`a-1 ${UNREACHABLE}:NoExecute@155s`, `a-2 ${UNREACHABLE}:NoExecute@165s`],
    },
    {
      name: 'Nodes labelled node.kubernetes.io/exclude-disruption do not count towards the zone state',
      nodes: [{ name: 'node-1' }, { name: 'node-2' }, { name: 'node-3', labels: { 'node.kubernetes.io/exclude-disruption': '' } }],
      kill: ['node-1', 'node-2'],
      expected: [],
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const h = newHarness(c.nodes);
      h.at(100_000);
      for (const name of c.kill) h.heartbeats.get(name)!.stop();
      h.at(600_000);
      expect(c.kill.map((name) => ready(h, name))).toEqual(c.kill.map(() => 'Unknown'));
      expect(c.kill.map((name) => taints(h, name).filter((t) => t.startsWith(`${UNREACHABLE}:NoSchedule`)))).toEqual(c.kill.map(() => [`${UNREACHABLE}:NoSchedule@150s`]));
      expect(noExecute(h, c.nodes)).toEqual(c.expected);
    });
  }

  it('lifts the NoExecute taint of a node tainted earlier when the last Ready node goes down too', () => {
    const h = newHarness(THREE_NODES);
    h.at(100_000);
    h.heartbeats.get('node-2')!.stop();
    h.at(160_000);
    expect(noExecute(h, THREE_NODES)).toEqual([`node-2 ${UNREACHABLE}:NoExecute@155s`]);
    h.heartbeats.get('control-plane')!.stop();
    h.heartbeats.get('node-1')!.stop();
    h.at(600_000);
    expect(noExecute(h, THREE_NODES)).toEqual([]);
    expect(h.writes().filter((w) => w.includes('removed taint'))).toEqual([
      `210s ${NLC} patch Node node-2: removed taint ${UNREACHABLE}:NoExecute from node node-2: no node in any zone is Ready, so the controller assumes its own connectivity is at fault and stops evicting (full disruption)`,
    ]);
  });

  it('taints again at the normal rate once a node of the fully disrupted zone is Ready, starting without a token', () => {
    const h = newHarness(THREE_NODES);
    h.at(100_000);
    for (const hb of h.heartbeats.values()) hb.stop();
    h.at(300_000);
    const back = h.heartbeats.get('node-1')!;
    back.postReady('True');
    back.start(0);
    h.at(600_000);
    // The 305 s pass sees node-1 Ready and leaves full disruption. The old limiter never had a token, so the new
    // 0.1/s one starts drained: its first token comes at 315 s, the next at 325 s.
    expect(noExecute(h, THREE_NODES)).toEqual([`control-plane ${UNREACHABLE}:NoExecute@315s`, `node-2 ${UNREACHABLE}:NoExecute@325s`]);
  });
});

describe('NodeLifecycleController startup', () => {
  it('gives a node whose kubelet never posted a Ready condition the 60 s startup grace period', () => {
    const h = newHarness([{ name: 'node-1' }, { name: 'node-2' }]);
    h.heartbeats.get('node-2')!.stop();
    const node = structuredClone(h.node('node-2'));
    node.status!.conditions = [];
    h.cluster.client.updateStatus(node, { actor: 'kubelet/node-2', reason: 'test setup', quiet: true });
    h.at(60_000);
    expect(ready(h, 'node-2')).toBeUndefined();
    h.at(65_000);
    expect(h.node('node-2').status?.conditions?.map((c) => `${c.type}=${c.status} ${c.reason}: ${c.message}`)).toEqual([
      'Ready=Unknown NodeStatusNeverUpdated: Kubelet never posted node status.',
      'MemoryPressure=Unknown NodeStatusNeverUpdated: Kubelet never posted node status.',
      'DiskPressure=Unknown NodeStatusNeverUpdated: Kubelet never posted node status.',
      'PIDPressure=Unknown NodeStatusNeverUpdated: Kubelet never posted node status.',
    ]);
    expect(h.writes()[0]).toBe(`65s ${NLC} updateStatus Node node-2: marked node node-2 NotReady (Ready=Unknown): its kubelet never posted a status within node-startup-grace-period 60s`);
  });
});
