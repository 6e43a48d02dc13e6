import type { Event } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../api/object';
import { createCluster } from '../cluster/cluster';
import { VirtualClock } from '../clock/virtualClock';
import type { ApiClient } from '../store/types';
import { EventRecorder, MAX_LRU_CACHE_ENTRIES } from './recorder';

function setup() {
  const cluster = createCluster({ controllers: false, kubelets: false, nodes: [] });
  const recorder = new EventRecorder(cluster.client, cluster.clock);
  const pod = (name: string) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default', uid: `uid-${name}` } }) as KubeObject;
  const events = (name: string) => cluster.list<Event & KubeObject>('Event').filter((e) => e.involvedObject.name === name);
  return { cluster, recorder, pod, events };
}

describe('EventRecorder', () => {
  it('An identical event bumps the count and lastTimestamp of the first instead of creating another.', () => {
    const { cluster, recorder, pod, events } = setup();
    recorder.event(pod('web'), 'Warning', 'BackOff', 'Back-off restarting failed container', { component: 'kubelet', host: 'node-1' });
    cluster.advance(10_000);
    recorder.event(pod('web'), 'Warning', 'BackOff', 'Back-off restarting failed container', { component: 'kubelet', host: 'node-1' });
    expect(events('web').map((e) => [e.count, e.firstTimestamp, e.lastTimestamp])).toEqual([[2, '2026-01-01T09:00:00Z', '2026-01-01T09:00:10Z']]);
  });

  it('Like the correlator LRU cache of 4096 identities, an event forgotten behind 4096 others starts a new Event.', () => {
    const { recorder, pod, events } = setup();
    const source = { component: 'kubelet', host: 'node-1' };
    recorder.event(pod('first'), 'Normal', 'Pulled', 'Container image "nginx" already present on machine', source);
    for (let i = 0; i < MAX_LRU_CACHE_ENTRIES - 1; i++) recorder.event(pod(`p${i}`), 'Normal', 'Started', 'Started container nginx', source);
    recorder.event(pod('first'), 'Normal', 'Pulled', 'Container image "nginx" already present on machine', source);
    expect(events('first').map((e) => e.count)).toEqual([2]);
    for (let i = 0; i < MAX_LRU_CACHE_ENTRIES; i++) recorder.event(pod(`q${i}`), 'Normal', 'Started', 'Started container nginx', source);
    recorder.event(pod('first'), 'Normal', 'Pulled', 'Container image "nginx" already present on machine', source);
    expect(events('first').map((e) => e.count)).toEqual([2, 1]);
  });

  it('The 10th different message of one reason about one object starts one "(combined from similar events)" Event, counted on from there.', () => {
    const { recorder, events } = setup();
    const rs = { apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'web-6d4cf56db6', namespace: 'default', uid: 'uid-rs' } } as KubeObject;
    for (let i = 1; i <= 12; i++) recorder.event(rs, 'Normal', 'SuccessfulCreate', `Created pod: web-6d4cf56db6-p${i}`, { component: 'replicaset-controller' });
    expect(events('web-6d4cf56db6').map((e) => `${e.message} x${e.count}`)).toEqual([
      ...Array.from({ length: 9 }, (_, i) => `Created pod: web-6d4cf56db6-p${i + 1} x1`),
      '(combined from similar events): Created pod: web-6d4cf56db6-p12 x3',
    ]);
  });

  it('One component may send 25 events about an object, then one per 5 minutes; dropped ones still count.', () => {
    const { cluster, recorder, pod, events } = setup();
    const kubelet = { component: 'kubelet', host: 'node-1' };
    for (let i = 0; i < 30; i++) recorder.event(pod('web'), 'Warning', 'BackOff', 'Back-off restarting failed container', kubelet);
    expect(events('web').map((e) => e.count)).toEqual([25]);
    recorder.event(pod('web'), 'Normal', 'Killing', 'Stopping container nginx', kubelet);
    recorder.event(pod('web'), 'Normal', 'Scheduled', 'Successfully assigned default/web to node-1', { component: 'default-scheduler' });
    expect(events('web').map((e) => `${e.reason} x${e.count}`)).toEqual(['BackOff x25', 'Scheduled x1']);
    cluster.advance(299_000);
    recorder.event(pod('web'), 'Warning', 'BackOff', 'Back-off restarting failed container', kubelet);
    expect(events('web').map((e) => `${e.reason} x${e.count}`)).toEqual(['BackOff x25', 'Scheduled x1']);
    cluster.advance(1_000);
    recorder.event(pod('web'), 'Warning', 'BackOff', 'Back-off restarting failed container', kubelet);
    expect(events('web').map((e) => `${e.reason} x${e.count}`)).toEqual(['BackOff x32', 'Scheduled x1']);
  });

  it('An Event the API server rejects (its namespace is gone) is dropped, and the reporter carries on.', () => {
    const { cluster, recorder } = setup();
    const gone = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web', namespace: 'shop', uid: 'uid-web' } } as KubeObject;
    expect(() => recorder.event(gone, 'Normal', 'Killing', 'Stopping container nginx', { component: 'kubelet', host: 'node-1' })).not.toThrow();
    expect(cluster.list('Event')).toEqual([]);
  });

  it.each([
    { start: 0, names: ['web.0000000000000000', 'web.0000000000000001', 'db.00000000000f4242'] },
    { start: 5_123, names: ['web.00000001315ac6c0', 'web.00000001315ac6c1', 'db.00000001316a0902'] },
    // The last millisecond whose nanoseconds are exact as a double, then the first one written through BigInt.
    { start: 9_007_199_254, names: ['web.001ffffffff4b180', 'web.001ffffffff4b181', 'db.002000000003f3c2'] },
    { start: 10_000_000_000, names: ['web.002386f26fc10000', 'web.002386f26fc10001', 'db.002386f26fd04242'] },
  ])('Event names end in 16 hex digits of the virtual nanoseconds plus a sequence number (clock at $start ms)', ({ start, names }) => {
    const clock = new VirtualClock(start);
    const created: string[] = [];
    const client = { create: (e: KubeObject) => created.push(e.metadata.name!), get: () => undefined } as unknown as ApiClient;
    const recorder = new EventRecorder(client, clock);
    const pod = (name: string) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default', uid: `uid-${name}` } }) as KubeObject;
    recorder.event(pod('web'), 'Normal', 'Scheduled', 'Successfully assigned default/web to node-1', { component: 'default-scheduler' });
    recorder.event(pod('web'), 'Normal', 'Pulled', 'Container image "nginx" already present on machine', { component: 'kubelet', host: 'node-1' });
    clock.advanceTo(start + 1);
    recorder.event(pod('db'), 'Normal', 'Started', 'Started container db', { component: 'kubelet', host: 'node-1' });
    expect(created).toEqual(names);
  });
});
