// Mirrors pkg/kubelet/prober/worker.go (run, doProbe, stop) driven by the virtual clock; leaves out the start-up
// jitter, metrics and the status-manager lookups (the kubelet hands the worker its container instead).
//
// ATTENTION: no jitter. Upstream sleeps a random part of a period before the first tick when the kubelet has just
// started, and the legacy worker ticks from when it was created. Kubeplay probes exactly at startedAt +
// initialDelaySeconds and then every periodSeconds (the container-bound worker's firstProbeDelay without its
// adoption jitter), so lessons match the documentation's timings: exec-liveness probes at 5, 10, 15 ... s.
import type { Container, Pod, Probe } from 'kubernetes-types/core/v1';
import type { TimerHandle, VirtualClock, VirtualMs } from '../../clock/virtualClock';
import { MachineRunner } from '../machines/machineRunner';
import { probeMachine, type ProbeIntent, type ProbeMachineEvent } from './probeMachine';
import { runProbe, type ProbeRun } from './prober';
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
  /** finished hears every probe that ran, before its result is counted (the prober's Unhealthy events). */
  finished(run: ProbeRun, instance: ContainerInstance): void;
  /** setResult caches a result for the instance's container id (results.Manager.Set). */
  setResult(result: ProbeResult, instance: ContainerInstance): void;
}

/** The events every period sends, made once (the machine only reads them). */
const TICK: ProbeMachineEvent = { type: 'probe.tick' };
const RESULTS: Record<'Success' | 'Failure', ProbeMachineEvent> = {
  Success: { type: 'probe.result', result: 'Success' },
  Failure: { type: 'probe.result', result: 'Failure' },
};

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
  private readonly actor: MachineRunner<typeof probeMachine>;
  /** Intents the machine emitted during the event being sent, applied once the machine has settled. */
  private readonly intents: ProbeIntent[] = [];
  private timer: TimerHandle | undefined;
  private readonly spec: Probe;
  private readonly periodMs: VirtualMs;
  /** When the last tick fired; the next one is the first period boundary after it. */
  private lastTickAt: VirtualMs = 0;
  /** The clock labels of this worker's two timers, made once: a probe is armed every period for as long as it runs. */
  private readonly labels: Record<'probe' | 'probe-timeout', string>;
  private readonly onTick = (): void => this.tick();

  constructor(
    private readonly opts: WorkerOptions,
    private instance: ContainerInstance,
  ) {
    this.spec = probeSpec(opts.container, opts.probeType)!;
    this.periodMs = (this.spec.periodSeconds || 10) * 1000;
    const pod = instance.pod.metadata;
    const target = `${pod?.namespace ?? 'default'}/${pod?.name}/${opts.container.name}`;
    this.labels = { probe: `${opts.probeType} probe ${target}`, 'probe-timeout': `${opts.probeType} probe-timeout ${target}` };
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

  /** firstTickAt is startedAt + initialDelaySeconds; later ticks fall every period after it. */
  private get firstTickAt(): VirtualMs {
    return this.instance.startedAt + (this.spec.initialDelaySeconds ?? 0) * 1000;
  }

  private send(event: ProbeMachineEvent): ProbeIntent[] {
    this.actor.send(event);
    return this.apply();
  }

  /**
   * apply carries out what the machine emitted: results are cached at once, a probe request is returned to the
   * caller. It runs after the machine has settled, so a kubelet that reacts to a result by stopping or restarting
   * this very worker finds the machine ready for its event.
   */
  private apply(): ProbeIntent[] {
    const intents = this.intents.splice(0);
    for (const intent of intents) if (intent.type === 'result.set') this.opts.setResult(intent.result, this.instance);
    return intents;
  }

  private tick(): void {
    const now = this.opts.clock.now();
    this.timer = undefined;
    this.lastTickAt = now;
    if (!this.send(TICK).some((i) => i.type === 'probe.run')) {
      this.arm();
      return;
    }
    const instance = this.instance;
    const run = runProbe(this.spec, instance.pod, this.opts.container, instance.target, now);
    if (run.durationMs === 0) this.deliver(run, instance);
    else this.timer = this.schedule(run.durationMs, 'probe-timeout', () => this.deliver(run, instance));
  }

  private deliver(run: ProbeRun, instance: ContainerInstance): void {
    this.timer = undefined;
    this.opts.finished(run, instance);
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
    const now = this.opts.clock.now();
    if (snapshot.matches({ running: 'initialDelay' })) {
      this.timer = this.schedule(Math.max(0, this.firstTickAt - now), 'probe', this.onTick);
    } else if (snapshot.matches({ running: { probing: 'idle' } })) {
      const periods = Math.floor((this.lastTickAt - this.firstTickAt) / this.periodMs) + 1;
      const next = this.firstTickAt + periods * this.periodMs;
      this.timer = this.schedule(Math.max(0, next - now), 'probe', this.onTick);
    }
  }

  private disarm(): void {
    this.timer?.cancel();
    this.timer = undefined;
  }

  private schedule(delay: VirtualMs, what: 'probe' | 'probe-timeout', run: () => void): TimerHandle {
    const label = this.labels[what];
    // Probing recurs for as long as the container runs: periodic work, like node heartbeats, so settle() does not
    // wait for it.
    return this.opts.clock.schedule(delay, { owner: this.opts.owner, label, periodic: true, run });
  }
}
