import { describe, expect, it } from 'vitest';
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import { servicesBackedBy } from './PodNetworkSection';

const slice = (namespace: string, service: string, pod: string, conditions: { ready?: boolean; serving?: boolean; terminating?: boolean }): EndpointSlice => ({
  addressType: 'IPv4',
  metadata: { namespace, name: `${service}-x`, labels: { 'kubernetes.io/service-name': service } },
  endpoints: [{ addresses: ['10.244.1.5'], conditions, targetRef: { kind: 'Pod', namespace, name: pod } }],
});

describe('services a pod backs', () => {
  it('lists each Service whose slices hold the pod, with the endpoint’s state, sorted by name', () => {
    expect(
      servicesBackedBy('default', 'web-1', [
        slice('default', 'web', 'web-1', { ready: true }),
        slice('default', 'all', 'web-1', { ready: false, serving: true, terminating: true }),
        slice('default', 'canary', 'web-1', { ready: false }),
        slice('default', 'other', 'web-2', {}),
        slice('prod', 'web', 'web-1', {}),
      ]),
    ).toEqual([
      { namespace: 'default', name: 'all', state: 'terminating, still serving' },
      { namespace: 'default', name: 'canary', state: 'not ready' },
      { namespace: 'default', name: 'web', state: 'ready' },
    ]);
  });
});
