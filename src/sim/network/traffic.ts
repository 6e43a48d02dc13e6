// A load generator for the simulated cluster, in the spirit of `hey -q <rate>` or a `while true; do wget …; done`
// loop: named flows send requests evenly spaced in virtual time; counters per flow, per Service and per pod; a small
// ring of sampled requests for the UI to draw as packets. No upstream counterpart. Requests only read the API:
// traffic never writes to it, and its clock tasks are periodic, so it never keeps settle() busy.
import type { TimerHandle, VirtualClock, VirtualMs } from '../clock/virtualClock';
import { parseURL } from './request';
import { isSuccess, type Hop, type OutcomeStatus, type RequestOutcome, type RequestResult, type TrafficSource } from './types';

/** TRAFFIC_GENERATOR is the owner of the generator's clock tasks. */
export const TRAFFIC_GENERATOR = 'traffic-generator';
/** RATE_WINDOW_MS is the span requests per second are averaged over. */
export const RATE_WINDOW_MS = 10_000;
/** Requests per second are counted in slots of this length. */
const SLOT_MS = 100;
const SLOTS = RATE_WINDOW_MS / SLOT_MS;

/** Flow is one stream of requests from one source to one URL. */
export interface Flow {
  id: string;
  source: TrafficSource;
  url: string;
  ratePerSecond: number;
}

/** TrafficCounters count requests; `errors` is keyed by outcome (`404`, `503`, `connection refused`, `timeout`, ...). */
export interface TrafficCounters {
  total: number;
  success: number;
  errors: Record<string, number>;
  /** Requests per second over the last 10 virtual seconds. */
  ratePerSecond: number;
}

export interface TrafficStats {
  flows: Record<string, TrafficCounters>;
  /** By Service, `namespace/name`: requests that went through it. */
  services: Record<string, TrafficCounters>;
  /** By pod, `namespace/name`: requests it handled. */
  pods: Record<string, TrafficCounters>;
}

/** TrafficSample is one request kept for drawing. */
export interface TrafficSample {
  /** Increases by one per kept sample, so a host can send only the samples it has not sent yet. */
  seq: number;
  time: VirtualMs;
  flowId: string;
  hops: Hop[];
  outcome: RequestOutcome;
}

export interface TrafficOptions {
  /** At most this many samples per flow per virtual second. Default 5. */
  samplesPerSecond?: number;
  /** How many recent samples are kept. Default 200. */
  sampleCapacity?: number;
}

export type SendRequest = (source: TrafficSource, url: string, now: VirtualMs) => RequestResult;

/** Counter counts requests, and keeps per-slot counts of the last 10 s for the rate. */
class Counter {
  total = 0;
  success = 0;
  readonly errors = new Map<string, number>();
  private readonly slotCounts = new Array<number>(SLOTS).fill(0);
  private readonly slotIndex = new Array<number>(SLOTS).fill(-1);

  add(time: VirtualMs, status: OutcomeStatus): void {
    this.total++;
    if (isSuccess(status)) this.success++;
    else this.errors.set(String(status), (this.errors.get(String(status)) ?? 0) + 1);
    // Slot s holds the requests of ((s-1)·100 ms, s·100 ms].
    const index = Math.ceil(time / SLOT_MS);
    const at = index % SLOTS;
    if (this.slotIndex[at] !== index) {
      this.slotIndex[at] = index;
      this.slotCounts[at] = 0;
    }
    this.slotCounts[at]++;
  }

  snapshot(now: VirtualMs): TrafficCounters {
    const current = Math.ceil(now / SLOT_MS);
    let recent = 0;
    for (let i = 0; i < SLOTS; i++) if (this.slotIndex[i] > current - SLOTS && this.slotIndex[i] <= current) recent += this.slotCounts[i];
    const errors = Object.fromEntries([...this.errors].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    return { total: this.total, success: this.success, errors, ratePerSecond: recent / (RATE_WINDOW_MS / 1000) };
  }
}

interface RunningFlow {
  flow: Flow;
  startAt: VirtualMs;
  sent: number;
  timer: TimerHandle | undefined;
  sampleSecond: number;
  samplesThisSecond: number;
}

/** TrafficGenerator runs flows on the virtual clock and keeps their counters and samples. */
export class TrafficGenerator {
  private readonly running = new Map<string, RunningFlow>();
  private readonly byFlow = new Map<string, Counter>();
  private readonly byService = new Map<string, Counter>();
  private readonly byPod = new Map<string, Counter>();
  private readonly ring: TrafficSample[] = [];
  private ringStart = 0;
  private nextSeq = 1;
  private readonly samplesPerSecond: number;
  private readonly sampleCapacity: number;

