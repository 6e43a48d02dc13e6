// Mirrors HostPortInfo of pkg/scheduler/framework/types.go and GetHostPorts of pkg/scheduler/util/utils.go.
import type { ContainerPort, Pod } from 'kubernetes-types/core/v1';

/** DefaultBindAllHostIP is the host IP a port without hostIP binds to. */
export const DefaultBindAllHostIP = '0.0.0.0';

function protocolPort(protocol: string, port: number): string {
  return `${protocol || 'TCP'}/${port}`;
}

/**
 * HostPortInfo stores the host ports in use on a node: ip -> set of protocol/port. Like upstream it is a set,
 * so two pods declaring the same port leave one entry (and removing either removes it).
 */
export class HostPortInfo {
  private readonly byIP = new Map<string, Set<string>>();

  /** add adds (ip, protocol, port) to HostPortInfo; ports <= 0 are ignored. */
  add(ip: string, protocol: string, port: number): void {
    if (port <= 0) return;
    const key = ip || DefaultBindAllHostIP;
    let set = this.byIP.get(key);
    if (!set) this.byIP.set(key, (set = new Set()));
    set.add(protocolPort(protocol, port));
  }

  /** remove removes (ip, protocol, port) from HostPortInfo. */
  remove(ip: string, protocol: string, port: number): void {
    if (port <= 0) return;
    const key = ip || DefaultBindAllHostIP;
    const set = this.byIP.get(key);
    if (!set) return;
    set.delete(protocolPort(protocol, port));
    if (set.size === 0) this.byIP.delete(key);
  }

  /** len returns the total number of (ip, protocol, port) entries. */
  len(): number {
    let n = 0;
    for (const set of this.byIP.values()) n += set.size;
    return n;
  }

  /**
   * checkConflict checks if the input (ip, protocol, port) conflicts with the existing ones: 0.0.0.0 conflicts
   * with the same protocol/port on any IP; another IP conflicts with itself and with 0.0.0.0.
   */
  checkConflict(ip: string, protocol: string, port: number): boolean {
    if (port <= 0) return false;
    const pp = protocolPort(protocol, port);
    const key = ip || DefaultBindAllHostIP;
    if (key === DefaultBindAllHostIP) {
      for (const set of this.byIP.values()) if (set.has(pp)) return true;
      return false;
    }
    return !!this.byIP.get(DefaultBindAllHostIP)?.has(pp) || !!this.byIP.get(key)?.has(pp);
  }

  /** clone returns a deep copy. */
  clone(): HostPortInfo {
    const c = new HostPortInfo();
    for (const [ip, set] of this.byIP) c.byIP.set(ip, new Set(set));
    return c;
  }
}

/**
 * getHostPorts returns the host ports of the pod's containers and of its restartable (sidecar) init containers,
 * which run for the entire life of the pod.
 */
export function getHostPorts(pod: Pod): ContainerPort[] {
  const ports: ContainerPort[] = [];
  for (const c of pod.spec?.initContainers ?? []) {
    if (c.restartPolicy !== 'Always') continue;
    for (const p of c.ports ?? []) if ((p.hostPort ?? 0) > 0) ports.push(p);
  }
  for (const c of pod.spec?.containers ?? []) {
    for (const p of c.ports ?? []) if ((p.hostPort ?? 0) > 0) ports.push(p);
  }
  return ports;
}
