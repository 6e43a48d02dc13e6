import type { Event } from 'kubernetes-types/core/v1';
import type { KubeObject, ObjectRef } from '../../sim/index';
import { parseText } from '../../worker/packedTexts';
import { eventTime as timeOfEvent } from '../../worker/wireBatch';

/** How many of the newest Events the log keeps at hand for the timeline, which shows at most this many entries. */
export const RECENT_EVENTS = 300;

/**
 * EventRecord is one Event as the log keeps it: the fields it is indexed by, and the Event, parsed from its JSON
 * text the first time someone reads it (see eventOf). Most Events of a large rollout are never shown, and parsing
 * all 17,000 of them was most of the UI's decoding and garbage-collection time.
 */
export interface EventRecord {
  /** `namespace/name` of the Event. */
  key: string;
  /** `kind/namespace/name` of the object it is about. */
  involved: string;
  /** When it last happened, in virtual ms. */
  time: number;
  /** When the log first saw an Event of this key (set by the log), which breaks ties of time. */
  arrival?: number;
  /**
   * Until it is parsed: the packed texts its JSON is in (UTF-8), and where. Offsets rather than a view of its own: a
   * rollout's burst of 17,000 views took longer to make than the rest of its bookkeeping.
   */
  texts?: Uint8Array;
  start: number;
  end: number;
  event?: Event;
}

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
  readonly byKey: ReadonlyMap<string, EventRecord>;
  /** `kind/namespace/name` of the involved object → keys of its Events, oldest first. */
  readonly byObject: ReadonlyMap<string, ReadonlySet<string>>;
  /**
   * The records of the newest RECENT_EVENTS Events by time, oldest first; Events of the same time in the order they
   * first came. They stay unparsed: the timeline shows the few that fit in view.
   */
  readonly window: readonly EventRecord[];
}

const times = new WeakMap<Event, number>();

/** Numbers Events as they first come; one counter for all logs keeps it increasing. */
let arrivals = 0;

/** eventTime is when an Event last happened (its time on the timeline), worked out once per Event object. */
export function eventTime(e: Event): number {
  let time = times.get(e);
  if (time === undefined) times.set(e, (time = timeOfEvent(e)));
  return time;
}

/** eventOf is the record's Event, parsed from its text the first time it is asked for. */
export function eventOf(record: EventRecord): Event {
  if (!record.event) {
    record.event = parseText<Event>(record.texts!.subarray(record.start, record.end));
    record.texts = undefined;
    times.set(record.event, record.time);
  }
  return record.event;
}

/** recordOf indexes an Event that arrived as an object (the `ready` message's). */
export function recordOf(event: Event): EventRecord {
  const { kind, namespace, name } = event.involvedObject;
  return { key: `${event.metadata?.namespace ?? ''}/${event.metadata?.name ?? ''}`, involved: `${kind ?? ''}/${namespace ?? ''}/${name ?? ''}`, time: eventTime(event), start: 0, end: 0, event };
}

/** newEventLog builds a log from scratch, e.g. from a `ready` message's objects. */
export function newEventLog(events: readonly KubeObject[] = []): EventLog {
  const empty: EventLog = { revision: 0, byKey: new Map(), byObject: new Map(), window: [] };
  return updateEvents(empty, events.map((e) => recordOf(e as unknown as Event)), []);
}

/** updateEvents applies a batch's upserted and deleted Events to the log's maps and returns the log's next revision. */
export function updateEvents(log: EventLog, upserted: readonly EventRecord[], deleted: readonly ObjectRef[]): EventLog {
  const byKey = log.byKey as Map<string, EventRecord>;
  const byObject = log.byObject as Map<string, Set<string>>;
  let windowLost = false;
  let inWindow: Set<string> | undefined;
  const unindex = (record: EventRecord) => {
    const keys = byObject.get(record.involved);
    keys?.delete(record.key);
    if (keys?.size === 0) byObject.delete(record.involved);
  };
  for (const record of upserted) {
    const old = byKey.get(record.key);
    record.arrival = old?.arrival ?? ++arrivals;
    byKey.set(record.key, record);
    if (old?.involved === record.involved) continue;
    if (old) unindex(old);
    let keys = byObject.get(record.involved);
    if (!keys) byObject.set(record.involved, (keys = new Set()));
    keys.add(record.key);
  }
  for (const ref of deleted) {
    const key = `${ref.namespace ?? ''}/${ref.name ?? ''}`;
    const old = byKey.get(key);
    if (!old) continue;
    byKey.delete(key);
    unindex(old);
    inWindow ??= new Set(log.window.map((r) => r.key));
    if (inWindow.has(key)) windowLost = true;
  }
  return { revision: log.revision + 1, byKey, byObject, window: windowAfter(log.window, upserted, windowLost, byKey) };
}

const byTime = (a: EventRecord, b: EventRecord) => a.time - b.time || (a.arrival ?? 0) - (b.arrival ?? 0);

/**
 * windowAfter is the window of newest Events after an update. Only an Event that changed and is newer than the
 * window's oldest can enter it, unless a deletion left room: an update sorts the window, not every Event.
 */
function windowAfter(window: readonly EventRecord[], changed: readonly EventRecord[], windowLost: boolean, byKey: ReadonlyMap<string, EventRecord>): readonly EventRecord[] {
  if (windowLost || (window.length < RECENT_EVENTS && byKey.size > window.length + changed.length)) return newest([...byKey.values()]);
  const oldest = window.length < RECENT_EVENTS ? undefined : window[0];
  const entering = changed.filter((r) => byKey.get(r.key) === r && (!oldest || byTime(r, oldest) >= 0));
  if (entering.length === 0 && window.every((r) => byKey.get(r.key) === r)) return window;
  // The window's Events in their latest versions, each once: one may be entering again, newer.
  const stay = new Set(window.map((r) => byKey.get(r.key)!));
  return newest([...stay, ...entering.filter((r) => !stay.has(r))]);
}

/**
 * newest picks the RECENT_EVENTS newest of distinct `records`, oldest first. Only those at or after the
 * RECENT_EVENTS-th newest time are sorted: a burst brings thousands.
 */
function newest(records: EventRecord[]): EventRecord[] {
  let kept = records;
  if (kept.length > RECENT_EVENTS) {
    const cutoff = Float64Array.from(kept, (r) => r.time).sort()[kept.length - RECENT_EVENTS];
    kept = kept.filter((r) => r.time >= cutoff);
  }
  return kept.sort(byTime).slice(-RECENT_EVENTS);
}

/** recordsAbout lists the records of the Events whose involved object is `ref`, oldest first. */
export function recordsAbout(log: EventLog, ref: ObjectRef): EventRecord[] {
  const keys = log.byObject.get(`${ref.kind ?? ''}/${ref.namespace ?? ''}/${ref.name ?? ''}`) ?? [];
  return [...keys].map((key) => log.byKey.get(key)!);
}

/** eventsAbout lists the Events whose involved object is `ref`, oldest first, as `kubectl describe` shows them. */
export function eventsAbout(log: EventLog, ref: ObjectRef): Event[] {
  return recordsAbout(log, ref).map(eventOf);
}
