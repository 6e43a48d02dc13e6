import { describe, expect, it } from 'vitest';
import type { EndpointAddress, Endpoints } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../api/object';
import type { WriteContext } from '../../store/types';
import type { PodObject } from '../controllerUtils';
import { endpointsFixture, READY_SINCE, type Fixture } from '../endpointslice/testing';
import { EndpointsController } from './endpointsController';

const ACTOR = 'endpoint-controller';
const USER: WriteContext = { actor: 'user', reason: 'test' };
const WEB = { clusterIP: '10.96.0.50', selector: { app: 'web' }, ports: [{ name: 'http', port: 80, targetPort: 8080 }] };
const HTTP = [{ name: 'http', port: 8080, protocol: 'TCP' }];
const TRIGGER = { 'endpoints.kubernetes.io/last-change-trigger-time': READY_SINCE };

function setup(): Fixture {
  return endpointsFixture((ctx) => new EndpointsController(ctx));
}

function endpoints(f: Fixture, name = 'web'): (Endpoints & KubeObject) | undefined {
  return f.client.get<Endpoints & KubeObject>('Endpoints', 'default', name);
}

/** view keeps what the controller decides of an Endpoints, leaving out what the API server fills in. */
function view(ep: (Endpoints & KubeObject) | undefined) {
  if (!ep) return undefined;
  const { name, namespace, labels, annotations } = ep.metadata;
  return { metadata: { name, namespace, labels, annotations }, subsets: ep.subsets };
}

/** address is what podToEndpointAddressForService makes of a pod. */
function address(pod: PodObject): EndpointAddress {
  return { ip: pod.status!.podIP!, nodeName: pod.spec!.nodeName, targetRef: { kind: 'Pod', namespace: 'default', name: pod.metadata.name, uid: pod.metadata.uid } };
}

/** existing creates an Endpoints as someone else would, before the controller looks at its Service. */
function existing(f: Fixture, ep: Partial<Endpoints>): void {
  f.client.create({ apiVersion: 'v1', kind: 'Endpoints', metadata: { name: 'foo', namespace: 'default', ...ep.metadata }, ...(ep.subsets ? { subsets: ep.subsets } : {}) }, USER);
}

describe('EndpointsController: addresses', () => {
  it('Three ready pods are the addresses of one subset, sorted by IP', () => {
    const f = setup();
    f.service('web', WEB, { app: 'web' });
    const pods = [f.pod('web-0', { ip: '10.244.1.3' }), f.pod('web-1', { ip: '10.244.1.2' }), f.pod('web-2', { ip: '10.244.1.4' })];
    f.settle();
    expect(view(endpoints(f))).toEqual({
      metadata: { name: 'web', namespace: 'default', labels: { app: 'web' }, annotations: TRIGGER },
      subsets: [{ addresses: [address(pods[1]), address(pods[0]), address(pods[2])], ports: HTTP }],
    });
    expect(f.writes(ACTOR)).toEqual(['create Endpoints web: created Endpoints web for Service web: 3 addresses, 3 ready']);
  });

  it('A pod that is not ready is listed in notReadyAddresses, and the reason says why', () => {
    const f = setup();
    f.service('web', WEB);
    const pods = [f.pod('web-0', { ip: '10.244.1.2' }), f.pod('web-1', { ip: '10.244.1.3', ready: false, message: 'containers with unready status: [app]' })];
    f.settle();
    expect(endpoints(f)?.subsets).toEqual([{ addresses: [address(pods[0])], notReadyAddresses: [address(pods[1])], ports: HTTP }]);
    expect(f.writes(ACTOR)).toEqual(['create Endpoints web: created Endpoints web for Service web: 2 addresses, 1 ready (pod web-1 not ready: containers with unready status: [app])']);
  });

  it('A terminating pod is left out of the Endpoints', () => {
    const f = setup();
    f.service('web', WEB);
    const pods = [f.pod('web-0', { ip: '10.244.1.2' }), f.pod('web-1', { ip: '10.244.1.3' })];
    f.settle();
    f.writes(ACTOR);
    f.client.delete('Pod', 'default', 'web-0', USER);
    f.settle();
    expect(endpoints(f)?.subsets).toEqual([{ addresses: [address(pods[1])], ports: HTTP }]);
    // No pod became ready or not ready: there is no new trigger time, so the annotation goes.
    expect(endpoints(f)?.metadata.annotations).toBeUndefined();
    expect(f.writes(ACTOR)).toEqual(['update Endpoints web: updated Endpoints web: 1 address, 1 ready; removed web-0']);
  });

  it('With publishNotReadyAddresses every pod, even a not ready or terminating one, is a ready address', () => {
    const f = setup();
    f.service('web', { ...WEB, publishNotReadyAddresses: true });
    const pods = [f.pod('web-0', { ip: '10.244.1.2' }), f.pod('web-1', { ip: '10.244.1.3', ready: false })];
    f.client.delete('Pod', 'default', 'web-0', USER);
    f.settle();
    expect(endpoints(f)?.subsets).toEqual([{ addresses: [address(pods[0]), address(pods[1])], ports: HTTP }]);
  });

  it('Pods without an IP, and pods that Succeeded or Failed, are left out', () => {
    const f = setup();
    f.service('web', WEB);
    f.pod('web-0');
    f.pod('web-1', { ip: '10.244.1.3', phase: 'Succeeded', ready: false });
    f.pod('web-2', { ip: '10.244.1.4', phase: 'Failed', ready: false });
    const running = f.pod('web-3', { ip: '10.244.1.5' });
    f.settle();
    expect(endpoints(f)?.subsets).toEqual([{ addresses: [address(running)], ports: HTTP }]);
  });

  it('A Service whose pods are all gone keeps an Endpoints without subsets', () => {
    const f = setup();
    f.service('web', WEB);
    f.pod('web-0', { ip: '10.244.1.2' });
    f.settle();
    f.writes(ACTOR);
    f.client.delete('Pod', 'default', 'web-0', USER, { gracePeriodSeconds: 0 });
    f.settle();
    expect(view(endpoints(f))).toEqual({ metadata: { name: 'web', namespace: 'default' }, subsets: undefined });
    expect(f.writes(ACTOR)).toEqual(['update Endpoints web: updated Endpoints web: no addresses; removed web-0']);
  });
});

