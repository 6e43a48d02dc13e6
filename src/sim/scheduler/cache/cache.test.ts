// Tests after pkg/scheduler/backend/cache/cache_test.go (assume/confirm/forget, incremental UpdateSnapshot) and
// node_tree_test.go (zone round robin).
import { describe, expect, it } from 'vitest';
import { PodInfo } from '../framework/podInfo';
import { makeNode, makePod } from '../testing/wrappers';
import { Cache } from './cache';
import { NodeTree } from './nodeTree';
import { Snapshot } from './snapshot';

const zoned = (name: string, region: string, zone: string) =>
  makeNode().name(name).label('topology.kubernetes.io/region', region).label('topology.kubernetes.io/zone', zone).obj();

describe('NodeTree', () => {
  it('lists nodes zone by zone in a round robin, zones in the order they appeared', () => {
    const t = new NodeTree();
    for (const n of [zoned('a1', 'r', 'a'), zoned('a2', 'r', 'a'), zoned('b1', 'r', 'b'), zoned('a3', 'r', 'a'), zoned('c1', 'r', 'c'), zoned('b2', 'r', 'b')]) t.addNode(n);
    expect(t.list()).toEqual(['a1', 'b1', 'c1', 'a2', 'b2', 'a3']);
  });

  it('drops a zone when its last node leaves and moves a node whose zone changed', () => {
    const t = new NodeTree();
    const b1 = zoned('b1', 'r', 'b');
    t.addNode(zoned('a1', 'r', 'a'));
    t.addNode(b1);
    expect(t.removeNode(b1)).toBe(true);
    expect(t.removeNode(b1)).toBe(false);
    t.addNode(zoned('a2', 'r', 'a'));
    t.updateNode(zoned('a2', 'r', 'a'), zoned('a2', 'r', 'z'));
    expect([t.list(), t.numNodes]).toEqual([['a1', 'a2'], 2]);
  });
});

describe('Cache', () => {
  const node = (name: string) => makeNode().name(name).capacity({ cpu: '4', memory: '8Gi', pods: '110' }).obj();

  it('counts an assumed pod at once, keeps it when the binding is confirmed and drops it when forgotten', () => {
    const cache = new Cache();
    cache.addNode(node('n1'));
    const pod = makePod().name('p').req({ cpu: '1' }).obj();
    const assumed = new PodInfo(pod).withNodeName('n1');
    cache.assumePod(assumed);
    expect([cache.isAssumedPod(assumed.pod), cache.nodeInfo('n1')!.requested.milliCPU]).toEqual([true, 1000]);
    cache.addPod({ ...assumed.pod, metadata: { ...assumed.pod.metadata, resourceVersion: '7' } });
    expect([cache.isAssumedPod(assumed.pod), cache.podCount(), cache.nodeInfo('n1')!.requested.milliCPU]).toEqual([false, 1, 1000]);

    const other = new PodInfo(makePod().name('q').req({ cpu: '2' }).obj()).withNodeName('n1');
    cache.assumePod(other);
    cache.forgetPod(other.pod);
    expect([cache.podCount(), cache.nodeInfo('n1')!.requested.milliCPU]).toEqual([1, 1000]);
    expect(() => cache.forgetPod(assumed.pod)).toThrow("wasn't assumed so cannot be forgotten");
  });

  it('copies into the snapshot only the NodeInfos that changed since the last snapshot', () => {
    const cache = new Cache();
    const snapshot = new Snapshot();
    cache.addNode(node('n1'));
    cache.addNode(node('n2'));
    cache.updateSnapshot(snapshot);
    const [n1, n2] = snapshot.list();
    expect([n1.nodeName(), n2.nodeName()]).toEqual(['n1', 'n2']);
    cache.addPod(makePod().name('p').node('n2').req({ cpu: '1' }).obj());
    cache.updateSnapshot(snapshot);
    // The snapshot keeps its NodeInfo objects (the lists hold them) and refreshes their contents.
    expect(snapshot.list()[1]).toBe(n2);
    expect([n1.requested.milliCPU, n2.requested.milliCPU, n2.pods.length]).toEqual([0, 1000, 1]);
    // The snapshot is a copy: the cache changing later does not change it until the next update.
    cache.addPod(makePod().name('q').node('n2').req({ cpu: '1' }).obj());
    expect(n2.requested.milliCPU).toBe(1000);
  });

  it('rebuilds the lists when nodes come and go, and when a node starts holding pods with affinity', () => {
    const cache = new Cache();
    const snapshot = new Snapshot();
    cache.addNode(node('n1'));
    cache.addNode(node('n2'));
    cache.updateSnapshot(snapshot);
    const withAffinity = makePod().name('aff').node('n1').obj();
    withAffinity.spec!.affinity = { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ topologyKey: 'kubernetes.io/hostname', labelSelector: {} }] } };
    cache.addPod(withAffinity);
    cache.removeNode(node('n2'));
    cache.updateSnapshot(snapshot);
    expect(snapshot.list().map((n) => n.nodeName())).toEqual(['n1']);
    expect(snapshot.havePodsWithAffinityList().map((n) => n.nodeName())).toEqual(['n1']);
    expect(snapshot.havePodsWithRequiredAntiAffinityList().map((n) => n.nodeName())).toEqual(['n1']);
    expect(snapshot.get('n2')).toBeUndefined();
  });

  it('keeps a deleted node that still has pods out of the snapshot, and drops it with its last pod', () => {
    const cache = new Cache();
    const snapshot = new Snapshot();
    cache.addNode(node('n1'));
    const pod = makePod().name('p').node('n1').obj();
    cache.addPod(pod);
    cache.removeNode(node('n1'));
    cache.updateSnapshot(snapshot);
    expect([cache.nodeCount(), snapshot.numNodes(), cache.nodeInfo('n1')?.pods.length]).toEqual([0, 0, 1]);
    cache.removePod(pod);
    expect(cache.nodeInfo('n1')).toBeUndefined();
  });

  it('counts the nodes that have an image, for ImageLocality', () => {
    const cache = new Cache();
    const snapshot = new Snapshot();
    cache.addNode(makeNode().name('n1').images({ 'nginx:1.27': 100 }).obj());
    cache.addNode(makeNode().name('n2').images({ 'nginx:1.27': 100, 'redis:7': 50 }).obj());
    cache.updateSnapshot(snapshot);
    expect(snapshot.get('n2')!.imageStates.get('nginx:1.27')).toEqual({ size: 100, numNodes: 2 });
    expect(snapshot.get('n2')!.imageStates.get('redis:7')).toEqual({ size: 50, numNodes: 1 });
  });
});
