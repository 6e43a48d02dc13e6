import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { PodStatus } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../api/object';
import { statusErrors } from '../../api/statusError';
import { rfc3339 } from '../../clock/timeFormat';
import type { ApiClient, WatchEvent, WatchHandler, WriteContext } from '../../store/types';
import { createCluster } from '../../cluster/cluster';
import { controllerContextFor } from '../testing/controllerContext';
import { POD_DELETION_COST, type PodObject } from '../controllerUtils';
import { REPLICA_SET, REPLICATION_CONTROLLER, type ReplicaSetKind } from './conversion';
import { ReplicaSetController, slowStartBatch, type SlowStartResult } from './replicaSetController';
import { VirtualClock } from '../../clock/virtualClock';
import { RequestPacer } from '../../client/flowcontrol/requestPacer';
import { TokenBucketRateLimiter } from '../../client/flowcontrol/tokenBucketRateLimiter';

const MANIFESTS = new URL('../../../../../shared/manifests/', import.meta.url);
const USER: WriteContext = { actor: 'user', reason: 'test setup' };
const KUBELET: WriteContext = { actor: 'kubelet/node-1', reason: 'test: the kubelet reports pod status' };
const HOUR = 60 * 60 * 1000;

/** delegate forwards every ApiClient call to `inner`, except those overridden. */
function delegate(inner: ApiClient, overrides: Partial<ApiClient>): ApiClient {
  return {
    create: (obj, ctx) => inner.create(obj, ctx),
    update: (obj, ctx) => inner.update(obj, ctx),
    updateStatus: (obj, ctx) => inner.updateStatus(obj, ctx),
    patch: (kind, ns, name, patch, ctx) => inner.patch(kind, ns, name, patch, ctx),
    delete: (kind, ns, name, ctx, opts) => inner.delete(kind, ns, name, ctx, opts),
    bind: (ns, pod, node, ctx) => inner.bind(ns, pod, node, ctx),
    get: (kind, ns, name) => inner.get(kind, ns, name),
    list: (kind, opts) => inner.list(kind, opts),
    watch: (kind, handler) => inner.watch(kind, handler),
    ...overrides,
  };
}

/** laggingWatch holds back the watch events of some kinds while paused, as a slow informer would see them. */
function laggingWatch(kinds: readonly string[]) {
  let paused = false;
  const held: (() => void)[] = [];
  return {
    pause: () => (paused = true),
    release() {
      paused = false;
      for (const deliver of held.splice(0)) deliver();
    },
    wrap: (inner: ApiClient): ApiClient =>
      delegate(inner, {
        watch: <T extends KubeObject>(kind: string, handler: WatchHandler<T>) =>
          inner.watch<T>(kind, (event: WatchEvent<T>) => (paused && kinds.includes(kind) ? held.push(() => handler(event)) : handler(event))),
      }),
  };
}

interface SetupOptions {
  kind?: ReplicaSetKind;
  /** Wraps the client the controller writes through. */
  client?: (inner: ApiClient) => ApiClient;
  /** Wraps the client the controller's informers list and watch through. */
  informerClient?: (inner: ApiClient) => ApiClient;
}

