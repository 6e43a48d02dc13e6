import { describe, expect, it } from 'vitest';
import type { Pod, Service } from 'kubernetes-types/core/v1';
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import { parseTime } from '../../clock/timeFormat';
import { EndpointSliceTracker } from './endpointSliceTracker';
import { TriggerTimeTracker } from './triggerTimeTracker';
import type { ServiceObject } from './utils';

const t = (s: string) => parseTime(`2026-01-01T09:00:${s}Z`);

function pod(name: string, readySince?: string): Pod {
  return { metadata: { name }, status: { conditions: readySince ? [{ type: 'Ready', status: 'True', lastTransitionTime: `2026-01-01T09:00:${readySince}Z` }] : [] } };
}

const SERVICE: Service = { metadata: { name: 'web', namespace: 'default', creationTimestamp: '2026-01-01T09:00:01Z' } };

describe('TriggerTimeTracker', () => {
  it('The first sync of a Service reports its creation time', () => {
    expect(new TriggerTimeTracker().computeEndpointLastChangeTriggerTime('default', SERVICE, [pod('a', '05')])).toBe(t('01'));
  });

  it('A pod whose Ready condition moved since the last sync reports that moment', () => {
    const tracker = new TriggerTimeTracker();
    tracker.computeEndpointLastChangeTriggerTime('default', SERVICE, [pod('a', '05'), pod('b', '06')]);
    expect(tracker.computeEndpointLastChangeTriggerTime('default', SERVICE, [pod('a', '09'), pod('b', '06')])).toBe(t('09'));
  });

  it('Of several changes since the last sync the earliest is reported', () => {
    const tracker = new TriggerTimeTracker();
    tracker.computeEndpointLastChangeTriggerTime('default', SERVICE, [pod('a', '05')]);
    expect(tracker.computeEndpointLastChangeTriggerTime('default', SERVICE, [pod('a', '20'), pod('b', '12'), pod('c')])).toBe(t('12'));
  });

  it('Nothing changed since the last sync: no trigger time', () => {
    const tracker = new TriggerTimeTracker();
    tracker.computeEndpointLastChangeTriggerTime('default', SERVICE, [pod('a', '05')]);
    expect(tracker.computeEndpointLastChangeTriggerTime('default', SERVICE, [pod('a', '05')])).toBeUndefined();
  });

  it('A deleted Service is forgotten: it counts as new again', () => {
    const tracker = new TriggerTimeTracker();
    tracker.computeEndpointLastChangeTriggerTime('default', SERVICE, []);
    tracker.deleteService('default', 'web');
    expect(tracker.computeEndpointLastChangeTriggerTime('default', SERVICE, [])).toBe(t('01'));
  });
});

function slice(uid: string, generation: number, service = 'web'): EndpointSlice {
  return { metadata: { uid, generation, namespace: 'default', labels: { 'kubernetes.io/service-name': service } }, addressType: 'IPv4', endpoints: [] };
}

const SVC: ServiceObject = { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'default', uid: 'svc-1' } };

describe('EndpointSliceTracker', () => {
  it('An unknown slice, or one newer than the controller wrote, should be synced', () => {
    const tracker = new EndpointSliceTracker();
    expect(tracker.shouldSync(slice('a', 1))).toBe(true);
    tracker.update(slice('a', 1));
    expect([tracker.shouldSync(slice('a', 1)), tracker.shouldSync(slice('a', 2))]).toEqual([false, true]);
  });

  it.each([
    { name: 'A cache with the generations written is not stale', cached: [slice('a', 2)], stale: false },
    { name: 'A cache with an older generation is stale', cached: [slice('a', 1)], stale: true },
    { name: 'A cache missing a slice the controller wrote is stale', cached: [], stale: true },
  ])('$name', ({ cached, stale }) => {
    const tracker = new EndpointSliceTracker();
    tracker.update(slice('a', 2));
    expect(tracker.staleSlices(SVC, cached)).toBe(stale);
  });

  it('A cache still holding a slice the controller deleted is stale, until the deletion is seen', () => {
    const tracker = new EndpointSliceTracker();
    tracker.update(slice('a', 1));
    tracker.expectDeletion(slice('a', 1));
    expect(tracker.staleSlices(SVC, [slice('a', 1)])).toBe(true);
    expect(tracker.handleDeletion(slice('a', 1))).toBe(true);
    expect(tracker.staleSlices(SVC, [])).toBe(false);
  });

  it('A deletion the controller did not make is reported as unexpected', () => {
    const tracker = new EndpointSliceTracker();
    tracker.update(slice('a', 1));
    expect([tracker.has(slice('a', 1)), tracker.handleDeletion(slice('a', 1)), tracker.has(slice('a', 1))]).toEqual([true, false, false]);
  });

  it('A Service re-created under the same name starts clean', () => {
    const tracker = new EndpointSliceTracker();
    tracker.staleSlices(SVC, []);
    tracker.update(slice('a', 3));
    expect(tracker.staleSlices({ ...SVC, metadata: { ...SVC.metadata, uid: 'svc-2' } }, [])).toBe(false);
  });
});
