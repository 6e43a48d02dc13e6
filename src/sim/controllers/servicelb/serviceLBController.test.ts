import { describe, expect, it } from 'vitest';
import type { Service, ServiceSpec } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../api/object';
import { InformerFactory } from '../../client/informer';
import { SeededRandom } from '../../clock/random';
import { VirtualClock } from '../../clock/virtualClock';
import { createCluster } from '../../cluster/cluster';
import { EventRecorder } from '../../events/recorder';
import { DEFAULT_KINDS } from '../../kinds';
import { KindRegistry } from '../../kinds/registry';
import { ServiceAllocation } from '../../store/admission/serviceAllocation';
import { ObjectStore } from '../../store/objectStore';
import type { WriteContext } from '../../store/types';
import { controllerContextFor } from '../testing/controllerContext';
import { LOAD_BALANCER_CLEANUP_FINALIZER, ServiceLBController } from './serviceLBController';

type ServiceObject = Service & KubeObject;
const USER: WriteContext = { actor: 'user', reason: 'test setup' };

/** setup builds a cluster without kube-controller-manager and starts only the load-balancer controller. */
function setup(pool?: { first: string; last: string }) {
  const cluster = createCluster({ controllers: false, kubelets: false, nodes: [] });
  const client = cluster.client;
  new ServiceLBController(controllerContextFor(cluster), pool);
  let seenActions = 0;
  let seenEvents = 0;
  return {
    client,
    create(name: string, spec: ServiceSpec = { type: 'LoadBalancer' }): void {
      client.create<ServiceObject>({ apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: 'default' }, spec: { selector: { app: name }, ports: [{ port: 80 }], ...spec } }, USER);
      cluster.settle();
    },
    patch(name: string, patch: object): void {
      client.patch('Service', 'default', name, patch, USER);
      cluster.settle();
    },
    remove(name: string): void {
      client.delete('Service', 'default', name, USER);
      cluster.settle();
    },
    ingress(name: string) {
      return client.get<ServiceObject>('Service', 'default', name)?.status?.loadBalancer?.ingress;
    },
    /** writes returns the controller's narrated writes since the last call. */
    writes(): string[] {
      const fresh = cluster.actions().slice(seenActions);
      seenActions = cluster.actions().length;
      return fresh.filter((a) => a.actor === 'service-lb-controller').map((a) => `${a.verb} ${a.name}: ${a.reason}`);
    },
    /** events returns the Events recorded since the last call, as `kubectl describe` lists them. */
    events(): string[] {
      const all = cluster.events();
      const fresh = all.slice(seenEvents);
      seenEvents = all.length;
      return fresh.map((e) => `${e.type} ${e.reason} ${e.source?.component} ${e.involvedObject.name}: ${e.message}`);
    },
  };
}

describe('ServiceLBController: provisioning', () => {
  it('A LoadBalancer Service gets the cleanup finalizer, then the first pool address as a VIP, with the cloud controller’s Events', () => {
    const h = setup();
    h.create('web');
    expect(h.writes()).toEqual([
      `patch web: added finalizer ${LOAD_BALANCER_CLEANUP_FINALIZER} to Service default/web before creating its load balancer, so the Service cannot be removed before the load balancer is`,
      'updateStatus web: assigned load-balancer IP 172.18.255.200 to Service default/web: the lowest free address of the pool 172.18.255.200-172.18.255.250, where 0 of 51 addresses are in use',
    ]);
    expect(h.ingress('web')).toEqual([{ ip: '172.18.255.200', ipMode: 'VIP' }]);
    expect(h.events()).toEqual([
      'Normal EnsuringLoadBalancer service-controller web: Ensuring load balancer',
      'Normal EnsuredLoadBalancer service-controller web: Ensured load balancer',
    ]);
  });

  it.each([
    ['A ClusterIP Service', { type: 'ClusterIP' }],
    ['A NodePort Service', { type: 'NodePort' }],
    ['A LoadBalancer Service with a loadBalancerClass (another controller’s)', { type: 'LoadBalancer', loadBalancerClass: 'example.com/lb' }],
  ] as [string, ServiceSpec][])('%s is left alone', (_name, spec) => {
    const h = setup();
    h.create('web', spec);
    expect([h.writes(), h.events(), h.ingress('web')]).toEqual([[], [], undefined]);
  });

  it('Addresses are handed out lowest free first, and a freed address is the next one given', () => {
    const h = setup();
    for (const name of ['a', 'b', 'c']) h.create(name);
    expect(['a', 'b', 'c'].map((n) => h.ingress(n)?.[0]?.ip)).toEqual(['172.18.255.200', '172.18.255.201', '172.18.255.202']);
    h.remove('b');
    h.create('d');
    expect(h.ingress('d')?.[0]?.ip).toBe('172.18.255.201');
  });
});