/** setup builds a cluster and one controller on it, as kube-controller-manager would start it. */
function setup(opts: SetupOptions = {}) {
  const cluster = createCluster({ controllers: false, kubelets: false });
  const client = opts.client ? opts.client(cluster.client) : cluster.client;
  const ctx = controllerContextFor(cluster, client, opts.informerClient ? opts.informerClient(client) : client);
  const controller = new ReplicaSetController(ctx, opts.kind ?? REPLICA_SET);
  let seen = 0;
  return {
    cluster,
    controller,
    /** writes returns the narrated writes since the last call, as `actor verb Kind name: reason`. */
    writes(): string[] {
      const all = cluster.actions();
      const fresh = all.slice(seen).map((a) => `${a.actor} ${a.verb} ${a.kind} ${a.name}: ${a.reason}`);
      seen = all.length;
      return fresh;
    },
    /** createdPods names the pods the controller created, in creation order. */
    createdPods(): string[] {
      return cluster.actions().filter((a) => a.verb === 'create' && a.kind === 'Pod' && a.actor === controller.name).map((a) => a.name);
    },
    pods(): PodObject[] {
      return cluster.client.list<PodObject>('Pod', { namespace: 'default' });
    },
    pod(name: string): PodObject {
      return cluster.client.get<PodObject>('Pod', 'default', name)!;
    },
    get(kind: string, name: string): KubeObject {
      return cluster.client.get(kind, 'default', name)!;
    },
    events(): string[] {
      return cluster.events().map((e) => `${e.source?.component} ${e.type} ${e.reason} (x${e.count}): ${e.message}`);
    },
    setPodStatus(name: string, status: PodStatus): void {
      cluster.client.updateStatus({ ...cluster.client.get<PodObject>('Pod', 'default', name)!, status }, KUBELET);
    },
  };
}

function replicaSet(name: string, replicas: number, spec: Record<string, unknown> = {}, metadata: Record<string, unknown> = {}): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name, namespace: 'default', ...metadata },
    spec: {
      replicas,
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }] } },
      ...spec,
    },
  };
}

function barePod(name: string, labels: Record<string, string>): KubeObject {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default', labels }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }] } };
}

/** runningPod is the status a kubelet reports: Running, and Ready since `readySince` (not ready if undefined). */
function runningPod(readySince?: number): PodStatus {
  return {
    phase: 'Running',
    conditions: [{ type: 'Ready', status: readySince === undefined ? 'False' : 'True', lastTransitionTime: rfc3339(readySince ?? 0) }],
  };
}

// Mirrors pkg/controller/replicaset/replica_set_test.go TestSlowStartBatch.
describe('slowStartBatch', () => {
  const cases = [
    { name: 'When every call fails, only the first batch of 1 is tried', callLimit: 0, successes: 0, failed: true, calls: 1 },
    { name: 'When every call succeeds, batches of 1, 2, 4 and 3 make 10', callLimit: 10, successes: 10, failed: false, calls: 10 },
    { name: 'When calls start failing after 5, the batch of 4 is the last tried', callLimit: 5, successes: 5, failed: true, calls: 7 },
  ];
  it.each(cases)('$name', ({ callLimit, successes, failed, calls }) => {
    let callCnt = 0;
    let result: SlowStartResult | undefined;
    slowStartBatch(10, 1, new RequestPacer(new VirtualClock(), 'replicaset-controller'), () => {
      callCnt++;
      if (callCnt > callLimit) throw new Error('fake error');
    }).then((r) => (result = r));
    expect({ successes: result?.successes, error: result?.error?.message, calls: callCnt }).toEqual({ successes, error: failed ? 'fake error' : undefined, calls });
  });

  it('With the client limited to 20 requests/s after a burst of 3, the 4th to 10th creates go 50 ms apart', () => {
    const clock = new VirtualClock();
    const limiter = new TokenBucketRateLimiter(clock, 20, 3);
    const pacer = new RequestPacer(clock, 'replicaset-controller', limiter);
    const times: number[] = [];
    let result: SlowStartResult | undefined;
    slowStartBatch(10, 1, pacer, () => {
      limiter.reserve();
      times.push(clock.now());
    }).then((r) => (result = r));
    expect(result).toBeUndefined();
    clock.advanceTo(10_000);
    expect(times).toEqual([0, 0, 0, 50, 100, 150, 200, 250, 300, 350]);
    expect(result).toEqual({ successes: 10 });
  });
});

