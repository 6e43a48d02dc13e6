import type { Event } from 'kubernetes-types/core/v1';
import type { KubeObject, ObjectRef } from '../../sim/index';

/**
 * EventLog holds the cluster's Events for the UI, apart from the other kinds. A 2,000-pod rollout writes some
 * 17,000 Events; copying a record of that size on every batch, as the mirror does for the other kinds, took
 * 15-25 ms per batch in the UI benchmark. So Events live in one Map that batches update in place, with an index by
 * involved object for the inspector. Each update returns a new EventLog around the same maps, so that selectors see
 * the change; a `ready` message starts a new log.
 */
export interface EventLog {
  /** Counts the updates, so two logs around the same maps still differ. */
  readonly revision: number;
  /** `namespace/name` of the Event → the Event. */
  readonly byKey: ReadonlyMap<string, Event>;
  /** `kind/namespace/name` of the involved object → keys of its Events, oldest first. */
  readonly byObject: ReadonlyMap<string, ReadonlySet<string>>;
}

const eventKey = (namespace: string | undefined, name: string | undefined) => `${namespace ?? ''}/${name ?? ''}`;
const objectKey = (kind: string | undefined, namespace: string | undefined, name: string | undefined) => `${kind ?? ''}/${namespace ?? ''}/${name ?? ''}`;
const involved = (e: Event) => objectKey(e.involvedObject.kind, e.involvedObject.namespace, e.involvedObject.name);

/** newEventLog builds a log from scratch, e.g. from a `ready` message's objects. */
export function newEventLog(events: readonly KubeObject[] = []): EventLog {
  return updateEvents({ revision: 0, byKey: new Map(), byObject: new Map() }, events, []);
}

/** updateEvents applies a batch's upserted and deleted Events to the log's maps and returns the log's next revision. */
export function updateEvents(log: EventLog, upserted: readonly KubeObject[], deleted: readonly ObjectRef[]): EventLog {
  const byKey = log.byKey as Map<string, Event>;
  const byObject = log.byObject as Map<string, Set<string>>;
  const forget = (key: string) => {
    const old = byKey.get(key);
    if (!old) return;
    byKey.delete(key);
    const keys = byObject.get(involved(old));
    keys?.delete(key);
    if (keys?.size === 0) byObject.delete(involved(old));
  };
  for (const obj of upserted) {
    const event = obj as unknown as Event;
    const key = eventKey(obj.metadata.namespace, obj.metadata.name);
    const old = byKey.get(key);
    if (old && involved(old) !== involved(event)) forget(key);
    byKey.set(key, event);
    let keys = byObject.get(involved(event));
    if (!keys) byObject.set(involved(event), (keys = new Set()));
    keys.add(key);
  }
  for (const ref of deleted) forget(eventKey(ref.namespace, ref.name));
  return { revision: log.revision + 1, byKey, byObject };
}

/** eventsAbout lists the Events whose involved object is `ref`, oldest first, as `kubectl describe` shows them. */
export function eventsAbout(log: EventLog, ref: ObjectRef): Event[] {
  const keys = log.byObject.get(objectKey(ref.kind, ref.namespace, ref.name)) ?? [];
  return [...keys].map((key) => log.byKey.get(key)!);
}
