// Mirrors pkg/kubelet/pod_workers.go (one worker per pod) together with the runtime actions of
// kuberuntime_manager.go SyncPod/doBackOff and kuberuntime_container.go startContainer/killContainer. The worker runs
// the pod's lifecycle and container machines and carries out their intents; its status goes through PodStatusSync.
import type { Container, Pod } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../api/object';
import { rfc3339 } from '../clock/timeFormat';
import type { TimerHandle, VirtualMs } from '../clock/virtualClock';
import { runHook } from './behaviour/interpreter';
import { ContainerProcess } from './behaviour/process';
import { programFor } from './behaviour/program';
import { overridableTarget } from './behaviour/probeOverrides';
import type { RuntimeContainer } from './cri/runtimeService';
import { goDuration, podFullName } from './format';
import { containerMachine, type ContainerIntent } from './machines/containerMachine';
import { MachineRunner } from './machines/machineRunner';
import { podLifecycleMachine, type PodIntent, type RestartPolicy } from './machines/podLifecycleMachine';
import { probeKillGracePeriodSeconds, probeKillMessage } from './prober/probeKill';
import type { ProbeResultListener } from './prober/types';
import type { KubeletServices } from './services';
import { PodStatusSync, type ContainerEntry, type WorkerView } from './statusSync';

/** RunPodSandbox plus CNI setup take about a second on a kind node. */
export const SANDBOX_CREATE_MS = 1_000;
/** After a failed start the pod worker syncs again at once, and that sync shows the back-off reason (PLEG relist). */
export const BACKOFF_DISPLAY_DELAY_MS = 1_000;
/** A sandbox that could not be created is retried after the pod worker's backOffPeriod. */
const SANDBOX_RETRY_MS = 10_000;

type PodObject = Pod & KubeObject;
type Intent = PodIntent | ContainerIntent;
type ContainerActor = MachineRunner<typeof containerMachine>;

/**
 * PodWorker owns one pod on the node. Every change goes the same way: an event reaches a machine, the intents the
 * machines emit are carried out in order (which may send further events), and the pod's status is written once the
 * instant's work is done.
 */
export class PodWorker {
  private readonly lifecycle: MachineRunner<typeof podLifecycleMachine>;
  private readonly containers = new Map<string, ContainerEntry & { actor: ContainerActor }>();
  /** The containers' entries in the map's order (init containers first), kept for the status generator. */
  private readonly entries: readonly ContainerEntry[];
  private readonly intents: Intent[] = [];
  private readonly timers = new Set<TimerHandle>();
  private readonly status: PodStatusSync;
  private pumping = false;
  private startQueue: string[] = [];
  private startingNow: string | undefined;
  private disposed = false;

  constructor(
    private readonly services: KubeletServices,
    private pod: PodObject,
    private readonly onFinished: (uid: string) => void,
  ) {
    const spec = pod.spec!;
    const hasInit = (spec.initContainers ?? []).length > 0;
    for (const [list, init] of [[spec.initContainers ?? [], true], [spec.containers, false]] as const) {
      for (const c of list) {
        const actor = new MachineRunner(containerMachine, { name: c.name, image: c.image ?? '', waitingReason: hasInit ? 'PodInitializing' : 'ContainerCreating' });
        actor.on('*', (intent) => this.intents.push(intent));
        this.containers.set(c.name, { actor, spec: c, init });
      }
    }
    this.lifecycle = new MachineRunner(podLifecycleMachine, {
      restartPolicy: (spec.restartPolicy ?? 'Always') as RestartPolicy,
      initContainers: (spec.initContainers ?? []).map((c) => ({ name: c.name, restartable: c.restartPolicy === 'Always' })),
      containers: spec.containers.map((c) => c.name),
    });
    this.lifecycle.on('*', (intent) => this.intents.push(intent));
    this.entries = [...this.containers.values()];
    this.status = new PodStatusSync(services, pod, () => this.view());
  }

  get uid(): string {
    return this.pod.metadata.uid ?? '';
  }

