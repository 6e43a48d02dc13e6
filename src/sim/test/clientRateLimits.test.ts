// kube-controller-manager's client-side rate limits, end to end: every controller has its own client limited to 20
// requests/s with a burst of 30 (--kube-api-qps, --kube-api-burst), so a large ReplicaSet grows and shrinks at that
// pace, and its status (worked out from the pods listed before the creates) lags until the next sync.
import { describe, expect, it } from 'vitest';
import { nginxDeployment, roomyCluster } from './largeDeployment';

const byReplicaSetController = (verb: string) => (a: { actor: string; verb: string; kind: string }) => a.actor === 'replicaset-controller' && a.verb === verb && a.kind === 'Pod';

describe('client-side rate limits of kube-controller-manager (20 requests/s, burst 30, per controller)', () => {
  it('a 100-replica Deployment gets 30 pods at once, then one every 50 ms: 50, 70, 90, 100 after 1, 2, 3, 4 seconds', () => {
    const cluster = roomyCluster();
    cluster.apply(nginxDeployment(100));
    const counts: number[] = [];
    for (let i = 0; i < 4; i++) {
      cluster.advance(1000);
      counts.push(cluster.list('Pod').length);
    }
    expect(counts).toEqual([50, 70, 90, 100]);
    const createTimes = cluster.actions().filter(byReplicaSetController('create')).map((a) => a.time);
    expect(createTimes.slice(0, 33)).toEqual([...Array(30).fill(0), 50, 100, 150]);
    expect(createTimes.at(-1)).toBe(3500);
    const reasons = cluster.actions().filter(byReplicaSetController('create')).map((a) => a.reason.replace(/web-[0-9a-f]+-[a-z0-9]{5}/, 'POD'));
    expect(reasons[29]).toBe('created pod POD for ReplicaSet web-766486c5b6: it wants 100 replicas and has 29 (slow-start batch of 16)');
    expect(reasons[30]).toBe(
      'created pod POD for ReplicaSet web-766486c5b6: it wants 100 replicas and has 30 (slow-start batch of 16; waited 50ms due to client-side throttling: 20 requests/s after a burst of 30)',
    );
  });

  it('the ReplicaSet reports replicas 0 until the sync that created its pods is over, then 100 one token (50 ms) later', () => {
    const cluster = roomyCluster();
    cluster.apply(nginxDeployment(100));
    cluster.advance(4000);
    const statusWrites = cluster
      .actions()
      .filter((a) => a.actor === 'replicaset-controller' && a.verb === 'updateStatus')
      .map((a) => `${a.time} ${a.reason.match(/replicas (\d+)/)?.[1]}`);
    expect(statusWrites).toEqual(['3500 0', '3600 100']);
  });

  it('scaling 100 down to 10 deletes 30 pods at once, then one every 50 ms', () => {
    const cluster = roomyCluster();
    cluster.apply(nginxDeployment(100));
    cluster.advance(60_000);
    const before = cluster.actions().length;
    cluster.apply(nginxDeployment(10));
    cluster.advance(10_000);
    const start = cluster.actions()[before].time;
    const deleteTimes = cluster.actions().slice(before).filter(byReplicaSetController('delete')).map((a) => a.time - start);
    expect(deleteTimes).toHaveLength(90);
    expect(deleteTimes.slice(28, 32)).toEqual([0, 0, 50, 100]);
    expect(deleteTimes.at(-1)).toBe(3000);
    const deletes = cluster.actions().slice(before).filter(byReplicaSetController('delete'));
    expect(deletes[29].reason).not.toContain('throttling');
    expect(deletes[30].reason).toMatch(/ \(waited 50ms due to client-side throttling: 20 requests\/s after a burst of 30\)$/);
  });
});
