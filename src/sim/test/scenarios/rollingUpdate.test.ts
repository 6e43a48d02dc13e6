import { describe, expect, it } from 'vitest';
import type { ReplicaSet } from 'kubernetes-types/apps/v1';
import type { Pod } from 'kubernetes-types/core/v1';
import { createCluster, type Cluster, type KubeObject } from '../../index';
import { rolloutStatus } from '../../controllers/deployment/rolloutStatus';
import type { DeploymentObject } from '../../controllers/deployment/replicaSets';

const web = (image: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 4
  strategy:
    rollingUpdate:
      maxSurge: 1
      maxUnavailable: 1
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: nginx
        image: ${image}
`;

const deployment = (c: Cluster) => c.get<DeploymentObject>('Deployment', 'default', 'web')!;

describe('a rolling update with real kubelets (replicas 4, maxSurge 1, maxUnavailable 1)', () => {
  it('never runs more than 5 pods or fewer than 3 available, and ends with the new ReplicaSet at 4 and the old at 0', () => {
    const c = createCluster({ seed: 11 });
    c.apply(web('nginx:1.14.2'));
    c.settle();
    expect(deployment(c).status?.availableReplicas).toBe(4);
    c.apply(web('nginx:1.16.1'));
    const messages = new Set<string>();
    let maxPods = 0;
    let minAvailable = 4;
    for (let i = 0; i < 120 && !rolloutStatus(deployment(c)).done; i++) {
      c.advance(500);
      const live = c.list<Pod & KubeObject>('Pod').filter((p) => !p.metadata.deletionTimestamp);
      maxPods = Math.max(maxPods, live.length);
      minAvailable = Math.min(minAvailable, deployment(c).status?.availableReplicas ?? 0);
      messages.add(rolloutStatus(deployment(c)).message);
    }
    expect(maxPods).toBe(5);
    expect(minAvailable).toBe(3);
    const sets = c.list<ReplicaSet & KubeObject>('ReplicaSet').map((rs) => [rs.metadata.annotations?.['deployment.kubernetes.io/revision'], rs.spec?.replicas]);
    expect(sets.sort()).toEqual([['1', 0], ['2', 4]]);
    expect(rolloutStatus(deployment(c)).message).toBe('deployment "web" successfully rolled out\n');
    expect([...messages]).toContain('Waiting for deployment "web" rollout to finish: 2 out of 4 new replicas have been updated...\n');
    // Pods become ready one by one (image pulls take seeded, different times), so the rollout moves one pod at a
    // time, each step exactly as rolling.go computes it: (new, old) = (1,4) (1,3) (2,3) (2,2) (3,2) (3,1) (4,1) (4,0).
    const [oldName, newName] = c.list<ReplicaSet & KubeObject>('ReplicaSet').sort((a, b) => Number(a.metadata.annotations?.['deployment.kubernetes.io/revision']) - Number(b.metadata.annotations?.['deployment.kubernetes.io/revision'])).map((rs) => rs.metadata.name!);
    const scaling = c.events().filter((e) => e.reason === 'ScalingReplicaSet').map((e) => e.message!.replace(oldName, 'OLD').replace(newName, 'NEW'));
    expect(scaling).toEqual([
      'Scaled up replica set OLD from 0 to 4',
      'Scaled up replica set NEW from 0 to 1',
      'Scaled down replica set OLD from 4 to 3',
      'Scaled up replica set NEW from 1 to 2',
      'Scaled down replica set OLD from 3 to 2',
      'Scaled up replica set NEW from 2 to 3',
      'Scaled down replica set OLD from 2 to 1',
      'Scaled up replica set NEW from 3 to 4',
      'Scaled down replica set OLD from 1 to 0',
    ]);
  });
});