  /**
   * start admits the pod. What the runtime already runs for it (after a kubelet restart) is adopted first, so a pod
   * whose deletion was requested meanwhile has its containers stopped gracefully.
   */
  start(): void {
    this.status.note(`pod ${this.pod.metadata.name} was admitted on ${this.services.nodeName}: creating its sandbox`);
    for (const { actor } of this.containers.values()) actor.start();
    this.lifecycle.start();
    this.pump();
    if (this.pod.metadata.deletionTimestamp) this.deliver(() => this.lifecycle.send({ type: 'pod.deleted' }));
  }

  /** update takes a newer version of the pod from the API; a deletionTimestamp starts graceful termination. */
  update(pod: PodObject): void {
    const wasDeleting = this.pod.metadata.deletionTimestamp !== undefined;
    const shortened = wasDeleting && (pod.metadata.deletionGracePeriodSeconds ?? 0) < (this.pod.metadata.deletionGracePeriodSeconds ?? 0);
    this.pod = pod;
    // A pod that is shutting down no longer acts on liveness or startup (prober Manager.StopLivenessAndStartup).
    if (pod.metadata.deletionTimestamp && !wasDeleting) this.services.prober?.stopLivenessAndStartup(this.uid);
    if (pod.metadata.deletionTimestamp && (!wasDeleting || shortened)) this.deliver(() => this.lifecycle.send({ type: 'pod.deleted' }));
  }

  /** removed: the pod object is gone (force deletion); stop its containers without writing to the API. */
  removed(): void {
    this.status.detach();
    this.deliver(() => this.lifecycle.send({ type: 'pod.deleted' }));
  }

  /** containerExited is the PLEG event for one of this pod's containers. */
  containerExited(rc: RuntimeContainer): void {
    const entry = this.containers.get(rc.name);
    if (!entry || entry.actor.getSnapshot().context.containerID !== `containerd://${rc.id}`) return;
    this.status.note(`container ${rc.name} of pod ${this.pod.metadata.name} exited with code ${rc.exitCode} (${rc.reason})`);
    this.deliver(() =>
      entry.actor.send({
        type: 'container.exited',
        exitCode: rc.exitCode ?? 0,
        reason: rc.reason ?? 'Error',
        startedAt: rfc3339(rc.startedAt),
        finishedAt: rfc3339(rc.finishedAt ?? this.services.clock.now()),
      }),
    );
  }

  /** probeResult consumes a prober result change: readiness/startup change the status, failures kill the container. */
  probeResult(update: Parameters<ProbeResultListener>[0]): void {
    const entry = this.containers.get(update.containerName);
    if (!entry || entry.actor.getSnapshot().context.containerID !== update.containerId) return;
    if (update.result === 'Failure' && (update.type === 'liveness' || update.type === 'startup')) {
      const message = probeKillMessage(this.pod, entry.spec, update.type);
      const gracePeriodMs = this.status.detached ? 0 : probeKillGracePeriodSeconds(this.pod, entry.spec, update.type) * 1000;
      this.status.note(message);
      this.deliver(() => entry.actor.send({ type: 'container.kill', message, gracePeriodMs }));
      return;
    }
    this.status.note(`${update.type} probe of container ${update.containerName} in pod ${this.pod.metadata.name}: ${update.result}`);
    this.pump();
  }

  /** crash makes a running container exit with code 1 now (chaos). */
  crash(name: string): boolean {
    const id = this.containers.get(name)?.actor.getSnapshot().context.containerID;
    const current = this.services.runtime.latest(this.uid, name);
    if (!id || !current || `containerd://${current.id}` !== id || current.state !== 'running') return false;
    this.status.note(`container ${name} of pod ${this.pod.metadata.name} crashed`);
    this.services.runtime.crash(current.id, 1);
    return true;
  }

  /** dispose stops the machines and timers (the kubelet died or the pod is gone); the runtime keeps its containers. */
  dispose(): void {
    this.disposed = true;
    this.status.detach();
    for (const t of this.timers) t.cancel();
    this.timers.clear();
    this.lifecycle.stop();
    for (const { actor } of this.containers.values()) actor.stop();
  }

  /** deliver hands an event to a machine, then lets the worker act on what it emitted. */
  private deliver(send: () => void): void {
    if (this.disposed) return;
    send();
    this.pump();
  }