describe('EndpointsController: ports and subsets', () => {
  it('A named targetPort resolving to different numbers per pod makes one subset per number, in upstream order', () => {
    const f = setup();
    f.service('web', { clusterIP: '10.96.0.50', selector: { app: 'web' }, ports: [{ name: 'http', port: 80, targetPort: 'http' }] });
    const containers = (port: number) => [{ name: 'app', image: 'nginx:1.27', ports: [{ name: 'http', containerPort: port }] }];
    const a = f.pod('web-a', { ip: '10.244.1.2', containers: containers(8080) });
    const b = f.pod('web-b', { ip: '10.244.1.3', containers: containers(9090) });
    const c = f.pod('web-c', { ip: '10.244.2.2', containers: containers(8080), ready: false });
    f.settle();
    // Subsets are ordered by the MD5 of their Go dumps, uids included; upstream's RepackSubsets, run in Go on the
    // same subsets, gives this order.
    expect(endpoints(f)?.subsets).toEqual([
      { addresses: [address(a)], notReadyAddresses: [address(c)], ports: [{ name: 'http', port: 8080, protocol: 'TCP' }] },
      { addresses: [address(b)], ports: [{ name: 'http', port: 9090, protocol: 'TCP' }] },
    ]);
  });

  it('Ports are ordered by the MD5 of their Go dump, as in a real cluster (TestSyncEndpointsItems)', () => {
    const f = setup();
    f.service('foo', {
      selector: { foo: 'bar' },
      ports: [
        { name: 'port0', port: 80, protocol: 'TCP', targetPort: 8080 },
        { name: 'port1', port: 88, protocol: 'TCP', targetPort: 8088 },
      ],
    });
    const pods = [0, 1, 2].map((i) => f.pod(`pod${i}`, { labels: { foo: 'bar' }, ip: `1.2.3.${4 + i}` }));
    f.pod('other', { labels: { foo: 'bar' }, ip: '1.2.3.99', namespace: 'kube-system' });
    f.settle();
    expect(endpoints(f, 'foo')?.subsets).toEqual([
      {
        addresses: pods.map(address),
        ports: [
          { name: 'port0', port: 8080, protocol: 'TCP' },
          { name: 'port1', port: 8088, protocol: 'TCP' },
        ],
      },
    ]);
  });

  it('A headless Service is labelled headless, and without ports publishes its addresses alone', () => {
    const f = setup();
    f.service('web', { clusterIP: 'None', selector: { app: 'web' } });
    const pod = f.pod('web-0', { ip: '10.244.1.2' });
    f.settle();
    expect(view(endpoints(f))).toEqual({
      metadata: { name: 'web', namespace: 'default', labels: { 'service.kubernetes.io/headless': '' }, annotations: TRIGGER },
      subsets: [{ addresses: [address(pod)] }],
    });
  });

  it('An Endpoints of more than 1000 addresses is truncated to 1000 and annotated', () => {
    const f = setup();
    f.service('web', WEB);
    for (let i = 0; i < 1001; i++) f.pod(`web-${String(i).padStart(4, '0')}`, { ip: `10.244.${1 + Math.floor(i / 250)}.${1 + (i % 250)}` });
    f.settle();
    const ep = endpoints(f)!;
    // Addresses sort as bytes: 10.244.4.99 comes after 10.244.4.250, and 10.244.5.1, last, is the one cut.
    expect([ep.subsets?.[0].addresses?.length, ep.subsets?.[0].addresses?.at(-1)?.ip, ep.metadata.annotations]).toEqual([
      1000,
      '10.244.4.99',
      { ...TRIGGER, 'endpoints.kubernetes.io/over-capacity': 'truncated' },
    ]);
    expect(f.writes(ACTOR)).toEqual(['create Endpoints web: created Endpoints web for Service web: 1000 addresses, 1000 ready; truncated to 1000 addresses']);
  });
});

