// Mirrors pkg/kubelet/prober/worker.go (run, doProbe, stop) driven by the virtual clock; leaves out the start-up
// jitter, metrics and the status-manager lookups (the kubelet hands the worker its container instead).
//
// ATTENTION: no jitter. Upstream sleeps a random part of a period before the first tick when the kubelet has just
// started, and the legacy worker ticks from when it was created. Kubeplay probes exactly at startedAt +
// initialDelaySeconds and then every periodSeconds (the container-bound worker's firstProbeDelay without its
// adoption jitter), so lessons match the documentation's timings: exec-liveness probes at 5, 10, 15 ... s.
import type { Container, Pod, Probe } from 'kubernetes-types/core/v1';
import type { Task, TimerHandle, VirtualClock, VirtualMs } from '../../clock/virtualClock';
import { MachineRunner } from '../machines/machineRunner';
import { probeMachine, type ProbeIntent, type ProbeMachineEvent } from './probeMachine';
import { prepareProbe, type PreparedProbe, type ProbeRun } from './prober';
import type { ProbeResult, ProbeTarget, ProbeType } from './types';

/** ContainerInstance is one run of a container: what the kubelet passes to addContainer. */
export interface ContainerInstance {
  pod: Pod;
  containerId: string;
  startedAt: VirtualMs;
  target: ProbeTarget;
}

/** WorkerOptions wires a worker to its manager. */
export interface WorkerOptions {
  clock: VirtualClock;
  /** Task owner on the clock, `kubelet/<node>`. */
  owner: string;
  probeType: ProbeType;
  container: Container;
  /** The container also has a startup probe (liveness and readiness wait for it). */
  gatedByStartup: boolean;
  /**
   * unhealthy hears every probe that failed or errored, before its result is counted (the prober's Unhealthy events;
   * successes make none).
   */
  unhealthy(run: ProbeRun, instance: ContainerInstance): void;
  /** setResult caches a result for the instance's container id (results.Manager.Set). */
  setResult(result: ProbeResult, instance: ContainerInstance): void;
}

/** The events every period sends, made once (the machine only reads them). */
const TICK: ProbeMachineEvent = { type: 'probe.tick' };
const RESULTS: Record<'Success' | 'Failure', ProbeMachineEvent> = {
  Success: { type: 'probe.result', result: 'Success' },
  Failure: { type: 'probe.result', result: 'Failure' },
};

/** The states arm() asks about, made once. */
const INITIAL_DELAY = { running: 'initialDelay' };
const IDLE = { running: { probing: 'idle' } };

/** probeSpec picks the probe of a type from a container. */
export function probeSpec(container: Container, probeType: ProbeType): Probe | undefined {
  return probeType === 'liveness' ? container.livenessProbe : probeType === 'readiness' ? container.readinessProbe : container.startupProbe;
}

/**
 * ProbeWorker periodically probes one container for one probe type, as upstream's worker does. Its probeMachine
 * decides; the worker applies: it runs the machine as an actor, turns ticks of the virtual clock into events, runs
 * the handler when asked, and arms the next timer. Only one timer is ever armed: the next tick, or the answer of a
 * probe that is waiting out its timeout.
 */
export class ProbeWorker {
  // A worker runs every period for each probed container, thousands of them: what a tick reads is kept in its own
  // fields (clock, first tick, the prepared probe) rather than read through the options, instance and spec.
  private readonly clock: VirtualClock;
  private readonly actor: MachineRunner<typeof probeMachine>;
  /** Intents the machine emitted during the event being sent, applied once the machine has settled. */
  private readonly intents: ProbeIntent[] = [];
  private timer: TimerHandle | undefined;
  private readonly spec: Probe;
  private readonly periodMs: VirtualMs;
  /** When the last tick fired; the next one is the first period boundary after it. */
  private lastTickAt: VirtualMs = 0;
  /** startedAt + initialDelaySeconds of the current instance; later ticks fall every period after it. */
  private firstTickAt: VirtualMs;
  /**
   * The clock task of a tick, made once: a probe is armed every period for as long as it runs. Probing recurs for as
   * long as the container runs: periodic work, like node heartbeats, so settle() does not wait for it.
   */
  private readonly tickTask: Task;
  private readonly timeoutLabel: string;
  /** The probe prepared for the current instance and its target, when it first runs. */
  private prepared: ((now: VirtualMs) => ProbeRun) | undefined;
  /**
   * The result last cached for the current instance. Only this worker writes it, and the manager forgets it only
   * when the instance ends, so setting it again would change nothing: results.Manager.Set ignores a result it has.
   */
  private lastSet: ProbeResult | undefined;

