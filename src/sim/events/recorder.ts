import type { Event, ObjectReference } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../api/object';
import type { VirtualClock } from '../clock/virtualClock';
import type { ApiClient } from '../store/types';
import { rfc3339, rfc3339Micro } from '../clock/timeFormat';
import { deepCopy } from '../store/deepCopy';
import { StatusError } from '../api/statusError';
import { EventCorrelator } from './eventCorrelator';

export type EventType = 'Normal' | 'Warning';

export { MAX_LRU_CACHE_ENTRIES } from './eventCorrelator';

/** EventSource names the reporting component, as Event.source does (`default-scheduler`, `kubelet` on `node-1`). */
export interface EventSource {
  component: string;
  host?: string;
}

/**
 * EventRecorder mirrors client-go tools/record: components report Kubernetes Events about objects, each component
 * through its own EventCorrelator (events_cache.go): identical events bump one Event's count, similar ones are
 * combined after 10, and one component may say at most 25 things about an object in a burst, then one per 5 minutes.
 */
export class EventRecorder {
  /** eventOrder compares Events by when they were first recorded (their name suffix). */
  static eventOrder(a: KubeObject, b: KubeObject): number {
    const sa = (a.metadata.name ?? '').slice(-16);
    const sb = (b.metadata.name ?? '').slice(-16);
    return sa < sb ? -1 : sa > sb ? 1 : 0;
  }

  /** One correlator per reporting component (and host, for kubelets), as each has its own broadcaster upstream. */
  private readonly correlators = new Map<string, EventCorrelator>();
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
    const sourceKey = source.host ? `${source.component}/${source.host}` : source.component;
    let correlator = this.correlators.get(sourceKey);
    if (!correlator) this.correlators.set(sourceKey, (correlator = new EventCorrelator(this.clock)));
    const object = [involved.kind, ns, involved.name, involved.uid, involved.apiVersion].join('\u0000');
    // Event names are `<involvedObject>.<16 hex digits>`: upstream uses the UnixNano timestamp in hex; a
    // sequence number stands in for the nanoseconds, so names also sort in the order events happened.
    const correlated = correlator.correlate({ object, type, reason, message }, () => `${involved.name}.${this.uniqueSuffix()}`);
    if (!correlated) return;
    const now = rfc3339(this.clock.now());
    const ctx = { actor: sourceKey, reason: correlated.message, quiet: true, handOver: true };
    const existing = correlated.patch ? this.client.get<Event & KubeObject>('Event', ns, correlated.name) : undefined;
    if (existing) {
      const next = deepCopy(existing) as Event & KubeObject;
      next.count = correlated.count;
      next.message = correlated.message;
      next.lastTimestamp = now;
      next.eventTime = rfc3339Micro(this.clock.now());
      return this.send(() => this.client.update(next, ctx));
    }
    // A patch of an Event that is gone (expired, deleted) creates it again, as recordEvent does.
    const event: Event & KubeObject = {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name: correlated.name, namespace: ns },
      involvedObject: involved,
      reason,
      message: correlated.message,
      type,
      source: { ...source },
      count: correlated.count,
      firstTimestamp: rfc3339(correlated.firstTimestamp),
      lastTimestamp: now,
      // Timestamps have second precision; eventTime (MicroTime) orders events among the writes that caused them.
      eventTime: rfc3339Micro(this.clock.now()),
      reportingComponent: source.component,
      action: reason,
      reportingInstance: source.host ?? '',
    };
    this.send(() => this.client.create(event, ctx));
  }

  /**
   * send writes an Event. An Event the API server rejects (its namespace is gone or terminating, a conflict) is
   * dropped, as recordEvent drops it ("Server rejected event (will not retry!)"): reporting never fails the reporter.
   */
  private send(write: () => void): void {
    try {
      write();
    } catch (err) {
      if (!(err instanceof StatusError)) throw err;
    }
  }

  private uniqueSuffix(): string {
    const sequence = this.sequence++ % 1_000_000;
    // Exact as a double for the first 104 days of virtual time; BigInt beyond.
    const nanos = this.clock.now() * 1_000_000 + sequence;
    const exact = Number.isSafeInteger(nanos) ? nanos : BigInt(this.clock.now()) * 1_000_000n + BigInt(sequence);
    return exact.toString(16).padStart(16, '0');
  }
}
