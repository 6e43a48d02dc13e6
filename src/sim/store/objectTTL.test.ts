import type { Event } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../api/object';
import { SeededRandom } from '../clock/random';
import { VirtualClock } from '../clock/virtualClock';
import { createCluster } from '../cluster/cluster';
import { DEFAULT_KINDS } from '../kinds';
import { EVENT_TTL_SECONDS } from '../kinds/core/event';
import { KindRegistry } from '../kinds/registry';
import { ObjectStore } from './objectStore';
import type { WatchEvent } from './types';

type EventObject = Event & KubeObject;
const KUBELET = { actor: 'kubelet/node-1', reason: 'test', quiet: true };
const HOUR = EVENT_TTL_SECONDS * 1000;

/** apiServer is an API server with no admission, and the watch events of Events it sent, as `TYPE name@rv`. */
function apiServer() {
  const clock = new VirtualClock();
  const store = new ObjectStore({ clock, random: new SeededRandom(1), registry: new KindRegistry(DEFAULT_KINDS), admission: [] });
  const seen: string[] = [];
  store.watch('Event', (e: WatchEvent) => seen.push(`${e.type} ${e.object.metadata.name}@${e.object.metadata.resourceVersion}`));
  const names = () => store.list<EventObject>('Event').map((e) => `${e.metadata.name} x${e.count}`);
  return { clock, store, seen, names };
}

function event(name: string, count = 1): EventObject {
  return {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { name, namespace: 'default' },
    involvedObject: { kind: 'Pod', namespace: 'default', name: 'web' },
    reason: 'BackOff',
    message: 'Back-off restarting failed container',
    type: 'Warning',
    count,
    source: { component: 'kubelet', host: 'node-1' },
  };
}

describe('ObjectTTL: Events expire --event-ttl (1h) after their last write', () => {
  it('An Event written once is listed for 59:59.999 and deleted, with a DELETED watch event, at exactly one hour.', () => {
    const { clock, store, seen, names } = apiServer();
    store.create(event('web.1'), KUBELET);
    clock.advanceTo(HOUR - 1);
    expect(names()).toEqual(['web.1 x1']);
    clock.advanceTo(HOUR);
    expect(names()).toEqual([]);
    expect(seen).toEqual(['ADDED web.1@1', 'DELETED web.1@1']);
  });

  it('An Event counted again at 30 minutes lives until an hour after that write, not after its creation.', () => {
    const { clock, store, seen, names } = apiServer();
    store.create(event('web.1'), KUBELET);
    clock.advanceTo(HOUR / 2);
    store.update({ ...store.get<EventObject>('Event', 'default', 'web.1')!, count: 2 }, KUBELET);
    clock.advanceTo(HOUR);
    expect(names()).toEqual(['web.1 x2']);
    clock.advanceTo(HOUR + HOUR / 2);
    expect(names()).toEqual([]);
    expect(seen).toEqual(['ADDED web.1@1', 'MODIFIED web.1@2', 'DELETED web.1@2']);
  });

  it('An Event deleted and created again under its name keeps its own hour: the first lease does not delete it.', () => {
    const { clock, store, seen, names } = apiServer();
    store.create(event('web.1'), KUBELET);
    clock.advanceTo(10 * 60 * 1000);
    store.delete('Event', 'default', 'web.1', KUBELET);
    store.create(event('web.1', 5), KUBELET);
    clock.advanceTo(HOUR);
    expect(names()).toEqual(['web.1 x5']);
    clock.advanceTo(HOUR + 10 * 60 * 1000);
    expect(names()).toEqual([]);
    expect(seen).toEqual(['ADDED web.1@1', 'DELETED web.1@1', 'ADDED web.1@3', 'DELETED web.1@3']);
  });

  it('Expiry is quiet: it narrates no action, and kinds without a TTL (a Pod) outlive it.', () => {
    const { clock, store } = apiServer();
    store.create(event('web.1'), KUBELET);
    store.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web', namespace: 'default' }, spec: { containers: [{ name: 'nginx', image: 'nginx' }] } }, { actor: 'user', reason: 'created pod web' });
    clock.advanceTo(2 * HOUR);
    expect(store.list('Pod').map((p) => p.metadata.name)).toEqual(['web']);
    expect(store.actions().map((a) => `${a.actor} ${a.verb} ${a.kind}/${a.name}`)).toEqual(['user create Pod/web']);
  });

  it('settle() does not wait an hour for pending expiries, as kubectl wait does not.', () => {
    const cluster = createCluster({ controllers: false, kubelets: false, nodes: [] });
    cluster.client.create(event('web.1'), KUBELET);
    const before = cluster.now();
    cluster.settle();
    expect(cluster.now() - before).toBe(0);
    expect(cluster.list('Event').map((e) => e.metadata.name)).toEqual(['web.1']);
  });
});
