import type { Event } from 'kubernetes-types/core/v1';
import type { KubeObject, ObjectRef } from '../../sim/index';
import { parseText } from '../../worker/packedTexts';
import { EVENT_WINDOW } from '../../worker/protocol';
import { eventTime as timeOfEvent, wireKey } from '../../worker/wireBatch';

/** How many of the newest Events the log keeps at hand for the timeline, which shows at most this many entries. */
export const RECENT_EVENTS = EVENT_WINDOW;

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
 * EventLog holds the newest of the cluster's Events for the timeline, apart from the other kinds. A 2,000-pod
 * rollout writes some 17,000 Events: the page once kept every one, indexed by the object it is about, and after two
 * rollouts their records, keys and indexes were the largest part of the page's heap, which V8 compacts in one pause
 * once the page idles. The Events about one object come from the worker when they are shown (useEventsAbout); the
 * log says which objects' Events each update touched, so that those who show them know when to ask again. Each
 * update returns a new EventLog; a `ready` message starts a new one.
 */
export interface EventLog {
  /** Counts the updates. */
  readonly revision: number;
  /**
   * The records of the newest RECENT_EVENTS Events by time, oldest first; Events of the same time in the order they
   * first came. They stay unparsed: the timeline shows the few that fit in view.
   */
  readonly window: readonly EventRecord[];
  /**
   * `kind/namespace/name` of the objects whose Events this update added, changed or deleted; `every` when that is
   * not known (a new cluster, or a deleted Event the log no longer held).
   */
  readonly touched: ReadonlySet<string> | 'every';
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

/** recordOf indexes an Event that arrived as an object (a `ready` message's, or an `events` answer's). */
export function recordOf(event: Event): EventRecord {
  const { kind, namespace, name } = event.involvedObject;
  return { key: `${event.metadata?.namespace ?? ''}/${event.metadata?.name ?? ''}`, involved: involvedKey({ kind, namespace, name }), time: eventTime(event), start: 0, end: 0, event };
}

/** involvedKey is how the log names the object an Event is about: `kind/namespace/name`, as the wire names it (see wireKey). */
export function involvedKey(ref: Partial<ObjectRef>): string {
  return wireKey(ref.kind ?? '', ref.namespace, ref.name);
}

/** touches tells whether the update that made `log` added, changed or deleted Events about `ref`. */
export function touches(log: EventLog, ref: ObjectRef): boolean {
  return log.touched === 'every' || log.touched.has(involvedKey(ref));
}

/** newEventLog builds a log from scratch, e.g. from a `ready` message's objects. */
export function newEventLog(events: readonly KubeObject[] = []): EventLog {
  const empty: EventLog = { revision: 0, window: [], touched: 'every' };
  return { ...updateEvents(empty, events.map((e) => recordOf(e as unknown as Event)), []), touched: 'every' };
}

/**
 * updateEvents applies a batch's upserted and deleted Events to the log's window and returns the log's next
 * revision; `alsoTouched` names objects whose Events changed but were too old to come (see WireEvents.touched).
 * Only an Event newer than the oldest of a full window can enter it: an update sorts the window and those, not every
 * Event.
 */
export function updateEvents(log: EventLog, upserted: readonly EventRecord[], deleted: readonly ObjectRef[], alsoTouched: readonly string[] = []): EventLog {
  const touched = new Set<string>(alsoTouched);
  let every = false;
  const kept = new Map(log.window.map((r) => [r.key, r]));
  let changed = false;
  for (const ref of deleted) {
    const key = `${ref.namespace ?? ''}/${ref.name ?? ''}`;
    const old = kept.get(key);
    if (!old) every = true;
    else {
      touched.add(old.involved);
      kept.delete(key);
      changed = true;
    }
  }
  const oldest = kept.size < RECENT_EVENTS ? undefined : log.window[0];
  for (const record of upserted) {
    touched.add(record.involved);
    const old = kept.get(record.key);
    record.arrival = old?.arrival ?? ++arrivals;
    if (old || !oldest || byTime(record, oldest) >= 0) {
      kept.set(record.key, record);
      changed = true;
    }
  }
  return { revision: log.revision + 1, window: changed ? newest([...kept.values()]) : log.window, touched: every ? 'every' : touched };
}

const byTime = (a: EventRecord, b: EventRecord) => a.time - b.time || (a.arrival ?? 0) - (b.arrival ?? 0);

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
