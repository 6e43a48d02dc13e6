// Mirrors the CRI RuntimeService of containerd as the kubelet uses it (RunPodSandbox, StopPodSandbox, CreateContainer
// + StartContainer, StopContainer with a timeout, ContainerStatus); the CNI step is host-local IPAM. Leaves out
// container garbage collection: a pod's containers are forgotten when the kubelet removes the pod.
import type { SeededRandom } from '../../clock/random';
import type { TimerHandle, VirtualClock, VirtualMs } from '../../clock/virtualClock';
import type { ContainerProcess } from '../behaviour/process';
import type { HostLocalIpam } from './hostLocalIpam';

/** The kubelet never gives a container less than this to stop (kuberuntime minimumGracePeriodInSeconds). */
export const MINIMUM_GRACE_PERIOD_MS = 2_000;
/** A SIGKILLed process exits with 128 + 9. */
export const SIGKILL_EXIT_CODE = 137;

/** RuntimeContainer is one container instance (one attempt) in the runtime. */
export interface RuntimeContainer {
  /** 64 hex digits; the API shows `containerd://<id>`. */
  id: string;
  podUid: string;
  name: string;
  /** Attempt number: the container's restartCount when it was created. */
  attempt: number;
  /** The image as the runtime reports it (`docker.io/library/nginx:1.14.2`). */
  image: string;
  /** `docker.io/library/nginx@sha256:…`. */
  imageRef: string;
  state: 'running' | 'exited';
  startedAt: VirtualMs;
  finishedAt?: VirtualMs;
  exitCode?: number;
  /** `Completed` for exit 0, else `Error`. */
  reason?: string;
  process: ContainerProcess;
}

/** ServedRequest is an HTTP answer and the container that gave it. */
export interface ServedRequest {
  status: number;
  podUid: string;
  container: string;
}

/** RuntimeSandbox is a pod's sandbox: its network namespace and IP. */
export interface RuntimeSandbox {
  podUid: string;
  ip: string;
  ready: boolean;
}

interface Timers {
  exit?: TimerHandle;
  sigterm?: TimerHandle;
  kill?: TimerHandle;
  killAt?: VirtualMs;
}

/**
 * RuntimeService is one node's container runtime. It keeps running when the kubelet dies: processes go on, exit and
 * are recorded, and a restarted kubelet finds them here (as the real kubelet relists containerd).
 */
export class RuntimeService {
  private readonly sandboxes = new Map<string, RuntimeSandbox>();
  /** Ready sandboxes by IP, for the network's lookups; hostNetwork pods share the node's IP, so a set. */
  private readonly readyByIP = new Map<string, Set<string>>();
  private readonly containers = new Map<string, RuntimeContainer[]>();
  private readonly byId = new Map<string, RuntimeContainer>();
  private readonly timers = new Map<string, Timers>();

  constructor(
    private readonly clock: VirtualClock,
    private readonly random: SeededRandom,
    private readonly owner: string,
    private readonly ipam: HostLocalIpam,
    private readonly onExit: (container: RuntimeContainer) => void,
  ) {}

  /** runPodSandbox creates the sandbox and allocates its IP (or uses the node's for hostNetwork pods). */
  runPodSandbox(podUid: string, hostNetworkIP?: string): { ok: true; ip: string } | { ok: false; message: string } {
    const existing = this.sandboxes.get(podUid);
    if (existing?.ready) return { ok: true, ip: existing.ip };
    const ip = hostNetworkIP ?? this.ipam.allocate(podUid);
    if (!ip) {
      return {
        ok: false,
        message: `plugin type="host-local" failed (add): failed to allocate for range 0: no IP addresses available in range set: ${this.ipam.rangeDescription()}`,
      };
    }
    this.sandboxes.set(podUid, { podUid, ip, ready: true });
    const holders = this.readyByIP.get(ip) ?? new Set<string>();
    this.readyByIP.set(ip, holders.add(podUid));
    return { ok: true, ip };
  }

  sandbox(podUid: string): RuntimeSandbox | undefined {
    return this.sandboxes.get(podUid);
  }

  /** stopPodSandbox tears the network down: the IP goes back to the pool. */
  stopPodSandbox(podUid: string): void {
    const sandbox = this.sandboxes.get(podUid);
    if (sandbox) {
      sandbox.ready = false;
      const holders = this.readyByIP.get(sandbox.ip);
      holders?.delete(podUid);
      if (holders?.size === 0) this.readyByIP.delete(sandbox.ip);
    }
    this.ipam.release(podUid);
  }

  /** removePod forgets a pod's sandbox and containers (after StopPodSandbox and garbage collection). */
  removePod(podUid: string): void {
    for (const c of this.containers.get(podUid) ?? []) {
      this.clearTimers(c.id);
      this.byId.delete(c.id);
    }
    this.stopPodSandbox(podUid);
    this.sandboxes.delete(podUid);
    this.containers.delete(podUid);
  }

