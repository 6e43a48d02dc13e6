import { describe, expect, it } from 'vitest';
import type { Node, Pod, Service } from 'kubernetes-types/core/v1';
import type { Ingress } from 'kubernetes-types/networking/v1';
import type { TrafficSample } from '../../sim/index';
import { clampRate, flowService, nextFlowId, podSources, sourceText, targetError, targetSuggestions } from './trafficModel';

const node = (name: string, ip: string, ready: boolean): Node => ({
  metadata: { name },
  status: { addresses: [{ type: 'InternalIP', address: ip }], conditions: [{ type: 'Ready', status: ready ? 'True' : 'False' }] },
});
const svc = (namespace: string, name: string, spec: Service['spec'], status?: Service['status']): Service => ({ metadata: { namespace, name }, spec, status });

describe('target suggestions', () => {
  it('offers Ingress hosts, Service DNS names, load-balancer and node-port URLs, leaving the cluster’s own Services out', () => {
    const ingresses: Ingress[] = [
      {
        metadata: { namespace: 'default', name: 'web' },
        spec: {
          rules: [
            { host: 'foo.bar.com', http: { paths: [{ path: '/', pathType: 'Prefix', backend: {} }, { path: '/api', pathType: 'Prefix', backend: {} }] } },
            { host: '*.shop.com', http: { paths: [{ path: '/', pathType: 'Prefix', backend: {} }] } },
            { http: { paths: [{ path: '/any', pathType: 'Prefix', backend: {} }] } },
          ],
        },
        status: { loadBalancer: { ingress: [{ ip: '172.18.0.2' }] } },
      },
    ];
    const services = [
      svc('default', 'web', { clusterIP: '10.96.0.20', ports: [{ port: 80 }, { port: 53, protocol: 'UDP' }] }),
      svc('prod', 'api', { type: 'NodePort', clusterIP: '10.96.0.30', ports: [{ port: 8080, nodePort: 30080 }] }),
      svc('prod', 'lb', { type: 'LoadBalancer', clusterIP: '10.96.0.40', ports: [{ port: 80, nodePort: 31000 }, { port: 8443, nodePort: 31001 }] }, { loadBalancer: { ingress: [{ ip: '172.18.255.1' }] } }),
      svc('kube-system', 'kube-dns', { clusterIP: '10.96.0.10', ports: [{ port: 53, protocol: 'UDP' }] }),
      svc('default', 'kubernetes', { clusterIP: '10.96.0.1', ports: [{ port: 443 }] }),
      svc('default', 'ext', { type: 'ExternalName', externalName: 'example.com' }),
    ];
    const nodes = [node('node-2', '172.18.0.3', true), node('node-10', '172.18.0.9', true), node('node-1', '172.18.0.2', false)];
    expect(targetSuggestions({ ingresses, services, nodes })).toEqual([
      { url: 'http://foo.bar.com/', label: 'Ingress web, from outside' },
      { url: 'http://foo.bar.com/api', label: 'Ingress web, from outside' },
      { url: 'http://www.shop.com/', label: 'Ingress web, from outside' },
      { url: 'http://172.18.0.2/any', label: 'Ingress web, from outside' },
      { url: 'http://web.default.svc.cluster.local:80/', label: 'Service web, from a pod' },
      { url: 'http://api.prod.svc.cluster.local:8080/', label: 'Service api, from a pod' },
      { url: 'http://lb.prod.svc.cluster.local:80/', label: 'Service lb, from a pod' },
      { url: 'http://lb.prod.svc.cluster.local:8443/', label: 'Service lb, from a pod' },
      { url: 'http://172.18.255.1/', label: 'LoadBalancer lb, from outside' },
      { url: 'http://172.18.255.1:8443/', label: 'LoadBalancer lb, from outside' },
      { url: 'http://172.18.0.3:30080/', label: 'NodePort api on node-2' },
      { url: 'http://172.18.0.3:31000/', label: 'NodePort lb on node-2' },
      { url: 'http://172.18.0.3:31001/', label: 'NodePort lb on node-2' },
    ]);
  });

  it('offers nothing for an empty cluster', () => {
    expect(targetSuggestions({ ingresses: [], services: [], nodes: [] })).toEqual([]);
  });

  it('offers each kubectl port-forward as a local target', () => {
    expect(targetSuggestions({ ingresses: [], services: [], nodes: [], portForwards: [8080, 9090] })).toEqual([
      { url: 'http://127.0.0.1:8080/', label: 'kubectl port-forward on 8080, from outside' },
      { url: 'http://127.0.0.1:9090/', label: 'kubectl port-forward on 9090, from outside' },
    ]);
  });
});

