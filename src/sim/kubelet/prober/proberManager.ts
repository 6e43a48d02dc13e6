// Mirrors pkg/kubelet/prober/prober_manager.go (workers per pod, container and probe type; RemovePod;
// StopLivenessAndStartup) with the per-instance start and stop calls of container_bound_manager.go (StartProbes,
// StopProbes); leaves out UpdatePodStatus (the kubelet reads result()), CleanupPods and metrics.
import type { Container, Pod } from 'kubernetes-types/core/v1';
import type { VirtualClock, VirtualMs } from '../../clock/virtualClock';
import type { EventRecorder } from '../../events/recorder';
import { recordProbeEvent } from './prober';
import { ResultsManager, type ResultUpdate } from './results';
import type { ProberManager, ProbeResult, ProbeResultListener, ProbeTarget, ProbeType } from './types';
import { ProbeWorker, probeSpec, type ContainerInstance } from './worker';

/** ProberManagerOptions are what one node's kubelet gives its prober. */
export interface ProberManagerOptions {
  clock: VirtualClock;
  recorder: EventRecorder;
  /** The node's name: the `kubelet/<node>` owner of clock tasks and the host of Unhealthy events. */
  nodeName: string;
}

/**
 * PROBE_TYPES is the order workers start in. The startup worker comes first so that, when its tick and a gated
 * liveness or readiness tick fall on the same instant, the startup verdict is known before the other probes look.
 */
const PROBE_TYPES: readonly ProbeType[] = ['startup', 'readiness', 'liveness'];

const containerKey = (podUid: string, containerName: string) => `${podUid}/${containerName}`;

/**
 * KubeletProberManager is the kubelet's prober.Manager for one node. The kubelet calls addContainer when a
 * container starts and removeContainer when it stops; the manager runs one ProbeWorker per probe the container
 * declares, caches their results by container id and reports every change to the listeners.
 */
export class KubeletProberManager implements ProberManager {
  private readonly workers = new Map<string, Map<ProbeType, ProbeWorker>>();
  /** The running container id of each pod/container, so results can be looked up by name. */
  private readonly containerIds = new Map<string, string>();
  private readonly results: Record<ProbeType, ResultsManager>;
  private readonly listeners: ProbeResultListener[] = [];

  constructor(private readonly opts: ProberManagerOptions) {
    this.results = {
      liveness: new ResultsManager((u) => this.updated('liveness', u)),
      readiness: new ResultsManager((u) => this.updated('readiness', u)),
      startup: new ResultsManager((u) => this.updated('startup', u)),
    };
  }

  addContainer(pod: Pod, container: Container, containerId: string, startedAt: VirtualMs, target: ProbeTarget): void {
    const podUid = pod.metadata?.uid ?? '';
    const key = containerKey(podUid, container.name);
    const previous = this.containerIds.get(key);
    // Idempotent for one container instance, as StartProbes is.
    if (previous === containerId) return;
    if (previous !== undefined) this.forgetResults(previous);
    this.containerIds.set(key, containerId);

    const instance: ContainerInstance = { pod, containerId, startedAt, target };
    // What the workers' callbacks need, taken out here: they run on every probe.
    const ref = { podUid, containerName: container.name };
    const { recorder, nodeName } = this.opts;
    let workers = this.workers.get(key);
    if (!workers) this.workers.set(key, (workers = new Map()));
    for (const probeType of PROBE_TYPES) {
      if (!probeSpec(container, probeType)) continue;
      const existing = workers.get(probeType);
      if (existing) {
        existing.restart(instance);
        continue;
      }
      const results = this.results[probeType];
      workers.set(
        probeType,
        new ProbeWorker(
          {
            clock: this.opts.clock,
            owner: `kubelet/${this.opts.nodeName}`,
            probeType,
            container,
            gatedByStartup: probeType !== 'startup' && container.startupProbe !== undefined,
            unhealthy: (run, inst) => recordProbeEvent(recorder, nodeName, probeType, inst.pod, run),
            setResult: (result, inst) => results.set(inst.containerId, result, ref),
          },
          instance,
        ),
      );
    }
  }

  removeContainer(podUid: string, containerName: string): void {
    const key = containerKey(podUid, containerName);
    for (const worker of this.workers.get(key)?.values() ?? []) worker.stop();
    this.workers.delete(key);
    const containerId = this.containerIds.get(key);
    if (containerId !== undefined) this.forgetResults(containerId);
    this.containerIds.delete(key);
  }

  removePod(podUid: string): void {
    for (const key of new Set([...this.containerIds.keys(), ...this.workers.keys()])) {
      if (key.startsWith(`${podUid}/`)) this.removeContainer(podUid, key.slice(podUid.length + 1));
    }
  }

  /**
   * stopLivenessAndStartup is Manager.StopLivenessAndStartup: once a pod is terminating, its liveness and startup
   * probes stop and their results are forgotten, so a probe cannot kill a container that is already shutting down.
   * Readiness keeps running, so a failing container leaves the Service's endpoints during the grace period.
   */
  stopLivenessAndStartup(podUid: string): void {
    for (const [key, workers] of this.workers) {
      if (!key.startsWith(`${podUid}/`)) continue;
      const containerId = this.containerIds.get(key);
      for (const probeType of ['liveness', 'startup'] as const) {
        workers.get(probeType)?.stop();
        workers.delete(probeType);
        if (containerId !== undefined) this.results[probeType].remove(containerId);
      }
    }
  }

  result(podUid: string, containerName: string, type: ProbeType): ProbeResult | undefined {
    const containerId = this.containerIds.get(containerKey(podUid, containerName));
    return containerId === undefined ? undefined : this.results[type].get(containerId);
  }

  onResult(listener: ProbeResultListener): void {
    this.listeners.push(listener);
  }

  /** activeWorkers counts the running probe workers, as upstream's workerCount does for tests. */
  activeWorkers(): number {
    let count = 0;
    for (const workers of this.workers.values()) count += workers.size;
    return count;
  }

  private forgetResults(containerId: string): void {
    for (const probeType of PROBE_TYPES) this.results[probeType].remove(containerId);
  }

  private updated(type: ProbeType, update: ResultUpdate): void {
    // A started container lets its liveness and readiness probes run (ContainerStatus.started gates them upstream).
    if (type === 'startup' && update.result === 'Success') {
      const workers = this.workers.get(containerKey(update.podUid, update.containerName));
      workers?.get('liveness')?.markStarted();
      workers?.get('readiness')?.markStarted();
    }
    // Listed rather than spread: V8 takes a slow path for a spread followed by new keys.
    for (const listener of this.listeners) {
      listener({ podUid: update.podUid, containerName: update.containerName, containerId: update.containerId, result: update.result, type });
    }
  }
}
