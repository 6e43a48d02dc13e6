import type { Container, Pod } from 'kubernetes-types/core/v1';
import type { VirtualMs } from '../../clock/virtualClock';

/** The three probe kinds of pkg/kubelet/prober. */
export type ProbeType = 'liveness' | 'readiness' | 'startup';

/** Result mirrors pkg/kubelet/prober/results: Unknown is a startup probe's value before its first run. */
export type ProbeResult = 'Success' | 'Failure' | 'Unknown';

/** ProbeOutcome is one probe execution: success, failure or timeout, with the text upstream would report. */
export interface ProbeOutcome {
  result: 'success' | 'failure' | 'timeout';
  /** e.g. `HTTP probe failed with statuscode: 500`, `cat: can't open '/tmp/healthy': No such file or directory`. */
  output: string;
}

/** HTTPGetRequest is an httpGet probe with its port already resolved to a number. */
export interface HTTPGetRequest {
  scheme: 'HTTP' | 'HTTPS';
  host: string;
  port: number;
  path: string;
  headers: ReadonlyArray<{ name: string; value: string }>;
}

/**
 * ProbeTarget is a running container as the prober sees it. The container behaviour model implements it: what a
 * simulated process answers to an exec, an HTTP GET, a TCP connect or a gRPC health check at a virtual time.
 */
export interface ProbeTarget {
  exec(command: readonly string[], now: VirtualMs): ProbeOutcome;
  httpGet(request: HTTPGetRequest, now: VirtualMs): ProbeOutcome;
  tcpSocket(host: string, port: number, now: VirtualMs): ProbeOutcome;
  grpc(host: string, port: number, service: string | undefined, now: VirtualMs): ProbeOutcome;
}

/** ProbeResultListener hears every change of a container's cached probe result (results.Manager updates). */
export type ProbeResultListener = (update: {
  podUid: string;
  containerName: string;
  containerId: string;
  type: ProbeType;
  result: ProbeResult;
}) => void;

/**
 * ProberManager mirrors pkg/kubelet/prober.Manager as the kubelet uses it: start workers when a container starts,
 * stop them when it stops, and report result changes. A liveness or startup failure is reported once, then the
 * worker is on hold until a new container id is seen (worker.go onHold).
 */
export interface ProberManager {
  /** addContainer starts the probe workers a freshly started container needs. */
  addContainer(pod: Pod, container: Container, containerId: string, startedAt: VirtualMs, target: ProbeTarget): void;
  /** removeContainer stops the workers of one container (it exited or was killed). */
  removeContainer(podUid: string, containerName: string): void;
  /** removePod stops every worker of a pod. */
  removePod(podUid: string): void;
  /** stopLivenessAndStartup stops a terminating pod's liveness and startup workers; readiness keeps running. */
  stopLivenessAndStartup(podUid: string): void;
  /** result is the current cached result, as the status manager reads it. */
  result(podUid: string, containerName: string, type: ProbeType): ProbeResult | undefined;
  onResult(listener: ProbeResultListener): void;
}
