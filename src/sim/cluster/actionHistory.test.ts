import { describe, expect, it } from 'vitest';
import type { Action } from '../store/types';
import { createCluster } from '../index';
import { nginxDeployment as deployment } from '../test/largeDeployment';

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe('the cluster\'s narrated history', () => {
  it('keeps the newest actionHistory actions, while its change batches carry every action once, in order', () => {
    const cluster = createCluster({ seed: 1, actionHistory: 10 });
    const batched: Action[] = [];
    cluster.subscribe((batch) => batched.push(...batch.actions));
    cluster.apply(deployment(3));
    cluster.settle();
    // createCluster narrated 13 writes (kubeadm's namespaces and priority classes, the nodes, the kubernetes
    // Service); the Deployment's 3 pods then take 28 more, numbered on from there.
    expect(batched.map((a) => a.seq)).toEqual(range(14, 41));
    const kept = cluster.actions();
    expect(kept.map((a) => a.seq)).toEqual(range(32, 41));
    expect(kept).toEqual(batched.slice(-kept.length));
  });

  it('steps to the next action after older ones were let go', () => {
    const cluster = createCluster({ seed: 1, actionHistory: 2 });
    cluster.apply(deployment(3));
    cluster.settle();
    const last = cluster.actions().at(-1)!.seq;
    cluster.scale('Deployment', 'default', 'web', 4);
    const stepped = cluster.step();
    // The scale itself is action last + 1; the step is the deployment controller's next sync.
    expect(stepped.map((a) => `${a.seq - last} ${a.actor} ${a.verb} ${a.kind}`)).toEqual(['2 deployment-controller update ReplicaSet', '3 deployment-controller updateStatus Deployment']);
    // Five kept, more than a fifth over the history of 2: the step's own two stay.
    expect(cluster.actions().map((a) => a.seq - last)).toEqual([2, 3]);
  });
});