describe('traffic panel model', () => {
  it.each([
    { name: 'an http URL is a target', url: 'http://web/', want: undefined },
    { name: 'an empty field asks for a URL', url: ' ', want: 'enter a URL, e.g. http://web.default.svc.cluster.local:80/' },
    { name: 'a bare name is not a URL', url: 'web', want: 'web is not a URL' },
    { name: 'other schemes cannot be sent', url: 'ftp://web/', want: 'only http:// and https:// URLs can be sent, not ftp:' },
  ])('$name', ({ url, want }) => expect(targetError(url)).toBe(want));

  it.each([
    { name: 'a rate below 1 becomes 1', rate: 0, want: 1 },
    { name: 'a rate above 100 becomes 100', rate: 250, want: 100 },
    { name: 'a fractional rate is rounded', rate: 7.6, want: 8 },
    { name: 'a rate that is not a number becomes 1', rate: Number.NaN, want: 1 },
  ])('$name', ({ rate, want }) => expect(clampRate(rate)).toBe(want));

  it('numbers flows one above the highest running one', () => {
    const flow = (id: string) => ({ id, source: { kind: 'external' as const }, url: 'http://a/', ratePerSecond: 1 });
    expect(nextFlowId([])).toBe('flow-1');
    expect(nextFlowId([flow('flow-3'), flow('browse'), flow('flow-1')])).toBe('flow-4');
  });

  it('says where a flow comes from', () => {
    expect(sourceText({ kind: 'external' })).toBe('outside the cluster');
    expect(sourceText({ kind: 'pod', namespace: 'default', name: 'client' })).toBe('pod default/client');
  });

  it('finds the backend Service a flow reaches, passing over samples that nginx answered itself', () => {
    const sample = (seq: number, flowId: string, refs: string[]): TrafficSample => ({
      seq,
      time: seq * 100,
      flowId,
      hops: refs.map((ref) => ({ kind: ref.startsWith('Service/') ? 'service' : 'pod', ref, detail: '' })),
      outcome: { status: 200, detail: '' },
    });
    const samples = [
      sample(1, 'flow-1', ['Service/default/old', 'Pod/default/old-1']),
      sample(2, 'flow-1', ['Service/ingress-nginx/ingress-nginx-controller', 'Pod/ingress-nginx/c', 'Service/default/web', 'Pod/default/web-1']),
      sample(3, 'flow-1', ['Service/ingress-nginx/ingress-nginx-controller', 'Pod/ingress-nginx/c']),
      sample(4, 'flow-2', ['Service/ingress-nginx/ingress-nginx-controller', 'Pod/ingress-nginx/c']),
    ];
    expect(flowService(samples, 'flow-1')).toBe('default/web');
    expect(flowService(samples, 'flow-2')).toBe('ingress-nginx/ingress-nginx-controller');
    expect(flowService(samples, 'flow-3')).toBeUndefined();
  });
});

describe('pod sources', () => {
  const pod = (namespace: string, name: string, phase: string, podIP?: string): Pod => ({ metadata: { namespace, name }, status: { phase, podIP } });
  it('lists the Running pods that have an IP, by namespace/name in code-unit order', () => {
    const pods = [pod('default', 'web-b', 'Running', '10.244.1.3'), pod('default', 'web-a', 'Pending'), pod('default', 'Web-c', 'Running', '10.244.1.4'), pod('app', 'api', 'Running', '10.244.2.2'), pod('default', 'web-d', 'Running')];
    expect(podSources(pods)).toEqual(['app/api', 'default/Web-c', 'default/web-b']);
  });
});
