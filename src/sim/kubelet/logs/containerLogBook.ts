// Mirrors the container log files the kubelet serves to `kubectl logs` (/var/log/pods/<ns>_<pod>_<uid>/<container>/
// <restartCount>.log, written by containerd, read by pkg/kubelet/kuberuntime/logs): one file per container instance,
// the current one and the previous (MaxPerPodContainer 1 keeps one dead instance), removed with the pod. Leaves out
// rotation by size (a line cap stands in) and the stdout/stderr distinction.
import type { Container, ContainerStatus, Node, Pod } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../api/object';
import { parseQuantity } from '../../api/resource/quantity';
import { parseTime } from '../../clock/timeFormat';
import type { TimerHandle, VirtualClock, VirtualMs } from '../../clock/virtualClock';
import type { ApiClient, WatchEvent } from '../../store/types';
import { programFor } from '../behaviour/program';
import { DATE_TOKEN, HOSTNAME_TOKEN } from '../behaviour/expansion';
import { dateCommandTime } from './wallClock';
import { imageOutput, requestLine, type HttpRequest } from './imageLogs';
import { MAX_LINES_PER_INSTANCE, nextPrintAfter, printedBetween, type PrintedLine, type ProgramOutput } from './programOutput';

/** LogLine is one line of a container's log and when it was written. */
export interface LogLine {
  time: VirtualMs;
  text: string;
}

export interface ContainerLogBookDeps {
  client: ApiClient;
  clock: VirtualClock;
  /**
   * outputOf is what a container's own program prints (the `echo`/`printf` lines of its shell script), as offsets
   * from its start. Image banners and served requests are added by the book itself.
   */
  outputOf?: (container: Container) => ProgramOutput;
}

/** Instance is one run of a container: what it prints on its own, and the requests it logged. */
interface Instance {
  containerID: string;
  spec: Container;
  startedAt: VirtualMs;
  finishedAt?: VirtualMs;
  /** What it prints on its own: worked out when first read, as most instances' logs are never asked for. */
  printed: () => ProgramOutput;
  recorded: LogLine[];
}

/** Follower is one `kubectl logs -f` stream on an instance: how far it has been sent. */
interface Follower {
  podUid: string;
  instance: Instance;
  handler: (line: LogLine) => void;
  printedUntil: VirtualMs;
  recordedSent: number;
  timer?: TimerHandle;
}

/**
 * ContainerLogBook keeps every container's log, fed by watching Pods: a new containerID in a container status is a new
 * instance (its program output and image banner are known from its spec), a terminated state ends it. Served requests
 * are added with recordRequest. It implements the `logs` service kubectl's logs verb reads.
 */
export class ContainerLogBook {
  /** Instances by pod uid, then container name, oldest first. */
  private readonly logs = new Map<string, Map<string, Instance[]>>();
  private readonly followers = new Set<Follower>();

  constructor(private readonly deps: ContainerLogBookDeps) {
    deps.client.watch<Pod & KubeObject>('Pod', (event) => this.onPod(event));
  }

  /** lines is the log of a container's newest instance, or of the one before it when `previous`, oldest first. */
  lines(podUid: string, container: string, previous: boolean): LogLine[] {
    const instances = this.logs.get(podUid)?.get(container) ?? [];
    const instance = previous ? instances.at(-2) : instances.at(-1);
    if (!instance) return [];
    return this.between(instance, -1, 0).lines;
  }

  /**
   * subscribe follows the newest instance: the handler receives each line written after now, until the instance
   * ends or the pod is deleted. Returns the unsubscribe.
   */
  subscribe(podUid: string, container: string, handler: (line: LogLine) => void): () => void {
    const instance = this.logs.get(podUid)?.get(container)?.at(-1);
    if (!instance || instance.finishedAt !== undefined) return () => {};
    const follower: Follower = { podUid, instance, handler, printedUntil: this.offset(instance), recordedSent: instance.recorded.length };
    this.followers.add(follower);
    this.schedule(follower);
    return () => this.unfollow(follower);
  }

  /** recordRequest logs a request the container's newest instance served, in its image's access-log format. */
  recordRequest(podUid: string, container: string, request: HttpRequest, time: VirtualMs): void {
    const instance = this.logs.get(podUid)?.get(container)?.at(-1);
    if (!instance || instance.finishedAt !== undefined) return;
    const last = instance.recorded.at(-1)?.time ?? time;
    instance.recorded.push({ time: Math.max(time, last), text: requestLine(instance.spec, request, time) });
    if (instance.recorded.length > MAX_LINES_PER_INSTANCE) instance.recorded.shift();
    for (const f of this.followers) if (f.instance === instance) this.deliver(f);
  }

  private onPod(event: WatchEvent<Pod & KubeObject>): void {
    const pod = event.object;
    const uid = pod.metadata.uid ?? '';
    if (event.type === 'DELETED') {
      for (const f of [...this.followers]) if (f.podUid === uid) this.unfollow(f);
      this.logs.delete(uid);
      return;
    }
    // A version that shares its container statuses with the one before (structural sharing) names the instances
    // that version named, which were recorded then.
    const old = event.old?.status;
    if (old && old.containerStatuses === pod.status?.containerStatuses && old.initContainerStatuses === pod.status?.initContainerStatuses) return;
    // Every write of every pod comes here: the two lists are walked where they are rather than copied into one.
    for (const status of pod.status?.initContainerStatuses ?? []) this.observe(pod, status);
    for (const status of pod.status?.containerStatuses ?? []) this.observe(pod, status);
  }

