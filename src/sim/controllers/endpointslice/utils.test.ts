import { describe, expect, it } from 'vitest';
import type { Node, Pod, Service } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../api/object';
import type { PodObject } from '../controllerUtils';
import { canonicalIP } from './ipString';
import { fnv128aHex } from './fnv128a';
import { dumpEndpointPort, newPortMapKey } from './portMapKey';
import { findPort, getEndpointPorts, getSliceToFill, newEndpointSlice, podToEndpoint, serviceControllerKey, type ServiceObject, type SliceObject } from './utils';

const MANAGED_BY = 'endpointslice-controller.k8s.io';

/** newPod is upstream's test helper: pod1 on node-1 with IP 1.2.3.5, ready or not, terminating or not. */
function newPod(ready: boolean, terminating: boolean, extra: { spec?: object; podIPs?: string[] } = {}): PodObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'pod1', namespace: 'test', uid: 'uid-1', labels: { foo: 'bar' }, ...(terminating ? { deletionTimestamp: '2026-01-01T09:00:00Z' } : {}) },
    spec: { nodeName: 'node-1', containers: [{ name: 'container-1' }], ...extra.spec },
    status: {
      phase: 'Running',
      podIP: '1.2.3.5',
      podIPs: (extra.podIPs ?? ['1.2.3.5']).map((ip) => ({ ip })),
      conditions: [{ type: 'Ready', status: ready ? 'True' : 'False' }],
    },
  };
}

function svc(name: string, spec: Service['spec'] = {}, labels?: Record<string, string>): ServiceObject {
  return { apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: 'test', uid: `uid-${name}`, ...(labels ? { labels } : {}) }, spec: { selector: { foo: 'bar' }, ...spec } };
}

const NODE1: Node = { metadata: { name: 'node-1', labels: { 'topology.kubernetes.io/zone': 'us-central1-a', 'topology.kubernetes.io/region': 'us-central1' } } };
const TARGET = { kind: 'Pod', namespace: 'test', name: 'pod1', uid: 'uid-1' };

describe('podToEndpoint (TestPodToEndpoint)', () => {
  const cases: { name: string; pod: Pod & KubeObject; service: Service; node?: Node; expected: object }[] = [
    { name: 'A ready pod is ready and serving', pod: newPod(true, false), service: svc('foo'), expected: { ready: true, serving: true, terminating: false } },
    { name: 'A ready pod of a publishNotReadyAddresses Service is ready', pod: newPod(true, false), service: svc('p', { publishNotReadyAddresses: true }), expected: { ready: true, serving: true, terminating: false } },
    { name: 'An unready pod is neither ready nor serving', pod: newPod(false, false), service: svc('foo'), expected: { ready: false, serving: false, terminating: false } },
    {
      name: 'An unready pod of a publishNotReadyAddresses Service is ready but not serving',
      pod: newPod(false, false),
      service: svc('p', { publishNotReadyAddresses: true }),
      expected: { ready: true, serving: false, terminating: false },
    },
    { name: 'A ready terminating pod is serving and terminating, not ready', pod: newPod(true, true), service: svc('foo'), expected: { ready: false, serving: true, terminating: true } },
    { name: 'A not ready terminating pod is only terminating', pod: newPod(false, true), service: svc('foo'), expected: { ready: false, serving: false, terminating: true } },
  ];
  it.each(cases)('$name', ({ pod, service, node, expected }) => {
    expect(podToEndpoint(pod, node, service, 'IPv4')).toEqual({ addresses: ['1.2.3.5'], conditions: expected, targetRef: TARGET, nodeName: 'node-1' });
  });

  it('A node with a zone label gives the endpoint its zone, and a pod of two families its IPv4 address', () => {
    const pod = newPod(true, false, { podIPs: ['1.2.3.4', '1234::5678:0000:0000:9abc:def0'] });
    expect(podToEndpoint(pod, NODE1, svc('foo'), 'IPv4')).toEqual({ addresses: ['1.2.3.4'], conditions: { ready: true, serving: true, terminating: false }, targetRef: TARGET, nodeName: 'node-1', zone: 'us-central1-a' });
    expect(podToEndpoint(pod, NODE1, svc('foo'), 'IPv6').addresses).toEqual(['1234::5678:0:0:9abc:def0']);
  });

  it('A pod whose subdomain is the Service name publishes its hostname', () => {
    const pod = newPod(true, false, { spec: { hostname: 'example-hostname', subdomain: 'foo' } });
    expect(podToEndpoint(pod, NODE1, svc('foo'), 'IPv4').hostname).toBe('example-hostname');
    expect(podToEndpoint(pod, NODE1, svc('bar'), 'IPv4').hostname).toBeUndefined();
  });
});