  /** pump carries out the queued intents one by one, then asks for a status write. */
  private pump(): void {
    if (this.pumping || this.disposed) return;
    this.pumping = true;
    try {
      for (let intent = this.intents.shift(); intent && !this.disposed; intent = this.intents.shift()) this.apply(intent);
      if (!this.disposed) this.status.sync();
    } finally {
      this.pumping = false;
    }
  }

  private apply(intent: Intent): void {
    switch (intent.type) {
      case 'intent.runPodSandbox':
        return this.runPodSandbox();
      case 'intent.startInitContainer':
        return this.startContainer(intent.name);
      case 'intent.startContainers':
        this.startQueue = this.pod.spec!.containers.map((c) => c.name);
        return this.startNext();
      case 'intent.restartContainer':
        return this.restartContainer(intent.name);
      case 'intent.stopPodSandbox':
        this.killAll();
        this.services.runtime.stopPodSandbox(this.uid);
        this.services.prober?.removePod(this.uid);
        return;
      case 'intent.killPod':
        return this.killAll();
      case 'intent.removePod':
        return this.removePod();
      case 'intent.ensureImage':
        return this.ensureImage(intent.name);
      case 'intent.createContainer':
        return this.createContainer(intent.name);
      case 'intent.stopContainer':
        return this.stopContainer(intent.name, intent.message, intent.gracePeriodMs);
      case 'intent.containerStarted':
        this.lifecycle.send({ type: 'container.started', name: intent.name });
        if (this.startingNow === intent.name) this.startNext();
        return;
      case 'intent.containerExited':
        this.services.prober?.removeContainer(this.uid, intent.name);
        this.lifecycle.send({ type: 'container.exited', name: intent.name, exitCode: intent.exitCode });
        if (this.startingNow === intent.name) this.startNext();
        this.noteTerminal();
        return;
      case 'intent.startFailed':
        if (this.startingNow === intent.name) this.startNext();
        return;
    }
  }

  /** noteTerminal narrates the write that gives the pod its final phase. */
  private noteTerminal(): void {
    const state = this.lifecycle.getSnapshot().value;
    const name = this.pod.metadata.name;
    if (state === 'completed') this.status.note(`pod ${name} completed: its containers exited and none will be restarted`);
    if (state === 'terminated') this.status.note(`pod ${name} stopped: all its containers exited after the deletion`);
  }

  private runPodSandbox(): void {
    const existing = this.services.runtime.sandbox(this.uid);
    if (existing?.ready) {
      this.lifecycle.send({ type: 'sandbox.ready' });
      return;
    }
    this.after(SANDBOX_CREATE_MS, 'RunPodSandbox', () => {
      if (this.lifecycle.getSnapshot().value !== 'creatingSandbox') return;
      const result = this.services.runtime.runPodSandbox(this.uid, this.pod.spec?.hostNetwork ? this.services.hostIP() : undefined);
      if (!result.ok) {
        this.services.event(this.pod, 'Warning', 'FailedCreatePodSandBox', `Failed to create pod sandbox: ${result.message}`);
        this.after(SANDBOX_RETRY_MS, 'RunPodSandbox', () => this.runPodSandbox());
        return;
      }
      this.status.note(`pod sandbox of ${this.pod.metadata.name} is ready: pod IP ${result.ip}`);
      this.deliver(() => this.lifecycle.send({ type: 'sandbox.ready' }));
    });
  }

  /** startContainer starts a container, or adopts the instance a restarted kubelet finds in the runtime. */
  private startContainer(name: string): void {
    const entry = this.containers.get(name)!;
    const current = this.services.runtime.latest(this.uid, name);
    if (current && entry.actor.getSnapshot().context.containerID === undefined) {
      const previous = this.services.runtime.previous(this.uid, name);
      entry.actor.send({
        type: 'container.adopt',
        current: {
          containerID: `containerd://${current.id}`,
          image: current.image,
          imageID: current.imageRef,
          restartCount: current.attempt,
          state: instanceState(current),
        },
        previous: previous && instanceState(previous),
      });
      if (current.state === 'running') this.watchProbes(entry.spec, current);
      return;
    }
    entry.actor.send({ type: 'container.start' });
  }