describe('EndpointsController: changes', () => {
  it('A pod whose IP changes moves to its new address', () => {
    const f = setup();
    f.service('web', WEB);
    f.pod('web-0', { ip: '10.244.1.2' });
    const other = f.pod('web-1', { ip: '10.244.1.3' });
    f.settle();
    f.writes(ACTOR);
    const pod = f.setStatus('web-0', { ...f.client.get<PodObject>('Pod', 'default', 'web-0')!.status, podIP: '10.244.1.9', podIPs: [{ ip: '10.244.1.9' }] });
    f.settle();
    expect(endpoints(f)?.subsets).toEqual([{ addresses: [address(other), address(pod)], ports: HTTP }]);
    expect(f.writes(ACTOR)).toEqual(['update Endpoints web: updated Endpoints web: 2 addresses, 2 ready; web-0 now at 10.244.1.9']);
  });

  it('A pod that becomes ready moves to addresses and stamps the trigger time', () => {
    const f = setup();
    f.service('web', WEB);
    f.pod('web-0', { ip: '10.244.1.2', ready: false });
    f.settle();
    f.writes(ACTOR);
    f.cluster.advance(7000);
    const pod = f.setReady('web-0', true);
    f.settle();
    expect(view(endpoints(f))).toEqual({
      metadata: { name: 'web', namespace: 'default', annotations: { 'endpoints.kubernetes.io/last-change-trigger-time': '2026-01-01T09:00:07Z' } },
      subsets: [{ addresses: [address(pod)], ports: HTTP }],
    });
    expect(f.writes(ACTOR)).toEqual(['update Endpoints web: updated Endpoints web: 1 address, 1 ready; web-0 now ready']);
  });

  it('A new selector replaces the addresses', () => {
    const f = setup();
    f.service('web', WEB);
    f.pod('web-0', { ip: '10.244.1.2' });
    const api = f.pod('api-0', { labels: { app: 'api' }, ip: '10.244.1.3' });
    f.settle();
    f.writes(ACTOR);
    f.updateService('web', (spec) => (spec.selector = { app: 'api' }));
    f.settle();
    expect(endpoints(f)?.subsets).toEqual([{ addresses: [address(api)], ports: HTTP }]);
    expect(f.writes(ACTOR)).toEqual(['update Endpoints web: updated Endpoints web: 1 address, 1 ready; added api-0; removed web-0']);
  });

  it('Deleting the Service deletes its Endpoints', () => {
    const f = setup();
    f.service('web', WEB);
    f.pod('web-0', { ip: '10.244.1.2' });
    f.settle();
    f.writes(ACTOR);
    f.client.delete('Service', 'default', 'web', USER);
    f.settle();
    expect(endpoints(f)).toBeUndefined();
    expect(f.writes(ACTOR)).toEqual(['delete Endpoints web: deleted Endpoints web: Service web no longer exists']);
  });

  it('An Endpoints someone else deletes is created again', () => {
    const f = setup();
    f.service('web', WEB);
    f.pod('web-0', { ip: '10.244.1.2' });
    f.settle();
    f.writes(ACTOR);
    f.client.delete('Endpoints', 'default', 'web', USER);
    f.settle();
    expect(endpoints(f)?.subsets?.[0].addresses?.map((a) => a.ip)).toEqual(['10.244.1.2']);
    expect(f.writes(ACTOR)).toEqual(['create Endpoints web: created Endpoints web for Service web: 1 address, 1 ready']);
  });

  it('An Endpoints left over from a Service deleted while the controller was down is deleted at start', () => {
    const f = endpointsFixture(() => undefined);
    existing(f, { subsets: [{ addresses: [{ ip: '6.7.8.9' }], ports: [{ port: 1000 }] }] });
    existing(f, { metadata: { name: 'lock', annotations: { 'control-plane.alpha.kubernetes.io/leader': '{}' } } });
    new EndpointsController(f.ctx);
    f.settle();
    expect([endpoints(f, 'foo'), endpoints(f, 'lock')?.metadata.name]).toEqual([undefined, 'lock']);
    expect(f.writes(ACTOR)).toEqual(['delete Endpoints foo: deleted Endpoints foo: Service foo no longer exists']);
  });
});

