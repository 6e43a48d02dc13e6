import { describe, expect, it } from 'vitest';
import type { Toleration } from 'kubernetes-types/core/v1';
import { rfc3339 } from '../../clock/timeFormat';
import type { NodeOptions } from '../../cluster/nodeTemplate';
import type { PodObject } from '../controllerUtils';
import { newHarness } from '../nodelifecycle/testing';
import { REPLICA_SET } from '../replicaset/conversion';
import { ReplicaSetController } from '../replicaset/replicaSetController';

const UNREACHABLE = 'node.kubernetes.io/unreachable';
const MAINTENANCE = 'example.com/maintenance';
const TEC = 'taint-eviction-controller';
const NODES: NodeOptions[] = [{ name: 'control-plane', controlPlane: true }, { name: 'node-1' }, { name: 'node-2' }];
const HOUR = 3_600_000;

type Harness = ReturnType<typeof newHarness>;

function evictions(h: Harness): string[] {
  return h.writes().filter((w) => w.includes(` ${TEC} delete `));
}

function teEvents(h: Harness): string[] {
  return h.events().filter((e) => e.includes('TaintManagerEviction'));
}

/** killAt100s stops node-2's heartbeats at 100 s: Unknown at 150 s, tainted unreachable:NoExecute at 155 s. */
function killAt100s(h: Harness): void {
  h.at(100_000);
  h.heartbeats.get('node-2')!.stop();
}

describe('TaintEvictionController on a node tainted unreachable:NoExecute at 155 s', () => {
  const cases: { name: string; tolerations: Toleration[]; deletedAt?: number; why?: string }[] = [
    {
      name: 'A pod with the DefaultTolerationSeconds tolerations (300 s) is evicted at 455 s, 5 min 55 s after its last heartbeat',
      tolerations: [],
      deletedAt: 455,
      why: `it tolerated ${UNREACHABLE} for 300s and that time is up`,
    },
    {
      name: 'A pod tolerating unreachable for 10 s is evicted 10 s after the taint',
      tolerations: [{ key: UNREACHABLE, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 10 }],
      deletedAt: 165,
      why: `it tolerated ${UNREACHABLE} for 10s and that time is up`,
    },
    {
      name: 'A pod tolerating unreachable for 0 s is evicted as soon as the taint appears',
      tolerations: [{ key: UNREACHABLE, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 0 }],
      deletedAt: 155,
      why: `it tolerated ${UNREACHABLE} for 0s and that time is up`,
    },
    {
      name: 'A pod tolerating unreachable without tolerationSeconds is never evicted',
      tolerations: [{ key: UNREACHABLE, operator: 'Exists', effect: 'NoExecute' }],
    },
    {
      name: 'A pod tolerating every taint (empty key, operator Exists) is never evicted',
      tolerations: [{ operator: 'Exists' }],
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const h = newHarness(NODES);
      h.createPod('web', 'node-2', c.tolerations);
      killAt100s(h);
      h.at(HOUR);
      if (c.deletedAt === undefined) {
        expect(evictions(h)).toEqual([]);
        expect(h.pod('web')?.metadata.deletionTimestamp).toBeUndefined();
        return;
      }
      const t = c.deletedAt;
      expect(evictions(h)).toEqual([`${t}s ${TEC} delete Pod default/web: evicted pod default/web from node node-2: ${c.why}`]);
      expect(teEvents(h)).toEqual([`${t}s Pod/web TaintManagerEviction Normal: Marking for deletion Pod default/web (${TEC})`]);
      // A graceful delete: with the kubelet gone, the pod stays Terminating.
      const pod = h.pod('web')!;
      expect(pod.metadata.deletionTimestamp).toBe(rfc3339((t + 30) * 1000));
      expect(pod.status?.conditions?.find((x) => x.type === 'DisruptionTarget')).toEqual({
        type: 'DisruptionTarget',
        status: 'True',
        lastProbeTime: null,
        reason: 'DeletionByTaintManager',
        message: 'Taint manager: deleting due to NoExecute taint',
        lastTransitionTime: rfc3339(t * 1000),
      });
    });
  }

  it('cancels the evictions not yet done when the node recovers, with an event per pod', () => {
    const h = newHarness(NODES);
    h.createPod('web', 'node-2');
    killAt100s(h);
    h.at(200_000);
    const hb = h.heartbeats.get('node-2')!;
    hb.postReady('True');
    hb.start(0);
    h.at(HOUR);
    expect(evictions(h)).toEqual([]);
    expect(h.pod('web')?.metadata.deletionTimestamp).toBeUndefined();
    expect(teEvents(h)).toEqual([`205s Pod/web TaintManagerEviction Normal: Cancelling deletion of Pod default/web (${TEC})`]);
  });

  it('keeps the eviction time of the first NoExecute taint when not-ready is swapped for unreachable', () => {
    const h = newHarness(NODES);
    h.createPod('web', 'node-2');
    h.at(31_000);
    h.heartbeats.get('node-2')!.postReady('False');
    killAt100s(h);
    h.at(HOUR);
    // not-ready:NoExecute at 35 s; unreachable replaces it at 155 s; the 300 s toleration still counts from 35 s.
    expect(evictions(h)).toEqual([`335s ${TEC} delete Pod default/web: evicted pod default/web from node node-2: it tolerated node.kubernetes.io/not-ready for 300s and that time is up`]);
  });

  it('cancels the eviction of a pod deleted before its time is up', () => {
    const h = newHarness(NODES);
    h.createPod('web', 'node-2');
    killAt100s(h);
    h.at(200_000);
    h.cluster.delete('Pod', 'default', 'web', { gracePeriodSeconds: 0 });
    h.at(HOUR);
    expect(evictions(h)).toEqual([]);
    expect(teEvents(h)).toEqual([`200s Pod/web TaintManagerEviction Normal: Cancelling deletion of Pod default/web (${TEC})`]);
  });
});