  constructor(
    private readonly opts: WorkerOptions,
    private instance: ContainerInstance,
  ) {
    this.clock = opts.clock;
    this.spec = probeSpec(opts.container, opts.probeType)!;
    this.periodMs = (this.spec.periodSeconds || 10) * 1000;
    this.firstTickAt = firstTickAt(this.spec, instance);
    const pod = instance.pod.metadata;
    const target = `${pod?.namespace ?? 'default'}/${pod?.name}/${opts.container.name}`;
    this.tickTask = { owner: opts.owner, label: `${opts.probeType} probe ${target}`, periodic: true, run: () => this.tick() };
    this.timeoutLabel = `${opts.probeType} probe-timeout ${target}`;
    this.actor = new MachineRunner(probeMachine, {
      probeType: opts.probeType,
      successThreshold: this.spec.successThreshold || 1,
      failureThreshold: this.spec.failureThreshold || 3,
      gatedByStartup: opts.gatedByStartup,
    });
    this.actor.on('*', (intent) => this.intents.push(intent));
    this.actor.start();
    this.apply();
    this.arm();
  }

  /** restart follows a new container id: results start over and probing resumes after the initial delay. */
  restart(instance: ContainerInstance): void {
    this.disarm();
    this.instance = instance;
    this.firstTickAt = firstTickAt(this.spec, instance);
    this.prepared = undefined;
    this.lastSet = undefined;
    this.send({ type: 'container.restarted' });
    this.arm();
  }

  /** markStarted tells a liveness or readiness worker that the startup probe has succeeded. */
  markStarted(): void {
    this.send({ type: 'container.started' });
  }

  /** stop ends the worker; a probe waiting out its timeout is abandoned. */
  stop(): void {
    this.disarm();
    this.send({ type: 'probe.stop' });
  }

  /** send hands the machine an event and applies what it emitted; true when it asked for a probe. */
  private send(event: ProbeMachineEvent): boolean {
    this.actor.send(event);
    return this.apply();
  }

  /**
   * apply carries out what the machine emitted: results are cached at once, a probe request is reported to the
   * caller. It runs after the machine has settled, so a kubelet that reacts to a result by stopping or restarting
   * this very worker finds the machine ready for its event (and the intents taken here are not seen twice).
   */
  private apply(): boolean {
    // Most steps emit one intent (a tick's probe.run, a result's result.set): it is taken without copying the list.
    if (this.intents.length === 1) return this.applyOne(this.intents.pop()!);
    let probe = false;
    for (const intent of this.intents.splice(0)) if (this.applyOne(intent)) probe = true;
    return probe;
  }

  private applyOne(intent: ProbeIntent): boolean {
    if (intent.type === 'probe.run') return true;
    if (intent.result !== this.lastSet) {
      this.lastSet = intent.result;
      this.opts.setResult(intent.result, this.instance);
    }
    return false;
  }

  private tick(): void {
    const now = this.clock.now();
    this.timer = undefined;
    this.lastTickAt = now;
    if (!this.send(TICK)) {
      this.arm();
      return;
    }
    const instance = this.instance;
    this.prepared ??= bindTarget(prepareProbe(this.spec, instance.pod, this.opts.container), instance.target);
    const run = this.prepared(now);
    if (run.durationMs === 0) this.deliver(run, instance);
    else {
      const task = { owner: this.opts.owner, label: this.timeoutLabel, periodic: true, run: () => this.deliver(run, instance) };
      this.timer = this.clock.schedule(run.durationMs, task);
    }
  }

  private deliver(run: ProbeRun, instance: ContainerInstance): void {
    this.timer = undefined;
    if (run.kind === 'error' || run.result === 'Failure') this.opts.unhealthy(run, instance);
    this.send(run.kind === 'error' ? { type: 'probe.errored' } : RESULTS[run.result]);
    this.arm();
  }

  /**
   * arm sets the timer the current state needs. Like Go's ticker, which buffers one tick, a probe that outlived a
   * period boundary (a timeout longer than the period) is followed at once by the next probe; boundaries missed
   * meanwhile are dropped.
   */
  private arm(): void {
    const snapshot = this.actor.getSnapshot();
    if (this.timer || snapshot.status !== 'active') return;
    const now = this.clock.now();
    if (snapshot.matches(INITIAL_DELAY)) {
      this.timer = this.clock.schedule(Math.max(0, this.firstTickAt - now), this.tickTask);
    } else if (snapshot.matches(IDLE)) {
      const periods = Math.floor((this.lastTickAt - this.firstTickAt) / this.periodMs) + 1;
      const next = this.firstTickAt + periods * this.periodMs;
      this.timer = this.clock.schedule(Math.max(0, next - now), this.tickTask);
    }
  }

  private disarm(): void {
    this.timer?.cancel();
    this.timer = undefined;
  }
}

/** firstTickAt is startedAt + initialDelaySeconds: the first tick of an instance. */
function firstTickAt(spec: Probe, instance: ContainerInstance): VirtualMs {
  return instance.startedAt + (spec.initialDelaySeconds ?? 0) * 1000;
}

/** bindTarget fixes the container a prepared probe runs against. */
function bindTarget(probe: PreparedProbe, target: ProbeTarget): (now: VirtualMs) => ProbeRun {
  return (now) => probe(target, now);
}
