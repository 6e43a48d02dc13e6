import type { Node } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../api/object';
import { KubeletHarness, seconds } from './testing/harness';

/** nodeWrites records when node-1's status is written and what its Ready heartbeat says. */
function nodeWrites(h: KubeletHarness): string[] {
  const writes: string[] = [];
  h.cluster.client.watch<Node & KubeObject>('Node', (e) => {
    const ready = e.object.status?.conditions?.find((c) => c.type === 'Ready');
    writes.push(`${seconds(h.cluster.now())} ${ready?.status} heartbeat ${ready?.lastHeartbeatTime}`);
  });
  return writes;
}

describe('NodeStatusReporter', () => {
  it('The kubelet posts its status at start, then only on change or every 5 minutes.', () => {
    const h = new KubeletHarness({ nodes: [{ name: 'node-1' }], prober: false });
    const writes = nodeWrites(h);
    h.advanceTo(700);
    expect(writes).toEqual([
      '0s True heartbeat 2026-01-01T09:00:00Z',
      '300s True heartbeat 2026-01-01T09:05:00Z',
      '600s True heartbeat 2026-01-01T09:10:00Z',
    ]);
  });

  it('A pulled image shows in node.status.images at the next 10 s sync, with the name the pod used.', () => {
    const h = new KubeletHarness({ nodes: [{ name: 'node-1' }], prober: false });
    h.run({ metadata: { name: 'web' }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.14.2' }] } });
    const writes = nodeWrites(h);
    h.advanceTo(15);
    expect(writes).toEqual(['0s True heartbeat 2026-01-01T09:00:00Z', '10s True heartbeat 2026-01-01T09:00:10Z']);
    const node = h.cluster.get<Node & KubeObject>('Node', '', 'node-1')!;
    expect(node.status?.images).toEqual([
      { names: ['docker.io/library/nginx@sha256:e4c4a4f7980a4a0be5b2d6ce43e52ac4756d38da8ed53b323b5c36e73dbf1821', 'docker.io/library/nginx:1.14.2', 'nginx:1.14.2'], sizeBytes: 72531456 },
      { names: ['registry.k8s.io/kube-proxy@sha256:a266451ae4779b5478abac3772e96aadb2230bd93fb0b863d0b407f9c434e61e', 'registry.k8s.io/kube-proxy:v1.35.0'], sizeBytes: 30702114 },
      { names: ['registry.k8s.io/pause@sha256:507dfe4866c9aaeb014c901d421028cb68a193b52b300f72aa7791279edb69c2', 'registry.k8s.io/pause:3.10'], sizeBytes: 320368 },
    ]);
  });

  it('Node status writes are quiet: they are not narrated steps.', () => {
    const h = new KubeletHarness({ nodes: [{ name: 'node-1' }], prober: false });
    h.advanceTo(400);
    expect(h.cluster.actions().filter((a) => a.kind === 'Node' || a.kind === 'Lease')).toEqual(
      h.cluster.actions().filter((a) => a.kind === 'Node' && a.reason.startsWith('registered node')),
    );
  });

  it('A kubelet back from the dead reports Ready again, with a NodeReady event, after the node was marked Unknown.', () => {
    const h = new KubeletHarness({ nodes: [{ name: 'node-1' }], prober: false });
    h.advanceTo(5);
    h.kubelets.get('node-1')!.kill();
    const node = h.cluster.get<Node & KubeObject>('Node', '', 'node-1')!;
    const unknown = node.status!.conditions!.map((c) => (c.type === 'Ready' ? { ...c, status: 'Unknown', reason: 'NodeStatusUnknown', message: 'Kubelet stopped posting node status.' } : c));
    h.cluster.client.updateStatus({ ...node, status: { ...node.status, conditions: unknown } }, { actor: 'node-lifecycle-controller', reason: 'test' });
    h.advanceTo(100);
    h.kubelets.get('node-1')!.restart();
    h.advanceTo(101);
    const ready = h.cluster.get<Node & KubeObject>('Node', '', 'node-1')!.status!.conditions!.find((c) => c.type === 'Ready');
    expect(ready).toEqual({
      type: 'Ready', status: 'True', reason: 'KubeletReady', message: 'kubelet is posting ready status',
      lastHeartbeatTime: '2026-01-01T09:01:40Z', lastTransitionTime: '2026-01-01T09:01:40Z',
    });
    expect(h.cluster.events().filter((e) => e.involvedObject.kind === 'Node').map((e) => `${e.reason}: ${e.message}`)).toEqual([
      'Starting: Starting kubelet.',
      'NodeReady: Node node-1 status is now: NodeReady',
    ]);
  });

  it("A condition another writer appended moves before the kubelet's own at the next 10 s sync, and stays put after.", () => {
    const h = new KubeletHarness({ nodes: [{ name: 'node-1' }], prober: false });
    h.advanceTo(5);
    const node = h.cluster.get<Node & KubeObject>('Node', '', 'node-1')!;
    const network = { type: 'NetworkUnavailable', status: 'False', reason: 'RouteCreated', message: 'RouteController created a route', lastTransitionTime: '2026-01-01T09:00:05Z' };
    h.cluster.client.updateStatus({ ...node, status: { ...node.status, conditions: [...node.status!.conditions!, network] } }, { actor: 'route-controller', reason: 'test' });
    const writes = nodeWrites(h);
    h.advanceTo(100);
    expect(writes).toEqual(['10s True heartbeat 2026-01-01T09:00:10Z']);
    const types = h.cluster.get<Node & KubeObject>('Node', '', 'node-1')!.status!.conditions!.map((c) => c.type);
    expect(types).toEqual(['NetworkUnavailable', 'MemoryPressure', 'DiskPressure', 'PIDPressure', 'Ready']);
  });
});