describe('ServiceLBController: releasing', () => {
  it('Deleting a LoadBalancer Service deletes its load balancer, removes the finalizer, and the Service goes', () => {
    const h = setup();
    h.create('web');
    h.writes();
    h.events();
    h.remove('web');
    expect(h.writes()).toEqual([
      `patch web: removed finalizer ${LOAD_BALANCER_CLEANUP_FINALIZER} from Service default/web: the Service is being deleted, so its load balancer (IP 172.18.255.200) was deleted`,
    ]);
    expect(h.events()).toEqual([
      'Normal DeletingLoadBalancer service-controller web: Deleting load balancer',
      'Normal DeletedLoadBalancer service-controller web: Deleted load balancer',
    ]);
    expect(h.client.get('Service', 'default', 'web')).toBeUndefined();
  });

  it('Changing a LoadBalancer to ClusterIP records the Type change, deletes the load balancer and frees its address', () => {
    const h = setup();
    h.create('web');
    h.writes();
    h.events();
    h.patch('web', { spec: { type: 'ClusterIP', externalTrafficPolicy: null, allocateLoadBalancerNodePorts: null } });
    // The API server already cleared status.loadBalancer with the type change, so there is no status left to clear.
    expect(h.writes()).toEqual([
      `patch web: removed finalizer ${LOAD_BALANCER_CLEANUP_FINALIZER} from Service default/web: the Service is now of type ClusterIP, so its load balancer was deleted`,
    ]);
    expect(h.events()).toEqual([
      'Normal Type service-controller web: LoadBalancer -> ClusterIP',
      'Normal DeletingLoadBalancer service-controller web: Deleting load balancer',
      'Normal DeletedLoadBalancer service-controller web: Deleted load balancer',
    ]);
    expect(h.client.get<ServiceObject>('Service', 'default', 'web')?.metadata.finalizers).toBeUndefined();
    h.create('next');
    expect(h.ingress('next')?.[0]?.ip).toBe('172.18.255.200');
  });

  it('Changing a ClusterIP Service to LoadBalancer records the Type change and provisions it', () => {
    const h = setup();
    h.create('web', { type: 'ClusterIP' });
    h.patch('web', { spec: { type: 'LoadBalancer' } });
    expect(h.events()).toEqual([
      'Normal Type service-controller web: ClusterIP -> LoadBalancer',
      'Normal EnsuringLoadBalancer service-controller web: Ensuring load balancer',
      'Normal EnsuredLoadBalancer service-controller web: Ensured load balancer',
    ]);
    expect(h.ingress('web')).toEqual([{ ip: '172.18.255.200', ipMode: 'VIP' }]);
  });
});

describe('ServiceLBController: an exhausted pool', () => {
  it('A Service the pool cannot serve gets a Warning and waits; the first address freed goes to it', () => {
    const h = setup({ first: '172.18.255.200', last: '172.18.255.201' });
    h.create('a');
    h.create('b');
    h.events();
    h.create('c');
    expect([h.ingress('c'), h.events()]).toEqual([
      undefined,
      [
        'Normal EnsuringLoadBalancer service-controller c: Ensuring load balancer',
        'Warning SyncLoadBalancerFailed service-controller c: Error syncing load balancer: failed to ensure load balancer: no address left in the pool 172.18.255.200-172.18.255.201: all 2 are in use',
      ],
    ]);
    h.remove('a');
    expect(h.ingress('c')).toEqual([{ ip: '172.18.255.200', ipMode: 'VIP' }]);
  });
});

describe('ServiceLBController behind the API server’s Service allocator', () => {
  it('A type change away from LoadBalancer frees the address at once (the API server clears the status) and the controller only drops its finalizer', () => {
    const clock = new VirtualClock();
    const random = new SeededRandom(1);
    const store = new ObjectStore({ clock, random, registry: new KindRegistry(DEFAULT_KINDS), admission: [new ServiceAllocation(random)] });
    new ServiceLBController({ client: store, informers: new InformerFactory(store), clock, random, recorder: new EventRecorder(store, clock) });
    const settle = () => {
      while (clock.hasPendingWork() && clock.runNext());
    };
    store.create<ServiceObject>({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'default' }, spec: { type: 'LoadBalancer', selector: { app: 'web' }, ports: [{ port: 80 }] } }, USER);
    settle();
    const before = store.actions().length;
    store.patch('Service', 'default', 'web', { spec: { type: 'ClusterIP' } }, USER);
    settle();
    const web = store.get<ServiceObject>('Service', 'default', 'web');
    expect([web?.status, web?.metadata.finalizers, web?.spec?.ports?.[0]?.nodePort]).toEqual([{ loadBalancer: {} }, undefined, undefined]);
    expect(store.actions().slice(before).map((a) => `${a.actor} ${a.verb}: ${a.reason}`)).toEqual([
      'user patch: test setup',
      `service-lb-controller patch: removed finalizer ${LOAD_BALANCER_CLEANUP_FINALIZER} from Service default/web: the Service is now of type ClusterIP, so its load balancer was deleted`,
    ]);
  });
});
