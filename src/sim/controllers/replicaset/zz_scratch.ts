// TEMPORARY scratch harness (H1), removed before the report.
import { parse } from 'yaml';
import type { Event } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../api/object';
import { VirtualClock } from '../../clock/virtualClock';
import { SeededRandom } from '../../clock/random';
import { KindRegistry } from '../../kinds/registry';
import type { KindSpec } from '../../kinds/kindSpec';
import { ObjectStore } from '../../store/objectStore';
import { EventRecorder } from '../../events/recorder';
import { bootstrap } from '../../cluster/bootstrap';

const spec = (group: string, kind: string, plural: string, namespaced = true, generation = false): KindSpec => ({ group, version: 'v1', kind, plural, namespaced, statusSubresource: true, generation });
export function createCluster() {
  const clock = new VirtualClock();
  const random = new SeededRandom(1);
  const registry = new KindRegistry([
    spec('', 'Pod', 'pods'), spec('', 'Namespace', 'namespaces', false), spec('', 'Event', 'events'),
    spec('', 'ReplicationController', 'replicationcontrollers', true, true), spec('apps', 'ReplicaSet', 'replicasets', true, true),
    spec('scheduling.k8s.io', 'PriorityClass', 'priorityclasses', false),
  ]);
  const store = new ObjectStore({ clock, random, registry, admission: [] });
  bootstrap(store);
  return {
    client: store, clock, random,
    apply(text: string) { for (const d of text.split(/^---$/m)) { const o = parse(d); if (o) store.create(o as KubeObject, { actor: 'user', reason: 'applied' }); } },
    advance(ms: number) { clock.advanceTo(clock.now() + ms); },
    actions: () => store.actions(),
    events: () => store.list<Event & KubeObject>('Event').sort(EventRecorder.eventOrder),
  };
}
