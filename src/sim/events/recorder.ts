import type { Event, ObjectReference } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../api/object';
import type { VirtualClock } from '../clock/virtualClock';
import type { ApiClient } from '../store/types';
import { rfc3339, rfc3339Micro } from '../clock/timeFormat';
import { deepCopy } from '../store/deepCopy';

export type EventType = 'Normal' | 'Warning';

/** client-go tools/record events_cache.go maxLruCacheEntries: how many Event identities the correlator remembers. */
export const MAX_LRU_CACHE_ENTRIES = 4096;

/** EventSource names the reporting component, as Event.source does (`default-scheduler`, `kubelet` on `node-1`). */
export interface EventSource {
  component: string;
  host?: string;
}

/**
 * EventRecorder mirrors client-go tools/record: components report Kubernetes Events about objects. Like the
 * upstream EventCorrelator, an event identical to an earlier one (same object, reason, message, source) bumps
 * that Event's count and lastTimestamp instead of creating a new object.
 */
export class EventRecorder {
  /** eventOrder compares Events by when they were first recorded (their name suffix). */
  static eventOrder(a: KubeObject, b: KubeObject): number {
    const sa = (a.metadata.name ?? '').slice(-16);
    const sb = (b.metadata.name ?? '').slice(-16);
    return sa < sb ? -1 : sa > sb ? 1 : 0;
  }

  /** Event names by identity, least recently seen first: the correlator's LRU cache (maxLruCacheEntries 4096). */
  private readonly seen = new Map<string, string>();
  private sequence = 0;

  constructor(
    private readonly client: ApiClient,
    private readonly clock: VirtualClock,
  ) {}

  event(obj: KubeObject, type: EventType, reason: string, message: string, source: EventSource): void {
    const ns = obj.metadata.namespace || 'default';
    const involved: ObjectReference = {
      apiVersion: obj.apiVersion,
      kind: obj.kind,
      name: obj.metadata.name,
      namespace: obj.metadata.namespace,
      uid: obj.metadata.uid,
      resourceVersion: obj.metadata.resourceVersion,
    };
    const now = rfc3339(this.clock.now());
    const dedupKey = [involved.kind, ns, involved.name, involved.uid, type, reason, message, source.component, source.host].join('\u0000');
    const existingName = this.seen.get(dedupKey);
    if (existingName) this.seen.delete(dedupKey);
    const ctx = { actor: source.host ? `${source.component}/${source.host}` : source.component, reason: message, quiet: true };
    if (existingName) {
      const existing = this.client.get<Event & KubeObject>('Event', ns, existingName);
      if (existing) {
        const next = deepCopy(existing) as Event & KubeObject;
        next.count = (existing.count ?? 1) + 1;
        next.lastTimestamp = now;
        next.eventTime = rfc3339Micro(this.clock.now());
        this.client.update(next, ctx);
        this.seen.set(dedupKey, existingName);
        return;
      }
    }
    // Event names are `<involvedObject>.<16 hex digits>`: upstream uses the UnixNano timestamp in hex; a
    // sequence number stands in for the nanoseconds, so names also sort in the order events happened.
    const name = `${involved.name}.${this.uniqueSuffix()}`;
    const event: Event & KubeObject = {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name, namespace: ns },
      involvedObject: involved,
      reason,
      message,
      type,
      source,
      count: 1,
      firstTimestamp: now,
      lastTimestamp: now,
      // Timestamps have second precision; eventTime (MicroTime) orders events among the writes that caused them.
      eventTime: rfc3339Micro(this.clock.now()),
      reportingComponent: source.component,
      action: reason,
      reportingInstance: source.host ?? '',
    };
    this.client.create(event, ctx);
    this.seen.set(dedupKey, name);
    // Forgotten identities start a new Event when they recur, as upstream's cache evicts them.
    if (this.seen.size > MAX_LRU_CACHE_ENTRIES) this.seen.delete(this.seen.keys().next().value!);
  }

  private uniqueSuffix(): string {
    const sequence = this.sequence++ % 1_000_000;
    // Exact as a double for the first 104 days of virtual time; BigInt beyond.
    const nanos = this.clock.now() * 1_000_000 + sequence;
    const exact = Number.isSafeInteger(nanos) ? nanos : BigInt(this.clock.now()) * 1_000_000n + BigInt(sequence);
    return exact.toString(16).padStart(16, '0');
  }
}
