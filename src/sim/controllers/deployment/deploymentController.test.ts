import { describe, expect, it } from 'vitest';
import type { PodObject } from '../controllerUtils';
import { getDeploymentCondition } from './conditions';
import { REVISION_ANNOTATION, type ReplicaSetObject } from './replicaSets';
import { rolloutStatus } from './rolloutStatus';
import { newScenario, type Scenario } from './scenario';

interface WebOptions {
  image: string;
  replicas?: number;
  strategy?: string;
  maxSurge?: number | string;
  maxUnavailable?: number | string;
  extraSpec?: string;
}

function web(o: WebOptions): string {
  const strategy =
    o.strategy === 'Recreate'
      ? '  strategy:\n    type: Recreate\n'
      : `  strategy:\n    rollingUpdate:\n      maxSurge: ${o.maxSurge ?? '25%'}\n      maxUnavailable: ${o.maxUnavailable ?? '25%'}\n`;
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: ${o.replicas ?? 3}
${strategy}${o.extraSpec ?? ''}  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: web
        image: ${o.image}
`;
}

const HASHED_NAME = /^web-[456789bcdf]{1,10}$/;

/** rsEvents keeps "Scaled ..." messages of the Deployment's ScalingReplicaSet events, in order. */
function scalingEvents(s: Scenario): string[] {
  return s.cluster
    .events()
    .filter((e) => e.reason === 'ScalingReplicaSet')
    .map((e) => e.message ?? '');
}

describe('DeploymentController rolling update', () => {
  it('With replicas 4, maxSurge 1 and maxUnavailable 1 and pods ready at once, the (new, old) sizes follow upstream', () => {
    const s = newScenario({ manualDeploymentSyncs: true });
    const sync = () => {
      s.deploymentController.syncDeployment('default/web');
      s.cluster.settle();
    };
    s.cluster.apply(web({ image: 'nginx:1.0', replicas: 4, maxSurge: 1, maxUnavailable: 1 }));
    sync();
    sync();
    const [oldName] = s.replicaSetSizes().map((line) => line.split('=')[0]);
    const steps: [number, number][] = [];
    s.cluster.client.watch<ReplicaSetObject>('ReplicaSet', (event) => {
      if (event.old?.spec?.replicas === event.object.spec?.replicas) return;
      const sizes = new Map(s.replicaSetSizes().map((line) => line.split('=') as [string, string]));
      const newName = [...sizes.keys()].find((n) => n !== oldName)!;
      steps.push([Number(sizes.get(newName)), Number(sizes.get(oldName))]);
    });
    s.cluster.apply(web({ image: 'nginx:2.0', replicas: 4, maxSurge: 1, maxUnavailable: 1 }));
    for (let i = 0; i < 8; i++) sync();
    expect(steps).toEqual([
      [1, 4],
      [1, 3],
      [2, 3],
      [2, 1],
      [4, 1],
      [4, 0],
    ]);
  });

  it('A rolling update on the shared clock completes within maxSurge and maxUnavailable and records its events', () => {
    const s = newScenario({ readyAfterMs: 2000, terminateAfterMs: 1000 });
    s.cluster.apply(web({ image: 'nginx:1.0', replicas: 4, maxSurge: 1, maxUnavailable: 1 }));
    s.cluster.settle();
    let maxWanted = 0;
    let minAvailable = Infinity;
    const check = () => {
      const rss = s.cluster.list<ReplicaSetObject>('ReplicaSet');
      maxWanted = Math.max(maxWanted, rss.reduce((n, rs) => n + (rs.spec?.replicas ?? 0), 0));
      const ready = s.cluster.list<PodObject>('Pod').filter((p) => !p.metadata.deletionTimestamp && p.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True'));
      minAvailable = Math.min(minAvailable, ready.length);
    };
    s.cluster.client.watch('Pod', check);
    s.cluster.client.watch('ReplicaSet', check);
    s.cluster.apply(web({ image: 'nginx:2.0', replicas: 4, maxSurge: 1, maxUnavailable: 1 }));
    s.cluster.settle();
    expect(maxWanted).toBe(5);
    expect(minAvailable).toBe(3);
    const [first, second] = s.replicaSetSizes();
    expect([first.split('=')[1], second.split('=')[1]]).toEqual(['0', '4']);
    const d = s.deployment('web');
    expect(d.metadata.annotations?.[REVISION_ANNOTATION]).toBe('2');
    expect({ ...d.status, conditions: undefined }).toEqual({
      observedGeneration: 2,
      replicas: 4,
      updatedReplicas: 4,
      readyReplicas: 4,
      availableReplicas: 4,
      conditions: undefined,
    });
    expect(getDeploymentCondition(d.status, 'Progressing')?.reason).toBe('NewReplicaSetAvailable');
    expect(getDeploymentCondition(d.status, 'Available')?.reason).toBe('MinimumReplicasAvailable');
    expect(rolloutStatus(d)).toEqual({ message: 'deployment "web" successfully rolled out\n', done: true });
    const newName = second.split('=')[0];
    const oldName = first.split('=')[0];
    expect(scalingEvents(s)).toEqual([
      `Scaled up replica set ${oldName} from 0 to 4`,
      `Scaled up replica set ${newName} from 0 to 1`,
      `Scaled down replica set ${oldName} from 4 to 3`,
      `Scaled up replica set ${newName} from 1 to 2`,
      `Scaled down replica set ${oldName} from 3 to 1`,
      `Scaled up replica set ${newName} from 2 to 4`,
      `Scaled down replica set ${oldName} from 1 to 0`,
    ]);
  });

  it('Names ReplicaSets <deployment>-<pod-template-hash> and labels the selector, template and pods with the hash', () => {
    const s = newScenario();
    s.cluster.apply(web({ image: 'nginx:1.0' }));
    s.cluster.settle();
    const [rs] = s.cluster.list<ReplicaSetObject>('ReplicaSet');
    expect(rs.metadata.name).toMatch(HASHED_NAME);
    const hash = rs.metadata.name!.slice('web-'.length);
    expect(rs.metadata.labels).toEqual({ app: 'web', 'pod-template-hash': hash });
    expect(rs.spec?.selector.matchLabels).toEqual({ app: 'web', 'pod-template-hash': hash });
    expect(rs.spec?.template?.metadata?.labels).toEqual({ app: 'web', 'pod-template-hash': hash });
    expect(rs.metadata.annotations).toEqual({
      'deployment.kubernetes.io/desired-replicas': '3',
      'deployment.kubernetes.io/max-replicas': '4',
      'deployment.kubernetes.io/revision': '1',
    });
    expect(s.cluster.list<PodObject>('Pod').map((p) => p.metadata.labels?.['pod-template-hash'])).toEqual([hash, hash, hash]);
    const created = s.cluster.actions().find((a) => a.kind === 'ReplicaSet' && a.verb === 'create');
    expect(created?.reason).toBe(`created ReplicaSet ${rs.metadata.name} with 3 replicas for revision 1: the Deployment has no ReplicaSet yet`);
  });

  it('A sync of a settled Deployment writes nothing', () => {
    const s = newScenario();
    s.cluster.apply(web({ image: 'nginx:1.0' }));
    s.cluster.settle();
    const before = s.cluster.actions().length;
    s.deploymentController.syncDeployment('default/web');
    s.deploymentController.syncDeployment('default/web');
    expect(s.cluster.actions().length).toBe(before);
  });

  it('Scaling a settled Deployment scales its only ReplicaSet and says why', () => {
    const s = newScenario();
    s.cluster.apply(web({ image: 'nginx:1.0' }));
    s.cluster.settle();
    s.cluster.apply(web({ image: 'nginx:1.0', replicas: 5 }));
    s.cluster.settle();
    const [line] = s.replicaSetSizes();
    const [name, size] = line.split('=');
    expect(size).toBe('5');
    const scaled = s.cluster.actions().filter((a) => a.kind === 'ReplicaSet' && a.verb === 'update' && a.actor === 'deployment-controller');
    expect(scaled.map((a) => a.reason)).toEqual([`scaled up ReplicaSet ${name} from 3 to 5: it is the Deployment's only active ReplicaSet and the Deployment wants 5 replicas`]);
    expect(scalingEvents(s).at(-1)).toBe(`Scaled up replica set ${name} from 3 to 5`);
  });
});

