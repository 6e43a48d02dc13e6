import { describe, expect, it } from 'vitest';
import type { Node } from 'kubernetes-types/core/v1';
import type { Endpoint } from 'kubernetes-types/discovery/v1';
import type { KubeObject } from '../../api/object';
import type { PodObject } from '../controllerUtils';
import { GarbageCollector } from '../garbagecollector/garbageCollector';
import { EndpointSliceController } from './endpointSliceController';
import { endpointsFixture, READY_SINCE, type Fixture } from './testing';
import type { SliceObject } from './utils';

const ACTOR = 'endpointslice-controller';
const MANAGED_BY = 'endpointslice-controller.k8s.io';
const WEB = { clusterIP: '10.96.0.50', selector: { app: 'web' }, ports: [{ name: 'http', port: 80, targetPort: 8080 }] };

function setup(opts: { gc?: boolean } = {}): Fixture {
  return endpointsFixture((ctx) => {
    new EndpointSliceController(ctx);
    if (opts.gc) new GarbageCollector(ctx);
  });
}

/** slices returns the Service's slices, ordered by their first endpoint's pod (generated names are random). */
function slices(f: Fixture, service = 'web'): SliceObject[] {
  const first = (s: SliceObject) => s.endpoints[0]?.targetRef?.name ?? '';
  return f.client
    .list<SliceObject>('EndpointSlice', { labelSelector: `kubernetes.io/service-name=${service}` })
    .sort((a, b) => (first(a) < first(b) ? -1 : first(a) > first(b) ? 1 : 0));
}

/** view keeps what the controller decides of a slice, leaving out what the API server fills in. */
function view(s: SliceObject) {
  const { name, generateName, namespace, labels, annotations, ownerReferences } = s.metadata;
  return { metadata: { name, generateName, namespace, labels, annotations, ownerReferences }, addressType: s.addressType, endpoints: s.endpoints, ports: s.ports };
}

/** endpoint is what podToEndpoint makes of a pod on node-1. */
function endpoint(pod: PodObject, conditions: { ready: boolean; serving: boolean; terminating: boolean }, extra: Partial<Endpoint> = {}): Endpoint {
  return {
    addresses: [pod.status!.podIP!],
    conditions,
    targetRef: { kind: 'Pod', namespace: 'default', name: pod.metadata.name, uid: pod.metadata.uid },
    nodeName: pod.spec!.nodeName,
    ...extra,
  };
}

const READY = { ready: true, serving: true, terminating: false };
const NOT_READY = { ready: false, serving: false, terminating: false };

/** expectedSlice is the slice of Service `web` (created first) named `name`, with labels and trigger time. */
function expectedSlice(f: Fixture, name: string, endpoints: Endpoint[], opts: { labels?: Record<string, string>; triggerTime?: string; ports?: object[] } = {}) {
  const svc = f.client.get<KubeObject>('Service', 'default', 'web')!;
  return {
    metadata: {
      name,
      generateName: 'web-',
      namespace: 'default',
      labels: opts.labels ?? { 'kubernetes.io/service-name': 'web', 'endpointslice.kubernetes.io/managed-by': MANAGED_BY },
      annotations: opts.triggerTime === undefined ? undefined : { 'endpoints.kubernetes.io/last-change-trigger-time': opts.triggerTime },
      ownerReferences: [{ apiVersion: 'v1', kind: 'Service', name: 'web', uid: svc.metadata.uid, controller: true, blockOwnerDeletion: true }],
    },
    addressType: 'IPv4',
    endpoints,
    ports: opts.ports ?? [{ name: 'http', protocol: 'TCP', port: 8080 }],
  };
}

