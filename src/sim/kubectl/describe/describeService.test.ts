import { describe, expect, it } from 'vitest';
import type { Service } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../api/object';
import { describeService } from './describeService';
import type { EndpointSliceObject } from './endpointSlices';
import { fakeClient } from './fakeClient';

// Cases from staging/src/k8s.io/kubectl/pkg/describe/describe_test.go TestDescribeService, expected text verbatim.
const text = (...lines: string[]) => lines.map((l) => `${l}\n`).join('');

function service(spec: Partial<NonNullable<Service['spec']>>, ingress: { ip: string; ipMode?: string }[] = []): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'bar', namespace: 'foo' },
    spec: {
      type: 'LoadBalancer',
      ports: [{ name: 'port-tcp', port: 8080, protocol: 'TCP', targetPort: 9527, nodePort: 31111 }],
      selector: { blah: 'heh' },
      clusterIP: '1.2.3.4',
      ipFamilies: ['IPv4'],
      loadBalancerIP: '5.6.7.8',
      sessionAffinity: 'None',
      externalTrafficPolicy: 'Local',
      healthCheckNodePort: 32222,
      ...spec,
    },
    status: { loadBalancer: { ingress } },
  };
}

function slice(name: string, endpoints: [string, boolean | undefined][], protocol = 'TCP'): EndpointSliceObject {
  return {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: { name, namespace: 'foo', labels: { 'kubernetes.io/service-name': 'bar' } },
    addressType: 'IPv4',
    endpoints: endpoints.map(([ip, ready]) => ({ addresses: [ip], conditions: ready === undefined ? {} : { ready } })),
    ports: [{ name: 'port-tcp', port: 9527, protocol }],
  };
}

const head = (...lines: string[]) => [
  'Name:                     bar',
  'Namespace:                foo',
  'Labels:                   <none>',
  'Annotations:              <none>',
  'Selector:                 blah=heh',
  'Type:                     LoadBalancer',
  ...lines,
];

