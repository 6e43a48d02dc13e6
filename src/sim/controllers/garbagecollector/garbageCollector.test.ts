import { describe, expect, it } from 'vitest';
import type { OwnerReference } from 'kubernetes-types/meta/v1';
import type { KubeObject } from '../../api/object';
import { createCluster } from '../../cluster/cluster';
import { controllerContextFor } from '../testing/controllerContext';
import type { DeleteOptions, WriteContext } from '../../store/types';
import { DeploymentController } from '../deployment/deploymentController';
import { REPLICA_SET } from '../replicaset/conversion';
import { ReplicaSetController } from '../replicaset/replicaSetController';
import { GarbageCollector } from './garbageCollector';

const USER: WriteContext = { actor: 'user', reason: 'test setup' };

const WEB = `
apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 2
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: nginx, image: nginx:1.27}]}
`;

/**
 * setup builds a cluster with the garbage collector, and optionally the Deployment and ReplicaSet controllers for a
 * whole Deployment -> ReplicaSet -> Pod chain. There are no kubelets: bound pods stay terminating until `confirm`.
 */
function setup(opts: { workloads?: boolean } = {}) {
  const cluster = createCluster({ controllers: false, kubelets: false });
  const client = cluster.client;
  const ctx = controllerContextFor(cluster);
  if (opts.workloads) {
    new DeploymentController(ctx);
    new ReplicaSetController(ctx, REPLICA_SET);
  }
  const gc = new GarbageCollector(ctx, cluster.registry);
  let seen = 0;
  return {
    cluster,
    gc,
    /** gcWrites returns the garbage collector's narrated writes since the last call. */
    gcWrites(): string[] {
      const all = cluster.actions();
      const fresh = all.slice(seen);
      seen = all.length;
      return fresh.filter((a) => a.actor === 'garbage-collector').map((a) => `${a.verb}: ${a.reason}`);
    },
    create(obj: KubeObject): KubeObject {
      return client.create(obj, USER);
    },
    delete(kind: string, name: string, opts?: DeleteOptions, namespace = 'default'): void {
      client.delete(kind, namespace, name, USER, opts);
    },
    get(kind: string, name: string, namespace = 'default'): KubeObject | undefined {
      return client.get(kind, namespace, name);
    },
    names(kind: string): string[] {
      return client.list(kind, { namespace: 'default' }).map((o) => o.metadata.name ?? '');
    },
    /** confirm is the kubelet's final delete of every terminating pod. */
    confirm(): void {
      for (const pod of client.list('Pod')) {
        if (pod.metadata.deletionTimestamp) client.delete('Pod', pod.metadata.namespace ?? '', pod.metadata.name ?? '', { actor: 'kubelet/node-1', reason: 'test: containers stopped' }, { gracePeriodSeconds: 0 });
      }
    },
  };
}

function ownerRef(owner: KubeObject, extra: Partial<OwnerReference> = {}): OwnerReference {
  return { apiVersion: owner.apiVersion, kind: owner.kind, name: owner.metadata.name ?? '', uid: owner.metadata.uid ?? '', ...extra };
}

function configMap(name: string, owners: OwnerReference[] = [], namespace = 'default'): KubeObject {
  return { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace, ...(owners.length > 0 ? { ownerReferences: owners } : {}) }, data: {} };
}

function pod(name: string, owners: OwnerReference[]): KubeObject {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default', ownerReferences: owners }, spec: { containers: [{ name: 'app', image: 'nginx:1.27' }] } };
}

/** chain applies the web Deployment and runs until its ReplicaSet and two pods exist and are scheduled. */
function chain() {
  const h = setup({ workloads: true });
  h.cluster.apply(WEB);
  h.cluster.settle();
  const [rs] = h.names('ReplicaSet');
  // In creation order: the order the garbage collector's graph learnt of them.
  const pods = h.cluster.actions().filter((a) => a.verb === 'create' && a.kind === 'Pod').map((a) => a.name);
  h.gcWrites();
  return { ...h, rs, pods };
}

