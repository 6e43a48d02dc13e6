import { describe, expect, it } from 'vitest';
import type { Deployment } from 'kubernetes-types/apps/v1';
import type { Node, Pod } from 'kubernetes-types/core/v1';
import { createCluster, type Cluster, type KubeObject } from '../../index';
import { parseTime } from '../../clock/timeFormat';
import { podRow } from '../../kubectl/printers/podStatus';

const NGINX = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: nginx-deployment
  labels:
    app: nginx
spec:
  replicas: 3
  selector:
    matchLabels:
      app: nginx
  template:
    metadata:
      labels:
        app: nginx
    spec:
      containers:
      - name: nginx
        image: nginx:1.14.2
        ports:
        - containerPort: 80
`;

type PodObject = Pod & KubeObject;

const pods = (c: Cluster) => c.list<PodObject>('Pod', { namespace: 'default' });
const deployment = (c: Cluster) => c.get<Deployment & KubeObject>('Deployment', 'default', 'nginx-deployment')!;
const readyCondition = (n: Node) => n.status?.conditions?.find((x) => x.type === 'Ready');

/** advanceUntil moves the clock in 1 s steps until `done`, and returns the virtual second it became true. */
function advanceUntil(c: Cluster, done: () => boolean, limitSeconds: number): number {
  for (let i = 0; i < limitSeconds && !done(); i++) c.advance(1000);
  expect(done()).toBe(true);
  return c.now() / 1000;
}

describe('a Deployment on a healthy cluster', () => {
  it('the nginx-deployment example reaches READY 3/3 with 3 Running 1/1 pods on the workers', () => {
    const c = createCluster({ seed: 3 });
    expect(c.apply(NGINX).map((r) => r.message)).toEqual(['deployment.apps/nginx-deployment created']);
    advanceUntil(c, () => deployment(c).status?.availableReplicas === 3, 120);
    expect(deployment(c).status).toMatchObject({ replicas: 3, updatedReplicas: 3, readyReplicas: 3, availableReplicas: 3 });
    const rows = pods(c).map((p) => podRow(p));
    expect(rows.map((r) => `${r.ready} ${r.status} ${r.restarts}`)).toEqual(['1/1 Running 0', '1/1 Running 0', '1/1 Running 0']);
    expect(pods(c).every((p) => /^nginx-deployment-[4-9bcdf]{1,10}-[bcdfghjklmnpqrstvwxz2456789]{5}$/.test(p.metadata.name ?? ''))).toBe(true);
    expect(new Set(pods(c).map((p) => p.spec?.nodeName))).toEqual(new Set(['node-1', 'node-2', 'node-3']));
    expect(pods(c).map((p) => p.status?.podIP)).toEqual(expect.arrayContaining([expect.stringMatching(/^10\.244\.[123]\.\d+$/)]));
  });
});

describe('killing a node: self-healing as Kubernetes does it', () => {
  it('NotReady after the 50 s grace period, eviction after the 300 s toleration, replacements elsewhere, old pods Terminating until the node returns', () => {
    const c = createCluster({ seed: 3 });
    c.apply(NGINX);
    advanceUntil(c, () => deployment(c).status?.availableReplicas === 3, 120);
    const victim = pods(c)[0].spec!.nodeName!;
    const victimPods = pods(c).filter((p) => p.spec?.nodeName === victim).map((p) => p.metadata.name);
    const killedAt = c.now() / 1000;
    c.killNode(victim);

    const notReadyAt = advanceUntil(c, () => readyCondition(c.get<Node & KubeObject>('Node', '', victim)!)?.status === 'Unknown', 120);
    // node-monitor-grace-period 50 s counts from when the controller last saw a heartbeat (the lease is renewed
    // every 10 s; node-monitor-period 5 s): killed at 6 s, last renewal seen at 10 s, Unknown at 60 s.
    expect([killedAt, notReadyAt]).toEqual([6, 60]);
    const node = c.get<Node & KubeObject>('Node', '', victim)!;
    expect(readyCondition(node)).toMatchObject({ reason: 'NodeStatusUnknown', message: 'Kubelet stopped posting node status.' });
    advanceUntil(c, () => (c.get<Node & KubeObject>('Node', '', victim)!.spec?.taints ?? []).some((t) => t.key === 'node.kubernetes.io/unreachable' && t.effect === 'NoExecute'), 10);
    const taints = c.get<Node & KubeObject>('Node', '', victim)!.spec!.taints!.map((t) => `${t.key}:${t.effect}`);
    expect(taints).toEqual(['node.kubernetes.io/unreachable:NoSchedule', 'node.kubernetes.io/unreachable:NoExecute']);
    const noExecuteSince = parseTime(c.get<Node & KubeObject>('Node', '', victim)!.spec!.taints![1].timeAdded)! / 1000;

    const evictedAt = advanceUntil(c, () => victimPods.every((n) => c.get<PodObject>('Pod', 'default', n!)?.metadata.deletionTimestamp), 400);
    // DefaultTolerationSeconds: pods tolerate node.kubernetes.io/unreachable for 300 s.
    expect(evictedAt - noExecuteSince).toBe(300);
    // The NoExecute taint comes one monitor pass (5 s) after the node turns Unknown: eviction ~6 minutes after death.
    expect([noExecuteSince, evictedAt]).toEqual([65, 365]);
    expect(c.events().filter((e) => e.reason === 'TaintManagerEviction').map((e) => e.message)).toEqual(victimPods.map((n) => `Marking for deletion Pod default/${n}`));

    advanceUntil(c, () => deployment(c).status?.availableReplicas === 3, 120);
    const live = pods(c).filter((p) => !p.metadata.deletionTimestamp);
    expect(live).toHaveLength(3);
    expect(live.every((p) => p.spec?.nodeName !== victim && podRow(p).status === 'Running')).toBe(true);
    // The dead kubelet cannot confirm the deletion, so the old pods stay Terminating on it.
    c.advance(10 * 60 * 1000);
    expect(victimPods.map((n) => podRow(c.get<PodObject>('Pod', 'default', n!)!).status)).toEqual(victimPods.map(() => 'Terminating'));

    c.restartNode(victim);
    advanceUntil(c, () => victimPods.every((n) => !c.get('Pod', 'default', n!)), 120);
    advanceUntil(c, () => readyCondition(c.get<Node & KubeObject>('Node', '', victim)!)?.status === 'True', 60);
    advanceUntil(c, () => !(c.get<Node & KubeObject>('Node', '', victim)!.spec?.taints ?? []).some((t) => t.key === 'node.kubernetes.io/unreachable'), 30);
    expect(deployment(c).status?.availableReplicas).toBe(3);
  });
});
