import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../api/object';
import type { WatchEvent } from '../store/types';
import { ChangeCollector } from './changeBatch';

const obj = (kind: string, name: string, rv: string, namespace = 'default'): KubeObject => ({
  apiVersion: 'v1',
  kind,
  metadata: { name, namespace, resourceVersion: rv },
});
const added = (o: KubeObject): WatchEvent => ({ type: 'ADDED', object: o, old: undefined });
const modified = (o: KubeObject): WatchEvent => ({ type: 'MODIFIED', object: o, old: o });
const deleted = (o: KubeObject): WatchEvent => ({ type: 'DELETED', object: o, old: o });

describe('ChangeCollector', () => {
  const cases: { name: string; events: WatchEvent[]; upserted: string[]; deleted: string[] }[] = [
    {
      name: 'An object changed twice is sent once, at the place of its first change, in its latest version',
      events: [added(obj('Pod', 'a', '1')), added(obj('Pod', 'b', '2')), modified(obj('Pod', 'a', '3'))],
      upserted: ['Pod/a@3', 'Pod/b@2'],
      deleted: [],
    },
    {
      name: 'Objects of the same name but another kind or namespace are different objects',
      events: [added(obj('Pod', 'a', '1')), added(obj('Event', 'a', '2')), added(obj('Pod', 'a', '3', 'other'))],
      upserted: ['Pod/a@1', 'Event/a@2', 'Pod/a@3'],
      deleted: [],
    },
    {
      name: 'A deleted object is sent by reference only, and one created again after its deletion goes to the end',
      events: [added(obj('Pod', 'a', '1')), added(obj('Pod', 'b', '2')), deleted(obj('Pod', 'a', '1')), added(obj('Pod', 'a', '4'))],
      upserted: ['Pod/b@2', 'Pod/a@4'],
      deleted: [],
    },
    {
      name: 'An object deleted after its change is only in the deleted list',
      events: [modified(obj('Pod', 'a', '1')), deleted(obj('Pod', 'a', '1'))],
      upserted: [],
      deleted: ['Pod/default/a'],
    },
  ];
  it.each(cases)('$name', ({ events, upserted, deleted: gone }) => {
    const collector = new ChangeCollector();
    for (const e of events) collector.add(e);
    const batch = collector.take(0, []);
    expect(batch.upserted.map((o) => `${o.kind}/${o.metadata.name}@${o.metadata.resourceVersion}`)).toEqual(upserted);
    expect(batch.deleted.map((r) => `${r.kind}/${r.namespace}/${r.name}`)).toEqual(gone);
    expect(collector.isEmpty()).toBe(true);
  });

  it('A batch taken starts the next afresh: an object changed again is sent again', () => {
    const collector = new ChangeCollector();
    collector.add(added(obj('Pod', 'a', '1')));
    collector.take(0, []);
    collector.add(deleted(obj('Pod', 'a', '1')));
    const batch = collector.take(1, []);
    expect(batch.upserted).toEqual([]);
    expect(batch.deleted).toEqual([{ kind: 'Pod', namespace: 'default', name: 'a' }]);
  });
});
