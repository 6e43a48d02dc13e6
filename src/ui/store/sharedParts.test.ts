import { describe, expect, it } from 'vitest';
import type { Pod } from 'kubernetes-types/core/v1';
import { createCluster, type KubeObject } from '../../sim/index';
import { podRow } from '../../sim/kubectl/printers/podStatus';
import { slimPod } from '../../worker/slimPod';
import { MAX_PARTS, SharedParts, sharePod } from './sharedParts';

const deployment = (image: string) => `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 3
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
      - name: nginx
        image: ${image}
        resources: {requests: {cpu: 10m, memory: 16Mi}}
`;

/** decoded is each Pod as the page's inbox parses it off the wire: a copy of its own. */
function decoded(cluster: ReturnType<typeof createCluster>): Pod[] {
  return cluster.list<Pod & KubeObject>('Pod').map((p) => JSON.parse(JSON.stringify(slimPod(p))) as Pod);
}

describe('SharedParts', () => {
  it('gives the pods of one ReplicaSet one copy of their labels, owner, containers, conditions and container states, and of their spec per node, each keeping its own name, uid and IP', () => {
    const cluster = createCluster();
    cluster.apply(deployment('nginx:1.14.2'));
    cluster.advance(60_000);
    const pool = new SharedParts();
    const pods = decoded(cluster);
    const unshared = decoded(cluster);
    const [a, b, c] = pods.map((p) => sharePod(p, pool));
    expect(pods.map((p) => p.metadata!.name)).toEqual(['web-85bf8f5f96-rddnn', 'web-85bf8f5f96-rn5bk', 'web-85bf8f5f96-rxzrb']);
    for (const other of [b, c]) {
      expect(other.metadata!.labels).toBe(a.metadata!.labels);
      expect(other.metadata!.ownerReferences).toBe(a.metadata!.ownerReferences);
      expect(other.spec!.containers).toBe(a.spec!.containers);
      expect(other.status!.conditions).toBe(a.status!.conditions);
      expect(other.status!.containerStatuses).toBe(a.status!.containerStatuses);
    }
    // A spec names the node: pods of the template share it per node, and a later version of a pod takes the same one.
    expect(pods.map((p) => p.spec!.nodeName)).toEqual(['node-1', 'node-2', 'node-3']);
    expect(new Set(pods.map((p) => p.spec)).size).toBe(3);
    expect(sharePod(decoded(cluster)[1], pool).spec).toBe(b.spec);
    expect(pods.map((p) => [p.metadata!.uid, p.status!.podIP])).toEqual(unshared.map((p) => [p.metadata!.uid, p.status!.podIP]));
    expect(new Set(pods.map((p) => p.status!.podIP)).size).toBe(3);
    expect(pods).toStrictEqual(unshared);
    expect(pods.map(podRow)).toEqual(Array(3).fill({ ready: '1/1', status: 'Running', restarts: 0 }));
  });

  it('shares between the old and new ReplicaSets what they hold alike (the containers as the mirror keeps them) and not what differs (the pod-template-hash label)', () => {
    const cluster = createCluster();
    cluster.apply(deployment('nginx:1.14.2'));
    cluster.advance(60_000);
    cluster.apply(deployment('nginx:1.16.1'));
    cluster.advance(2_000);
    const pool = new SharedParts();
    const byHash = new Map<string, Pod>();
    for (const pod of decoded(cluster)) byHash.set(pod.metadata!.labels!['pod-template-hash'], sharePod(pod, pool));
    expect([...byHash.keys()]).toEqual(['58f694cd6c', '85bf8f5f96']);
    const [next, old] = byHash.values();
    expect(next.metadata!.labels).not.toBe(old.metadata!.labels);
    expect(next.metadata!.ownerReferences).not.toBe(old.metadata!.ownerReferences);
    expect(next.spec!.containers).toBe(old.spec!.containers);
  });

  it('freezes a shared part, so a change meant for one pod cannot reach the others', () => {
    const pool = new SharedParts();
    const labels = pool.part({ app: 'web' });
    const conditions = pool.part([{ type: 'Ready', status: 'True' }]);
    expect(() => ((labels as Record<string, string>).app = 'db')).toThrow(TypeError);
    expect(() => (conditions[0].status = 'False')).toThrow(TypeError);
  });

  it('leaves absent what a pod lacks, rather than adding fields that are undefined', () => {
    const pod: Pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'c' }] } };
    sharePod(pod, new SharedParts());
    expect(Object.keys(pod)).toEqual(['apiVersion', 'kind', 'metadata', 'spec']);
    expect(Object.keys(pod.metadata!)).toEqual(['name']);
    expect(Object.keys(pod.spec!)).toEqual(['containers']);
  });

  it(`starts afresh after ${MAX_PARTS} distinct parts: a part seen before is then pooled anew, and parts handed out stay as they were`, () => {
    const pool = new SharedParts();
    const first = pool.part({ app: 'web' });
    expect(pool.part({ app: 'web' })).toBe(first);
    for (let i = 1; i < MAX_PARTS; i++) pool.part({ app: `web-${i}` });
    expect(pool.part({ app: 'web' })).toBe(first);
    pool.part({ app: 'one-more' });
    const again = pool.part({ app: 'web' });
    expect(again).not.toBe(first);
    expect(again).toEqual(first);
    expect(pool.part({ app: 'web' })).toBe(again);
  });
});