describe('DeploymentController Recreate', () => {
  it('Never runs old and new pods at the same time', () => {
    const s = newScenario({ readyAfterMs: 1000, terminateAfterMs: 5000 });
    s.cluster.apply(web({ image: 'nginx:1.0', strategy: 'Recreate' }));
    s.cluster.settle();
    const overlaps: string[] = [];
    s.cluster.client.watch('Pod', () => {
      const hashes = new Set(s.cluster.list<PodObject>('Pod').map((p) => p.metadata.labels?.['pod-template-hash']));
      if (hashes.size > 1) overlaps.push([...hashes].join(','));
    });
    s.cluster.apply(web({ image: 'nginx:2.0', strategy: 'Recreate' }));
    s.cluster.settle();
    expect(overlaps).toEqual([]);
    const [first, second] = s.replicaSetSizes();
    expect([first.split('=')[1], second.split('=')[1]]).toEqual(['0', '3']);
    expect(scalingEvents(s).slice(1)).toEqual([`Scaled down replica set ${first.split('=')[0]} from 3 to 0`, `Scaled up replica set ${second.split('=')[0]} from 0 to 3`]);
  });
});

describe('DeploymentController pause, resume and progress deadline', () => {
  it('A paused Deployment reports DeploymentPaused, does not roll out, still scales, and resumes', () => {
    const s = newScenario();
    s.cluster.apply(web({ image: 'nginx:1.0' }));
    s.cluster.settle();
    s.cluster.apply(web({ image: 'nginx:1.0', extraSpec: '  paused: true\n' }));
    s.cluster.settle();
    expect(getDeploymentCondition(s.deployment('web').status, 'Progressing')).toMatchObject({ status: 'Unknown', reason: 'DeploymentPaused', message: 'Deployment is paused' });
    s.cluster.apply(web({ image: 'nginx:2.0', replicas: 5, extraSpec: '  paused: true\n' }));
    s.cluster.settle();
    expect(s.replicaSetSizes().map((l) => l.split('=')[1])).toEqual(['5']);
    s.cluster.apply(web({ image: 'nginx:2.0', replicas: 5 }));
    s.cluster.settle();
    const sizes = s.replicaSetSizes().map((l) => l.split('=')[1]);
    expect(sizes).toEqual(['0', '5']);
    const resumed = s.cluster.actions().filter((a) => a.reason.includes('resumed'));
    expect(resumed.map((a) => a.reason)).toEqual(['updated status of Deployment web: the Deployment is resumed, so its progress deadline of 600s starts again']);
  });

  it('A rollout whose pods never become ready times out after progressDeadlineSeconds', () => {
    const s = newScenario({ readyAfterMs: 3600 * 1000 });
    s.cluster.apply(web({ image: 'nginx:1.0', replicas: 2, extraSpec: '  progressDeadlineSeconds: 30\n' }));
    s.cluster.advance(60 * 1000);
    const d = s.deployment('web');
    const rsName = s.replicaSetSizes()[0].split('=')[0];
    expect(getDeploymentCondition(d.status, 'Progressing')).toMatchObject({
      status: 'False',
      reason: 'ProgressDeadlineExceeded',
      message: `ReplicaSet "${rsName}" has timed out progressing.`,
    });
    expect(rolloutStatus(d)).toEqual({ message: '', done: false, error: 'deployment "web" exceeded its progress deadline' });
  });

  it('minReadySeconds holds availability back until pods have been ready that long', () => {
    const s = newScenario();
    s.cluster.apply(web({ image: 'nginx:1.0', replicas: 2, extraSpec: '  minReadySeconds: 10\n' }));
    s.cluster.advance(5 * 1000);
    expect(s.deployment('web').status).toMatchObject({ readyReplicas: 2, unavailableReplicas: 2 });
    expect(s.deployment('web').status?.availableReplicas).toBeUndefined();
    s.cluster.advance(10 * 1000);
    expect(s.deployment('web').status).toMatchObject({ readyReplicas: 2, availableReplicas: 2 });
  });

  it('revisionHistoryLimit keeps only that many old ReplicaSets', () => {
    const s = newScenario();
    for (const image of ['nginx:1.0', 'nginx:2.0', 'nginx:3.0', 'nginx:4.0']) {
      s.cluster.apply(web({ image, extraSpec: '  revisionHistoryLimit: 1\n' }));
      s.cluster.settle();
    }
    const revisions = s.cluster.list<ReplicaSetObject>('ReplicaSet').map((rs) => `${rs.spec?.template?.spec?.containers[0].image}@${rs.metadata.annotations?.[REVISION_ANNOTATION]}=${rs.spec?.replicas}`);
    expect(revisions.sort()).toEqual(['nginx:3.0@3=0', 'nginx:4.0@4=3']);
  });
});