  private startNext(): void {
    this.startingNow = undefined;
    const name = this.startQueue.shift();
    if (!name) return;
    this.startingNow = name;
    this.startContainer(name);
  }

  /** restartContainer is doBackOff: restart at once the first time, else wait out the crash back-off. */
  private restartContainer(name: string): void {
    const entry = this.containers.get(name)!;
    // The runtime's finishedAt has full precision; the status only shows whole seconds.
    const finishedAt = this.services.runtime.latest(this.uid, name)?.finishedAt ?? this.services.clock.now();
    const key = `${this.uid}/${name}`;
    const backOff = this.services.crashBackOff;
    if (!backOff.isInBackOffSince(key, finishedAt)) {
      backOff.next(key, finishedAt);
      entry.actor.send({ type: 'container.start' });
      return;
    }
    const full = podFullName(this.pod);
    const message = `back-off ${goDuration(backOff.get(key))} restarting failed container=${name} pod=${full}`;
    this.services.event(this.pod, 'Warning', 'BackOff', `Back-off restarting failed container ${name} in pod ${full}`);
    this.after(BACKOFF_DISPLAY_DELAY_MS, 'CrashLoopBackOff', () => {
      this.status.note(`container ${name} of pod ${this.pod.metadata.name} is in CrashLoopBackOff: ${message}`);
      this.deliver(() => entry.actor.send({ type: 'container.backOff', message }));
    });
    this.after(
      finishedAt + backOff.get(key) - this.services.clock.now(),
      'restart after back-off',
      () => {
        this.status.note(`restarting container ${name} of pod ${this.pod.metadata.name}: its back-off is over`);
        this.deliver(() => this.restartContainer(name));
      },
      true,
    );
  }

  private ensureImage(name: string): void {
    const entry = this.containers.get(name)!;
    this.services.images.ensureImageExists(this.pod, entry.spec, (result) => {
      if (this.disposed || entry.actor.getSnapshot().value !== 'pulling') return;
      if (result.ok) {
        this.deliver(() => entry.actor.send({ type: 'image.pulled', image: result.image, imageID: result.imageRef }));
        return;
      }
      this.services.event(this.pod, 'Warning', 'Failed', `Error: ${result.reason}`);
      this.status.note(`container ${name} of pod ${this.pod.metadata.name} cannot start: ${result.reason}`);
      this.deliver(() => entry.actor.send({ type: 'image.failed', reason: result.reason, message: result.message }));
      if (result.reason === 'ErrImagePull') this.after(BACKOFF_DISPLAY_DELAY_MS, 'ImagePullBackOff', () => this.showImagePullBackOff(name));
      if (result.reason === 'ErrImagePull' || result.reason === 'ImagePullBackOff') this.retryPull(name);
    });
  }

  private showImagePullBackOff(name: string): void {
    const entry = this.containers.get(name)!;
    if (entry.actor.getSnapshot().value !== 'waiting') return;
    const message = this.services.images.reportBackOff(this.pod, entry.spec.image ?? '');
    this.services.event(this.pod, 'Warning', 'Failed', 'Error: ImagePullBackOff');
    this.status.note(`container ${name} of pod ${this.pod.metadata.name} waits in ImagePullBackOff before pulling ${entry.spec.image} again`);
    this.deliver(() => entry.actor.send({ type: 'image.failed', reason: 'ImagePullBackOff', message }));
  }

  private retryPull(name: string): void {
    const at = this.services.images.retryAt(this.pod, this.containers.get(name)!.spec.image ?? '');
    if (at === undefined) return;
    const actor = this.containers.get(name)!.actor;
    this.after(at - this.services.clock.now(), 'pull again', () => this.deliver(() => actor.send({ type: 'container.start' })), true);
  }

