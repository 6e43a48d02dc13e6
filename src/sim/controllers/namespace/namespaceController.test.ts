import { describe, expect, it } from 'vitest';
import type { NamespaceCondition } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../api/object';
import { StatusError } from '../../api/statusError';
import { createCluster } from '../../cluster/cluster';
import { controllerContextFor } from '../testing/controllerContext';
import type { WriteContext } from '../../store/types';
import type { NamespaceObject } from './deletion/namespacedResourcesDeleter';

import { NamespaceController } from './namespaceController';

const USER: WriteContext = { actor: 'user', reason: 'test setup' };
const KUBELET: WriteContext = { actor: 'kubelet/node-1', reason: 'test: containers stopped' };

/** setup builds a cluster (scheduler, no kubelets) with the namespace controller and a namespace `shop`. */
function setup() {
  const cluster = createCluster({ controllers: false, kubelets: false });
  const client = cluster.client;
  const ctx = controllerContextFor(cluster);
  new NamespaceController(ctx, cluster.registry);
  client.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } }, USER);
  let seen = 0;
  return {
    cluster,
    client,
    /** writes returns the namespace controller's narrated writes since the last call, with their time in seconds. */
    writes(): string[] {
      const all = cluster.actions();
      const fresh = all.slice(seen);
      seen = all.length;
      return fresh.filter((a) => a.actor === 'namespace-controller').map((a) => `${a.time / 1000}s ${a.verb} ${a.kind} ${a.name}: ${a.reason}`);
    },
    /** advanceTo moves the clock to `seconds` after the start. */
    advanceTo(seconds: number): void {
      cluster.advance(seconds * 1000 - cluster.now());
    },
    namespace(): NamespaceObject | undefined {
      return client.get<NamespaceObject>('Namespace', '', 'shop');
    },
    /** conditions lists the namespace's deletion conditions as `Type=Status Reason: message`. */
    conditions(): string[] {
      return (client.get<NamespaceObject>('Namespace', '', 'shop')?.status?.conditions ?? []).map((c: NamespaceCondition) => `${c.type}=${c.status} ${c.reason}: ${c.message}`);
    },
  };
}

function object(kind: string, name: string, extra: Record<string, unknown> = {}, metadata: Record<string, unknown> = {}): KubeObject {
  return { apiVersion: 'v1', kind, metadata: { name, namespace: 'shop', ...metadata }, ...extra };
}

const POD_SPEC = { spec: { containers: [{ name: 'web', image: 'nginx:1.27' }] } };

const OK = [
  'NamespaceDeletionDiscoveryFailure=False ResourcesDiscovered: All resources successfully discovered',
  'NamespaceDeletionGroupVersionParsingFailure=False ParsedGroupVersions: All legacy kube types successfully parsed',
  'NamespaceDeletionContentFailure=False ContentDeleted: All content successfully deleted, may be waiting on finalization',
];