describe('describeService', () => {
  it.each([
    {
      name: 'A LoadBalancer Service lists its ready endpoints for the port and its ingress IP with the IP mode',
      objects: [
        service({ internalTrafficPolicy: 'Cluster' }, [{ ip: '5.6.7.8', ipMode: 'VIP' }]),
        slice('bar-abcde', [['10.244.0.1', true], ['10.244.0.2', true], ['10.244.0.3', true]]),
      ],
      want: text(
        ...head(
          'IP Families:              IPv4',
          'IP:                       1.2.3.4',
          'IPs:                      <none>',
          'Desired LoadBalancer IP:  5.6.7.8',
          'LoadBalancer Ingress:     5.6.7.8 (VIP)',
          'Port:                     port-tcp  8080/TCP',
          'TargetPort:               9527/TCP',
          'NodePort:                 port-tcp  31111/TCP',
          'Endpoints:                10.244.0.1:9527,10.244.0.2:9527,10.244.0.3:9527',
          'Session Affinity:         None',
          'External Traffic Policy:  Local',
          'Internal Traffic Policy:  Cluster',
          'HealthCheck NodePort:     32222',
          'Events:                   <none>',
        ),
      ),
    },
    {
      name: 'Endpoints skip not-ready addresses, show three and count the rest as more',
      objects: [
        service({ ports: [{ name: 'port-tcp', port: 8080, protocol: 'TCP', targetPort: 'targetPort', nodePort: 31111 }], internalTrafficPolicy: 'Local' }, [{ ip: '5.6.7.8' }]),
        slice('bar-12345', [['10.244.0.1', true], ['10.244.0.2', true]], 'UDP'),
        slice('bar-54321', [['10.244.0.3', false], ['10.244.0.4', true], ['10.244.0.5', true]], 'UDP'),
      ],
      want: text(
        ...head(
          'IP Families:              IPv4',
          'IP:                       1.2.3.4',
          'IPs:                      <none>',
          'Desired LoadBalancer IP:  5.6.7.8',
          'LoadBalancer Ingress:     5.6.7.8',
          'Port:                     port-tcp  8080/TCP',
          'TargetPort:               targetPort/TCP',
          'NodePort:                 port-tcp  31111/TCP',
          'Endpoints:                10.244.0.1:9527,10.244.0.2:9527,10.244.0.4:9527 + 1 more...',
          'Session Affinity:         None',
          'External Traffic Policy:  Local',
          'Internal Traffic Policy:  Local',
          'HealthCheck NodePort:     32222',
          'Events:                   <none>',
        ),
      ),
    },
    {
      name: 'An endpoint without a ready condition counts as ready',
      objects: [service({ internalTrafficPolicy: 'Cluster' }), slice('bar-abcdef', [['10.244.0.1', undefined]])],
      want: text(
        ...head(
          'IP Families:              IPv4',
          'IP:                       1.2.3.4',
          'IPs:                      <none>',
          'Desired LoadBalancer IP:  5.6.7.8',
          'Port:                     port-tcp  8080/TCP',
          'TargetPort:               9527/TCP',
          'NodePort:                 port-tcp  31111/TCP',
          'Endpoints:                10.244.0.1:9527',
          'Session Affinity:         None',
          'External Traffic Policy:  Local',
          'Internal Traffic Policy:  Cluster',
          'HealthCheck NodePort:     32222',
          'Events:                   <none>',
        ),
      ),
    },
    {
      name: 'The IP family policy and cluster IPs are shown; no EndpointSlices print <none>',
      objects: [
        service({
          ports: [{ name: 'port-tcp', port: 8080, protocol: 'TCP', targetPort: 'targetPort', nodePort: 31111 }],
          ipFamilyPolicy: 'SingleStack',
          clusterIPs: ['1.2.3.4'],
        }),
      ],
      want: text(
        ...head(
          'IP Family Policy:         SingleStack',
          'IP Families:              IPv4',
          'IP:                       1.2.3.4',
          'IPs:                      1.2.3.4',
          'Desired LoadBalancer IP:  5.6.7.8',
          'Port:                     port-tcp  8080/TCP',
          'TargetPort:               targetPort/TCP',
          'NodePort:                 port-tcp  31111/TCP',
          'Endpoints:                <none>',
          'Session Affinity:         None',
          'External Traffic Policy:  Local',
          'HealthCheck NodePort:     32222',
          'Events:                   <none>',
        ),
      ),
    },
    {
      name: 'A port with an app protocol prints it after the target port',
      objects: [
        service(
          {
            ports: [{ name: 'port-tcp', port: 8080, protocol: 'TCP', appProtocol: 'example.com/custom-protocol', targetPort: 9527, nodePort: 31111 }],
            internalTrafficPolicy: 'Cluster',
          },
          [{ ip: '5.6.7.8', ipMode: 'VIP' }],
        ),
        slice('bar-abcde', [['10.244.0.1', true], ['10.244.0.2', true], ['10.244.0.3', true]]),
      ],
      want: text(
        ...head(
          'IP Families:              IPv4',
          'IP:                       1.2.3.4',
          'IPs:                      <none>',
          'Desired LoadBalancer IP:  5.6.7.8',
          'LoadBalancer Ingress:     5.6.7.8 (VIP)',
          'Port:                     port-tcp  8080/TCP',
          'TargetPort:               9527/TCP',
          'AppProtocol:              example.com/custom-protocol',
          'NodePort:                 port-tcp  31111/TCP',
          'Endpoints:                10.244.0.1:9527,10.244.0.2:9527,10.244.0.3:9527',
          'Session Affinity:         None',
          'External Traffic Policy:  Local',
          'Internal Traffic Policy:  Cluster',
          'HealthCheck NodePort:     32222',
          'Events:                   <none>',
        ),
      ),
    },
  ])('$name', ({ objects, want }) => {
    expect(describeService(objects[0], { client: fakeClient(objects), now: 0, showEvents: true })).toBe(want);
  });

  it('A ClusterIP Service with an unnamed port prints <unset> for the port name', () => {
    const svc: KubeObject = {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'web', namespace: 'default', uid: 'u1' },
      spec: {
        type: 'ClusterIP',
        selector: { app: 'web' },
        ports: [{ port: 80, protocol: 'TCP', targetPort: 8080 }],
        clusterIP: '10.96.12.34',
        clusterIPs: ['10.96.12.34'],
        ipFamilies: ['IPv4'],
        ipFamilyPolicy: 'SingleStack',
        sessionAffinity: 'None',
        internalTrafficPolicy: 'Cluster',
      },
    };
    const webSlice: EndpointSliceObject = {
      ...slice('web-x7k2p', [['10.244.1.2', true], ['10.244.2.2', false]]),
      metadata: { name: 'web-x7k2p', namespace: 'default', labels: { 'kubernetes.io/service-name': 'web' } },
      ports: [{ name: '', port: 8080, protocol: 'TCP' }],
    };
    expect(describeService(svc, { client: fakeClient([svc, webSlice]), now: 0, showEvents: false })).toBe(
      text(
        'Name:                     web',
        'Namespace:                default',
        'Labels:                   <none>',
        'Annotations:              <none>',
        'Selector:                 app=web',
        'Type:                     ClusterIP',
        'IP Family Policy:         SingleStack',
        'IP Families:              IPv4',
        'IP:                       10.96.12.34',
        'IPs:                      10.96.12.34',
        'Port:                     <unset>  80/TCP',
        'TargetPort:               8080/TCP',
        'Endpoints:                10.244.1.2:8080',
        'Session Affinity:         None',
        'Internal Traffic Policy:  Cluster',
      ),
    );
  });
});
