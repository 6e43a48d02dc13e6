import type { Event } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../api/object';
import type { VirtualClock } from '../clock/virtualClock';
import type { ApiClient } from '../store/types';
import { hex32 } from '../clock/random';
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
 * Reporter is one reporting component (and host): its correlator, the actor its writes carry, and its Events'
 * `source`, one frozen copy that all of them share.
 */
interface Reporter {
  correlator: EventCorrelator;
  actor: string;
  source: Readonly<EventSource>;
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
  private readonly byActor = new Map<string, Reporter>();
  private readonly bySource = new Map<string, Map<string, Reporter>>();
  private sequence = 0;

  constructor(
    private readonly client: ApiClient,
    private readonly clock: VirtualClock,
  ) {}

  event(obj: KubeObject, type: EventType, reason: string, message: string, source: EventSource): void {
    const meta = obj.metadata;
    const ns = meta.namespace || 'default';
    const reporter = this.reporter(source);
    // Event names are `<involvedObject>.<16 hex digits>`: upstream uses the UnixNano timestamp in hex; a
    // sequence number stands in for the nanoseconds, so names also sort in the order events happened.
    const reported = { kind: obj.kind, namespace: ns, name: meta.name ?? '', uid: meta.uid ?? '', apiVersion: obj.apiVersion, type, reason, message };
    const correlated = reporter.correlator.correlate(reported, () => `${meta.name}.${this.uniqueSuffix()}`);
    if (!correlated) return;
    const now = rfc3339(this.clock.now());
    const ctx = { actor: reporter.actor, reason: correlated.message, quiet: true, handOver: true };
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
      involvedObject: {
        apiVersion: obj.apiVersion,
        kind: obj.kind,
        name: meta.name,
        namespace: meta.namespace,
        uid: meta.uid,
        resourceVersion: meta.resourceVersion,
      },
      reason,
      message: correlated.message,
      type,
      source: sameSource(reporter.source, source) ? reporter.source : { ...source },
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
   * reporter is the source's correlator and the actor its writes carry (`kubelet/node-1`). Reporters are found by
   * component and host, to not build and hash the actor string for every event, but made once per actor.
   */
  private reporter(source: EventSource): Reporter {
    const host = source.host || '';
    let byHost = this.bySource.get(source.component);
    if (!byHost) this.bySource.set(source.component, (byHost = new Map()));
    let reporter = byHost.get(host);
    if (!reporter) {
      const actor = host ? `${source.component}/${host}` : source.component;
      reporter = this.byActor.get(actor);
      if (!reporter) {
        reporter = { correlator: new EventCorrelator(this.clock), actor, source: Object.freeze({ ...source }) };
        this.byActor.set(actor, reporter);
      }
      byHost.set(host, reporter);
    }
    return reporter;
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
    const nanos = this.clock.now() * 1_000_000 + sequence;
    // Exact as a double for the first 104 days of virtual time, written as two 32-bit halves (toString(16) of a
    // large double is slow); BigInt beyond.
    if (Number.isSafeInteger(nanos) && nanos >= 0) return hex32(Math.floor(nanos / 2 ** 32)) + hex32(nanos >>> 0);
    const exact = Number.isSafeInteger(nanos) ? nanos : BigInt(this.clock.now()) * 1_000_000n + BigInt(sequence);
    return exact.toString(16).padStart(16, '0');
  }
}

/** sameSource: the shared copy is what `{ ...source }` would make (`{ component }` and `{ component, host: '' }` differ). */
function sameSource(shared: Readonly<EventSource>, source: EventSource): boolean {
  return shared.component === source.component && shared.host === source.host && 'host' in shared === 'host' in source;
}
