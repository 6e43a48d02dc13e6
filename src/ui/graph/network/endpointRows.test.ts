import { describe, expect, it } from 'vitest';
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import { byPodName, countEndpoints, endpointRows, endpointsText, slicesByService } from './endpointRows';

const slice = (name: string, service: string, endpoints: EndpointSlice['endpoints']): EndpointSlice => ({
  addressType: 'IPv4',
  metadata: { namespace: 'default', name, labels: { 'kubernetes.io/service-name': service } },
  endpoints,
});

const ep = (pod: string, ip: string, conditions: { ready?: boolean; serving?: boolean; terminating?: boolean } = {}, nodeName = 'node-1') => ({
  addresses: [ip],
  conditions,
  nodeName,
  targetRef: { kind: 'Pod', namespace: 'default', name: pod },
});

describe('endpoint rows', () => {
  it('indexes slices by the Service their label names and skips slices without the label', () => {
    const index = slicesByService([
      slice('web-abc', 'web', []),
      slice('web-def', 'web', []),
      slice('api-xyz', 'api', []),
      { addressType: 'IPv4', metadata: { namespace: 'default', name: 'stray' }, endpoints: [] },
    ]);
    expect([...index].map(([k, v]) => [k, v.map((s) => s.metadata?.name)])).toEqual([
      ['default/web', ['web-abc', 'web-def']],
      ['default/api', ['api-xyz']],
    ]);
  });

  it('reads missing conditions as upstream says: ready, serving as ready, not terminating', () => {
    expect(endpointRows([slice('s', 'web', [ep('web-1', '10.244.1.2')])])).toEqual([
      { pod: 'default/web-1', ip: '10.244.1.2', ready: true, serving: true, terminating: false, node: 'node-1' },
    ]);
  });

  it('lists each address once even while it sits in two slices, and sorts by pod name on request', () => {
    const rows = endpointRows([
      slice('a', 'web', [ep('web-10', '10.244.1.10'), ep('web-2', '10.244.1.2', { ready: false, serving: true, terminating: true })]),
      slice('b', 'web', [ep('web-2', '10.244.1.2'), { addresses: ['192.168.0.9'], conditions: { ready: false } }]),
    ]);
    expect(rows.map((r) => r.ip)).toEqual(['10.244.1.10', '10.244.1.2', '192.168.0.9']);
    expect([...rows].sort(byPodName)).toEqual([
      { pod: undefined, ip: '192.168.0.9', ready: false, serving: false, terminating: false, node: undefined },
      { pod: 'default/web-2', ip: '10.244.1.2', ready: false, serving: true, terminating: true, node: 'node-1' },
      { pod: 'default/web-10', ip: '10.244.1.10', ready: true, serving: true, terminating: false, node: 'node-1' },
    ]);
  });

  it.each([
    { name: 'no endpoints at all says so', rows: [], want: 'no endpoints' },
    { name: 'two of three ready', rows: [{ ready: true }, { ready: true }, { ready: false }], want: '2/3 ready' },
    { name: 'a terminating endpoint is counted and named', rows: [{ ready: true }, { ready: false, terminating: true }], want: '1/2 ready, 1 terminating' },
  ])('$name', ({ rows, want }) => {
    const full = rows.map((r) => ({ pod: undefined, ip: '', serving: r.ready, terminating: false, node: undefined, ...r }));
    expect(endpointsText(countEndpoints(full))).toBe(want);
  });
});
