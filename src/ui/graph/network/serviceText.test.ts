import { describe, expect, it } from 'vitest';
import type { Service } from 'kubernetes-types/core/v1';
import { cardPortLines, externalLine, portLines, visibleServices } from './serviceText';

const svc = (namespace: string, name: string, spec: Service['spec'] = {}, status?: Service['status']): Service => ({ metadata: { namespace, name }, spec, status });

describe('service text', () => {
  it.each([
    {
      name: 'a ClusterIP Service prints address, port, target port and protocol',
      service: svc('default', 'web', { clusterIP: '10.96.12.34', ports: [{ port: 80, targetPort: 8080 }] }),
      want: ['10.96.12.34:80 → 8080/TCP'],
    },
    {
      name: 'a NodePort Service adds the node port, and a port without targetPort targets itself',
      service: svc('default', 'web', { type: 'NodePort', clusterIP: '10.96.0.7', ports: [{ port: 80, nodePort: 30080 }, { port: 53, protocol: 'UDP', targetPort: 'dns' }] }),
      want: ['10.96.0.7:80 → 80/TCP · nodePort 30080', '10.96.0.7:53 → dns/UDP'],
    },
    {
      name: 'a headless Service has no address',
      service: svc('default', 'db', { clusterIP: 'None', ports: [{ port: 5432 }] }),
      want: ['headless :5432 → 5432/TCP'],
    },
    {
      name: 'an ExternalName Service prints its alias',
      service: svc('default', 'ext', { type: 'ExternalName', externalName: 'db.example.com' }),
      want: ['alias of db.example.com'],
    },
  ])('$name', ({ service, want }) => expect(portLines(service)).toEqual(want));

  it.each([
    { name: 'a LoadBalancer Service without an address is <pending>', status: undefined, want: 'LoadBalancer <pending>' },
    { name: 'a LoadBalancer Service prints its published address', status: { loadBalancer: { ingress: [{ ip: '172.18.255.1' }] } }, want: 'LoadBalancer 172.18.255.1' },
  ])('$name', ({ status, want }) => expect(externalLine(svc('default', 'web', { type: 'LoadBalancer' }, status))).toBe(want));

  it.each([
    {
      name: 'a card shows a ClusterIP Service’s two ports on its two lines',
      service: svc('default', 'web', { clusterIP: '10.96.0.5', ports: [{ port: 80, targetPort: 8080 }, { port: 443, targetPort: 8443 }] }),
      want: ['10.96.0.5:80 → 8080/TCP', '10.96.0.5:443 → 8443/TCP'],
    },
    {
      name: 'a card sums up ports beyond the first when there are more than two',
      service: svc('default', 'web', { clusterIP: '10.96.0.5', ports: [{ port: 80 }, { port: 81 }, { port: 82 }] }),
      want: ['10.96.0.5:80 → 80/TCP', '+2 more ports'],
    },
    {
      name: 'a card puts a NodePort Service’s node port on the second line',
      service: svc('default', 'web', { type: 'NodePort', clusterIP: '10.98.228.164', ports: [{ port: 8080, targetPort: 80, nodePort: 30080 }] }),
      want: ['10.98.228.164:8080 → 80/TCP', 'nodePort 30080'],
    },
    {
      name: 'a card puts a LoadBalancer Service’s address and node ports on the second line',
      service: svc('ingress-nginx', 'c', { type: 'LoadBalancer', clusterIP: '10.105.82.41', ports: [{ port: 80, targetPort: 'http', nodePort: 31080 }, { port: 443, targetPort: 'https', nodePort: 31443 }] }, { loadBalancer: { ingress: [{ ip: '172.18.255.200' }] } }),
      want: ['10.105.82.41:80 → http/TCP (+1)', 'LoadBalancer 172.18.255.200 · nodePorts 31080, 31443'],
    },
    { name: 'a card says when a Service has no ports', service: svc('default', 'empty', { clusterIP: '10.96.0.9' }), want: ['no ports', ''] },
  ])('$name', ({ service, want }) => expect(cardPortLines(service)).toEqual(want));

  it('has no external line for a ClusterIP Service', () => {
    expect(externalLine(svc('default', 'web'))).toBeUndefined();
  });

  const all = [
    svc('kube-system', 'kube-dns'),
    svc('default', 'kubernetes'),
    svc('ingress-nginx', 'ingress-nginx-controller'),
    svc('prod', 'api'),
    svc('default', 'web'),
  ];
  const names = (list: Service[]) => list.map((s) => `${s.metadata?.namespace}/${s.metadata?.name}`);

  it('hides the cluster’s own Services by default and sorts the rest by namespace/name', () => {
    expect(names(visibleServices(all, 0, false))).toEqual(['default/web', 'prod/api']);
  });

  it('shows the ingress controller’s Service when there are Ingresses', () => {
    expect(names(visibleServices(all, 1, false))).toEqual(['default/web', 'ingress-nginx/ingress-nginx-controller', 'prod/api']);
  });

  it('shows every Service when the system ones are asked for', () => {
    expect(names(visibleServices(all, 0, true))).toEqual(['default/kubernetes', 'default/web', 'ingress-nginx/ingress-nginx-controller', 'kube-system/kube-dns', 'prod/api']);
  });
});
