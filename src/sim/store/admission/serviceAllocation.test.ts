import { describe, expect, it } from 'vitest';
import type { Service, ServicePort, ServiceSpec } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../api/object';
import { StatusError } from '../../api/statusError';
import { SeededRandom } from '../../clock/random';
import { VirtualClock } from '../../clock/virtualClock';
import { DEFAULT_KINDS } from '../../kinds';
import { KindRegistry } from '../../kinds/registry';
import { ObjectStore } from '../objectStore';
import { ServiceAllocation } from './serviceAllocation';

type ServiceObject = Service & KubeObject;
const USER = { actor: 'user', reason: 'test' };

/** apiServer is an API server whose only admission step is the Service allocator, seeded with 1. */
function apiServer(): ObjectStore {
  const random = new SeededRandom(1);
  return new ObjectStore({ clock: new VirtualClock(), random, registry: new KindRegistry(DEFAULT_KINDS), admission: [new ServiceAllocation(random)] });
}

function service(name: string, spec: ServiceSpec = {}, ports: ServicePort[] = [{ port: 80 }]): ServiceObject {
  return { apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: 'default' }, spec: { selector: { app: name }, ports, ...spec } };
}

/** refusal is the API server's answer to a write that fails, as kubectl prints it. */
function refusal(write: () => unknown): string {
  try {
    write();
  } catch (err) {
    if (err instanceof StatusError) return `${err.code} ${err.kubectlMessage}`;
    throw err;
  }
  return 'accepted';
}

const allocated = (svc: ServiceObject) => ({
  clusterIP: svc.spec?.clusterIP,
  clusterIPs: svc.spec?.clusterIPs,
  nodePorts: (svc.spec?.ports ?? []).map((p) => p.nodePort),
  healthCheckNodePort: svc.spec?.healthCheckNodePort,
});

describe('ServiceAllocation on create: what each type of Service is given', () => {
  it.each([
    ['A ClusterIP Service gets a random address from the upper band and no node ports', service('web'), { clusterIP: '10.104.16.255', clusterIPs: ['10.104.16.255'], nodePorts: [undefined], healthCheckNodePort: undefined }],
    ['A requested clusterIP in the static band is honoured, and clusterIPs follows it', service('dns', { clusterIP: '10.96.0.10' }), { clusterIP: '10.96.0.10', clusterIPs: ['10.96.0.10'], nodePorts: [undefined], healthCheckNodePort: undefined }],
    ['A headless Service keeps None and draws nothing', service('db', { clusterIP: 'None' }), { clusterIP: 'None', clusterIPs: ['None'], nodePorts: [undefined], healthCheckNodePort: undefined }],
    ['An ExternalName Service gets no address', service('ext', { type: 'ExternalName', externalName: 'example.com' }), { clusterIP: undefined, clusterIPs: undefined, nodePorts: [undefined], healthCheckNodePort: undefined }],
    [
      'A NodePort Service gets an address and a node port for every port',
      service('np', { type: 'NodePort' }, [{ name: 'http', port: 80 }, { name: 'https', port: 443 }]),
      { clusterIP: '10.104.16.255', clusterIPs: ['10.104.16.255'], nodePorts: [32660, 30665], healthCheckNodePort: undefined },
    ],
    [
      'Ports that share a number (53/UDP and 53/TCP) share one node port',
      service('dns', { type: 'NodePort' }, [{ name: 'dns', port: 53, protocol: 'UDP' }, { name: 'dns-tcp', port: 53, protocol: 'TCP' }]),
      { clusterIP: '10.104.16.255', clusterIPs: ['10.104.16.255'], nodePorts: [32660, 32660], healthCheckNodePort: undefined },
    ],
    ['A requested nodePort is honoured', service('np', { type: 'NodePort' }, [{ port: 80, nodePort: 30080 }]), { clusterIP: '10.104.16.255', clusterIPs: ['10.104.16.255'], nodePorts: [30080], healthCheckNodePort: undefined }],
    ['A LoadBalancer Service gets node ports too', service('lb', { type: 'LoadBalancer' }), { clusterIP: '10.104.16.255', clusterIPs: ['10.104.16.255'], nodePorts: [32660], healthCheckNodePort: undefined }],
    [
      'A LoadBalancer with externalTrafficPolicy Local also gets a healthCheckNodePort',
      service('lb', { type: 'LoadBalancer', externalTrafficPolicy: 'Local' }),
      { clusterIP: '10.104.16.255', clusterIPs: ['10.104.16.255'], nodePorts: [32660], healthCheckNodePort: 30665 },
    ],
    ['A LoadBalancer with allocateLoadBalancerNodePorts false gets no node ports', service('lb', { type: 'LoadBalancer', allocateLoadBalancerNodePorts: false }), { clusterIP: '10.104.16.255', clusterIPs: ['10.104.16.255'], nodePorts: [undefined], healthCheckNodePort: undefined }],
  ])('%s', (_name, svc, expected) => {
    expect(allocated(apiServer().create(svc, USER))).toEqual(expected);
  });

  it('A headless Service without a selector asks for both families, as alloc.go defaults it on a single-stack cluster', () => {
    const peers = service('peers', { clusterIP: 'None' });
    delete peers.spec?.selector;
    const created = apiServer().create(peers, USER);
    expect([created.spec?.ipFamilyPolicy, created.spec?.ipFamilies]).toEqual(['RequireDualStack', ['IPv4', 'IPv6']]);
  });

  it('Successive Services draw different addresses and ports, one random draw each', () => {
    const api = apiServer();
    const names = ['a', 'b', 'c'].map((n) => allocated(api.create(service(n, { type: 'NodePort' }), USER)));
    expect(names.map((a) => [a.clusterIP, a.nodePorts[0]])).toEqual([
      ['10.104.16.255', 32660],
      ['10.102.155.239', 31597],
      ['10.104.193.22', 32299],
    ]);
  });
});

