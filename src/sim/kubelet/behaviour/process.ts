// A running container's process as the prober reaches it: exec in its file system, HTTP/TCP/gRPC on its ports. Probe
// outputs use the wording of pkg/probe/{exec,http,tcp,grpc} so Unhealthy events read like upstream's.
import type { Container } from 'kubernetes-types/core/v1';
import type { VirtualMs } from '../../clock/virtualClock';
import type { HTTPGetRequest, ProbeOutcome, ProbeTarget } from '../prober/types';
import { runProbeCommand } from './interpreter';
import type { Program } from './program';

/** A success with nothing to say, and the liveness server's `ok`: outcomes are only read, so probes share them. */
const SUCCESS: ProbeOutcome = Object.freeze({ result: 'success', output: '' });
const SUCCESS_OK: ProbeOutcome = Object.freeze({ result: 'success', output: 'ok' });

/**
 * ContainerProcess is one started container. It serves on its containerPorts and on every port one of its probes
 * targets, unless its program serves nothing (a shell script, `sleep`) or serves a fixed port (the liveness server).
 */
export class ContainerProcess implements ProbeTarget {
  private readonly ports: ReadonlySet<number>;

  constructor(
    readonly program: Program,
    readonly startedAt: VirtualMs,
    container: Container,
  ) {
    const server = program.server;
    if (!server) this.ports = new Set();
    else if (server.kind === 'liveness') this.ports = new Set([server.port]);
    else this.ports = new Set([...(container.ports ?? []).map((p) => p.containerPort), ...probePorts(container)]);
  }

  /** listens: the port is one the process serves, and it has finished warming up. */
  private listens(port: number, now: VirtualMs): boolean {
    const server = this.program.server;
    const warmup = server?.kind === 'generic' ? (server.listensAfterMs ?? 0) : 0;
    return this.ports.has(port) && now - this.startedAt >= warmup;
  }

  /** exitAt is when the process ends on its own, or undefined when it runs until stopped. */
  exitAt(): VirtualMs | undefined {
    return this.program.exit ? this.startedAt + this.program.exit.afterMs : undefined;
  }

  /** fileExists answers for paths the process created or removed; image files and untouched paths exist. */
  fileExists(path: string, now: VirtualMs): boolean {
    const state = this.program.files.exists(path, now - this.startedAt);
    return state ?? !path.startsWith('/tmp/');
  }

  exec(command: readonly string[], now: VirtualMs): ProbeOutcome {
    const { status, output } = runProbeCommand([...command], this.program.userland, { exists: (p) => this.fileExists(p, now) });
    return { result: status === 0 ? 'success' : 'failure', output };
  }

  /** serveHttp is the status code the process answers an HTTP GET on a port with, or undefined when nothing listens. */
  serveHttp(port: number, path: string, now: VirtualMs): number | undefined {
    if (!this.listens(port, now)) return undefined;
    const server = this.program.server!;
    if (server.kind === 'liveness') return path !== '/healthz' ? 404 : now - this.startedAt > server.healthyForMs ? 500 : 200;
    return 200;
  }

  httpGet(request: HTTPGetRequest, now: VirtualMs): ProbeOutcome {
    const code = this.serveHttp(request.port, request.path, now);
    if (code === undefined) {
      const url = `${request.scheme.toLowerCase()}://${request.host}:${request.port}${request.path}`;
      return { result: 'failure', output: `Get "${url}": dial tcp ${request.host}:${request.port}: connect: connection refused` };
    }
    const liveness = this.program.server!.kind === 'liveness';
    return code >= 200 && code < 400 ? (liveness ? SUCCESS_OK : SUCCESS) : { result: 'failure', output: `HTTP probe failed with statuscode: ${code}` };
  }

  tcpSocket(host: string, port: number, now: VirtualMs): ProbeOutcome {
    if (this.listens(port, now)) return SUCCESS;
    return { result: 'failure', output: `dial tcp ${host}:${port}: connect: connection refused` };
  }

  grpc(host: string, port: number, _service: string | undefined, now: VirtualMs): ProbeOutcome {
    if (this.listens(port, now)) return SUCCESS;
    return { result: 'failure', output: `timeout: failed to connect service "${host}:${port}" within 1s: context deadline exceeded` };
  }
}

/** probePorts lists the numeric and named ports the container's probes target. */
function probePorts(container: Container): number[] {
  const ports: number[] = [];
  for (const probe of [container.livenessProbe, container.readinessProbe, container.startupProbe]) {
    const port = probe?.httpGet?.port ?? probe?.tcpSocket?.port ?? probe?.grpc?.port;
    if (port === undefined) continue;
    const resolved = typeof port === 'number' ? port : /^\d+$/.test(port) ? Number(port) : container.ports?.find((p) => p.name === port)?.containerPort;
    if (resolved !== undefined) ports.push(resolved);
  }
  return ports;
}
