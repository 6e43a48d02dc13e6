// Mirrors pkg/kubelet/prober/prober.go (probe, runProbe, recordContainerEvent), pkg/probe/util.go
// (ResolveContainerPort) and pkg/probe/http/request.go (NewRequestForHTTPGetAction); leaves out retries (a simulated
// probe answers the same way three times), exec's $(VAR) expansion, Warning results and the container fieldPath
// of event references (the recorder refers to the pod).
import type { Container, HTTPGetAction, Pod, Probe } from 'kubernetes-types/core/v1';
import type { VirtualMs } from '../../clock/virtualClock';
import type { EventRecorder } from '../../events/recorder';
import { KUBELET_VERSION } from '../../cluster/nodeTemplate';
import { execTimeout, grpcConnectTimeout, httpTimeout, tcpTimeout } from './probeOutput';
import type { HTTPGetRequest, ProbeOutcome, ProbeTarget, ProbeType } from './types';

/**
 * ProbeRun is one execution of a probe's handler. A `result` counts towards the thresholds; an `error` (the probe
 * could not even be attempted, e.g. a port name the container does not declare) is thrown away by the worker, as
 * upstream's worker discards a result that came with an error. `durationMs` is how long the probe took: a timed-out
 * probe answers only after timeoutSeconds, everything else at once.
 */
export type ProbeRun =
  | { kind: 'result'; result: 'Success' | 'Failure'; output: string; durationMs: VirtualMs }
  | { kind: 'error'; error: string; durationMs: VirtualMs };

/** probeTypeName is probeType.String(): how the type starts an event message. */
export function probeTypeName(probeType: ProbeType): 'Liveness' | 'Readiness' | 'Startup' {
  return probeType === 'liveness' ? 'Liveness' : probeType === 'readiness' ? 'Readiness' : 'Startup';
}

/** resolveContainerPort is probe.ResolveContainerPort: a number, or the name of one of the container's ports. */
export function resolveContainerPort(port: number | string, container: Container): number {
  let resolved: number;
  if (typeof port === 'number') {
    resolved = port;
  } else {
    const named = (container.ports ?? []).find((p) => p.name === port);
    if (!named) throw new Error(`port ${JSON.stringify(port)} not found`);
    resolved = named.containerPort;
  }
  if (resolved > 0 && resolved < 65536) return resolved;
  throw new Error(`invalid port number: ${resolved}`);
}

/** canonicalHeaderKey is textproto.CanonicalMIMEHeaderKey: `custom-header` is sent as `Custom-Header`. */
function canonicalHeaderKey(name: string): string {
  if (!/^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/.test(name)) return name;
  return name.toLowerCase().replace(/(^|-)([a-z])/g, (_, dash: string, c: string) => dash + c.toUpperCase());
}

/** USER_AGENT is what the kubelet's probes send: `kube-probe/<major>.<minor>`. */
const USER_AGENT = `kube-probe/${KUBELET_VERSION.replace(/^v/, '').split('.').slice(0, 2).join('.')}`;

/**
 * newRequestForHTTPGetAction is NewRequestForHTTPGetAction: HTTP unless the scheme is HTTPS, the host defaulting
 * to the pod IP, the port resolved, the user's headers plus User-Agent and `Accept: *\/*` unless the user set them
 * (an empty Accept removes it).
 */
export function newRequestForHTTPGetAction(action: HTTPGetAction, container: Container, podIP: string): HTTPGetRequest {
  const headers = (action.httpHeaders ?? []).map((h) => ({ name: canonicalHeaderKey(h.name), value: h.value }));
  const has = (name: string) => headers.some((h) => h.name === name);
  if (!has('User-Agent')) headers.push({ name: 'User-Agent', value: USER_AGENT });
  if (!has('Accept')) headers.push({ name: 'Accept', value: '*/*' });
  const accept = headers.find((h) => h.name === 'Accept');
  return {
    scheme: action.scheme?.toUpperCase() === 'HTTPS' ? 'HTTPS' : 'HTTP',
    host: action.host || podIP,
    port: resolveContainerPort(action.port, container),
    path: action.path ?? '',
    headers: accept?.value === '' ? headers.filter((h) => h !== accept) : headers,
  };
}

