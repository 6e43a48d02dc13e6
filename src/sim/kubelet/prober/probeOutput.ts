// Mirrors the output wording of pkg/probe/http/http.go, pkg/probe/tcp/tcp.go, pkg/probe/grpc/grpc.go and the CRI
// exec timeout error (kuberuntime ExecSync's `command %q timed out`); leaves out redirects, bodies and warnings.
//
// A probe's output is what the kubelet prints after `Liveness probe failed: `. Upstream it comes from Go's net/http
// and net errors, so the container behaviour model (which decides *whether* a probe passes) builds its outputs here
// and every simulated failure reads the way a real cluster's does.
import type { HTTPGetRequest } from './types';

/** joinHostPort is net.JoinHostPort: IPv6 hosts get brackets. */
function joinHostPort(host: string, port: number): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

/** goQuote is Go's %q for the printable strings commands and addresses carry. */
function goQuote(s: string): string {
  return JSON.stringify(s);
}

/**
 * goSeconds is a whole number of seconds as time.Duration.String() prints it: `1s`, `1m30s`, `1h0m0s`.
 * Probe timeouts are whole seconds (timeoutSeconds), so nothing smaller is needed.
 */
function goSeconds(seconds: number): string {
  if (seconds === 0) return '0s';
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  if (h > 0) return `${h}h${m}m${s}s`;
  if (m > 0) return `${m}m${s}s`;
  return `${s}s`;
}

/** probeURL is the request's URL as http.Request prints it: `http://10.244.1.5:8080/healthz`. */
function probeURL(request: HTTPGetRequest): string {
  const path = request.path === '' || request.path.startsWith('/') ? request.path : `/${request.path}`;
  return `${request.scheme.toLowerCase()}://${joinHostPort(request.host, request.port)}${path}`;
}

/** httpStatusFailure is DoHTTPProbe's output for a status outside 200-399. */
export function httpStatusFailure(statusCode: number): string {
  return `HTTP probe failed with statuscode: ${statusCode}`;
}

/** httpConnectionRefused is the url.Error of a GET to a port nobody listens on. */
export function httpConnectionRefused(request: HTTPGetRequest): string {
  return `Get ${goQuote(probeURL(request))}: ${tcpConnectionRefused(request.host, request.port)}`;
}

/** httpTimeout is the url.Error of a GET that outlived http.Client's Timeout (timeoutSeconds). */
export function httpTimeout(request: HTTPGetRequest): string {
  return `Get ${goQuote(probeURL(request))}: context deadline exceeded (Client.Timeout exceeded while awaiting headers)`;
}

/** tcpConnectionRefused is net.Dial's error for a closed port. */
export function tcpConnectionRefused(host: string, port: number): string {
  return `dial tcp ${joinHostPort(host, port)}: connect: connection refused`;
}

/** tcpTimeout is net.DialTimeout's error when nothing answers within timeoutSeconds. */
export function tcpTimeout(host: string, port: number): string {
  return `dial tcp ${joinHostPort(host, port)}: i/o timeout`;
}

/** execTimeout is the TimeoutError the CRI returns for an exec probe that outlived timeoutSeconds. */
export function execTimeout(command: readonly string[]): string {
  return `command ${goQuote(command.join(' '))} timed out`;
}

/**
 * grpcConnectTimeout is the gRPC prober's output when the blocking dial does not complete: a closed port looks the
 * same as a silent one, because grpc.WithBlock keeps redialling until the probe's deadline.
 */
export function grpcConnectTimeout(host: string, port: number, timeoutSeconds: number): string {
  return `timeout: failed to connect service ${goQuote(joinHostPort(host, port))} within ${goSeconds(timeoutSeconds)}: context deadline exceeded`;
}

/** grpcNotServing is the gRPC prober's output when the health service answers anything but SERVING. */
export function grpcNotServing(status: 'NOT_SERVING' | 'UNKNOWN' | 'SERVICE_UNKNOWN'): string {
  return `service unhealthy (responded with ${goQuote(status)})`;
}