describe('ReplicaSetController scale up', () => {
  it('Creates pods in slow-start batches of 1, 2 and 4, stopping at the first batch with a failed create', () => {
    let quota = 3;
    const h = setup({
      client: (inner) =>
        delegate(inner, {
          create: <T extends KubeObject>(obj: T, ctx: WriteContext) => {
            const used = inner.list('Pod', { namespace: 'default' }).length;
            if (obj.kind === 'Pod' && used >= quota) {
              throw statusErrors.forbidden('pods', '', obj.metadata.generateName ?? '', `exceeded quota: pod-quota, requested: pods=1, used: pods=${used}, limited: pods=${quota}`);
            }
            return inner.create(obj, ctx);
          },
        }),
    });
    h.cluster.client.create(replicaSet('web', 10), USER);
    h.writes();
    const quotaError = 'pods "web-" is forbidden: exceeded quota: pod-quota, requested: pods=1, used: pods=3, limited: pods=3';
    expect(() => h.controller.sync('default/web')).toThrow(quotaError);
    const [a, b, c] = h.createdPods();
    expect(h.writes()).toEqual([
      `replicaset-controller create Pod ${a}: created pod ${a} for ReplicaSet web: it wants 10 replicas and has 0 (slow-start batch of 1)`,
      `replicaset-controller create Pod ${b}: created pod ${b} for ReplicaSet web: it wants 10 replicas and has 1 (slow-start batch of 2)`,
      `replicaset-controller create Pod ${c}: created pod ${c} for ReplicaSet web: it wants 10 replicas and has 2 (slow-start batch of 2)`,
      // Status counts the pods the sync started from: the new ones show up in the next sync.
      `replicaset-controller updateStatus ReplicaSet web: updated status of ReplicaSet web: replicas 0 (wants 10), fullyLabeledReplicas 0, readyReplicas 0, availableReplicas 0, terminatingReplicas 0, observedGeneration 1; ReplicaFailure FailedCreate: ${quotaError}`,
    ]);
    // All 4 creates of the third batch failed; the last 3 were never tried.
    expect(h.events()).toEqual([
      `replicaset-controller Normal SuccessfulCreate (x1): Created pod: ${a}`,
      `replicaset-controller Normal SuccessfulCreate (x1): Created pod: ${b}`,
      `replicaset-controller Normal SuccessfulCreate (x1): Created pod: ${c}`,
      `replicaset-controller Warning FailedCreate (x4): Error creating: ${quotaError}`,
    ]);
    expect(h.get('ReplicaSet', 'web').status).toEqual({
      replicas: 0,
      fullyLabeledReplicas: 0,
      readyReplicas: 0,
      availableReplicas: 0,
      terminatingReplicas: 0,
      observedGeneration: 1,
      conditions: [{ type: 'ReplicaFailure', status: 'True', lastTransitionTime: rfc3339(0), reason: 'FailedCreate', message: quotaError }],
    });
    // Failed and untried creates were taken off the expectations, so the next sync may try again.
    expect(h.controller.expectations.getExpectations('default/web')).toMatchObject({ add: 0, del: 0 });

    quota = 10;
    h.controller.sync('default/web');
    const rest = h.createdPods().slice(3);
    const batches = [1, 2, 2, 4, 4, 4, 4];
    expect(h.writes()).toEqual([
      ...rest.map((name, i) => `replicaset-controller create Pod ${name}: created pod ${name} for ReplicaSet web: it wants 10 replicas and has ${3 + i} (slow-start batch of ${batches[i]})`),
      'replicaset-controller updateStatus ReplicaSet web: updated status of ReplicaSet web: replicas 3 (wants 10), fullyLabeledReplicas 3, readyReplicas 0, availableReplicas 0, terminatingReplicas 0, observedGeneration 1',
    ]);
    expect(h.pods()).toHaveLength(10);
    expect(h.get('ReplicaSet', 'web').status).not.toHaveProperty('conditions');
  });

  it('Does not create pods twice while the watch has not yet shown the first ones', () => {
    const lag = laggingWatch(['Pod']);
    const h = setup({ informerClient: lag.wrap });
    h.cluster.client.create(replicaSet('web', 3), USER);
    lag.pause();
    h.controller.sync('default/web');
    expect(h.pods()).toHaveLength(3);
    expect(h.controller.expectations.getExpectations('default/web')).toMatchObject({ add: 3, del: 0 });
    h.writes();

    // The informer still shows no pods: without expectations this sync would create 3 more.
    h.controller.sync('default/web');
    expect(h.writes()).toEqual([]);
    expect(h.pods()).toHaveLength(3);

    lag.release();
    expect(h.controller.expectations.getExpectations('default/web')).toMatchObject({ add: 0, del: 0 });
    h.controller.sync('default/web');
    expect(h.writes()).toEqual([
      'replicaset-controller updateStatus ReplicaSet web: updated status of ReplicaSet web: replicas 3 (wants 3), fullyLabeledReplicas 3, readyReplicas 0, availableReplicas 0, terminatingReplicas 0, observedGeneration 1',
    ]);
  });

  it('Syncs anyway once its expectations are more than 5 minutes old, in case a watch event was lost', () => {
    const lag = laggingWatch(['Pod']);
    const h = setup({ informerClient: lag.wrap });
    h.cluster.client.create(replicaSet('web', 1), USER);
    lag.pause();
    h.controller.sync('default/web');
    h.cluster.clock.advanceTo(5 * 60 * 1000);
    h.writes();
    h.controller.sync('default/web');
    expect(h.writes()).toEqual([]);
    h.cluster.clock.advanceTo(5 * 60 * 1000 + 1);
    h.controller.sync('default/web');
    expect(h.writes()).toEqual([
      `replicaset-controller create Pod ${h.createdPods()[1]}: created pod ${h.createdPods()[1]} for ReplicaSet web: it wants 1 replica and has 0 (slow-start batch of 1)`,
    ]);
  });

  it('Builds pods from the template: its labels, annotations and spec, generateName and a controller reference', () => {
    const h = setup();
    const template = {
      metadata: { name: 'ignored', labels: { app: 'web', tier: 'fe' }, annotations: { 'example.com/note': 'kept' } },
      spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }] },
    };
    const rs = h.cluster.client.create(replicaSet('web', 1, { template }), USER);
    h.controller.sync('default/web');
    const pod = h.pod(h.createdPods()[0]);
    expect(pod.metadata).toMatchObject({
      generateName: 'web-',
      labels: { app: 'web', tier: 'fe' },
      annotations: { 'example.com/note': 'kept' },
      ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web', uid: rs.metadata.uid, controller: true, blockOwnerDeletion: true }],
    });
    expect(pod.metadata.name).toMatch(/^web-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(pod.spec?.containers.map((c) => [c.name, c.image])).toEqual([['nginx', 'nginx:1.27']]);
  });
});

