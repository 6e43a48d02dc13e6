import { describe, expect, it } from 'vitest';
import type { IngressBackend } from 'kubernetes-types/networking/v1';
import type { KubeObject } from '../../api/object';
import { describeIngress } from './describeIngress';
import { fakeClient } from './fakeClient';

// Layout from describe_test.go TestDescribeIngress; the backend error names the Service, as the EndpointSlice-based
// describer of current kubectl looks the Service up.
const text = (...lines: string[]) => lines.map((l) => `${l}\n`).join('');
const serviceBackend: IngressBackend = { service: { name: 'default-backend', port: { number: 80 } } };
const resourceBackend: IngressBackend = { resource: { apiGroup: 'example.com', kind: 'foo', name: 'bar' } };

function ingress(backend: IngressBackend, extra: Record<string, unknown> = {}): KubeObject {
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: { name: 'bar', namespace: 'foo' },
    spec: { defaultBackend: backend, rules: [{ host: 'foo.bar.com', http: { paths: [{ path: '/foo', pathType: 'Prefix', backend }] } }], ...extra },
  };
}

const service: KubeObject = {
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name: 'default-backend', namespace: 'foo' },
  spec: { ports: [{ name: 'http', port: 80, targetPort: 8080, protocol: 'TCP' }] },
};
const slice: KubeObject = {
  apiVersion: 'discovery.k8s.io/v1',
  kind: 'EndpointSlice',
  metadata: { name: 'default-backend-abcde', namespace: 'foo', labels: { 'kubernetes.io/service-name': 'default-backend' } },
  addressType: 'IPv4',
  endpoints: [{ addresses: ['10.244.0.1'], conditions: { ready: true } }],
  ports: [{ name: 'http', port: 8080, protocol: 'TCP' }],
} as KubeObject;

describe('describeIngress', () => {
  it.each([
    {
      name: 'A backend whose Service does not exist shows the lookup error',
      objects: [ingress(serviceBackend)],
      want: text(
        'Name:             bar',
        'Labels:           <none>',
        'Namespace:        foo',
        'Address:          ',
        'Ingress Class:    <none>',
        'Default backend:  default-backend:80 (<error: services "default-backend" not found>)',
        'Rules:',
        '  Host         Path  Backends',
        '  ----         ----  --------',
        '  foo.bar.com  ',
        '               /foo   default-backend:80 (<error: services "default-backend" not found>)',
        'Annotations:   <none>',
        'Events:        <none>',
      ),
    },
    {
      name: 'A backend Service lists the ready endpoints of the port the Ingress names',
      objects: [ingress(serviceBackend, { ingressClassName: 'nginx', tls: [{ hosts: ['foo.bar.com'], secretName: 'tls' }] }), service, slice],
      want: text(
        'Name:             bar',
        'Labels:           <none>',
        'Namespace:        foo',
        'Address:          ',
        'Ingress Class:    nginx',
        'Default backend:  default-backend:80 (10.244.0.1:8080)',
        'TLS:',
        '  tls terminates foo.bar.com',
        'Rules:',
        '  Host         Path  Backends',
        '  ----         ----  --------',
        '  foo.bar.com  ',
        '               /foo   default-backend:80 (10.244.0.1:8080)',
        'Annotations:   <none>',
        'Events:        <none>',
      ),
    },
    {
      name: 'A resource backend names its group, kind and name',
      objects: [ingress(resourceBackend)],
      want: text(
        'Name:             bar',
        'Labels:           <none>',
        'Namespace:        foo',
        'Address:          ',
        'Ingress Class:    <none>',
        'Default backend:  APIGroup: example.com, Kind: foo, Name: bar',
        'Rules:',
        '  Host         Path  Backends',
        '  ----         ----  --------',
        '  foo.bar.com  ',
        '               /foo   APIGroup: example.com, Kind: foo, Name: bar',
        'Annotations:   <none>',
        'Events:        <none>',
      ),
    },
    {
      name: 'Without rules the default backend serves every host and path',
      objects: [{ ...ingress(resourceBackend), spec: { defaultBackend: resourceBackend } }],
      want: text(
        'Name:             bar',
        'Labels:           <none>',
        'Namespace:        foo',
        'Address:          ',
        'Ingress Class:    <none>',
        'Default backend:  APIGroup: example.com, Kind: foo, Name: bar',
        'Rules:',
        '  Host        Path  Backends',
        '  ----        ----  --------',
        '  *           *     APIGroup: example.com, Kind: foo, Name: bar',
        'Annotations:  <none>',
        'Events:       <none>',
      ),
    },
  ])('$name', ({ objects, want }) => {
    expect(describeIngress(objects[0], { client: fakeClient(objects), now: 0, showEvents: true })).toBe(want);
  });
});