describe('GarbageCollector: background cascading deletion', () => {
  it('Deleting a Deployment deletes its ReplicaSet, then the ReplicaSet’s pods, which go once the kubelet confirms', () => {
    const h = chain();
    expect(h.pods).toHaveLength(2);
    h.delete('Deployment', 'web', { propagationPolicy: 'Background' });
    h.cluster.settle();
    expect(h.gcWrites()).toEqual([
      `delete: deleted ReplicaSet ${h.rs}: its owner Deployment web is gone (background cascading deletion)`,
      `delete: deleted Pod ${h.pods[0]}: its owner ReplicaSet ${h.rs} is gone (background cascading deletion)`,
      `delete: deleted Pod ${h.pods[1]}: its owner ReplicaSet ${h.rs} is gone (background cascading deletion)`,
    ]);
    expect(h.names('ReplicaSet')).toEqual([]);
    // Bound pods terminate gracefully: they stay, with a deletionTimestamp, until the kubelet confirms.
    expect(h.pods.map((name) => h.get('Pod', name)?.metadata.deletionGracePeriodSeconds)).toEqual([30, 30]);
    h.confirm();
    h.cluster.settle();
    expect(h.names('Pod')).toEqual([]);
    expect(h.gcWrites()).toEqual([]);
  });

  it('A Node’s mirror pods go when the Node is deleted: cluster-scoped owners work across namespaces', () => {
    const h = setup();
    const node = h.get('Node', 'node-1', '')!;
    h.create({ ...pod('static-web-node-1', [ownerRef(node, { controller: true })]), spec: { nodeName: 'node-1', containers: [{ name: 'web', image: 'nginx:1.27' }] } });
    h.cluster.settle();
    h.delete('Node', 'node-1', undefined, '');
    h.cluster.settle();
    expect(h.gcWrites()).toEqual(['delete: deleted Pod static-web-node-1: its owner Node node-1 is gone (background cascading deletion)']);
    // The pod is bound, so it terminates gracefully; with its kubelet gone, only PodGC will finish it.
    expect(h.get('Pod', 'static-web-node-1')?.metadata.deletionGracePeriodSeconds).toBe(30);
  });
});

describe('GarbageCollector: foreground cascading deletion', () => {
  it('The Deployment stays with a deletionTimestamp until its ReplicaSet and pods are gone, then disappears', () => {
    const h = chain();
    h.delete('Deployment', 'web', { propagationPolicy: 'Foreground' });
    h.cluster.settle();
    expect(h.gcWrites()).toEqual([
      `delete: deleted ReplicaSet ${h.rs}: its owner Deployment web is being deleted in the foreground and waits for its dependents (foreground cascading deletion: its own dependents go first)`,
      `delete: deleted Pod ${h.pods[0]}: its owner ReplicaSet ${h.rs} is being deleted in the foreground and waits for its dependents (background cascading deletion)`,
      `delete: deleted Pod ${h.pods[1]}: its owner ReplicaSet ${h.rs} is being deleted in the foreground and waits for its dependents (background cascading deletion)`,
    ]);
    const deployment = h.get('Deployment', 'web')!;
    const rs = h.get('ReplicaSet', h.rs)!;
    expect([deployment.metadata.deletionTimestamp !== undefined, deployment.metadata.finalizers]).toEqual([true, ['foregroundDeletion']]);
    expect([rs.metadata.deletionTimestamp !== undefined, rs.metadata.finalizers]).toEqual([true, ['foregroundDeletion']]);
    h.confirm();
    h.cluster.settle();
    expect(h.gcWrites()).toEqual([
      `patch: removed finalizer foregroundDeletion from ReplicaSet ${h.rs}: all its blocking dependents are deleted`,
      'patch: removed finalizer foregroundDeletion from Deployment web: all its blocking dependents are deleted',
    ]);
    expect([h.names('Deployment'), h.names('ReplicaSet'), h.names('Pod')]).toEqual([[], [], []]);
  });

  it('A dependent without blockOwnerDeletion does not hold the owner back, and is deleted all the same', () => {
    const h = setup();
    const owner = h.create(configMap('owner'));
    h.create(configMap('blocking', [ownerRef(owner, { blockOwnerDeletion: true })]));
    h.create(configMap('free', [ownerRef(owner)]));
    h.cluster.settle();
    h.delete('ConfigMap', 'owner', { propagationPolicy: 'Foreground' });
    h.cluster.settle();
    expect(h.gcWrites()).toEqual([
      'delete: deleted ConfigMap blocking: its owner ConfigMap owner is being deleted in the foreground and waits for its dependents (background cascading deletion)',
      'delete: deleted ConfigMap free: its owner ConfigMap owner is being deleted in the foreground and waits for its dependents (background cascading deletion)',
      'patch: removed finalizer foregroundDeletion from ConfigMap owner: all its blocking dependents are deleted',
    ]);
    expect(h.names('ConfigMap')).toEqual([]);
  });
});