describe('ReplicaSetController scale down', () => {
  interface Case {
    name: string;
    replicas: number;
    /** Status and annotations of the 3 pods, in creation order. */
    pods: { status: PodStatus; cost?: string }[];
    /** The pods deleted (indexes in creation order) and why. */
    want: [number, string][];
  }
  const cases: Case[] = [
    {
      name: 'Scaling 3 pods down to 1 deletes the pending pod, then the one that is not ready',
      replicas: 1,
      pods: [{ status: runningPod(-HOUR) }, { status: runningPod() }, { status: { phase: 'Pending' } }],
      want: [
        [2, 'chose a pod in phase Pending over one in phase Running'],
        [1, 'chose a pod that is not ready'],
      ],
    },
    {
      name: 'Among ready pods the lowest pod-deletion-cost goes first',
      replicas: 1,
      pods: [{ status: runningPod(-HOUR), cost: '5' }, { status: runningPod(-HOUR), cost: '-1' }, { status: runningPod(-HOUR) }],
      want: [
        [1, 'chose the pod with the lower pod-deletion-cost (-1 vs 5)'],
        [2, 'chose the pod with the lower pod-deletion-cost (0 vs 5)'],
      ],
    },
    {
      name: 'Among ready pods the one ready most recently goes first, comparing log2 time buckets',
      replicas: 1,
      pods: [{ status: runningPod(-2 * HOUR) }, { status: runningPod(-10_000) }, { status: runningPod(-4 * HOUR) }],
      want: [
        [1, 'chose the pod that became ready most recently'],
        [0, 'chose the pod that became ready most recently'],
      ],
    },
    {
      name: 'Scaling to 0 deletes every pod without choosing',
      replicas: 0,
      pods: [{ status: runningPod(-HOUR) }, { status: runningPod() }, { status: { phase: 'Pending' } }],
      want: [
        [0, 'every pod goes, so none had to be chosen'],
        [1, 'every pod goes, so none had to be chosen'],
        [2, 'every pod goes, so none had to be chosen'],
      ],
    },
  ];
  it.each(cases)('$name', ({ replicas, pods, want }) => {
    const h = setup();
    h.cluster.client.create(replicaSet('web', 3), USER);
    h.controller.sync('default/web');
    const names = h.createdPods();
    pods.forEach(({ status, cost }, i) => {
      h.setPodStatus(names[i], status);
      if (cost !== undefined) h.cluster.client.patch('Pod', 'default', names[i], { metadata: { annotations: { [POD_DELETION_COST]: cost } } }, USER);
    });
    const rs = h.get('ReplicaSet', 'web');
    h.cluster.client.update({ ...rs, spec: { ...(rs.spec as object), replicas } }, USER);
    h.writes();
    h.controller.sync('default/web');
    const deleted = h.writes().filter((w) => w.includes(' delete Pod '));
    // With scale to 0 the pods go in list order, which is name order.
    const order = replicas === 0 ? [...names].sort() : want.map(([i]) => names[i]);
    expect(deleted).toEqual(
      want.map(([, why], i) => `replicaset-controller delete Pod ${order[i]}: deleted pod ${order[i]}: ReplicaSet web wants ${replicas} replica${replicas === 1 ? '' : 's'} and has 3; ${why}`),
    );
    expect(h.events().filter((e) => e.includes('SuccessfulDelete'))).toEqual(order.map((n) => `replicaset-controller Normal SuccessfulDelete (x1): Deleted pod: ${n}`));
    expect(h.pods()).toHaveLength(replicas);
  });
});