describe('NamespaceController', () => {
  it('Deleting a namespace deletes everything in it, waits for the terminating pod, then removes the finalizer and the namespace goes', () => {
    const h = setup();
    h.client.create(object('ConfigMap', 'settings', { data: { mode: 'prod' } }), USER);
    h.client.create(object('Pod', 'web', POD_SPEC), USER);
    h.advanceTo(1);
    expect(h.client.get<KubeObject & { spec: { nodeName?: string } }>('Pod', 'shop', 'web')?.spec.nodeName).toBeDefined();
    h.writes();
    h.cluster.delete('Namespace', '', 'shop');
    expect(h.namespace()?.status?.phase).toBe('Terminating');
    // The controller waits namespaceDeletionGracePeriod (5 s) before it starts.
    h.advanceTo(5.999);
    expect(h.writes()).toEqual([]);
    h.advanceTo(6);
    expect(h.writes()).toEqual([
      '6s delete Pod web: deleted pod shop/web: namespace shop is being deleted',
      '6s delete ConfigMap settings: deleted configmap shop/settings: namespace shop is being deleted',
      '6s updateStatus Namespace shop: updated the deletion conditions of namespace shop: Some resources are remaining: pods. has 1 resource instances',
    ]);
    expect(h.conditions()).toEqual([
      ...OK,
      'NamespaceContentRemaining=True SomeResourcesRemain: Some resources are remaining: pods. has 1 resource instances',
      'NamespaceFinalizersRemaining=False ContentRemoved: All content successfully removed',
    ]);
    expect(h.client.list('Event', { namespace: 'shop' })).toEqual([]);
    // The pod is bound, so it terminates gracefully (30 s); the controller looks again without writing.
    h.advanceTo(30);
    expect(h.writes()).toEqual([]);
    expect(h.namespace()?.spec?.finalizers).toEqual(['kubernetes']);
    h.client.delete('Pod', 'shop', 'web', KUBELET, { gracePeriodSeconds: 0 });
    h.advanceTo(60);
    expect(h.writes()).toEqual([
      '43s updateStatus Namespace shop: updated the deletion conditions of namespace shop: All content successfully removed',
      '43s update Namespace shop: removed finalizer kubernetes from namespace shop: everything in it is deleted',
    ]);
    expect(h.namespace()).toBeUndefined();
  });

  it('A pod that never finishes terminating is reported as NamespaceDeletionContentFailure once its grace period has passed', () => {
    const h = setup();
    h.client.create(object('Pod', 'stuck', POD_SPEC), USER);
    h.advanceTo(1);
    h.cluster.delete('Namespace', '', 'shop');
    h.advanceTo(42.999);
    h.writes();
    // 42 s after the deletion, past the pod's 30 s grace period, a remaining pod is unexpected.
    h.advanceTo(43);
    expect(h.writes()).toEqual([
      '43s updateStatus Namespace shop: updated the deletion conditions of namespace shop: Failed to delete all resource types, 1 remaining: unexpected items still remain in namespace: shop for gvr: /v1, Resource=pods; Some resources are remaining: pods. has 1 resource instances',
    ]);
    expect(h.conditions()[2]).toBe(
      'NamespaceDeletionContentFailure=True ContentDeletionFailed: Failed to delete all resource types, 1 remaining: unexpected items still remain in namespace: shop for gvr: /v1, Resource=pods',
    );
    h.client.delete('Pod', 'shop', 'stuck', KUBELET, { gracePeriodSeconds: 0 });
    h.advanceTo(120);
    expect(h.namespace()).toBeUndefined();
  });

  it('An object held by a finalizer shows in NamespaceFinalizersRemaining until the finalizer is removed', () => {
    const h = setup();
    h.client.create(object('ConfigMap', 'held', {}, { finalizers: ['example.com/hold'] }), USER);
    h.cluster.delete('Namespace', '', 'shop');
    h.advanceTo(5);
    expect(h.conditions().slice(3)).toEqual([
      'NamespaceContentRemaining=True SomeResourcesRemain: Some resources are remaining: configmaps. has 1 resource instances',
      'NamespaceFinalizersRemaining=True SomeFinalizerRemain: Some finalizers are remaining: example.com/hold in 1 resource instances',
    ]);
    h.advanceTo(60);
    expect(h.namespace()?.metadata.deletionTimestamp).toBeDefined();
    const held = structuredClone(h.client.get<KubeObject>('ConfigMap', 'shop', 'held')!);
    held.metadata.finalizers = [];
    h.client.update(held, USER);
    h.advanceTo(120);
    expect(h.namespace()).toBeUndefined();
  });

  it('A namespace that is not being deleted is left alone', () => {
    const h = setup();
    h.client.create(object('ConfigMap', 'settings'), USER);
    h.advanceTo(60);
    expect(h.writes()).toEqual([]);
    expect(h.client.get('ConfigMap', 'shop', 'settings')).toBeDefined();
  });
});

describe('deleting an immortal namespace (NamespaceLifecycle admission)', () => {
  const cases = [
    { name: 'default may not be deleted', ns: 'default', error: 'namespaces "default" is forbidden: this namespace may not be deleted' },
    { name: 'kube-system may not be deleted', ns: 'kube-system', error: 'namespaces "kube-system" is forbidden: this namespace may not be deleted' },
    { name: 'kube-public may not be deleted', ns: 'kube-public', error: 'namespaces "kube-public" is forbidden: this namespace may not be deleted' },
    { name: 'kube-node-lease may be deleted', ns: 'kube-node-lease', error: undefined },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const cluster = createCluster({ nodes: [] });
      let caught: unknown;
      try {
        cluster.delete('Namespace', '', c.ns);
      } catch (err) {
        caught = err;
      }
      if (c.error === undefined) return expect(caught).toBeUndefined();
      expect(caught).toBeInstanceOf(StatusError);
      expect([(caught as StatusError).code, (caught as StatusError).message, (caught as StatusError).kubectlMessage]).toEqual([403, c.error, `Error from server (Forbidden): ${c.error}`]);
    });
  }
});