describe('newEndpointSlice (TestNewEndpointSlice)', () => {
  const ports = [{ name: 'foo', protocol: 'TCP' }];
  const cases: { name: string; service: ServiceObject; labels: Record<string, string> }[] = [
    { name: 'A Service without labels', service: svc('foo', { clusterIP: '1.1.1.1' }), labels: { 'kubernetes.io/service-name': 'foo', 'endpointslice.kubernetes.io/managed-by': MANAGED_BY } },
    {
      name: 'A Service with labels passes them on',
      service: svc('foo', { clusterIP: '1.1.1.1' }, { foo: 'bar', foo2: 'bar2' }),
      labels: { foo: 'bar', foo2: 'bar2', 'kubernetes.io/service-name': 'foo', 'endpointslice.kubernetes.io/managed-by': MANAGED_BY },
    },
    {
      name: 'A headless Service with labels adds the headless label',
      service: svc('foo', { clusterIP: 'None' }, { foo: 'bar' }),
      labels: { foo: 'bar', 'service.kubernetes.io/headless': '', 'kubernetes.io/service-name': 'foo', 'endpointslice.kubernetes.io/managed-by': MANAGED_BY },
    },
    {
      name: 'An evil Service cannot hijack the reserved labels',
      service: svc('foo', { clusterIP: '1.1.1.1' }, { 'kubernetes.io/service-name': 'bad', 'endpointslice.kubernetes.io/managed-by': 'actor', foo: 'bar' }),
      labels: { foo: 'bar', 'kubernetes.io/service-name': 'foo', 'endpointslice.kubernetes.io/managed-by': MANAGED_BY },
    },
  ];
  it.each(cases)('$name', ({ service, labels }) => {
    expect(newEndpointSlice(service, { ports, addressType: 'IPv4' }, MANAGED_BY)).toEqual({
      apiVersion: 'discovery.k8s.io/v1',
      kind: 'EndpointSlice',
      metadata: {
        labels,
        generateName: 'foo-',
        namespace: 'test',
        ownerReferences: [{ apiVersion: 'v1', kind: 'Service', name: 'foo', uid: 'uid-foo', controller: true, blockOwnerDeletion: true }],
      },
      addressType: 'IPv4',
      endpoints: [],
      ports,
    });
  });
});

describe('serviceControllerKey (TestServiceControllerKey)', () => {
  it.each([
    { name: 'A slice without the service-name label has no key', labels: undefined, key: undefined },
    { name: 'A labelled slice is keyed by namespace and Service', labels: { 'kubernetes.io/service-name': 'svc' }, key: 'ns/svc' },
  ])('$name', ({ labels, key }) => {
    expect(serviceControllerKey({ metadata: { namespace: 'ns', ...(labels ? { labels } : {}) }, addressType: 'IPv4', endpoints: [] })).toBe(key);
  });
});

describe('getEndpointPorts and findPort (TestGetEndpointPorts)', () => {
  const pod = (ports: object[], initContainers: object[] = []): Pod => ({ spec: { containers: [{ name: 'c', ports }], initContainers } } as Pod);
  it.each([
    {
      name: 'An appProtocol is carried over',
      service: { ports: [{ name: 'http', port: 80, targetPort: 80, protocol: 'TCP', appProtocol: 'example.com/custom-protocol' }] },
      pod: pod([]),
      expected: [{ name: 'http', protocol: 'TCP', port: 80, appProtocol: 'example.com/custom-protocol' }],
    },
    {
      name: 'A named port is looked up with the Service port protocol',
      service: { ports: [{ name: 'dns', port: 53, targetPort: 'dns', protocol: 'UDP' }] },
      pod: pod([
        { name: 'dns', containerPort: 5353, protocol: 'TCP' },
        { name: 'dns', containerPort: 1053, protocol: 'UDP' },
      ]),
      expected: [{ name: 'dns', protocol: 'UDP', port: 1053 }],
    },
    {
      name: 'A named port of a sidecar (an init container that restarts Always) counts, of a plain init container not',
      service: { ports: [{ name: 'a', port: 80, targetPort: 'side' }, { name: 'b', port: 81, targetPort: 'init' }] },
      pod: pod([], [
        { name: 's', restartPolicy: 'Always', ports: [{ name: 'side', containerPort: 9000 }] },
        { name: 'i', ports: [{ name: 'init', containerPort: 9001 }] },
      ]),
      expected: [{ name: 'a', protocol: 'TCP', port: 9000 }],
    },
  ])('$name', ({ service, pod: p, expected }) => {
    expect(getEndpointPorts({ spec: service } as Service, p)).toEqual(expected);
  });

  it('A named port no container offers is not found', () => {
    expect(findPort(pod([{ name: 'http', containerPort: 8080 }]), { port: 80, targetPort: 'https' })).toBeUndefined();
  });
});

