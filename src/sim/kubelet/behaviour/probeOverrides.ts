// Chaos hook: force a container's liveness, readiness or startup probe to fail or pass. The override sits in front
// of the container process, so the prober still runs on its schedule and reports Unhealthy events as usual.
import type { Container, Probe } from 'kubernetes-types/core/v1';
import type { VirtualMs } from '../../clock/virtualClock';
import type { HTTPGetRequest, ProbeOutcome, ProbeTarget, ProbeType } from '../prober/types';

/** ProbeOverride forces probe results: 'fail' makes the endpoint fail, 'pass' makes it succeed. */
export type ProbeOverride = 'fail' | 'pass';

/** Overrides are one container's forced probe results, by probe type. */
export type Overrides = Readonly<Partial<Record<ProbeType, ProbeOverride>>>;

/** NONE is what a container without overrides has (almost every container, on every probe). */
const NONE: Overrides = Object.freeze({});

/** ProbeOverrides holds the overrides set on one node, per pod uid and container name. */
export class ProbeOverrides {
  private readonly byPod = new Map<string, Map<string, Overrides>>();

  set(podUid: string, container: string, type: ProbeType, override: ProbeOverride | undefined): void {
    let containers = this.byPod.get(podUid);
    if (!containers) this.byPod.set(podUid, (containers = new Map()));
    const current = { ...containers.get(container) };
    if (override) current[type] = override;
    else delete current[type];
    // A healed container goes back to having none, so its probes skip the matching again.
    if (Object.keys(current).length > 0) containers.set(container, current);
    else containers.delete(container);
    if (containers.size === 0) this.byPod.delete(podUid);
  }

  /** get runs before every probe of the node; without any override it need not look the pod up. */
  get(podUid: string, container: string): Overrides {
    if (this.byPod.size === 0) return NONE;
    return this.byPod.get(podUid)?.get(container) ?? NONE;
  }

  forgetPod(podUid: string): void {
    this.byPod.delete(podUid);
  }
}

const PROBE_TYPES: readonly ProbeType[] = ['liveness', 'readiness', 'startup'];

/**
 * overridableTarget wraps a process: a call matching the handler of an overridden probe gets the forced outcome. A
 * probe type is recognised by its handler, so when liveness and readiness probe the same endpoint, both see it.
 */
export function overridableTarget(target: ProbeTarget, container: Container, overrides: () => Overrides): ProbeTarget {
  const forced = (set: Overrides, matches: (probe: Probe) => boolean): ProbeOverride | undefined => {
    const hits = PROBE_TYPES.filter((t) => set[t] && probeOf(container, t) && matches(probeOf(container, t)!)).map((t) => set[t]!);
    return hits.includes('fail') ? 'fail' : hits[0];
  };
  const port = (p: number | string | undefined) => (typeof p === 'string' && !/^\d+$/.test(p) ? container.ports?.find((c) => c.name === p)?.containerPort : p === undefined ? undefined : Number(p));
  // Almost every probe has no override: it goes straight to the process, without building a matcher.
  return {
    exec(command: readonly string[], now: VirtualMs): ProbeOutcome {
      const set = overrides();
      if (set === NONE) return target.exec(command, now);
      const o = forced(set, (p) => p.exec?.command?.join('\u0000') === command.join('\u0000'));
      return o === 'fail' ? { result: 'failure', output: '' } : o === 'pass' ? { result: 'success', output: '' } : target.exec(command, now);
    },
    httpGet(request: HTTPGetRequest, now: VirtualMs): ProbeOutcome {
      const set = overrides();
      if (set === NONE) return target.httpGet(request, now);
      const o = forced(set, (p) => port(p.httpGet?.port) === request.port && (p.httpGet?.path ?? '/') === request.path);
      return o === 'fail' ? { result: 'failure', output: 'HTTP probe failed with statuscode: 500' } : o === 'pass' ? { result: 'success', output: '' } : target.httpGet(request, now);
    },
    tcpSocket(host: string, p: number, now: VirtualMs): ProbeOutcome {
      const set = overrides();
      if (set === NONE) return target.tcpSocket(host, p, now);
      const o = forced(set, (probe) => port(probe.tcpSocket?.port) === p);
      return o === 'fail' ? { result: 'failure', output: `dial tcp ${host}:${p}: connect: connection refused` } : o === 'pass' ? { result: 'success', output: '' } : target.tcpSocket(host, p, now);
    },
    grpc(host: string, p: number, service: string | undefined, now: VirtualMs): ProbeOutcome {
      const set = overrides();
      if (set === NONE) return target.grpc(host, p, service, now);
      const o = forced(set, (probe) => probe.grpc?.port === p);
      return o === 'fail' ? { result: 'failure', output: 'service unhealthy (responded with "NOT_SERVING")' } : o === 'pass' ? { result: 'success', output: '' } : target.grpc(host, p, service, now);
    },
  };
}

function probeOf(container: Container, type: ProbeType): Probe | undefined {
  return type === 'liveness' ? container.livenessProbe : type === 'readiness' ? container.readinessProbe : container.startupProbe;
}