describe('ReplicaSetController adoption and release', () => {
  it('Adopts a bare pod with matching labels and creates only the missing 2 (the frontend.yaml example)', () => {
    const h = setup();
    h.cluster.client.create(barePod('pod1', { tier: 'frontend' }), USER);
    h.cluster.apply(readFileSync(new URL('website__controllers-frontend.yaml', MANIFESTS), 'utf8'));
    h.writes();
    h.controller.sync('default/frontend');
    const [a, b] = h.createdPods();
    expect(h.writes()).toEqual([
      "replicaset-controller patch Pod pod1: adopted pod pod1: it had no controller and its labels match ReplicaSet frontend's selector tier=frontend",
      `replicaset-controller create Pod ${a}: created pod ${a} for ReplicaSet frontend: it wants 3 replicas and has 1 (slow-start batch of 1)`,
      `replicaset-controller create Pod ${b}: created pod ${b} for ReplicaSet frontend: it wants 3 replicas and has 2 (slow-start batch of 1)`,
      'replicaset-controller updateStatus ReplicaSet frontend: updated status of ReplicaSet frontend: replicas 1 (wants 3), fullyLabeledReplicas 1, readyReplicas 0, availableReplicas 0, terminatingReplicas 0, observedGeneration 1',
    ]);
    expect(h.pod('pod1').metadata.ownerReferences).toEqual([
      { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'frontend', uid: h.get('ReplicaSet', 'frontend').metadata.uid, controller: true, blockOwnerDeletion: true },
    ]);
    expect(h.pods()).toHaveLength(3);
  });

  it('Releases a pod whose labels no longer match, and replaces it', () => {
    const h = setup();
    h.cluster.client.create(replicaSet('web', 2), USER);
    h.controller.sync('default/web');
    const [a] = h.createdPods();
    h.cluster.client.patch('Pod', 'default', a, { metadata: { labels: { app: 'debug' } } }, USER);
    h.writes();
    h.controller.sync('default/web');
    const replacement = h.createdPods()[2];
    expect(h.writes()).toEqual([
      `replicaset-controller patch Pod ${a}: released pod ${a}: its labels no longer match ReplicaSet web's selector app=web`,
      `replicaset-controller create Pod ${replacement}: created pod ${replacement} for ReplicaSet web: it wants 2 replicas and has 1 (slow-start batch of 1)`,
      'replicaset-controller updateStatus ReplicaSet web: updated status of ReplicaSet web: replicas 1 (wants 2), fullyLabeledReplicas 1, readyReplicas 0, availableReplicas 0, terminatingReplicas 0, observedGeneration 1',
    ]);
    expect(h.pod(a).metadata.ownerReferences).toBeUndefined();
  });

  it('Neither adopts nor creates while the ReplicaSet is being deleted', () => {
    const h = setup();
    h.cluster.client.create(replicaSet('web', 2, {}, { finalizers: ['example.com/hold'] }), USER);
    h.cluster.client.delete('ReplicaSet', 'default', 'web', USER);
    h.cluster.client.create(barePod('bare', { app: 'web' }), USER);
    h.writes();
    h.controller.sync('default/web');
    expect(h.writes()).toEqual([
      'replicaset-controller updateStatus ReplicaSet web: updated status of ReplicaSet web: replicas 0 (wants 2), fullyLabeledReplicas 0, readyReplicas 0, availableReplicas 0, terminatingReplicas 0, observedGeneration 1',
    ]);
    expect(h.pod('bare').metadata.ownerReferences).toBeUndefined();
  });

  it('Does not adopt when a fresh read shows the ReplicaSet deleted although the cache does not yet', () => {
    const lag = laggingWatch(['ReplicaSet']);
    const h = setup({ informerClient: lag.wrap });
    h.cluster.client.create(replicaSet('web', 1, {}, { finalizers: ['example.com/hold'] }), USER);
    h.cluster.client.create(barePod('bare', { app: 'web' }), USER);
    lag.pause();
    h.cluster.client.delete('ReplicaSet', 'default', 'web', USER);
    h.writes();
    const uid = h.pod('bare').metadata.uid;
    expect(() => h.controller.sync('default/web')).toThrow(`can't adopt Pod default/bare (${uid}): default/web has just been deleted at ${rfc3339(0)}`);
    expect(h.writes()).toEqual([]);
  });
});

