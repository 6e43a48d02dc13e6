// Mirrors client-go tools/record/events_cache.go (EventCorrelator with its defaults: EventAggregator by reason,
// eventLogger, EventSourceObjectSpamFilter). Each component has its own correlator, as each has its own
// EventBroadcaster upstream. Leaves out: PopAny picks an arbitrary message to forget; here the oldest goes.
import type { VirtualClock, VirtualMs } from '../clock/virtualClock';
import { TokenBucketRateLimiter } from '../client/flowcontrol/tokenBucketRateLimiter';
import { LruCache } from './lruCache';

/** client-go's defaults: how many identities each cache remembers, aggregation after 10 similar events in 10 minutes, and a spam budget of 25 events per object, refilled 1 per 5 minutes. */
export const MAX_LRU_CACHE_ENTRIES = 4096;
export const DEFAULT_AGGREGATE_MAX_EVENTS = 10;
const DEFAULT_AGGREGATE_INTERVAL_MS = 600 * 1000;
export const DEFAULT_SPAM_BURST = 25;
const DEFAULT_SPAM_QPS = 1 / 300;

/** The message of an aggregate event, as EventAggregatorByReasonMessageFunc words it. */
export const COMBINED_PREFIX = '(combined from similar events): ';

/** NewEvent is what a component reports, before correlation; `object` is the involved object's identity. */
export interface NewEvent {
  object: string;
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

interface AggregateRecord {
  localKeys: Set<string>;
  lastTimestamp: VirtualMs;
}

interface EventLog {
  count: number;
  firstTimestamp: VirtualMs;
  name: string;
}

/**
 * EventCorrelator is one component's filter, aggregator and de-duplicator of Events: identical events bump one
 * Event's count; the 10th different message of the same reason about the same object within 10 minutes becomes
 * one "(combined from similar events)" Event counted on from there; and any object gets at most 25 Events from the
 * component in a burst, then one per 5 minutes (the rest are dropped, though still counted).
 */
export class EventCorrelator {
  private readonly aggregates = new LruCache<AggregateRecord>(MAX_LRU_CACHE_ENTRIES);
  private readonly observations = new LruCache<EventLog>(MAX_LRU_CACHE_ENTRIES);
  private readonly spam = new LruCache<TokenBucketRateLimiter>(MAX_LRU_CACHE_ENTRIES);

  constructor(private readonly clock: VirtualClock) {}

  /** correlate returns what to send for the event, or undefined when the spam filter drops it. */
  correlate(event: NewEvent, newName: () => string): Correlated | undefined {
    const { key, message } = this.aggregate(event);
    const observed = this.observe(key, message, newName);
    return this.accept(event.object) ? observed : undefined;
  }

  /** aggregate is EventAggregate: the event itself under its full key, or the aggregate event under the aggregate key. */
  private aggregate(event: NewEvent): { key: string; message: string } {
    const now = this.clock.now();
    const aggregateKey = `${event.object}\u0000${event.type}\u0000${event.reason}`;
    let record = this.aggregates.get(aggregateKey);
    if (!record || now - record.lastTimestamp > DEFAULT_AGGREGATE_INTERVAL_MS) record = { localKeys: new Set(), lastTimestamp: now };
    record.localKeys.add(event.message);
    record.lastTimestamp = now;
    this.aggregates.add(aggregateKey, record);
    if (record.localKeys.size < DEFAULT_AGGREGATE_MAX_EVENTS) return { key: `${aggregateKey}\u0000${event.message}`, message: event.message };
    // Do not grow the set of messages beyond the maximum.
    record.localKeys.delete(record.localKeys.values().next().value!);
    return { key: aggregateKey, message: COMBINED_PREFIX + event.message };
  }

  /** observe is eventObserve: a key seen before patches that Event, one more in count; a new one creates an Event. */
  private observe(key: string, message: string, newName: () => string): Correlated {
    const last = this.observations.get(key);
    const observed: Correlated = last
      ? { name: last.name, message, count: last.count + 1, firstTimestamp: last.firstTimestamp, patch: true }
      : { name: newName(), message, count: 1, firstTimestamp: this.clock.now(), patch: false };
    this.observations.add(key, { count: observed.count, firstTimestamp: observed.firstTimestamp, name: observed.name });
    return observed;
  }

  /** accept is the spam filter: a token bucket per involved object. */
  private accept(object: string): boolean {
    let limiter = this.spam.get(object);
    if (!limiter) limiter = new TokenBucketRateLimiter(this.clock, DEFAULT_SPAM_QPS, DEFAULT_SPAM_BURST);
    this.spam.add(object, limiter);
    return limiter.tryAccept();
  }
}