describe('EndpointSliceController: one slice per Service', () => {
  it('Three ready pods make one slice of three ready endpoints, owned by the Service', () => {
    const f = setup();
    f.service('web', WEB);
    const pods = ['web-0', 'web-1', 'web-2'].map((n, i) => f.pod(n, { ip: `10.244.1.${i + 2}` }));
    f.settle();
    const [slice] = slices(f);
    expect(slices(f)).toHaveLength(1);
    expect(slice.metadata.name).toMatch(/^web-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(view(slice)).toEqual(expectedSlice(f, slice.metadata.name!, pods.map((p) => endpoint(p, READY)), { triggerTime: READY_SINCE }));
    expect(f.writes(ACTOR)).toEqual([`create EndpointSlice ${slice.metadata.name}: created EndpointSlice ${slice.metadata.name} for Service web: 3 endpoints, 3 ready`]);
  });

  it('A pod that is not ready is an endpoint that is neither ready nor serving, and the reason names it', () => {
    const f = setup();
    f.service('web', WEB);
    const pods = [f.pod('web-0', { ip: '10.244.1.2' }), f.pod('web-1', { ip: '10.244.1.3', ready: false }), f.pod('web-2', { ip: '10.244.1.4' })];
    f.settle();
    const [slice] = slices(f);
    expect(slice.endpoints).toEqual([endpoint(pods[0], READY), endpoint(pods[1], NOT_READY), endpoint(pods[2], READY)]);
    expect(f.writes(ACTOR)).toEqual([
      `create EndpointSlice ${slice.metadata.name}: created EndpointSlice ${slice.metadata.name} for Service web: 3 endpoints, 2 ready (pod web-1 not ready: containers with unready status: [app])`,
    ]);
  });

  it('A terminating pod stays an endpoint: not ready, serving while its Ready condition holds, terminating', () => {
    const f = setup();
    f.service('web', WEB);
    const pods = [f.pod('web-0', { ip: '10.244.1.2' }), f.pod('web-1', { ip: '10.244.1.3' })];
    f.settle();
    f.writes(ACTOR);
    f.cluster.advance(5000);
    f.client.delete('Pod', 'default', 'web-0', { actor: 'user', reason: 'test' });
    f.settle();
    const [slice] = slices(f);
    const deleting = f.client.get<PodObject>('Pod', 'default', 'web-0')!;
    expect(deleting.metadata.deletionTimestamp).toBeDefined();
    expect(slice.endpoints).toEqual([endpoint(pods[0], { ready: false, serving: true, terminating: true }), endpoint(pods[1], READY)]);
    // Nothing about readiness changed: no new trigger time, so the annotation goes.
    expect(slice.metadata.annotations).toBeUndefined();
    expect(f.writes(ACTOR)).toEqual([
      `update EndpointSlice ${slice.metadata.name}: updated EndpointSlice ${slice.metadata.name} of Service web: 2 endpoints, 1 ready (pod web-0 terminating); web-0 terminating`,
    ]);
    f.setReady('web-0', false);
    f.settle();
    expect(slices(f)[0].endpoints[0].conditions).toEqual({ ready: false, serving: false, terminating: true });
    expect(slices(f)[0].metadata.annotations).toEqual({ 'endpoints.kubernetes.io/last-change-trigger-time': '2026-01-01T09:00:05Z' });
    expect(f.writes(ACTOR)).toEqual([
      `update EndpointSlice ${slice.metadata.name}: updated EndpointSlice ${slice.metadata.name} of Service web: 2 endpoints, 1 ready (pod web-0 terminating); web-0 stopped serving`,
    ]);
  });

  it('Pods without an IP, and pods that Succeeded or Failed, are no endpoints', () => {
    const f = setup();
    f.service('web', WEB);
    f.pod('web-0');
    f.pod('web-1', { ip: '10.244.1.3', phase: 'Succeeded', ready: false });
    f.pod('web-2', { ip: '10.244.1.4', phase: 'Failed', ready: false });
    const running = f.pod('web-3', { ip: '10.244.1.5' });
    f.settle();
    expect(slices(f).map((s) => s.endpoints)).toEqual([[endpoint(running, READY)]]);
  });

  it('A Service without a selector gets no slices from the controller', () => {
    const f = setup();
    f.service('db', { clusterIP: '10.96.0.60', ports: [{ port: 5432 }] });
    f.pod('db-0', { labels: { app: 'db' }, ip: '10.244.1.2' });
    f.settle();
    expect(slices(f, 'db')).toEqual([]);
    expect(f.writes(ACTOR)).toEqual([]);
  });

  it('An ExternalName Service gets no slices', () => {
    const f = setup();
    f.service('ext', { type: 'ExternalName', externalName: 'example.com', selector: { app: 'web' } });
    f.pod('web-0', { ip: '10.244.1.2' });
    f.settle();
    expect(slices(f, 'ext')).toEqual([]);
  });

  it('The zone comes from the node topology label, and the Service labels are copied except reserved ones', () => {
    const f = setup();
    const node = structuredClone(f.client.get<Node & KubeObject>('Node', '', 'node-1')!);
    node.metadata.labels = { ...node.metadata.labels, 'topology.kubernetes.io/zone': 'eu-west-1a' };
    f.client.update(node, { actor: 'user', reason: 'test' });
    // As upstream's TestReconcile1Pod "ipv4-bad-labels": reserved labels on the Service are not copied.
    f.service('web', WEB, { team: 'shop', 'kubernetes.io/service-name': 'bad', 'endpointslice.kubernetes.io/managed-by': 'actor', 'service.kubernetes.io/headless': 'invalid' });
    const pod = f.pod('web-0', { ip: '10.244.1.2' });
    f.settle();
    const [slice] = slices(f);
    expect(slice.metadata.labels).toEqual({ team: 'shop', 'kubernetes.io/service-name': 'web', 'endpointslice.kubernetes.io/managed-by': MANAGED_BY });
    expect(slice.endpoints).toEqual([endpoint(pod, READY, { zone: 'eu-west-1a' })]);
  });

  it('A pod whose hostname and subdomain name the Service publishes its hostname', () => {
    const f = setup();
    f.service('web', { ...WEB, clusterIP: 'None' });
    const pod = f.pod('web-0', { ip: '10.244.1.2', hostname: 'web-0', subdomain: 'web' });
    f.settle();
    expect(slices(f)[0].endpoints).toEqual([{ addresses: ['10.244.1.2'], conditions: READY, hostname: 'web-0', targetRef: endpoint(pod, READY).targetRef, nodeName: 'node-1' }]);
  });
});

describe('EndpointSliceController: ports', () => {
  it('A named targetPort resolves per pod: pods offering it on different numbers get different slices', () => {
    const f = setup();
    f.service('web', { clusterIP: '10.96.0.50', selector: { app: 'web' }, ports: [{ port: 80, targetPort: 'http' }] });
    const containers = (port: number) => [{ name: 'app', image: 'nginx:1.27', ports: [{ name: 'http', containerPort: port }] }];
    const a = f.pod('web-a', { ip: '10.244.1.2', containers: containers(8080) });
    const b = f.pod('web-b', { ip: '10.244.1.3', containers: containers(9090) });
    const c = f.pod('web-c', { ip: '10.244.1.4', containers: containers(8080) });
    f.pod('web-d', { ip: '10.244.1.5', containers: [{ name: 'app', image: 'nginx:1.27' }] });
    f.settle();
    expect(slices(f).map((s) => ({ ports: s.ports, pods: s.endpoints.map((e) => e.targetRef?.name) }))).toEqual([
      { ports: [{ name: '', protocol: 'TCP', port: 8080 }], pods: [a.metadata.name, c.metadata.name] },
      { ports: [{ name: '', protocol: 'TCP', port: 9090 }], pods: [b.metadata.name] },
      // A pod that does not offer the port still is an endpoint, with no ports.
      { ports: [], pods: ['web-d'] },
    ]);
  });

  it('Several Service ports are listed in the order of their FNV-128a hash, as upstream writes them', () => {
    const f = setup();
    f.service('dns', {
      clusterIP: '10.96.0.10',
      selector: { 'k8s-app': 'kube-dns' },
      ports: [
        { name: 'dns', port: 53, protocol: 'UDP' },
        { name: 'dns-tcp', port: 53, protocol: 'TCP' },
        { name: 'metrics', port: 9153, protocol: 'TCP' },
      ],
    });
    f.pod('coredns-0', { labels: { 'k8s-app': 'kube-dns' }, ip: '10.244.1.2' });
    f.settle();
    expect(slices(f, 'dns')[0].ports).toEqual([
      { name: 'dns', protocol: 'UDP', port: 53 },
      { name: 'dns-tcp', protocol: 'TCP', port: 53 },
      { name: 'metrics', protocol: 'TCP', port: 9153 },
    ]);
  });
});

describe('EndpointSliceController: packing', () => {
  const ip = (i: number) => `10.244.${1 + Math.floor(i / 200)}.${2 + (i % 200)}`;
  const name = (i: number) => `web-${String(i).padStart(3, '0')}`;

  it('250 pods fill slices of 100, 100 and 50 endpoints', () => {
    const f = setup();
    f.service('web', WEB);
    for (let i = 0; i < 250; i++) f.pod(name(i), { ip: ip(i) });
    f.settle();
    expect(slices(f).map((s) => [s.endpoints.length, s.endpoints[0].targetRef?.name, s.endpoints.at(-1)?.targetRef?.name])).toEqual([
      [100, 'web-000', 'web-099'],
      [100, 'web-100', 'web-199'],
      [50, 'web-200', 'web-249'],
    ]);
    expect(f.writes(ACTOR).map((w) => w.replace(/web-[a-z0-9]{5}/g, 'web-?'))).toEqual([
      'create EndpointSlice web-?: created EndpointSlice web-? for Service web: 100 endpoints, 100 ready',
      'create EndpointSlice web-?: created EndpointSlice web-? for Service web: 100 endpoints, 100 ready',
      'create EndpointSlice web-?: created EndpointSlice web-? for Service web: 50 endpoints, 50 ready',
    ]);
  });

  it('A new pod goes into the existing slice it fills best rather than into a new slice', () => {
    const f = setup();
    f.service('web', WEB);
    for (let i = 0; i < 250; i++) f.pod(name(i), { ip: ip(i) });
    f.settle();
    const third = slices(f)[2].metadata.name;
    f.writes(ACTOR);
    f.pod(name(250), { ip: ip(250) });
    f.settle();
    expect(slices(f).map((s) => s.endpoints.length)).toEqual([100, 100, 51]);
    expect(f.writes(ACTOR)).toEqual([`update EndpointSlice ${third}: updated EndpointSlice ${third} of Service web: 51 endpoints, 51 ready; added web-250`]);
  });

  it('A pod that leaves a full slice while another arrives is replaced in that slice, in one write', () => {
    const f = setup();
    f.service('web', WEB);
    for (let i = 0; i < 250; i++) f.pod(name(i), { ip: ip(i) });
    f.settle();
    const first = slices(f)[0].metadata.name;
    f.writes(ACTOR);
    f.client.delete('Pod', 'default', 'web-000', { actor: 'user', reason: 'test' }, { gracePeriodSeconds: 0 });
    f.pod(name(250), { ip: ip(250) });
    f.settle();
    expect(slices(f).map((s) => s.endpoints.length)).toEqual([100, 100, 50]);
    expect(f.writes(ACTOR)).toEqual([`update EndpointSlice ${first}: updated EndpointSlice ${first} of Service web: 100 endpoints, 100 ready; added web-250; removed web-000`]);
  });
});

describe('EndpointSliceController: Service variants', () => {
  it('publishNotReadyAddresses makes every endpoint ready, whatever its pod says', () => {
    const f = setup();
    f.service('web', { ...WEB, publishNotReadyAddresses: true });
    const pods = [f.pod('web-0', { ip: '10.244.1.2' }), f.pod('web-1', { ip: '10.244.1.3', ready: false })];
    f.settle();
    expect(slices(f)[0].endpoints).toEqual([endpoint(pods[0], READY), endpoint(pods[1], { ready: true, serving: false, terminating: false })]);
  });

  it('A headless Service gets the headless label, and one without ports a slice without ports', () => {
    const f = setup();
    f.service('web', { clusterIP: 'None', selector: { app: 'web' } });
    const pod = f.pod('web-0', { ip: '10.244.1.2' });
    f.settle();
    const [slice] = slices(f);
    expect(view(slice)).toEqual(
      expectedSlice(f, slice.metadata.name!, [endpoint(pod, READY)], {
        labels: { 'service.kubernetes.io/headless': '', 'kubernetes.io/service-name': 'web', 'endpointslice.kubernetes.io/managed-by': MANAGED_BY },
        triggerTime: READY_SINCE,
        ports: [],
      }),
    );
  });

  it('A Service with no pods gets an empty placeholder slice, which the first pod then fills', () => {
    const f = setup();
    f.service('web', WEB);
    f.settle();
    const [placeholder] = slices(f);
    expect(view(placeholder)).toEqual(expectedSlice(f, placeholder.metadata.name!, [], { ports: [], triggerTime: f.client.get<KubeObject>('Service', 'default', 'web')!.metadata.creationTimestamp }));
    expect(f.writes(ACTOR)).toEqual([
      `create EndpointSlice ${placeholder.metadata.name}: created EndpointSlice ${placeholder.metadata.name} for Service web with no endpoints: no pod matches its selector app=web`,
    ]);
    f.pod('web-0', { ip: '10.244.1.2' });
    f.settle();
    expect(slices(f).map((s) => [s.metadata.name, s.endpoints.length, s.ports])).toEqual([[placeholder.metadata.name, 1, [{ name: 'http', protocol: 'TCP', port: 8080 }]]]);
    expect(f.writes(ACTOR)).toEqual([
      `update EndpointSlice ${placeholder.metadata.name}: updated EndpointSlice ${placeholder.metadata.name} of Service web: 1 endpoint, 1 ready; added web-0`,
    ]);
  });
});

describe('EndpointSliceController: changes', () => {
  it('A pod whose IP changes has its endpoint replaced, and the slice drops the trigger time', () => {
    const f = setup();
    f.service('web', WEB);
    f.pod('web-0', { ip: '10.244.1.2' });
    const other = f.pod('web-1', { ip: '10.244.1.3' });
    f.settle();
    f.writes(ACTOR);
    const pod = f.setStatus('web-0', { ...f.client.get<PodObject>('Pod', 'default', 'web-0')!.status, podIP: '10.244.1.9', podIPs: [{ ip: '10.244.1.9' }] });
    f.settle();
    const [slice] = slices(f);
    // The endpoint's identity includes its address: the old one goes, the new one is appended.
    expect(slice.endpoints).toEqual([endpoint(other, READY), endpoint(pod, READY)]);
    expect(slice.metadata.annotations).toBeUndefined();
    expect(f.writes(ACTOR)).toEqual([`update EndpointSlice ${slice.metadata.name}: updated EndpointSlice ${slice.metadata.name} of Service web: 2 endpoints, 2 ready; web-0 now at 10.244.1.9`]);
  });

  it('A new selector swaps the endpoints in the same slice: the create and the delete become one update', () => {
    const f = setup();
    f.service('web', WEB);
    f.pod('web-0', { ip: '10.244.1.2' });
    const api = f.pod('api-0', { labels: { app: 'api' }, ip: '10.244.1.3' });
    f.settle();
    const name = slices(f)[0].metadata.name;
    f.writes(ACTOR);
    f.updateService('web', (spec) => (spec.selector = { app: 'api' }));
    f.settle();
    expect(slices(f).map((s) => [s.metadata.name, s.endpoints])).toEqual([[name, [endpoint(api, READY)]]]);
    expect(f.writes(ACTOR)).toEqual([`update EndpointSlice ${name}: updated EndpointSlice ${name} of Service web: 1 endpoint, 1 ready; added api-0; removed web-0`]);
  });

  it('A pod update that changes nothing in its endpoint writes nothing', () => {
    const f = setup();
    f.service('web', WEB);
    f.pod('web-0', { ip: '10.244.1.2' });
    f.settle();
    f.writes(ACTOR);
    const pod = structuredClone(f.client.get<PodObject>('Pod', 'default', 'web-0')!);
    pod.metadata.annotations = { note: 'changed' };
    f.client.update(pod, { actor: 'user', reason: 'test' });
    f.updateService('web', (spec) => (spec.sessionAffinity = 'ClientIP'));
    f.settle();
    expect(f.writes(ACTOR)).toEqual([]);
  });

  it('A label added to the Service is copied to its slices', () => {
    const f = setup();
    f.service('web', WEB);
    f.pod('web-0', { ip: '10.244.1.2' });
    f.settle();
    f.writes(ACTOR);
    const svc = structuredClone(f.client.get<KubeObject>('Service', 'default', 'web')!);
    svc.metadata.labels = { tier: 'front' };
    f.client.update(svc, { actor: 'user', reason: 'test' });
    f.settle();
    const [slice] = slices(f);
    expect(slice.metadata.labels).toEqual({ tier: 'front', 'kubernetes.io/service-name': 'web', 'endpointslice.kubernetes.io/managed-by': MANAGED_BY });
    expect(f.writes(ACTOR)).toEqual([`update EndpointSlice ${slice.metadata.name}: updated EndpointSlice ${slice.metadata.name} of Service web: 1 endpoint, 1 ready; copied the Service's labels`]);
  });

  it('A slice someone else deletes is re-created one second later', () => {
    const f = setup();
    f.service('web', WEB);
    f.pod('web-0', { ip: '10.244.1.2' });
    f.settle();
    const old = slices(f)[0].metadata.name!;
    f.writes(ACTOR);
    f.client.delete('EndpointSlice', 'default', old, { actor: 'user', reason: 'test' });
    f.cluster.advance(999);
    expect(slices(f)).toEqual([]);
    f.cluster.advance(1);
    const [slice] = slices(f);
    expect(f.writes(ACTOR)).toEqual([`create EndpointSlice ${slice.metadata.name}: created EndpointSlice ${slice.metadata.name} for Service web: 1 endpoint, 1 ready`]);
  });

  it('A pod on a node that does not exist is left out and the Service retried after 1 s, then 2 s', () => {
    const f = setup();
    f.service('web', WEB);
    f.pod('web-0', { ip: '10.244.1.2' });
    f.pod('web-1', { ip: '10.244.9.2', nodeName: 'ghost' });
    f.cluster.advance(0);
    expect(slices(f).map((s) => s.endpoints.map((e) => e.targetRef?.name))).toEqual([['web-0']]);
    const event = f.cluster.events().find((e) => e.reason === 'FailedToUpdateEndpointSlices');
    expect([event?.type, event?.message, event?.source?.component]).toEqual([
      'Warning',
      'Error updating Endpoint Slices for Service default/web: skipping Pod web-1 for Service default/web: Node ghost Not Found',
      'endpoint-slice-controller',
    ]);
    f.cluster.advance(1000);
    f.cluster.advance(2000);
    expect(f.cluster.events().find((e) => e.reason === 'FailedToUpdateEndpointSlices')?.count).toBe(3);
  });
});

describe('EndpointSliceController: Service deletion', () => {
  it('Slices carry a controller reference to their Service, so the garbage collector deletes them with it', () => {
    const f = setup({ gc: true });
    const svc = f.service('web', WEB);
    for (let i = 0; i < 150; i++) f.pod(`web-${i}`, { ip: `10.244.1.${i + 2}` });
    f.settle();
    expect(slices(f).map((s) => s.metadata.ownerReferences)).toEqual([
      [{ apiVersion: 'v1', kind: 'Service', name: 'web', uid: svc.metadata.uid, controller: true, blockOwnerDeletion: true }],
      [{ apiVersion: 'v1', kind: 'Service', name: 'web', uid: svc.metadata.uid, controller: true, blockOwnerDeletion: true }],
    ]);
    f.writes(ACTOR);
    f.client.delete('Service', 'default', 'web', { actor: 'user', reason: 'test' });
    f.settle();
    expect(slices(f)).toEqual([]);
    expect(f.writes(ACTOR)).toEqual([]);
  });
});