describe('ServiceAllocation on create: refusals, worded as the API server words them', () => {
  it.each([
    [
      'A clusterIP another Service holds is refused as already allocated',
      service('b', { clusterIP: '10.96.0.20' }),
      '422 The Service "b" is invalid: spec.clusterIPs: Invalid value: []string{"10.96.0.20"}: failed to allocate IP 10.96.0.20: provided IP is already allocated',
    ],
    [
      'A clusterIP outside the service CIDR is refused: no allocator owns it',
      service('b', { clusterIP: '10.0.0.5' }),
      '422 The Service "b" is invalid: spec.clusterIPs: Invalid value: []string{"10.0.0.5"}: failed to allocate IP 10.0.0.5: the provided network does not match the current range',
    ],
    [
      'The network address of the service CIDR is not in its range',
      service('b', { clusterIP: '10.96.0.0' }),
      '422 The Service "b" is invalid: spec.clusterIPs: Invalid value: []string{"10.96.0.0"}: failed to allocate IP 10.96.0.0: the provided IP (10.96.0.0) is not in the valid range. The range of valid IPs is 10.96.0.0/12',
    ],
    [
      'A nodePort another Service holds is refused as already allocated',
      service('b', { type: 'NodePort' }, [{ port: 80, nodePort: 30080 }]),
      '422 The Service "b" is invalid: spec.ports[0].nodePort: Invalid value: 30080: provided port is already allocated',
    ],
    [
      'A nodePort outside 30000-32767 is refused with the valid range',
      service('b', { type: 'NodePort' }, [{ port: 80, nodePort: 8080 }]),
      '422 The Service "b" is invalid: spec.ports[0].nodePort: Invalid value: 8080: provided port is not in the valid range. The range of valid ports is 30000-32767',
    ],
    [
      'A healthCheckNodePort another Service holds is an internal error, as upstream reports it',
      service('b', { type: 'LoadBalancer', externalTrafficPolicy: 'Local', healthCheckNodePort: 30080 }),
      '500 Error from server (InternalError): Internal error occurred: failed to allocate requested HealthCheck NodePort 30080: provided port is already allocated',
    ],
    [
      'Demanding dual-stack on a single-stack cluster is refused',
      service('b', { ipFamilyPolicy: 'RequireDualStack' }),
      '422 The Service "b" is invalid: spec.ipFamilyPolicy: Invalid value: "RequireDualStack": this cluster is not configured for dual-stack services',
    ],
    [
      'A clusterIPs that disagrees with clusterIP is refused by the pre-validation before anything is allocated',
      service('b', { clusterIP: '10.96.0.30', clusterIPs: ['10.96.0.31'] }),
      '422 The Service "b" is invalid: spec.clusterIPs: Invalid value: []string{"10.96.0.31"}: first value must match `clusterIP`',
    ],
  ])('%s', (_name, svc, expected) => {
    const api = apiServer();
    api.create(service('a', { type: 'NodePort', clusterIP: '10.96.0.20' }, [{ port: 80, nodePort: 30080 }]), USER);
    expect(refusal(() => api.create(svc, USER))).toBe(expected);
  });

  it('Re-creating a Service under its own name with its own clusterIP is refused as allocated before the name clash is noticed', () => {
    const api = apiServer();
    api.create(service('a', { clusterIP: '10.96.0.20' }), USER);
    expect(refusal(() => api.create(service('a', { clusterIP: '10.96.0.20' }), USER))).toBe(
      '422 The Service "a" is invalid: spec.clusterIPs: Invalid value: []string{"10.96.0.20"}: failed to allocate IP 10.96.0.20: provided IP is already allocated',
    );
  });

  it('Deleting a Service frees its address and node port for the next Service that asks for them', () => {
    const api = apiServer();
    api.create(service('a', { type: 'NodePort', clusterIP: '10.96.0.20' }, [{ port: 80, nodePort: 30080 }]), USER);
    api.delete('Service', 'default', 'a', USER);
    expect(allocated(api.create(service('b', { type: 'NodePort', clusterIP: '10.96.0.20' }, [{ port: 80, nodePort: 30080 }]), USER))).toEqual({
      clusterIP: '10.96.0.20',
      clusterIPs: ['10.96.0.20'],
      nodePorts: [30080],
      healthCheckNodePort: undefined,
    });
  });
});

