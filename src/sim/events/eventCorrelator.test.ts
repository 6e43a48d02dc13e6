import { describe, expect, it } from 'vitest';
import { SeededRandom } from '../clock/random';
import { VirtualClock } from '../clock/virtualClock';
import { TokenBucketRateLimiter } from '../client/flowcontrol/tokenBucketRateLimiter';
import { COMBINED_PREFIX, type Correlated, EventCorrelator, type NewEvent } from './eventCorrelator';

/** LruCache is k8s.io/utils/lru's Cache as upstream keys it: a Map in recency order, its first key the oldest. */
class LruCache<V extends object> {
  private readonly entries = new Map<string, V>();

  constructor(private readonly capacity: number) {}

  get(key: string): V | undefined {
    const value = this.entries.get(key);
    if (value) this.add(key, value);
    return value;
  }

  add(key: string, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
  }
}

/**
 * KeyedCorrelator is events_cache.go as written upstream: three LRU caches keyed by the NUL-joined strings
 * (aggregate key, event key, spam key). The correlator must decide exactly as it does.
 */
class KeyedCorrelator {
  private readonly aggregates = new LruCache<{ localKeys: Set<string>; lastTimestamp: number }>(4096);
  private readonly observations = new LruCache<{ count: number; firstTimestamp: number; name: string }>(4096);
  private readonly spam = new LruCache<TokenBucketRateLimiter>(4096);

  constructor(private readonly clock: VirtualClock) {}

  correlate(event: NewEvent, newName: () => string): Correlated | undefined {
    const now = this.clock.now();
    const object = [event.kind, event.namespace, event.name, event.uid, event.apiVersion].join('\u0000');
    const aggregateKey = `${object}\u0000${event.type}\u0000${event.reason}`;
    let record = this.aggregates.get(aggregateKey);
    if (!record || now - record.lastTimestamp > 600_000) record = { localKeys: new Set(), lastTimestamp: now };
    record.localKeys.add(event.message);
    record.lastTimestamp = now;
    this.aggregates.add(aggregateKey, record);
    let key = `${aggregateKey}\u0000${event.message}`;
    let message = event.message;
    if (record.localKeys.size >= 10) {
      record.localKeys.delete(record.localKeys.values().next().value!);
      key = aggregateKey;
      message = COMBINED_PREFIX + event.message;
    }
    const last = this.observations.get(key);
    const observed: Correlated = last
      ? { name: last.name, message, count: last.count + 1, firstTimestamp: last.firstTimestamp, patch: true }
      : { name: newName(), message, count: 1, firstTimestamp: now, patch: false };
    this.observations.add(key, { count: observed.count, firstTimestamp: observed.firstTimestamp, name: observed.name });
    let limiter = this.spam.get(object);
    if (!limiter) limiter = new TokenBucketRateLimiter(this.clock, 1 / 300, 25);
    this.spam.add(object, limiter);
    return limiter.tryAccept() ? observed : undefined;
  }
}

describe('EventCorrelator', () => {
  it('Decides every event of a long random history as the string-keyed caches of events_cache.go do', () => {
    const clock = new VirtualClock();
    const random = new SeededRandom(7);
    const correlator = new EventCorrelator(clock);
    const keyed = new KeyedCorrelator(clock);
    let names = 0;
    let keyedNames = 0;
    const seen = { created: 0, patched: 0, combined: 0, dropped: 0 };
    for (let i = 0; i < 40_000; i++) {
      // Mostly small steps, sometimes more than the 10 minute aggregation interval and the spam refill.
      clock.advanceTo(clock.now() + (random.int(2_000) === 0 ? 700_000 : random.int(200)));
      // Half the events are about 20 busy names with many messages (combined, then dropped as spam), half about
      // 6,000 others: far more keys (and objects) than the caches' 4,096, so all three caches evict. Some names
      // are shared by objects of another kind, namespace or uid.
      const busy = random.int(2) === 0;
      const event: NewEvent = {
        kind: random.int(8) === 0 ? 'Service' : 'Pod',
        namespace: random.int(8) === 0 ? 'shop' : 'default',
        name: `web-${busy ? random.int(20) : 20 + random.int(6_000)}`,
        uid: random.int(8) === 0 ? '' : `uid-${random.int(2)}`,
        apiVersion: 'v1',
        type: random.int(4) === 0 ? 'Warning' : 'Normal',
        reason: ['Scheduled', 'Pulled', 'Created', 'BackOff'][random.int(4)]!,
        message: `message ${random.int(busy ? 40 : 2)}`,
      };
      const got = correlator.correlate(event, () => `e${names++}`);
      expect(got).toEqual(keyed.correlate(event, () => `e${keyedNames++}`));
      if (!got) seen.dropped++;
      else if (got.message.startsWith(COMBINED_PREFIX)) seen.combined++;
      else if (got.patch) seen.patched++;
      else seen.created++;
    }
    expect(seen).toEqual({ created: 29_114, patched: 560, combined: 19, dropped: 10_307 });
  });

  it('An object the caches forgot behind 4,096 others starts afresh: a new Event, and a new burst of 25', () => {
    const clock = new VirtualClock();
    const correlator = new EventCorrelator(clock);
    let names = 0;
    const backOff = (name: string) =>
      correlator.correlate(
        { kind: 'Pod', namespace: 'default', name, uid: '', apiVersion: 'v1', type: 'Warning', reason: 'BackOff', message: 'Back-off restarting failed container' },
        () => `e${names++}`,
      );
    const burst = Array.from({ length: 26 }, () => backOff('web')?.count);
    expect([burst[0], burst[24], burst[25]]).toEqual([1, 25, undefined]);
    for (let i = 0; i < 4096; i++) backOff(`other-${i}`);
    expect(backOff('web')).toEqual({ name: 'e4097', message: 'Back-off restarting failed container', count: 1, firstTimestamp: 0, patch: false });
  });

  it('An aggregate record the cache forgot behind 4,096 others counts similar messages afresh', () => {
    const clock = new VirtualClock();
    const correlator = new EventCorrelator(clock);
    let names = 0;
    const created = (name: string, message: string) =>
      correlator.correlate(
        { kind: 'ReplicaSet', namespace: 'default', name, uid: '', apiVersion: 'apps/v1', type: 'Normal', reason: 'SuccessfulCreate', message },
        () => `e${names++}`,
      );
    for (let i = 0; i < 9; i++) created('web', `Created pod: web-p${i}`);
    for (let i = 0; i < 4096; i++) created(`other-${i}`, 'Created pod: other');
    expect(created('web', 'Created pod: web-p9')).toEqual({ name: 'e4105', message: 'Created pod: web-p9', count: 1, firstTimestamp: 0, patch: false });
  });
});
