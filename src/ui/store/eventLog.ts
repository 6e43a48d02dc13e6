import type { Event } from 'kubernetes-types/core/v1';
import type { KubeObject, ObjectRef } from '../../sim/index';
import { parseTime } from '../../sim/clock/timeFormat';

/** How many of the newest Events the log keeps at hand for the timeline, which shows at most this many entries. */
export const RECENT_EVENTS = 300;

/**
 * EventLog holds the cluster's Events for the UI, apart from the other kinds. A 2,000-pod rollout writes some
 * 17,000 Events; copying a record of that size on every batch, as the mirror does for the other kinds, took
 * 15-25 ms per batch in the UI benchmark. So Events live in one Map that batches update in place, with an index by
 * involved object for the inspector, and the newest few kept in order for the timeline, so that neither walks
 * every Event after each batch. Each update returns a new EventLog around the same maps, so that selectors see
 * the change; a `ready` message starts a new log.
 */
export interface EventLog {
  /** Counts the updates, so two logs around the same maps still differ. */
  readonly revision: number;
  /** `namespace/name` of the Event → the Event. */
  readonly byKey: ReadonlyMap<string, Event>;
  /** `kind/namespace/name` of the involved object → keys of its Events, oldest first. */
  readonly byObject: ReadonlyMap<string, ReadonlySet<string>>;
  /** The newest RECENT_EVENTS Events by time, oldest first; Events of the same time in the order they first came. */
  readonly recent: readonly Event[];
  /** `namespace/name` → when the Event first came, which breaks ties of time. */
  readonly arrival: ReadonlyMap<string, number>;
}

const eventKey = (namespace: string | undefined, name: string | undefined) => `${namespace ?? ''}/${name ?? ''}`;
const objectKey = (kind: string | undefined, namespace: string | undefined, name: string | undefined) => `${kind ?? ''}/${namespace ?? ''}/${name ?? ''}`;
const involved = (e: Event) => objectKey(e.involvedObject.kind, e.involvedObject.namespace, e.involvedObject.name);
const keyOf = (e: Event) => eventKey(e.metadata?.namespace, e.metadata?.name);

const times = new WeakMap<Event, number>();

/** Numbers Events as they first come; one counter for all logs keeps it increasing. */
let arrivals = 0;

/** eventTime is when an Event last happened (its time on the timeline), parsed once per Event object. */
export function eventTime(e: Event): number {
  let time = times.get(e);
  if (time === undefined) times.set(e, (time = parseTime(e.eventTime ?? e.lastTimestamp ?? e.firstTimestamp) ?? 0));
  return time;
}

/** newEventLog builds a log from scratch, e.g. from a `ready` message's objects. */
export function newEventLog(events: readonly KubeObject[] = []): EventLog {
  return updateEvents({ revision: 0, byKey: new Map(), byObject: new Map(), recent: [], arrival: new Map() }, events, []);
}

/** updateEvents applies a batch's upserted and deleted Events to the log's maps and returns the log's next revision. */
export function updateEvents(log: EventLog, upserted: readonly KubeObject[], deleted: readonly ObjectRef[]): EventLog {
  const byKey = log.byKey as Map<string, Event>;
  const byObject = log.byObject as Map<string, Set<string>>;
  const arrival = log.arrival as Map<string, number>;
  let recentLost = false;
  let inRecent: Set<string> | undefined;
  const forget = (key: string) => {
    const old = byKey.get(key);
    if (!old) return;
    byKey.delete(key);
    arrival.delete(key);
    inRecent ??= new Set(log.recent.map(keyOf));
    if (inRecent.has(key)) recentLost = true;
    const keys = byObject.get(involved(old));
    keys?.delete(key);
    if (keys?.size === 0) byObject.delete(involved(old));
  };
  const changed: Event[] = [];
  for (const obj of upserted) {
    const event = obj as unknown as Event;
    const key = eventKey(obj.metadata.namespace, obj.metadata.name);
    const old = byKey.get(key);
    if (old && involved(old) !== involved(event)) forget(key);
    byKey.set(key, event);
    if (!arrival.has(key)) arrival.set(key, ++arrivals);
    let keys = byObject.get(involved(event));
    if (!keys) byObject.set(involved(event), (keys = new Set()));
    keys.add(key);
    changed.push(event);
  }
  for (const ref of deleted) forget(eventKey(ref.namespace, ref.name));
  return { revision: log.revision + 1, byKey, byObject, arrival, recent: recentAfter(log.recent, changed, recentLost, byKey, arrival) };
}

/**
 * recentAfter is the window of newest Events after an update. Only an Event that changed and is newer than the
 * window's oldest can enter it, unless a deletion left room: an update sorts the window, not every Event.
 */
function recentAfter(recent: readonly Event[], changed: readonly Event[], recentLost: boolean, byKey: ReadonlyMap<string, Event>, arrival: ReadonlyMap<string, number>): readonly Event[] {
  if (recentLost || (recent.length < RECENT_EVENTS && byKey.size > recent.length + changed.length)) return newest(byKey.values(), byKey, arrival);
  const oldest = recent.length < RECENT_EVENTS ? undefined : recent[0];
  const [oldestTime, oldestArrival] = oldest ? [eventTime(oldest), arrival.get(keyOf(oldest)) ?? 0] : [-Infinity, -Infinity];
  const entering = changed.filter((e) => {
    const t = eventTime(e);
    return t > oldestTime || (t === oldestTime && (arrival.get(keyOf(e)) ?? 0) >= oldestArrival);
  });
  return entering.length === 0 ? recent : newest([...recent, ...entering], byKey, arrival);
}

/** newest picks, from `candidates`, the latest versions of the RECENT_EVENTS newest Events, oldest first. */
function newest(candidates: Iterable<Event>, byKey: ReadonlyMap<string, Event>, arrival: ReadonlyMap<string, number>): Event[] {
  const current = new Map<string, { event: Event; time: number; order: number }>();
  for (const e of candidates) {
    const key = keyOf(e);
    const event = byKey.get(key);
    if (event) current.set(key, { event, time: eventTime(event), order: arrival.get(key) ?? 0 });
  }
  return [...current.values()]
    .sort((a, b) => a.time - b.time || a.order - b.order)
    .slice(-RECENT_EVENTS)
    .map((c) => c.event);
}

/** eventsAbout lists the Events whose involved object is `ref`, oldest first, as `kubectl describe` shows them. */
export function eventsAbout(log: EventLog, ref: ObjectRef): Event[] {
  const keys = log.byObject.get(objectKey(ref.kind, ref.namespace, ref.name)) ?? [];
  return [...keys].map((key) => log.byKey.get(key)!);
}
