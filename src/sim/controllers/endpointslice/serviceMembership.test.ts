import { describe, expect, it } from 'vitest';
import type { Pod } from 'kubernetes-types/core/v1';
import { createCluster } from '../../cluster/cluster';
import { InformerFactory } from '../../client/informer';
import { getServicesForPod, getServicesToUpdateOnPodChange, podEndpointsChanged, serviceSelector } from './serviceMembership';
import type { ServiceObject } from './utils';

const USER = { actor: 'user', reason: 'test setup' };

/** services: `web` selects app=web, `v2` selects version=2, `none` has no selector. */
function services() {
  const cluster = createCluster({ controllers: false, kubelets: false });
  const svc = (name: string, selector?: Record<string, string>) =>
    cluster.client.create({ apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: 'default' }, spec: { ports: [{ port: 80 }], ...(selector ? { selector } : {}) } }, USER);
  svc('web', { app: 'web' });
  svc('v2', { version: '2' });
  svc('none');
  return new InformerFactory(cluster.client).forKind<ServiceObject>('Service');
}

function pod(rv: string, labels: Record<string, string>, opts: { ready?: boolean; ip?: string; deleting?: boolean } = {}): Pod {
  return {
    metadata: { name: 'p', namespace: 'default', resourceVersion: rv, labels, ...(opts.deleting ? { deletionTimestamp: '2026-01-01T09:00:00Z' } : {}) },
    status: { podIP: opts.ip ?? '10.244.1.2', conditions: [{ type: 'Ready', status: opts.ready === false ? 'False' : 'True' }] },
  };
}

describe('getServicesToUpdateOnPodChange', () => {
  it.each([
    { name: 'A resync (same resourceVersion) wakes no Service', old: pod('1', { app: 'web' }), cur: pod('1', { app: 'web' }, { ready: false }), expected: [] },
    { name: 'A change no endpoint shows wakes no Service', old: pod('1', { app: 'web' }), cur: pod('2', { app: 'web' }), expected: [] },
    { name: 'A readiness change wakes the pod’s Services', old: pod('1', { app: 'web' }), cur: pod('2', { app: 'web' }, { ready: false }), expected: ['default/web'] },
    { name: 'An IP change wakes the pod’s Services', old: pod('1', { app: 'web' }), cur: pod('2', { app: 'web' }, { ip: '10.244.1.3' }), expected: ['default/web'] },
    {
      name: 'A label change alone wakes only the Services the pod joined or left',
      old: pod('1', { app: 'web' }),
      cur: pod('2', { app: 'web', version: '2' }),
      expected: ['default/v2'],
    },
    {
      name: 'A label change with a readiness change wakes every Service, old and new',
      old: pod('1', { app: 'web' }),
      cur: pod('2', { version: '2' }, { ready: false }),
      expected: ['default/v2', 'default/web'],
    },
  ])('$name', ({ old, cur, expected }) => {
    expect([...getServicesToUpdateOnPodChange(services(), old, cur)].sort()).toEqual(expected);
  });
});

describe('getServicesForPod', () => {
  it('sees the Services created, changed and deleted since it was last asked, in namespace/name order', () => {
    const cluster = createCluster({ controllers: false, kubelets: false });
    const services = new InformerFactory(cluster.client).forKind<ServiceObject>('Service');
    const svc = (name: string, namespace: string, selector: Record<string, string>) =>
      cluster.client.create({ apiVersion: 'v1', kind: 'Service', metadata: { name, namespace }, spec: { ports: [{ port: 80 }], selector } }, USER);
    const asked = () => [...getServicesForPod(services, 'default', { app: 'web' })];
    svc('web-b', 'default', { app: 'web' });
    const first = asked();
    svc('web-a', 'default', { app: 'web' });
    svc('web-c', 'kube-system', { app: 'web' });
    const second = asked();
    cluster.client.patch('Service', 'default', 'web-b', { spec: { selector: { app: 'api' } } }, USER);
    const third = asked();
    cluster.client.delete('Service', 'default', 'web-a', USER);
    expect([first, second, third, asked()]).toEqual([['default/web-b'], ['default/web-a', 'default/web-b'], ['default/web-a'], []]);
  });
});

describe('podEndpointsChanged', () => {
  const p = pod('1', { app: 'web' });
  const deleting = pod('1', { app: 'web' }, { deleting: true });
  it.each([
    {
      name: 'Every update of a terminating pod counts as a change, as upstream compares deletionTimestamp pointers',
      old: deleting,
      cur: { ...deleting, metadata: { ...deleting.metadata, resourceVersion: '2' } },
      expected: { podChanged: true, labelsChanged: false },
    },
    {
      name: 'A new status sharing the conditions and IPs changes no endpoint',
      old: p,
      cur: { ...p, metadata: { ...p.metadata, resourceVersion: '2' }, status: { ...p.status, phase: 'Running' } },
      expected: { podChanged: false, labelsChanged: false },
    },
    {
      name: 'New conditions with the same readiness and IPs change no endpoint',
      old: p,
      cur: { ...p, status: { ...p.status, conditions: [{ type: 'Ready', status: 'True' }, { type: 'PodScheduled', status: 'True' }] } },
      expected: { podChanged: false, labelsChanged: false },
    },
    {
      name: 'Equal podIPs in a new array change no endpoint',
      old: { ...p, status: { ...p.status, podIPs: [{ ip: '10.244.1.2' }] } },
      cur: { ...p, status: { ...p.status, podIPs: [{ ip: '10.244.1.2' }] } },
      expected: { podChanged: false, labelsChanged: false },
    },
    {
      name: 'A second IP changes the endpoint',
      old: p,
      cur: { ...p, status: { ...p.status, podIPs: [{ ip: '10.244.1.2' }, { ip: 'fd00::2' }] } },
      expected: { podChanged: true, labelsChanged: false },
    },
  ])('$name', ({ old, cur, expected }) => {
    expect(podEndpointsChanged(old, cur)).toEqual(expected);
  });
});

describe('serviceSelector', () => {
  it.each<{ name: string; selector: Record<string, string> | undefined; expected: Record<string, string> | undefined }>([
    { name: 'No selector is none', selector: undefined, expected: undefined },
    { name: 'An empty selector is none: the API server does not keep empty maps', selector: {}, expected: undefined },
    { name: 'A selector is itself', selector: { app: 'web' }, expected: { app: 'web' } },
  ])('$name', ({ selector, expected }) => {
    expect(serviceSelector({ spec: { selector } })).toEqual(expected);
  });
});