/** SUCCEEDED is the run of almost every probe: a silent success, at once. Runs are only read, so they share it. */
const SUCCEEDED: ProbeRun = Object.freeze({ kind: 'result', result: 'Success', output: '', durationMs: 0 });

/** finish turns a target's answer into a run: a timeout becomes a failure worded as upstream, after timeoutSeconds. */
function finish(outcome: ProbeOutcome, timeoutSeconds: number, timeoutOutput: () => string): ProbeRun {
  if (outcome.result === 'success' && outcome.output === '') return SUCCEEDED;
  if (outcome.result === 'timeout') return { kind: 'result', result: 'Failure', output: timeoutOutput(), durationMs: timeoutSeconds * 1000 };
  return { kind: 'result', result: outcome.result === 'success' ? 'Success' : 'Failure', output: outcome.output, durationMs: 0 };
}

/** PreparedProbe runs a probe's handler against the container at virtual time `now`. */
export type PreparedProbe = (target: ProbeTarget, now: VirtualMs) => ProbeRun;

/** erred is what a probe that cannot be attempted (or whose handler threw) gives: the error, at once. */
function erred(err: unknown): ProbeRun {
  return { kind: 'error', error: (err as Error).message, durationMs: 0 };
}

/**
 * prepareProbe works out once what every run of a probe against one container instance sends: the command, the HTTP
 * request (frozen, since every run shares it), the resolved port, from the probe, the instance's pod (its IP) and
 * container, none of which change. A worker probes the same instance every period.
 */
export function prepareProbe(probe: Probe, pod: Pod, container: Container): PreparedProbe {
  const timeoutSeconds = probe.timeoutSeconds || 1;
  const podIP = pod.status?.podIP ?? '';
  const guarded = (run: PreparedProbe): PreparedProbe => (target, now) => {
    try {
      return run(target, now);
    } catch (err) {
      return erred(err);
    }
  };
  try {
    if (probe.exec) {
      const command = probe.exec.command ?? [];
      return guarded((target, now) => finish(target.exec(command, now), timeoutSeconds, () => execTimeout(command)));
    }
    if (probe.httpGet) {
      const request = newRequestForHTTPGetAction(probe.httpGet, container, podIP);
      for (const header of request.headers) Object.freeze(header);
      Object.freeze(request.headers);
      Object.freeze(request);
      return guarded((target, now) => finish(target.httpGet(request, now), timeoutSeconds, () => httpTimeout(request)));
    }
    if (probe.tcpSocket) {
      const port = resolveContainerPort(probe.tcpSocket.port, container);
      const host = probe.tcpSocket.host || podIP;
      return guarded((target, now) => finish(target.tcpSocket(host, port, now), timeoutSeconds, () => tcpTimeout(host, port)));
    }
    if (probe.grpc) {
      const port = probe.grpc.port;
      const service = probe.grpc.service || undefined;
      return guarded((target, now) => finish(target.grpc(podIP, port, service, now), timeoutSeconds, () => grpcConnectTimeout(podIP, port, timeoutSeconds)));
    }
  } catch (err) {
    return () => erred(err);
  }
  const missing = `missing probe handler for ${pod.metadata?.name}_${pod.metadata?.namespace}(${pod.metadata?.uid}):${container.name}`;
  return () => ({ kind: 'error', error: missing, durationMs: 0 });
}

/**
 * recordProbeEvent is the event half of prober.probe: every failed or errored probe, below the threshold or not,
 * is reported as a Warning `Unhealthy` event on the pod; successes are silent. The recorder aggregates identical
 * messages into one Event with a growing count, as the EventCorrelator does.
 */
export function recordProbeEvent(recorder: EventRecorder, nodeName: string, probeType: ProbeType, pod: Pod, run: ProbeRun): void {
  if (run.kind === 'result' && run.result === 'Success') return;
  const message =
    run.kind === 'error'
      ? `${probeTypeName(probeType)} probe errored and resulted in unknown state: ${run.error}`
      : `${probeTypeName(probeType)} probe failed: ${run.output}`;
  const involved = { apiVersion: pod.apiVersion ?? 'v1', kind: 'Pod', metadata: pod.metadata ?? {} };
  recorder.event(involved, 'Warning', 'Unhealthy', message, { component: 'kubelet', host: nodeName });
}
