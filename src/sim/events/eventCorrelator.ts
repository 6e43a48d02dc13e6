// Mirrors client-go tools/record/events_cache.go (EventCorrelator with its defaults: EventAggregator by reason,
// eventLogger, EventSourceObjectSpamFilter). Each component has its own correlator, as each has its own
// EventBroadcaster upstream. Leaves out: PopAny picks an arbitrary message to forget; here the oldest goes.
// Its three LRU caches keep their capacities and recency order, but are found through the involved object
// instead of by key strings (see Involved).
import type { VirtualClock, VirtualMs } from '../clock/virtualClock';
import { TokenBucketRateLimiter } from '../client/flowcontrol/tokenBucketRateLimiter';
import { type Linked, LruList } from './lruList';

/** client-go's defaults: how many identities each cache remembers, aggregation after 10 similar events in 10 minutes, and a spam budget of 25 events per object, refilled 1 per 5 minutes. */
export const MAX_LRU_CACHE_ENTRIES = 4096;
export const DEFAULT_AGGREGATE_MAX_EVENTS = 10;
const DEFAULT_AGGREGATE_INTERVAL_MS = 600 * 1000;
export const DEFAULT_SPAM_BURST = 25;
const DEFAULT_SPAM_QPS = 1 / 300;

/** The message of an aggregate event, as EventAggregatorByReasonMessageFunc words it. */
export const COMBINED_PREFIX = '(combined from similar events): ';

/**
 * NewEvent is what a component reports, before correlation: the involved object's identity (kind, namespace, name,
 * uid and apiVersion, '' where absent, as client-go joins them into its keys) and the event.
 */
export interface NewEvent {
  kind: string;
  namespace: string;
  name: string;
  uid: string;
  apiVersion: string;
  type: string;
  reason: string;
  message: string;
}

/**
 * Correlated is what to send: a new Event (`count` 1) or a patch of the one named `name`, with the message, count
 * and first timestamp it should then have.
 */
export interface Correlated {
  name: string;
  message: string;
  count: number;
  firstTimestamp: VirtualMs;
  patch: boolean;
}

/**
 * Involved is what the correlator remembers about one involved object: its entries in the aggregate, event and spam
 * caches. client-go keys the caches by strings that start with the object's identity; here the entries hang off the
 * object, found by name, so an event needs neither a key string nor its hash. Fields compare one by one, which is
 * the same as comparing client-go's NUL-joined keys, as no field but the message holds a NUL.
 */
interface Involved {
  kind: string;
  namespace: string;
  name: string;
  uid: string;
  apiVersion: string;
  /** The next remembered object of the same name (another kind, namespace or uid). */
  next: Involved | undefined;
  /** The object's aggregate records and Events, each chained through its `next`. */
  aggregates: AggregateRecord | undefined;
  observations: EventLog | undefined;
  spam: SpamRecord | undefined;
}

/** Chained is an entry of a chain: one cache's entries about an object, or the objects of one name. */
interface Chained<E> {
  next: E | undefined;
}

/** AggregateRecord is aggregateRecord: the messages seen for one type and reason, and when the last was. */
interface AggregateRecord extends Linked<AggregateRecord>, Chained<AggregateRecord> {
  involved: Involved;
  type: string;
  reason: string;
  /**
   * The different messages seen, oldest first: the first one alone until a second comes (most objects get one
   * message per reason, and a Set for each would be most of what an event allocates).
   */
  localKeys: string | Set<string>;
  lastTimestamp: VirtualMs;
}

/** EventLog is eventLog: one Event sent, under its type, reason and message (undefined for the aggregate event). */
interface EventLog extends Linked<EventLog>, Chained<EventLog> {
  involved: Involved;
  type: string;
  reason: string;
  message: string | undefined;
  count: number;
  firstTimestamp: VirtualMs;
  name: string;
}

/** SpamRecord is the spam filter's token bucket for one object. */
interface SpamRecord extends Linked<SpamRecord> {
  involved: Involved;
  limiter: TokenBucketRateLimiter;
}

/**
 * EventCorrelator is one component's filter, aggregator and de-duplicator of Events: identical events bump one
 * Event's count; the 10th different message of the same reason about the same object within 10 minutes becomes
 * one "(combined from similar events)" Event counted on from there; and any object gets at most 25 Events from the
 * component in a burst, then one per 5 minutes (the rest are dropped, though still counted).
 */
export class EventCorrelator {
  /** The objects with entries in any cache, by name, chained through `next`. */
  private readonly byName = new Map<string, Involved>();
  private readonly aggregates = new LruList<AggregateRecord>(MAX_LRU_CACHE_ENTRIES, (r) => {
    r.involved.aggregates = unchain(r.involved.aggregates!, r);
    this.forgetIfEmpty(r.involved);
  });
  private readonly observations = new LruList<EventLog>(MAX_LRU_CACHE_ENTRIES, (l) => {
    l.involved.observations = unchain(l.involved.observations!, l);
    this.forgetIfEmpty(l.involved);
  });
  private readonly spam = new LruList<SpamRecord>(MAX_LRU_CACHE_ENTRIES, (r) => {
    r.involved.spam = undefined;
    this.forgetIfEmpty(r.involved);
  });