describe('getSliceToFill', () => {
  const slice = (n: number, name: string): SliceObject => ({ apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', metadata: { name }, addressType: 'IPv4', endpoints: Array(n).fill({ addresses: ['1.1.1.1'] }) });
  it.each([
    { name: 'No slice has room', sizes: [95, 99], add: 10, expected: undefined },
    { name: 'The slice that ends up closest to full wins', sizes: [10, 80, 50], add: 15, expected: 's1' },
    { name: 'A slice filled exactly wins at once', sizes: [40, 90, 85], add: 10, expected: 's1' },
    { name: 'On a tie the first slice wins', sizes: [60, 60], add: 5, expected: 's0' },
  ])('$name', ({ sizes, add, expected }) => {
    expect(getSliceToFill(sizes.map((n, i) => slice(n, `s${i}`)), add, 100)?.metadata.name).toBe(expected);
  });
});

describe('Go hashing', () => {
  it.each([
    // Digests computed by Go 1.19 hash/fnv New128a over go-spew 1.1.1's dump of the same discovery.EndpointPort.
    { port: { name: 'http', protocol: 'TCP', port: 80 }, hash: 'b6c4d325122a5ba6f795b0bbffcebb6f' },
    { port: { name: 'metrics', protocol: 'TCP', port: 9090 }, hash: 'db53925936f86f6dfe328518e98204e2' },
    { port: { name: '', protocol: 'TCP', port: 8080 }, hash: '3b28a02dcead55ad0b93f0014e194ac7' },
    { port: { name: 'dns', protocol: 'UDP', port: 53 }, hash: '1caf216365b57b5d2659d4ba9f662580' },
    { port: { name: 'https', protocol: 'TCP', port: 443, appProtocol: 'kubernetes.io/h2c' }, hash: '5fb60f265e799fbbabcb5e655b98393e' },
  ])('The FNV-128a of port $port.name/$port.port is Go’s', ({ port, hash }) => {
    expect(fnv128aHex(dumpEndpointPort(port))).toBe(hash);
  });

  it('The dump of a port is go-spew’s `%#v` with pointers followed', () => {
    expect(dumpEndpointPort({ name: 'http', protocol: 'TCP', port: 80 })).toBe('(v1.EndpointPort){Name:(*string)http Protocol:(*v1.Protocol)TCP Port:(*int32)80 AppProtocol:(*string)<nil>}');
  });

  it('newPortMapKey sorts the ports by hash, in place, and equal lists share a key', () => {
    const ports = [
      { name: 'metrics', protocol: 'TCP', port: 9090 },
      { name: 'http', protocol: 'TCP', port: 80 },
      { name: 'dns', protocol: 'UDP', port: 53 },
    ];
    const key = newPortMapKey(ports);
    expect(ports.map((p) => p.name)).toEqual(['dns', 'http', 'metrics']);
    expect(newPortMapKey([ports[2], ports[0], ports[1]])).toBe(key);
  });
});

describe('canonicalIP', () => {
  it.each([
    { ip: '10.244.1.2', text: '10.244.1.2', ipv6: false },
    { ip: '010.244.001.002', text: '10.244.1.2', ipv6: false },
    { ip: '::ffff:1.2.3.4', text: '1.2.3.4', ipv6: false },
    { ip: '1234::5678:0000:0000:9abc:def0', text: '1234::5678:0:0:9abc:def0', ipv6: true },
    { ip: '2001:DB8:0:0:1:0:0:1', text: '2001:db8::1:0:0:1', ipv6: true },
    { ip: '0:0:0:0:0:0:0:1', text: '::1', ipv6: true },
  ])('$ip is written $text', ({ ip, text, ipv6 }) => {
    expect(canonicalIP(ip)).toEqual({ text, ipv6 });
  });
});