describe('ReplicaSetController status', () => {
  it('Counts replicas, fully labeled, ready, available after minReadySeconds, and terminating pods', () => {
    const h = setup();
    const template = { metadata: { labels: { app: 'web', tier: 'fe' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }] } };
    h.cluster.client.create(replicaSet('web', 3, { minReadySeconds: 10, template }), USER);
    h.cluster.client.create(barePod('bare', { app: 'web' }), USER);
    h.controller.sync('default/web');
    const [a, b] = h.createdPods();
    for (const name of ['bare', a, b]) h.cluster.client.bind('default', name, 'node-1', KUBELET);
    h.setPodStatus('bare', runningPod(0));
    h.setPodStatus(a, runningPod(0));
    h.setPodStatus(b, runningPod());
    h.controller.sync('default/web');
    const status = () => h.get('ReplicaSet', 'web').status;
    // bare lacks the template's tier label, so it is not fully labeled.
    expect(status()).toEqual({ replicas: 3, fullyLabeledReplicas: 2, readyReplicas: 2, availableReplicas: 0, terminatingReplicas: 0, observedGeneration: 1 });

    // Available means Ready for longer than minReadySeconds: not yet at exactly 10 s; the controller asked to look
    // again 1 ms later.
    h.cluster.advance(10_000);
    expect(status()).toMatchObject({ readyReplicas: 2, availableReplicas: 0 });
    h.cluster.advance(1);
    expect(status()).toMatchObject({ readyReplicas: 2, availableReplicas: 2 });

    // A bound pod being deleted gracefully is terminating: it no longer counts, and is replaced at once.
    h.cluster.client.delete('Pod', 'default', b, USER);
    h.cluster.advance(0);
    expect(status()).toEqual({ replicas: 3, fullyLabeledReplicas: 2, readyReplicas: 2, availableReplicas: 2, terminatingReplicas: 1, observedGeneration: 1 });
    expect(h.pods()).toHaveLength(4);
  });
});