  constructor(private readonly clock: VirtualClock) {}

  /** correlate returns what to send for the event, or undefined when the spam filter drops it. */
  correlate(event: NewEvent, newName: () => string): Correlated | undefined {
    const involved = this.involvedIn(event);
    const single = this.aggregate(involved, event);
    const observed = this.observe(involved, event, single, newName);
    return this.accept(involved) ? observed : undefined;
  }

  /** involvedIn is the event's involved object, remembered from before or new. */
  private involvedIn(event: NewEvent): Involved {
    const { kind, namespace, name, uid, apiVersion } = event;
    const first = this.byName.get(name);
    for (let i = first; i; i = i.next) if (i.uid === uid && i.kind === kind && i.namespace === namespace && i.apiVersion === apiVersion) return i;
    const involved: Involved = { kind, namespace, name, uid, apiVersion, next: first, aggregates: undefined, observations: undefined, spam: undefined };
    this.byName.set(name, involved);
    return involved;
  }

  /**
   * aggregate is EventAggregate: it returns the message to observe the event under, or undefined when the event
   * goes into the aggregate event of its type and reason.
   */
  private aggregate(involved: Involved, event: NewEvent): string | undefined {
    const now = this.clock.now();
    let record = findAggregate(involved.aggregates, event.type, event.reason);
    if (!record) {
      const { type, reason, message } = event;
      record = { involved, type, reason, localKeys: message, lastTimestamp: now, next: involved.aggregates, newer: undefined, older: undefined };
      involved.aggregates = record;
      this.aggregates.push(record);
    } else {
      this.aggregates.touch(record);
      if (now - record.lastTimestamp > DEFAULT_AGGREGATE_INTERVAL_MS) record.localKeys = event.message;
      else record.localKeys = withKey(record.localKeys, event.message);
      record.lastTimestamp = now;
    }
    const keys = record.localKeys;
    if (typeof keys === 'string' || keys.size < DEFAULT_AGGREGATE_MAX_EVENTS) return event.message;
    // Do not grow the set of messages beyond the maximum.
    keys.delete(keys.values().next().value!);
    return undefined;
  }

  /** observe is eventObserve: an event seen before patches that Event, one more in count; a new one creates an Event. */
  private observe(involved: Involved, event: NewEvent, single: string | undefined, newName: () => string): Correlated {
    const message = single ?? COMBINED_PREFIX + event.message;
    let log = findLog(involved.observations, event.type, event.reason, single);
    if (log) {
      this.observations.touch(log);
      log.count++;
      return { name: log.name, message, count: log.count, firstTimestamp: log.firstTimestamp, patch: true };
    }
    const { type, reason } = event;
    const firstTimestamp = this.clock.now();
    log = { involved, type, reason, message: single, count: 1, firstTimestamp, name: newName(), next: involved.observations, newer: undefined, older: undefined };
    involved.observations = log;
    this.observations.push(log);
    return { name: log.name, message, count: 1, firstTimestamp: log.firstTimestamp, patch: false };
  }

  /** accept is the spam filter: a token bucket per involved object. */
  private accept(involved: Involved): boolean {
    let record = involved.spam;
    if (record) this.spam.touch(record);
    else {
      const limiter = new TokenBucketRateLimiter(this.clock, DEFAULT_SPAM_QPS, DEFAULT_SPAM_BURST);
      involved.spam = record = { involved, limiter, newer: undefined, older: undefined };
      this.spam.push(record);
    }
    return record.limiter.tryAccept();
  }

  /** forgetIfEmpty drops an object no cache has an entry about any more. */
  private forgetIfEmpty(involved: Involved): void {
    if (involved.aggregates || involved.observations || involved.spam) return;
    const first = this.byName.get(involved.name)!;
    const rest = unchain(first, involved);
    if (!rest) this.byName.delete(involved.name);
    else if (rest !== first) this.byName.set(involved.name, rest);
  }
}

/** withKey adds a message to an aggregate record's messages (a lone one becomes a Set when a different one comes). */
function withKey(keys: string | Set<string>, message: string): string | Set<string> {
  if (typeof keys !== 'string') return keys.add(message);
  return keys === message ? keys : new Set<string>().add(keys).add(message);
}

/** unchain is the chain that starts at `first` without `entry` (which is in it). */
function unchain<E extends Chained<E>>(first: E, entry: E): E | undefined {
  if (first === entry) return entry.next;
  let before = first;
  while (before.next !== entry) before = before.next!;
  before.next = entry.next;
  return first;
}

/** findAggregate is the object's aggregate record of the type and reason. */
function findAggregate(first: AggregateRecord | undefined, type: string, reason: string): AggregateRecord | undefined {
  for (let r = first; r; r = r.next) if (r.type === type && r.reason === reason) return r;
  return undefined;
}

/** findLog is the object's Event of the type, reason and message (undefined: the aggregate event). */
function findLog(first: EventLog | undefined, type: string, reason: string, message: string | undefined): EventLog | undefined {
  for (let l = first; l; l = l.next) if (l.type === type && l.reason === reason && l.message === message) return l;
  return undefined;
}