describe('GarbageCollector: orphan', () => {
  it('The ReplicaSet loses its ownerReference and lives on with its pods; then the Deployment goes', () => {
    const h = chain();
    h.delete('Deployment', 'web', { propagationPolicy: 'Orphan' });
    h.cluster.settle();
    expect(h.gcWrites()).toEqual([
      `patch: removed the ownerReference to Deployment web from ReplicaSet ${h.rs}: Deployment web is being deleted with propagationPolicy Orphan, so its dependents live on`,
      'patch: removed finalizer orphan from Deployment web: its dependents no longer reference it',
    ]);
    expect(h.names('Deployment')).toEqual([]);
    expect(h.get('ReplicaSet', h.rs)?.metadata.ownerReferences).toBeUndefined();
    expect(h.names('Pod')).toEqual([...h.pods].sort());
    expect(h.pods.map((name) => h.get('Pod', name)?.metadata.deletionTimestamp)).toEqual([undefined, undefined]);
  });
});

describe('GarbageCollector: owner references', () => {
  it('A dependent with two owners survives one owner’s deletion without the dangling reference, then goes with the second', () => {
    const h = setup();
    const a = h.create(configMap('a'));
    const b = h.create(configMap('b'));
    h.create(configMap('c', [ownerRef(a), ownerRef(b)]));
    h.cluster.settle();
    h.delete('ConfigMap', 'a');
    h.cluster.settle();
    expect(h.gcWrites()).toEqual(['patch: removed the ownerReference to ConfigMap a from ConfigMap c: its owner ConfigMap a is gone, but its owner ConfigMap b still exists']);
    expect(h.get('ConfigMap', 'c')?.metadata.ownerReferences).toEqual([ownerRef(b)]);
    h.delete('ConfigMap', 'b');
    h.cluster.settle();
    expect(h.gcWrites()).toEqual(['delete: deleted ConfigMap c: its owner ConfigMap b is gone (background cascading deletion)']);
    expect(h.get('ConfigMap', 'c')).toBeUndefined();
  });

  it('An owner re-created under the same name has a new uid: the old dependents’ references stay dangling and they are deleted', () => {
    const h = setup();
    const first = h.create(configMap('cfg'));
    h.create(pod('user-of-cfg', [ownerRef(first)]));
    h.cluster.settle();
    h.delete('ConfigMap', 'cfg');
    const second = h.create(configMap('cfg'));
    h.cluster.settle();
    expect(h.gcWrites()).toEqual([
      'delete: deleted Pod user-of-cfg: its owner ConfigMap cfg is gone (the ConfigMap cfg there now is a new object with another uid) (background cascading deletion)',
    ]);
    expect(h.get('ConfigMap', 'cfg')?.metadata.uid).toBe(second.metadata.uid);
    expect(second.metadata.uid).not.toBe(first.metadata.uid);
  });

  it('A dependent created pointing at an owner uid that never existed is deleted, and the virtual owner node leaves the graph', () => {
    const h = setup();
    const real = h.create(configMap('cfg'));
    h.create(pod('stale', [{ ...ownerRef(real), uid: 'no-such-uid' }]));
    expect(h.gc.graphHasUid('no-such-uid')).toBe(true);
    h.cluster.settle();
    expect(h.gcWrites()).toEqual([
      'delete: deleted Pod stale: its owner ConfigMap cfg is gone (the ConfigMap cfg there now is a new object with another uid) (background cascading deletion)',
    ]);
    expect(h.gc.graphHasUid('no-such-uid')).toBe(false);
    expect(h.get('ConfigMap', 'cfg')).toBeDefined();
  });

  it('A reference to an owner in another namespace is reported with OwnerRefInvalidNamespace, and the dependent is deleted', () => {
    const h = setup();
    h.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'other' } });
    const owner = h.create(configMap('owner', [], 'other'));
    h.create(configMap('dependent', [ownerRef(owner)]));
    h.cluster.settle();
    expect(h.gcWrites()).toEqual(['delete: deleted ConfigMap dependent: its owner ConfigMap owner is gone (background cascading deletion)']);
    const events = h.cluster.events().map((e) => `${e.source?.component} ${e.type} ${e.reason}: ${e.message}`);
    expect(events).toEqual([
      `garbage-collector-controller Warning OwnerRefInvalidNamespace: ownerRef [v1/ConfigMap, namespace: default, name: owner, uid: ${owner.metadata.uid}] does not exist in namespace "default"`,
    ]);
    expect(h.get('ConfigMap', 'owner', 'other')).toBeDefined();
  });

  it('Objects whose owners all exist are left alone', () => {
    const h = setup();
    const owner = h.create(configMap('owner'));
    h.create(configMap('dependent', [ownerRef(owner, { controller: true, blockOwnerDeletion: true })]));
    h.cluster.settle();
    expect(h.gcWrites()).toEqual([]);
    expect(h.get('ConfigMap', 'dependent')).toBeDefined();
  });
});