  /** podUids lists the pods the runtime knows (sandboxes or containers). */
  podUids(): string[] {
    return [...new Set([...this.sandboxes.keys(), ...this.containers.keys()])];
  }

  /**
   * serveHttp answers an HTTP GET sent to a pod IP of this node: the first running container listening on the port
   * answers; undefined when no ready sandbox has that IP (the pod is not here).
   */
  serveHttp(ip: string, port: number, path: string, now: VirtualMs): ServedRequest | 'refused' | undefined {
    const holders = this.readyByIP.get(ip);
    if (!holders) return undefined;
    for (const podUid of holders) {
      for (const c of this.running(podUid)) {
        const status = c.process.serveHttp(port, path, now);
        if (status !== undefined) return { status, podUid, container: c.name };
      }
    }
    return 'refused';
  }

  /** startContainer is CreateContainer + StartContainer: the process starts now. */
  startContainer(podUid: string, name: string, attempt: number, image: string, imageRef: string, process: ContainerProcess): RuntimeContainer {
    const container: RuntimeContainer = {
      id: this.random.hex(64), podUid, name, attempt, image, imageRef, state: 'running', startedAt: this.clock.now(), process,
    };
    const list = this.containers.get(podUid) ?? [];
    list.push(container);
    this.containers.set(podUid, list);
    this.byId.set(container.id, container);
    const exitAt = process.exitAt();
    if (exitAt !== undefined) {
      const code = process.program.exit!.code;
      // A process's own exit (after `sleep 3600`, say) is not pending work: settle() need not wait for it.
      this.timerFor(container.id).exit = this.at(exitAt, `exit ${name}`, () => this.exit(container, code), true);
    }
    return container;
  }

  /**
   * stopContainer runs the preStop hook for up to the grace period, then sends SIGTERM and SIGKILLs the process if it
   * is still running when the grace period (at least 2 s after the hook) is over.
   */
  stopContainer(id: string, graceMs: VirtualMs, preStopMs: VirtualMs): void {
    const container = this.find(id);
    if (!container || container.state !== 'running') return;
    const now = this.clock.now();
    const hook = Math.min(preStopMs, graceMs);
    // Grace periods are whole seconds; the hook's time is taken off the rest, rounded down.
    const remaining = Math.max(MINIMUM_GRACE_PERIOD_MS, graceMs - Math.floor(hook / 1000) * 1000);
    const killAt = now + hook + remaining;
    const timers = this.timerFor(id);
    if (timers.killAt !== undefined && timers.killAt <= killAt) return;
    timers.kill?.cancel();
    timers.killAt = killAt;
    timers.kill = this.at(killAt, `SIGKILL ${container.name}`, () => this.exit(container, SIGKILL_EXIT_CODE));
    const sigterm = container.process.program.sigterm;
    if (sigterm !== 'ignore' && !timers.sigterm) {
      timers.sigterm = this.at(now + hook, `SIGTERM ${container.name}`, () => this.exit(container, sigterm));
    }
  }

  /** crash makes a running container exit now with `exitCode` (chaos). */
  crash(id: string, exitCode: number): void {
    const container = this.find(id);
    if (container?.state === 'running') this.exit(container, exitCode);
  }

  /** latest is the newest instance of a container, previous the one before it. */
  latest(podUid: string, name: string): RuntimeContainer | undefined {
    return this.instances(podUid, name).at(-1);
  }

  previous(podUid: string, name: string): RuntimeContainer | undefined {
    return this.instances(podUid, name).at(-2);
  }

  running(podUid: string): RuntimeContainer[] {
    return (this.containers.get(podUid) ?? []).filter((c) => c.state === 'running');
  }

  private instances(podUid: string, name: string): RuntimeContainer[] {
    return (this.containers.get(podUid) ?? []).filter((c) => c.name === name);
  }

  private find(id: string): RuntimeContainer | undefined {
    return this.byId.get(id);
  }

  private exit(container: RuntimeContainer, exitCode: number): void {
    if (container.state !== 'running') return;
    this.clearTimers(container.id);
    container.state = 'exited';
    container.finishedAt = this.clock.now();
    container.exitCode = exitCode;
    container.reason = exitCode === 0 ? 'Completed' : 'Error';
    this.onExit(container);
  }

  private timerFor(id: string): Timers {
    let timers = this.timers.get(id);
    if (!timers) this.timers.set(id, (timers = {}));
    return timers;
  }

  private clearTimers(id: string): void {
    const timers = this.timers.get(id);
    timers?.exit?.cancel();
    timers?.sigterm?.cancel();
    timers?.kill?.cancel();
    this.timers.delete(id);
  }

  private at(time: VirtualMs, label: string, run: () => void, background = false): TimerHandle {
    return this.clock.schedule(time - this.clock.now(), { owner: this.owner, label, run, periodic: background });
  }
}