  private createContainer(name: string): void {
    const entry = this.containers.get(name)!;
    const ctx = entry.actor.getSnapshot().context;
    const now = this.services.clock.now();
    const process = new ContainerProcess(programFor(entry.spec), now, entry.spec);
    const attempt = ctx.containerID === undefined ? ctx.restartCount : ctx.restartCount + 1;
    const rc = this.services.runtime.startContainer(this.uid, name, attempt, ctx.pulled!.image, ctx.pulled!.imageID, process);
    this.services.event(this.pod, 'Normal', 'Created', `Created container: ${name}`);
    this.services.event(this.pod, 'Normal', 'Started', `Started container ${name}`);
    this.status.note(`started container ${name} of pod ${this.pod.metadata.name}`);
    entry.actor.send({ type: 'container.started', containerID: `containerd://${rc.id}`, startedAt: rfc3339(now) });
    this.watchProbes(entry.spec, rc);
  }

  private watchProbes(spec: Container, rc: RuntimeContainer): void {
    if (!spec.livenessProbe && !spec.readinessProbe && !spec.startupProbe) return;
    // Every probe asks for overrides: the closure holds what it needs rather than reading it through the pod.
    const { uid, services: { overrides } } = this;
    const target = overridableTarget(rc.process, spec, () => overrides.get(uid, spec.name));
    this.services.prober?.addContainer(this.pod, spec, `containerd://${rc.id}`, rc.startedAt, target);
  }

  /** killAll stops every container (killContainersWithSyncResult); ones not running just stop trying. */
  private killAll(): void {
    const grace = this.gracePeriodMs();
    this.startQueue = [];
    for (const { actor } of this.containers.values()) actor.send({ type: 'container.kill', message: '', gracePeriodMs: grace });
  }

  private stopContainer(name: string, message: string, gracePeriodMs: VirtualMs): void {
    const entry = this.containers.get(name)!;
    const id = entry.actor.getSnapshot().context.containerID?.replace('containerd://', '');
    if (!id) return;
    this.services.event(this.pod, 'Normal', 'Killing', message || `Stopping container ${name}`);
    this.services.runtime.stopContainer(id, gracePeriodMs, preStopMs(entry.spec));
  }

  private removePod(): void {
    this.services.prober?.removePod(this.uid);
    this.services.runtime.stopPodSandbox(this.uid);
    this.noteTerminal();
    this.status.flush();
    this.status.confirmDeletion(this.pod);
    this.services.runtime.removePod(this.uid);
    this.services.overrides.forgetPod(this.uid);
    this.onFinished(this.uid);
  }

  /** gracePeriodMs is the pod's: the deletion's grace period, else terminationGracePeriodSeconds (0 once force-deleted). */
  private gracePeriodMs(): VirtualMs {
    if (this.status.detached) return 0;
    return (this.pod.metadata.deletionGracePeriodSeconds ?? this.pod.spec?.terminationGracePeriodSeconds ?? 30) * 1000;
  }

  /**
   * after runs `run` once `delay` has passed. Back-off waits are `background`: a crash loop never settles, so
   * settle() does not wait for it.
   */
  private after(delay: VirtualMs, label: string, run: () => void, background = false): void {
    const handle = this.services.clock.schedule(delay, {
      owner: this.services.owner,
      periodic: background,
      label: `${label} ${this.pod.metadata.namespace}/${this.pod.metadata.name}`,
      run: () => {
        this.timers.delete(handle);
        if (!this.disposed) run();
      },
    });
    this.timers.add(handle);
  }

  /** view is what the status generator needs from the machines and the runtime. */
  private view(): WorkerView {
    return { pod: this.pod, lifecycle: this.lifecycle.getSnapshot().value as string, sandbox: this.services.runtime.sandbox(this.uid), containers: this.entries };
  }
}

/** preStopMs is how long the preStop hook runs: a sleep action or an exec command; HTTP hooks return at once. */
function preStopMs(container: Container): VirtualMs {
  const hook = container.lifecycle?.preStop;
  if (hook?.sleep) return hook.sleep.seconds * 1000;
  if (hook?.exec?.command) return runHook(hook.exec.command, 'gnu');
  return 0;
}

function instanceState(rc: RuntimeContainer) {
  if (rc.state === 'running') return { running: { startedAt: rfc3339(rc.startedAt) } };
  return {
    terminated: {
      containerID: `containerd://${rc.id}`, exitCode: rc.exitCode ?? 0, finishedAt: rfc3339(rc.finishedAt ?? rc.startedAt), reason: rc.reason, startedAt: rfc3339(rc.startedAt),
    },
  };
}
