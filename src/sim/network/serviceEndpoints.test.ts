import { describe, expect, it } from 'vitest';
import type { ServicePort } from 'kubernetes-types/core/v1';
import { endpointsForServicePort, findServicePort, servicePortName } from './serviceEndpoints';
import type { EndpointSliceObject, ServiceObject } from './types';

function slice(name: string, ports: { name: string; port?: number; protocol?: string }[], endpoints: EndpointSliceObject['endpoints']): EndpointSliceObject {
  return { apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', metadata: { name, namespace: 'default' }, addressType: 'IPv4', ports, endpoints };
}

const HTTP: ServicePort = { name: 'http', port: 80, protocol: 'TCP' };

describe('endpointsForServicePort (pkg/proxy/endpointslicecache.go)', () => {
  it('Takes address[0] of each endpoint with the slice port of the same name, sorted by "ip:port"', () => {
    const got = endpointsForServicePort(
      [
        slice('web-b', [{ name: 'http', port: 8080, protocol: 'TCP' }, { name: 'metrics', port: 9090, protocol: 'TCP' }], [
          { addresses: ['10.244.2.2', '10.244.2.200'], nodeName: 'node-2', conditions: { ready: true }, targetRef: { kind: 'Pod', name: 'web-2' } },
        ]),
        slice('web-a', [{ name: 'http', port: 8080, protocol: 'TCP' }], [{ addresses: ['10.244.10.2'], conditions: { ready: false, serving: true, terminating: true }, hostname: 'h' }]),
      ],
      HTTP,
    );
    expect(got).toEqual([
      { ip: '10.244.10.2', port: 8080, nodeName: undefined, hostname: 'h', pod: undefined, ready: false, serving: true, terminating: true },
      { ip: '10.244.2.2', port: 8080, nodeName: 'node-2', hostname: undefined, pod: 'default/web-2', ready: true, serving: true, terminating: false },
    ]);
  });

  it('Conditions left unset mean ready and serving, not terminating', () => {
    const [got] = endpointsForServicePort([slice('s', [{ name: 'http', port: 8080, protocol: 'TCP' }], [{ addresses: ['10.0.0.1'], conditions: {} }])], HTTP);
    expect([got.ready, got.serving, got.terminating]).toEqual([true, true, false]);
  });

  it('One address in two slices: the endpoint that is not terminating wins', () => {
    const ports = [{ name: 'http', port: 8080, protocol: 'TCP' }];
    const got = endpointsForServicePort(
      [
        slice('new', ports, [{ addresses: ['10.0.0.1'], conditions: { ready: true }, targetRef: { kind: 'Pod', name: 'new' } }]),
        slice('old', ports, [{ addresses: ['10.0.0.1'], conditions: { ready: false, serving: false, terminating: true }, targetRef: { kind: 'Pod', name: 'old' } }]),
      ],
      HTTP,
    );
    expect(got.map((e) => e.pod)).toEqual(['default/new']);
  });

  it('Ports of another name or protocol, or without a number, give nothing', () => {
    const got = endpointsForServicePort(
      [slice('s', [{ name: 'metrics', port: 9090, protocol: 'TCP' }, { name: 'http', port: 8080, protocol: 'UDP' }, { name: 'http', protocol: 'TCP' }], [{ addresses: ['10.0.0.1'] }])],
      HTTP,
    );
    expect(got).toEqual([]);
  });
});

describe('servicePortName and findServicePort', () => {
  const svc: ServiceObject = { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'shop' }, spec: { ports: [HTTP, { port: 443, protocol: 'TCP' }] } };
  it('servicePortName is namespace/name:port, or namespace/name for an unnamed port', () => {
    expect([servicePortName(svc, HTTP), servicePortName(svc, { port: 443 })]).toEqual(['shop/web:http', 'shop/web']);
  });
  it('findServicePort finds a port by name or by number', () => {
    expect([findServicePort(svc, { name: 'http' })?.port, findServicePort(svc, { number: 443 })?.port, findServicePort(svc, { number: 8080 })]).toEqual([80, 443, undefined]);
  });
});