  constructor(
    private readonly clock: VirtualClock,
    private readonly send: SendRequest,
    opts: TrafficOptions = {},
  ) {
    this.samplesPerSecond = opts.samplesPerSecond ?? 5;
    this.sampleCapacity = opts.sampleCapacity ?? 200;
  }

  /** start starts a flow (replacing a running flow of the same id); its first request goes one interval from now. */
  start(flow: Flow): void {
    if (!(flow.ratePerSecond > 0)) throw new Error(`flow ${flow.id}: ratePerSecond must be positive, got ${flow.ratePerSecond}`);
    parseURL(flow.url);
    this.stop(flow.id);
    const rf: RunningFlow = { flow: { ...flow }, startAt: this.clock.now(), sent: 0, timer: undefined, sampleSecond: -1, samplesThisSecond: 0 };
    this.running.set(flow.id, rf);
    this.scheduleNext(rf);
  }

  stop(id: string): void {
    const rf = this.running.get(id);
    rf?.timer?.cancel();
    this.running.delete(id);
  }

  flows(): Flow[] {
    return [...this.running.values()].map((rf) => ({ ...rf.flow }));
  }

  stats(): TrafficStats {
    const now = this.clock.now();
    const all = (m: Map<string, Counter>) => Object.fromEntries([...m].map(([k, c]) => [k, c.snapshot(now)]));
    return { flows: all(this.byFlow), services: all(this.byService), pods: all(this.byPod) };
  }

  /** samples returns the kept samples, oldest first. */
  samples(): TrafficSample[] {
    return [...this.ring.slice(this.ringStart), ...this.ring.slice(0, this.ringStart)];
  }

  /** samplesAfter returns the kept samples with a seq above `seq`, oldest first. */
  samplesAfter(seq: number): TrafficSample[] {
    return this.samples().filter((s) => s.seq > seq);
  }

  /** The k-th request of a flow goes at start + round(k · 1000 / rate): even spacing without drift. */
  private scheduleNext(rf: RunningFlow): void {
    const at = rf.startAt + Math.round(((rf.sent + 1) * 1000) / rf.flow.ratePerSecond);
    rf.timer = this.clock.schedule(at - this.clock.now(), {
      owner: TRAFFIC_GENERATOR,
      label: `request ${rf.flow.id}`,
      periodic: true,
      run: () => {
        rf.sent++;
        this.record(rf, this.send(rf.flow.source, rf.flow.url, this.clock.now()));
        this.scheduleNext(rf);
      },
    });
  }

  private record(rf: RunningFlow, result: RequestResult): void {
    const { time, outcome } = result;
    counter(this.byFlow, rf.flow.id).add(time, outcome.status);
    for (const svc of new Set(result.services)) counter(this.byService, svc).add(time, outcome.status);
    for (const pod of new Set(result.pods)) counter(this.byPod, pod).add(time, outcome.status);
    const second = Math.floor(time / 1000);
    if (second !== rf.sampleSecond) {
      rf.sampleSecond = second;
      rf.samplesThisSecond = 0;
    }
    if (rf.samplesThisSecond >= this.samplesPerSecond || this.sampleCapacity <= 0) return;
    rf.samplesThisSecond++;
    const sample = { seq: this.nextSeq++, time, flowId: rf.flow.id, hops: result.hops, outcome };
    if (this.ring.length < this.sampleCapacity) {
      this.ring.push(sample);
    } else {
      this.ring[this.ringStart] = sample;
      this.ringStart = (this.ringStart + 1) % this.sampleCapacity;
    }
  }
}

function counter(m: Map<string, Counter>, key: string): Counter {
  let c = m.get(key);
  if (!c) m.set(key, (c = new Counter()));
  return c;
}