describe('DeploymentController ownership and hash collisions', () => {
  it('A pod-template-hash collision with a foreign ReplicaSet bumps collisionCount and picks a new name', () => {
    const s = newScenario();
    s.cluster.apply(web({ image: 'nginx:1.0' }));
    s.cluster.settle();
    const [taken] = s.cluster.list<ReplicaSetObject>('ReplicaSet');
    s.cluster.delete('Deployment', 'default', 'web');
    const foreign = structuredClone(taken);
    foreign.spec!.replicas = 0;
    foreign.spec!.template!.spec!.containers[0].image = 'busybox';
    s.cluster.client.update(foreign, { actor: 'user', reason: 'changed the template of an orphaned ReplicaSet' });
    s.cluster.settle();
    s.cluster.apply(web({ image: 'nginx:1.0' }));
    s.cluster.settle();
    const d = s.deployment('web');
    expect(d.status?.collisionCount).toBe(1);
    const names = s.cluster.list<ReplicaSetObject>('ReplicaSet').map((rs) => rs.metadata.name!);
    expect(names).toHaveLength(2);
    const mine = names.find((n) => n !== taken.metadata.name)!;
    expect(mine).toMatch(HASHED_NAME);
    expect(s.cluster.get<ReplicaSetObject>('ReplicaSet', 'default', mine)?.spec?.replicas).toBe(3);
    const bump = s.cluster.actions().find((a) => a.reason.includes('collisionCount'));
    expect(bump?.reason).toBe(
      `updated status of Deployment web: ReplicaSet ${taken.metadata.name} exists with another template, so collisionCount goes from 0 to 1 to change the pod-template-hash`,
    );
  });

  it('Adopts an orphaned ReplicaSet that matches its selector and template, and releases one that stops matching', () => {
    const s = newScenario();
    s.cluster.apply(`apiVersion: apps/v1
kind: ReplicaSet
metadata:
  name: web-manual
  labels:
    app: web
spec:
  replicas: 1
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: web
        image: nginx:1.0
`);
    s.cluster.settle();
    s.cluster.apply(web({ image: 'nginx:1.0' }));
    s.cluster.settle();
    const rss = s.cluster.list<ReplicaSetObject>('ReplicaSet');
    expect(rss.map((rs) => `${rs.metadata.name} owner=${rs.metadata.ownerReferences?.[0]?.name} replicas=${rs.spec?.replicas}`)).toEqual(['web-manual owner=web replicas=3']);
    expect(getDeploymentCondition(s.deployment('web').status, 'Progressing')).toMatchObject({ reason: 'NewReplicaSetAvailable' });
    const adopted = s.cluster.actions().find((a) => a.reason.startsWith('adopted'));
    expect(adopted?.reason).toBe('adopted ReplicaSet web-manual: it has no controller and matches the selector of Deployment web');

    const relabelled = structuredClone(s.cluster.get<ReplicaSetObject>('ReplicaSet', 'default', 'web-manual')!);
    relabelled.metadata.labels = { app: 'other' };
    s.cluster.client.update(relabelled, { actor: 'user', reason: 'relabelled the ReplicaSet' });
    s.cluster.settle();
    expect(s.cluster.get<ReplicaSetObject>('ReplicaSet', 'default', 'web-manual')?.metadata.ownerReferences).toBeUndefined();
    expect(s.cluster.actions().some((a) => a.reason === 'released ReplicaSet web-manual: its labels no longer match the selector of Deployment web')).toBe(true);
  });
});
