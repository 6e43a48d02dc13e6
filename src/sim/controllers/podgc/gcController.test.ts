import { describe, expect, it } from 'vitest';
import type { Node, PodStatus, Taint } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../api/object';
import { createCluster } from '../../cluster/cluster';
import { controllerContextFor } from '../testing/controllerContext';
import type { WriteContext } from '../../store/types';
import type { PodObject } from '../controllerUtils';
import { PodGCController, byEvictionAndCreationTimestamp } from './gcController';

const USER: WriteContext = { actor: 'user', reason: 'test setup' };
const KUBELET: WriteContext = { actor: 'kubelet/node-1', reason: 'test: the kubelet reports status' };

/** setup builds a cluster without kube-controller-manager, and the pod GC (its first pass runs at time 0). */
function setup(terminatedPodThreshold?: number) {
  const cluster = createCluster({ controllers: false, kubelets: false });
  const client = cluster.client;
  const ctx = controllerContextFor(cluster);
  new PodGCController(ctx, terminatedPodThreshold);
  /** The last state of every deleted pod, as a watcher saw it go. */
  const lastSeen = new Map<string, PodObject>();
  client.watch<PodObject>('Pod', (e) => {
    if (e.type === 'DELETED') lastSeen.set(e.object.metadata.name ?? '', e.object);
  });
  let seen = 0;
  return {
    cluster,
    client,
    lastSeen,
    /** writes returns the pod GC's narrated writes since the last call, with their time in seconds. */
    writes(): string[] {
      const all = cluster.actions();
      const fresh = all.slice(seen);
      seen = all.length;
      return fresh.filter((a) => a.actor === 'pod-garbage-collector').map((a) => `${a.time / 1000}s ${a.verb} ${a.name}: ${a.reason}`);
    },
    advanceTo(seconds: number): void {
      cluster.advance(seconds * 1000 - cluster.now());
    },
    /** pod creates a pod already bound to `nodeName`, as a kubelet's mirror pod or a scheduled pod would be. */
    pod(name: string, nodeName?: string, metadata: Record<string, unknown> = {}): PodObject {
      return client.create<PodObject>(
        { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default', ...metadata }, spec: { ...(nodeName ? { nodeName } : {}), containers: [{ name: 'app', image: 'nginx:1.27' }] } },
        USER,
      );
    },
    setStatus(name: string, status: PodStatus): void {
      client.updateStatus({ ...client.get<PodObject>('Pod', 'default', name)!, status }, KUBELET);
    },
    names(): string[] {
      return client.list('Pod').map((p) => p.metadata.name ?? '');
    },
  };
}

/** breakNode makes node-1 NotReady and, optionally, taints it. */
function breakNode(h: ReturnType<typeof setup>, taints: Taint[]): void {
  const node = structuredClone(h.client.get<Node & KubeObject>('Node', '', 'node-1')!);
  node.spec = { ...node.spec, taints: [...(node.spec?.taints ?? []), ...taints] };
  const updated = h.client.update(node, USER);
  const status = structuredClone(updated.status!);
  status.conditions = (status.conditions ?? []).map((c) => (c.type === 'Ready' ? { ...c, status: 'False', reason: 'KubeletNotReady' } : c));
  h.client.updateStatus({ ...updated, status }, USER);
}

describe('PodGCController: orphaned pods', () => {
  it('Pods bound to a deleted node are marked Failed and force-deleted once the node has been missing for the 40 s quarantine', () => {
    const h = setup();
    h.pod('web', 'node-2');
    h.client.delete('Node', '', 'node-2', USER);
    h.advanceTo(39.999);
    expect(h.writes()).toEqual([]);
    h.advanceTo(40);
    expect(h.writes()).toEqual([
      '40s updateStatus web: marked pod default/web Failed: its node node-2 no longer exists',
      '40s delete web: force-deleted pod default/web: its node node-2 no longer exists',
    ]);
    const last = h.lastSeen.get('web')!;
    expect([last.status?.phase, last.status?.conditions?.find((c) => c.type === 'DisruptionTarget')]).toEqual([
      'Failed',
      { type: 'DisruptionTarget', status: 'True', reason: 'DeletionByPodGC', message: 'PodGC: node no longer exists', lastTransitionTime: '2026-01-01T09:00:40Z' },
    ]);
  });

  it('A node that registers again during the quarantine keeps its pods', () => {
    const h = setup();
    h.pod('web', 'node-2');
    h.client.delete('Node', '', 'node-2', USER);
    h.advanceTo(30);
    h.cluster.addNode({ name: 'node-2' });
    h.advanceTo(120);
    expect(h.writes()).toEqual([]);
    expect(h.names()).toEqual(['web']);
  });
});

describe('PodGCController: terminating pods', () => {
  const cases = [
    {
      name: 'A terminating pod on a NotReady node tainted out-of-service is force-deleted',
      taints: [{ key: 'node.kubernetes.io/out-of-service', value: 'nodeshutdown', effect: 'NoExecute' }],
      writes: [
        '20s updateStatus web: marked pod default/web Failed: it is terminating on node node-1, which is NotReady and tainted node.kubernetes.io/out-of-service',
        '20s delete web: force-deleted pod default/web: it is terminating on node node-1, which is NotReady and tainted node.kubernetes.io/out-of-service',
      ],
      left: [],
    },
    { name: 'A terminating pod on a NotReady node without the out-of-service taint waits for its kubelet', taints: [], writes: [], left: ['web'] },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const h = setup();
      // After the first pass, at time 0.
      h.advanceTo(1);
      h.pod('web', 'node-1');
      h.setStatus('web', { phase: 'Running' });
      h.client.delete('Pod', 'default', 'web', USER);
      breakNode(h, c.taints);
      h.advanceTo(20);
      expect(h.writes()).toEqual(c.writes);
      expect(h.names()).toEqual(c.left);
    });
  }

  it('A terminating pod that was never scheduled is marked Failed; the force delete changes nothing while its finalizer holds it', () => {
    const h = setup();
    h.advanceTo(1);
    h.pod('held', undefined, { finalizers: ['example.com/hold'] });
    h.client.delete('Pod', 'default', 'held', USER);
    h.advanceTo(20);
    expect(h.writes()).toEqual(['20s updateStatus held: marked pod default/held Failed: it is terminating and was never scheduled to a node']);
    expect(h.client.get<PodObject>('Pod', 'default', 'held')?.status?.phase).toBe('Failed');
  });
});

describe('PodGCController: terminated pods', () => {
  it('Beyond the threshold, evicted pods go first, then the oldest', () => {
    const h = setup(2);
    for (const [i, name] of ['old', 'middle', 'new', 'evicted'].entries()) {
      h.advanceTo(i + 1);
      h.pod(name, 'node-1');
      h.setStatus(name, name === 'evicted' ? { phase: 'Failed', reason: 'Evicted' } : { phase: 'Succeeded' });
    }
    h.advanceTo(20);
    const why = '4 terminated pods exceed the terminated-pod-gc-threshold of 2, and it is among the first to go (evicted, then oldest)';
    expect(h.writes()).toEqual([`20s delete evicted: force-deleted pod default/evicted: ${why}`, `20s delete old: force-deleted pod default/old: ${why}`]);
    expect(h.names()).toEqual(['middle', 'new']);
  });

  it('byEvictionAndCreationTimestamp breaks a creation-time tie by name', () => {
    const pod = (name: string): PodObject => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, creationTimestamp: '2026-01-01T09:00:00Z' }, status: { phase: 'Succeeded' } });
    expect([pod('b'), pod('a')].sort(byEvictionAndCreationTimestamp).map((p) => p.metadata.name)).toEqual(['a', 'b']);
  });
});