describe('ServiceAllocation on update: allocations stay, type changes allocate and release', () => {
  it('Changing ClusterIP to NodePort keeps the address and allocates a node port', () => {
    const api = apiServer();
    api.create(service('web'), USER);
    const updated = api.patch<ServiceObject>('Service', 'default', 'web', { spec: { type: 'NodePort' } }, USER);
    expect(allocated(updated)).toEqual({ clusterIP: '10.104.16.255', clusterIPs: ['10.104.16.255'], nodePorts: [31663], healthCheckNodePort: undefined });
  });

  it('Changing NodePort to ClusterIP clears the node ports and the externalTrafficPolicy, and the port is free again', () => {
    const api = apiServer();
    api.create(service('web', { type: 'NodePort' }, [{ port: 80, nodePort: 30080 }]), USER);
    const updated = api.patch<ServiceObject>('Service', 'default', 'web', { spec: { type: 'ClusterIP' } }, USER);
    expect([allocated(updated).nodePorts, updated.spec?.externalTrafficPolicy]).toEqual([[undefined], undefined]);
    expect(allocated(api.create(service('other', { type: 'NodePort' }, [{ port: 80, nodePort: 30080 }]), USER)).nodePorts).toEqual([30080]);
  });

  it('Resubmitting the manifest without the allocated values keeps them (patchAllocatedValues)', () => {
    const api = apiServer();
    api.create(service('web', { type: 'LoadBalancer', externalTrafficPolicy: 'Local' }, [{ name: 'http', port: 80 }]), USER);
    const updated = api.update(service('web', { type: 'LoadBalancer', externalTrafficPolicy: 'Local' }, [{ name: 'http', port: 80 }]), USER);
    expect(allocated(updated)).toEqual({ clusterIP: '10.104.16.255', clusterIPs: ['10.104.16.255'], nodePorts: [32660], healthCheckNodePort: 30665 });
  });

  it('Adding a port to a NodePort Service keeps the old node port and draws one for the new port', () => {
    const api = apiServer();
    api.create(service('web', { type: 'NodePort' }, [{ name: 'http', port: 80 }]), USER);
    const updated = api.update(service('web', { type: 'NodePort' }, [{ name: 'http', port: 80 }, { name: 'https', port: 443 }]), USER);
    expect(allocated(updated).nodePorts).toEqual([32660, 31206]);
  });

  it('Moving a NodePort Service to a node port another Service holds is refused', () => {
    const api = apiServer();
    api.create(service('a', { type: 'NodePort' }, [{ port: 80, nodePort: 30080 }]), USER);
    api.create(service('b', { type: 'NodePort' }, [{ port: 80, nodePort: 30081 }]), USER);
    expect(refusal(() => api.patch('Service', 'default', 'b', { spec: { ports: [{ port: 80, nodePort: 30080 }] } }, USER))).toBe(
      '422 The Service "b" is invalid: spec.ports[0].nodePort: Invalid value: 30080: provided port is already allocated',
    );
  });

  it('Turning a LoadBalancer into a ClusterIP Service clears its load-balancer status and health-check port', () => {
    const api = apiServer();
    const created = api.create(service('lb', { type: 'LoadBalancer', externalTrafficPolicy: 'Local' }), USER);
    api.updateStatus({ ...created, status: { loadBalancer: { ingress: [{ ip: '172.18.255.200', ipMode: 'VIP' }] } } }, USER);
    const updated = api.patch<ServiceObject>('Service', 'default', 'lb', { spec: { type: 'ClusterIP' } }, USER);
    expect([updated.status, allocated(updated)]).toEqual([{ loadBalancer: {} }, { clusterIP: '10.104.16.255', clusterIPs: ['10.104.16.255'], nodePorts: [undefined], healthCheckNodePort: undefined }]);
  });

  it('Switching a LoadBalancer to externalTrafficPolicy Local allocates its health-check port', () => {
    const api = apiServer();
    api.create(service('lb', { type: 'LoadBalancer' }), USER);
    expect(allocated(api.patch<ServiceObject>('Service', 'default', 'lb', { spec: { externalTrafficPolicy: 'Local' } }, USER)).healthCheckNodePort).toBe(31206);
  });

  it('Turning a ClusterIP Service into a LoadBalancer with externalTrafficPolicy Local allocates node and health-check ports in one update', () => {
    const api = apiServer();
    api.create(service('web'), USER);
    const updated = api.patch<ServiceObject>('Service', 'default', 'web', { spec: { type: 'LoadBalancer', externalTrafficPolicy: 'Local' } }, USER);
    expect(allocated(updated)).toEqual({ clusterIP: '10.104.16.255', clusterIPs: ['10.104.16.255'], nodePorts: [31663], healthCheckNodePort: 31206 });
  });

  it('Giving two TCP ports the same node port in an update is the allocator’s internal error, as upstream reports it', () => {
    const api = apiServer();
    api.create(service('web', { type: 'NodePort' }, [{ name: 'a', port: 80, nodePort: 30080 }]), USER);
    const ports = [{ name: 'a', port: 80, nodePort: 30080 }, { name: 'b', port: 81, nodePort: 30080 }];
    expect(refusal(() => api.patch('Service', 'default', 'web', { spec: { ports } }, USER))).toBe(
      '500 Error from server (InternalError): Internal error occurred: duplicate nodePort: {TCP 30080}',
    );
  });

  it('Turning a ClusterIP Service into ExternalName releases its address; turning it back draws a new one', () => {
    const api = apiServer();
    api.create(service('web'), USER);
    const external = api.patch<ServiceObject>('Service', 'default', 'web', { spec: { type: 'ExternalName', externalName: 'example.com' } }, USER);
    expect(allocated(external)).toEqual({ clusterIP: undefined, clusterIPs: undefined, nodePorts: [undefined], healthCheckNodePort: undefined });
    const back = api.patch<ServiceObject>('Service', 'default', 'web', { spec: { type: 'ClusterIP', externalName: null } }, USER);
    expect(allocated(back).clusterIP).toBe('10.97.45.84');
  });
});