describe('EndpointsController: what it leaves alone (endpoints_controller_test.go)', () => {
  const cases: { name: string; before: Partial<Endpoints>; spec: object; pods?: boolean }[] = [
    {
      name: 'An Endpoints of a Service without a selector is preserved (TestSyncEndpointsItemsPreserveNoSelector)',
      before: { subsets: [{ addresses: [{ ip: '6.7.8.9', nodeName: '' }], ports: [{ port: 1000, protocol: 'TCP' }] }] },
      spec: { ports: [{ port: 80 }] },
    },
    {
      name: 'An Endpoints without subsets for a Service without pods is not rewritten (TestSyncEndpointsExistingNilSubsets)',
      before: {},
      spec: { selector: { foo: 'bar' }, ports: [{ port: 80 }] },
    },
    {
      name: 'The headless label alone does not make a difference (TestSyncEndpointsHeadlessServiceLabel)',
      before: { metadata: { labels: { 'service.kubernetes.io/headless': '' } } },
      spec: { selector: { foo: 'bar' }, ports: [{ port: 80 }] },
    },
    {
      name: 'An ExternalName Service receives no endpoints (TestSyncServiceExternalNameType)',
      before: {},
      spec: { type: 'ExternalName', externalName: 'example.com', selector: { foo: 'bar' }, ports: [{ port: 80 }] },
      pods: true,
    },
  ];
  it.each(cases)('$name', ({ before, spec, pods }) => {
    const f = setup();
    existing(f, before);
    if (pods) f.pod('pod0', { labels: { foo: 'bar' }, ip: '1.2.3.4' });
    const was = endpoints(f, 'foo');
    f.service('foo', spec);
    f.settle();
    expect(endpoints(f, 'foo')).toBe(was);
    expect(f.writes(ACTOR)).toEqual([]);
  });

  it('Only the resourceVersion of a target differing is no difference (TestSyncEndpointsWithPodResourceVersionUpdateOnly)', () => {
    const f = setup();
    const pod0 = f.pod('pod0', { labels: { foo: 'bar' }, ip: '1.2.3.4' });
    const pod1 = f.pod('pod1', { labels: { foo: 'bar' }, ip: '1.2.3.5', ready: false });
    const withVersion = (pod: PodObject, resourceVersion: string) => ({ ...address(pod), targetRef: { ...address(pod).targetRef, resourceVersion } });
    existing(f, { subsets: [{ addresses: [withVersion(pod0, '1')], notReadyAddresses: [withVersion(pod1, '2')], ports: [{ port: 8080, protocol: 'TCP' }] }] });
    const was = endpoints(f, 'foo');
    f.service('foo', { clusterIP: '10.96.0.70', selector: { foo: 'bar' }, ports: [{ port: 80, protocol: 'TCP', targetPort: 8080 }] });
    f.settle();
    expect(endpoints(f, 'foo')).toBe(was);
  });

  it('A pod annotation change writes nothing', () => {
    const f = setup();
    f.service('web', WEB);
    f.pod('web-0', { ip: '10.244.1.2' });
    f.settle();
    f.writes(ACTOR);
    const pod = structuredClone(f.client.get<PodObject>('Pod', 'default', 'web-0')!);
    pod.metadata.annotations = { note: 'changed' };
    f.client.update(pod, USER);
    f.settle();
    expect(f.writes(ACTOR)).toEqual([]);
  });
});