describe('TaintEvictionController on a node a user taints NoExecute', () => {
  function taintNode1(h: Harness, taints: object[] | null): void {
    h.cluster.client.patch('Node', '', 'node-1', { spec: { taints } }, { actor: 'user', reason: 'kubectl taint' });
  }

  it('evicts a pod without a matching toleration at once, and one tolerating for 10 s unless the taint goes first', () => {
    const h = newHarness(NODES);
    h.createPod('plain', 'node-1');
    h.createPod('short', 'node-1', [{ key: MAINTENANCE, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 10 }]);
    h.createPod('patient', 'node-1', [{ key: MAINTENANCE, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 20 }]);
    h.createPod('forever', 'node-1', [{ key: MAINTENANCE, operator: 'Exists' }]);
    h.at(20_000);
    taintNode1(h, [{ key: MAINTENANCE, effect: 'NoExecute' }]);
    h.at(35_000);
    taintNode1(h, null);
    h.at(HOUR);
    expect(evictions(h)).toEqual([
      `20s ${TEC} delete Pod default/plain: evicted pod default/plain from node node-1: it does not tolerate ${MAINTENANCE}:NoExecute`,
      `30s ${TEC} delete Pod default/short: evicted pod default/short from node node-1: it tolerated ${MAINTENANCE} for 10s and that time is up`,
    ]);
    expect(teEvents(h)).toEqual([
      `20s Pod/plain TaintManagerEviction Normal: Marking for deletion Pod default/plain (${TEC})`,
      `30s Pod/short TaintManagerEviction Normal: Marking for deletion Pod default/short (${TEC})`,
      `35s Pod/patient TaintManagerEviction Normal: Cancelling deletion of Pod default/patient (${TEC})`,
    ]);
  });

  it('evicts a pod bound to the node after the taint was added, at once', () => {
    const h = newHarness(NODES);
    taintNode1(h, [{ key: MAINTENANCE, effect: 'NoExecute' }]);
    h.at(10_000);
    h.createPod('late', 'node-1');
    h.at(10_000);
    expect(evictions(h)).toEqual([`10s ${TEC} delete Pod default/late: evicted pod default/late from node node-1: it does not tolerate ${MAINTENANCE}:NoExecute`]);
  });

  it('ignores NoSchedule taints', () => {
    const h = newHarness(NODES);
    h.createPod('plain', 'node-1');
    taintNode1(h, [{ key: MAINTENANCE, effect: 'NoSchedule' }]);
    h.at(HOUR);
    expect(evictions(h)).toEqual([]);
  });
});

describe('TaintEvictionController with a ReplicaSet', () => {
  it('lets the ReplicaSet replace the evicted pod on another node as soon as the deletion starts', () => {
    const h = newHarness(NODES);
    new ReplicaSetController(h.ctx, REPLICA_SET);
    h.cluster.apply(`apiVersion: apps/v1
kind: ReplicaSet
metadata: {name: web}
spec:
  replicas: 1
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: app, image: nginx}]}
`);
    h.at(1_000);
    const [first] = h.cluster.list<PodObject>('Pod');
    const victim = first!.spec!.nodeName!;
    h.at(100_000);
    h.heartbeats.get(victim)!.stop();
    h.at(455_000);
    const pods = h.cluster.list<PodObject>('Pod').map((p) => `${p.metadata.name} on ${p.spec?.nodeName}${p.metadata.deletionTimestamp ? ' Terminating' : ''}`);
    const replacement = h.cluster.list<PodObject>('Pod').find((p) => p.metadata.name !== first!.metadata.name)!;
    expect(pods).toEqual(
      [`${first!.metadata.name} on ${victim} Terminating`, `${replacement.metadata.name} on ${replacement.spec?.nodeName}`].sort(),
    );
    expect(replacement.spec?.nodeName).not.toBe(victim);
    expect(replacement.metadata.creationTimestamp).toBe(rfc3339(455_000));
  });
});