describe('ReplicaSetController bookkeeping', () => {
  it('Retries a status write that conflicts with a newer version, on a fresh read', () => {
    const lag = laggingWatch(['ReplicaSet']);
    const attempts: string[] = [];
    const h = setup({
      informerClient: lag.wrap,
      client: (inner) =>
        delegate(inner, {
          updateStatus: <T extends KubeObject>(obj: T, ctx: WriteContext) => {
            try {
              return inner.updateStatus(obj, ctx);
            } catch (err) {
              attempts.push((err as Error).message);
              throw err;
            }
          },
        }),
    });
    h.cluster.client.create(replicaSet('web', 0), USER);
    lag.pause();
    h.cluster.client.patch('ReplicaSet', 'default', 'web', { metadata: { labels: { team: 'a' } } }, USER);
    h.writes();
    h.controller.sync('default/web');
    expect(attempts).toEqual([
      'Operation cannot be fulfilled on replicasets.apps "web": the object has been modified; please apply your changes to the latest version and try again',
    ]);
    expect(h.writes()).toEqual([
      'replicaset-controller updateStatus ReplicaSet web: updated status of ReplicaSet web: replicas 0 (wants 0), fullyLabeledReplicas 0, readyReplicas 0, availableReplicas 0, terminatingReplicas 0, observedGeneration 1',
    ]);
    expect(h.get('ReplicaSet', 'web').metadata.labels).toEqual({ team: 'a' });
  });

  it('Forgets the expectations of a deleted ReplicaSet, so a new one with the same name starts clean', () => {
    const lag = laggingWatch(['Pod']);
    const h = setup({ informerClient: lag.wrap });
    h.cluster.client.create(replicaSet('web', 2), USER);
    lag.pause();
    h.controller.sync('default/web');
    expect(h.controller.expectations.satisfiedExpectations('default/web')).toBe(false);
    h.cluster.client.delete('ReplicaSet', 'default', 'web', USER);
    expect(h.controller.expectations.getExpectations('default/web')).toBeUndefined();
  });
});

describe('ReplicationController', () => {
  it('Runs the same controller for the replication.yaml example: 3 pods named nginx-<5 characters>', () => {
    const h = setup({ kind: REPLICATION_CONTROLLER });
    h.cluster.apply(readFileSync(new URL('website__controllers-replication.yaml', MANIFESTS), 'utf8'));
    h.writes();
    h.controller.sync('default/nginx');
    const names = h.createdPods();
    // generateName nginx- plus 5 characters of the API server's alphabet, drawn from the cluster's seed.
    expect(names).toEqual(['nginx-h862z', 'nginx-pfmf2', 'nginx-dk77n']);
    expect(h.writes()).toEqual([
      ...names.map((n, i) => `replication-controller create Pod ${n}: created pod ${n} for ReplicationController nginx: it wants 3 replicas and has ${i} (slow-start batch of ${[1, 2, 2][i]})`),
      'replication-controller updateStatus ReplicationController nginx: updated status of ReplicationController nginx: replicas 0 (wants 3), fullyLabeledReplicas 0, readyReplicas 0, availableReplicas 0, observedGeneration 1',
    ]);
    const rc = h.get('ReplicationController', 'nginx');
    expect(h.pod(names[0]).metadata).toMatchObject({
      generateName: 'nginx-',
      labels: { app: 'nginx' },
      ownerReferences: [{ apiVersion: 'v1', kind: 'ReplicationController', name: 'nginx', uid: rc.metadata.uid, controller: true, blockOwnerDeletion: true }],
    });
    expect(h.events()).toEqual(names.map((n) => `replication-controller Normal SuccessfulCreate (x1): Created pod: ${n}`));
    h.controller.sync('default/nginx');
    expect(h.get('ReplicationController', 'nginx').status).toEqual({ replicas: 3, fullyLabeledReplicas: 3, readyReplicas: 0, availableReplicas: 0, observedGeneration: 1 });
  });
});