  /** observe records the instances a container status names: the last terminated one, then the current one. */
  private observe(pod: Pod & KubeObject, status: ContainerStatus): void {
    const last = status.lastState?.terminated;
    if (last?.containerID) this.instance(pod, status.name, last.containerID, last.startedAt, last.finishedAt);
    const running = status.state?.running;
    if (running && status.containerID) this.instance(pod, status.name, status.containerID, running.startedAt, undefined);
    const terminated = status.state?.terminated;
    if (terminated?.containerID) this.instance(pod, status.name, terminated.containerID, terminated.startedAt, terminated.finishedAt);
  }

  private instance(pod: Pod & KubeObject, name: string, containerID: string, startedAt?: string, finishedAt?: string): void {
    const uid = pod.metadata.uid ?? '';
    const containers = this.logs.get(uid) ?? new Map<string, Instance[]>();
    const list = containers.get(name) ?? [];
    let instance = list.find((i) => i.containerID === containerID);
    if (!instance) {
      const spec = [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])].find((c) => c.name === name);
      if (!spec) return;
      const start = this.instantOf(startedAt);
      const node = pod.spec?.nodeName ? this.deps.client.get<Node & KubeObject>('Node', '', pod.spec.nodeName) : undefined;
      instance = { containerID, spec, startedAt: start, printed: once(() => this.printedBy(pod, node, spec, start)), recorded: [] };
      list.push(instance);
      // The kubelet keeps the log of one dead instance besides the current one.
      if (list.length > 2) list.shift();
      containers.set(name, list);
      this.logs.set(uid, containers);
    }
    if (finishedAt !== undefined && instance.finishedAt === undefined) {
      instance.finishedAt = this.instantOf(finishedAt);
      for (const f of [...this.followers]) {
        if (f.instance !== instance) continue;
        this.deliver(f);
        this.unfollow(f);
      }
    }
  }

  /** printedBy is the image's own output merged with the program's, both from the instance's start. */
  private printedBy(pod: Pod & KubeObject, node: (Node & KubeObject) | undefined, spec: Container, startedAt: VirtualMs): ProgramOutput {
    const cpus = Math.round(parseQuantity(node?.status?.capacity?.cpu ?? '1').value());
    const ctx = { container: spec, podName: pod.metadata.name ?? '', podIP: pod.status?.podIP ?? '', cpus, kernel: node?.status?.nodeInfo?.kernelVersion ?? '' };
    const image = imageOutput(ctx, programFor(spec), startedAt);
    const own = this.deps.outputOf?.(spec);
    if (!own) return image;
    // `$(hostname)` in a script is the pod's name.
    const named = (lines: readonly PrintedLine[]) => lines.map((l) => (l.text.includes(HOSTNAME_TOKEN) ? { ...l, text: l.text.replaceAll(HOSTNAME_TOKEN, pod.metadata.name ?? '') } : l));
    const cycle = own.cycle && { ...own.cycle, lines: named(own.cycle.lines) };
    return { lines: [...image.lines, ...named(own.lines)].sort((a, b) => a.at - b.at), cycle };
  }

  /**
   * instantOf reads a status time stamp: statuses are written in the instant things happen but keep only whole
   * seconds, so a stamp within the last second means now; an older one (a kubelet catching up) is taken as written.
   */
  private instantOf(stamp: string | undefined): VirtualMs {
    const now = this.deps.clock.now();
    const t = parseTime(stamp);
    return t === undefined || now - t < 1000 ? now : t;
  }

  /** offset is how long the instance has been running (until its end). */
  private offset(instance: Instance): VirtualMs {
    const end = instance.finishedAt ?? this.deps.clock.now();
    return Math.min(this.deps.clock.now(), end) - instance.startedAt;
  }

  /** between merges printed lines after `printedAfter` (an offset) with recorded lines from index `recordedFrom`. */
  private between(instance: Instance, printedAfter: VirtualMs, recordedFrom: number): { lines: LogLine[]; until: VirtualMs } {
    const until = this.offset(instance);
    const printed = printedBetween(instance.printed(), printedAfter, until).map((l) => {
      const time = instance.startedAt + l.at;
      // `$(date)` prints the time the line was printed.
      return { time, text: l.text.includes(DATE_TOKEN) ? l.text.replaceAll(DATE_TOKEN, dateCommandTime(time)) : l.text };
    });
    const lines = [...printed, ...instance.recorded.slice(recordedFrom)].sort((a, b) => a.time - b.time);
    return { lines: lines.length > MAX_LINES_PER_INSTANCE ? lines.slice(lines.length - MAX_LINES_PER_INSTANCE) : lines, until };
  }

  private deliver(f: Follower): void {
    const { lines, until } = this.between(f.instance, f.printedUntil, f.recordedSent);
    f.printedUntil = until;
    f.recordedSent = f.instance.recorded.length;
    for (const line of lines) f.handler(line);
  }

  /** schedule wakes the follower when the program prints its next line; periodic, so settle() does not wait for it. */
  private schedule(f: Follower): void {
    const next = nextPrintAfter(f.instance.printed(), f.printedUntil);
    if (next === undefined) return;
    f.timer = this.deps.clock.schedule(f.instance.startedAt + next - this.deps.clock.now(), {
      owner: 'kubectl',
      label: `logs -f ${f.instance.spec.name}`,
      periodic: true,
      run: () => {
        this.deliver(f);
        if (this.followers.has(f)) this.schedule(f);
      },
    });
  }

  private unfollow(f: Follower): void {
    f.timer?.cancel();
    this.followers.delete(f);
  }
}

function once<T>(make: () => T): () => T {
  let made: { value: T } | undefined;
  return () => (made ??= { value: make() }).value;
}
