// Mirrors k8s.io/kubectl/pkg/describe/describe.go describeContainers and its parts (describeContainerBasicInfo,
// describeContainerPorts/HostPorts, describeContainerCommand, describeContainerState/describeStatus,
// describeResources, describeContainerProbe/DescribeProbe, describeContainerEnvFrom/EnvVars, describeContainerVolumes),
// EnvValueRetriever (kubectl/pkg/util/fieldpath ExtractFieldPathAsString) and kubectl/pkg/util/resource
// ExtractContainerResourceValue; leaves out hugepages resource field refs.
import type { Container, ContainerPort, ContainerState, ContainerStatus, EnvVar, Pod, Probe, ResourceRequirements } from 'kubernetes-types/core/v1';
import { parseQuantity, tryParseQuantity } from '../../api/resource/quantity';
import { byteOrder, printBool } from './multiline';
import { LEVEL_0, LEVEL_1, LEVEL_2, LEVEL_3, type PrefixWriter } from './prefixWriter';
import { rfc1123z } from './timestamps';

/** EnvVarResolver reads a fieldRef env var's value from the pod; templates have none. */
export type EnvVarResolver = (e: EnvVar) => string;

/** describeContainers prints the `Containers:` (or `Init Containers:`) section; space is `  ` inside a pod template. */
export function describeContainers(
  label: string,
  containers: readonly Container[] | undefined,
  statuses: readonly ContainerStatus[] | undefined,
  resolver: EnvVarResolver | undefined,
  w: PrefixWriter,
  space: string,
): void {
  const byName = new Map((statuses ?? []).map((s) => [s.name, s]));
  w.write(LEVEL_0, `${space}${label}:${containers && containers.length > 0 ? '' : ' <none>'}\n`);
  for (const container of containers ?? []) {
    const status = byName.get(container.name);
    describeContainerBasicInfo(container, status, space, w);
    describeContainerCommand(container, w);
    if (status) describeContainerState(status, w);
    describeResources(container.resources, w, LEVEL_2);
    describeContainerProbe(container, w);
    if (container.envFrom && container.envFrom.length > 0) describeContainerEnvFrom(container, w);
    describeContainerEnvVars(container, resolver, w);
    describeContainerVolumes(container, w);
  }
}

function describeContainerBasicInfo(container: Container, status: ContainerStatus | undefined, space: string, w: PrefixWriter): void {
  w.write(LEVEL_1, `${space ? ' ' : ''}${container.name}:\n`);
  if (status) w.write(LEVEL_2, `Container ID:\t${status.containerID ?? ''}\n`);
  w.write(LEVEL_2, `Image:\t${container.image ?? ''}\n`);
  if (status) w.write(LEVEL_2, `Image ID:\t${status.imageID ?? ''}\n`);
  const ports = describeContainerPorts(container.ports);
  w.write(LEVEL_2, ports.includes(',') ? `Ports:\t${ports}\n` : `Port:\t${ports || '<none>'}\n`);
  const hostPorts = describeContainerHostPorts(container.ports);
  w.write(LEVEL_2, hostPorts.includes(',') ? `Host Ports:\t${hostPorts}\n` : `Host Port:\t${hostPorts || '<none>'}\n`);
  const seccomp = container.securityContext?.seccompProfile;
  if (seccomp) {
    w.write(LEVEL_2, `SeccompProfile:\t${seccomp.type}\n`);
    if (seccomp.type === 'Localhost') w.write(LEVEL_3, `LocalhostProfile:\t${seccomp.localhostProfile ?? ''}\n`);
  }
}

function portText(port: number, p: ContainerPort): string {
  const text = `${port}/${p.protocol ?? ''}`;
  return p.name ? `${text} (${p.name})` : text;
}

/** describeContainerPorts is `8080/TCP (web), 9090/TCP`. */
export function describeContainerPorts(ports: readonly ContainerPort[] | undefined): string {
  return (ports ?? []).map((p) => portText(p.containerPort, p)).join(', ');
}

/** describeContainerHostPorts is the same list with host ports (0 when unset). */
export function describeContainerHostPorts(ports: readonly ContainerPort[] | undefined): string {
  return (ports ?? []).map((p) => portText(p.hostPort ?? 0, p)).join(', ');
}

function describeContainerCommand(container: Container, w: PrefixWriter): void {
  for (const [title, words] of [['Command', container.command], ['Args', container.args]] as const) {
    if (!words || words.length === 0) continue;
    w.write(LEVEL_2, `${title}:\n`);
    for (const word of words) for (const s of word.split('\n')) w.write(LEVEL_3, `${s}\n`);
  }
}

/** describeResources prints `Limits:` and `Requests:`, one resource a line, sorted by name. */
export function describeResources(resources: ResourceRequirements | undefined, w: PrefixWriter, level: number): void {
  if (!resources) return;
  for (const [title, list] of [['Limits', resources.limits], ['Requests', resources.requests]] as const) {
    const names = Object.keys(list ?? {}).sort(byteOrder);
    if (names.length > 0) w.write(level, `${title}:\n`);
    for (const name of names) w.write(level + 1, `${name}:\t${quantityString(list![name])}\n`);
  }
}

/** quantityString is Quantity.String(): the canonical form of a stored quantity. */
export function quantityString(value: string | number): string {
  return tryParseQuantity(value)?.toString() ?? String(value);
}

function describeContainerState(status: ContainerStatus, w: PrefixWriter): void {
  describeStatus('State', status.state, w);
  if (status.lastState?.terminated) describeStatus('Last State', status.lastState, w);
  w.write(LEVEL_2, `Ready:\t${printBool(status.ready)}\n`);
  w.write(LEVEL_2, `Restart Count:\t${status.restartCount ?? 0}\n`);
}

function describeStatus(stateName: string, state: ContainerState | undefined, w: PrefixWriter): void {
  if (state?.running) {
    w.write(LEVEL_2, `${stateName}:\tRunning\n`);
    w.write(LEVEL_3, `Started:\t${rfc1123z(state.running.startedAt)}\n`);
  } else if (state?.waiting) {
    w.write(LEVEL_2, `${stateName}:\tWaiting\n`);
    if (state.waiting.reason) w.write(LEVEL_3, `Reason:\t${state.waiting.reason}\n`);
  } else if (state?.terminated) {
    const t = state.terminated;
    w.write(LEVEL_2, `${stateName}:\tTerminated\n`);
    if (t.reason) w.write(LEVEL_3, `Reason:\t${t.reason}\n`);
    if (t.message) w.write(LEVEL_3, `Message:\t${t.message}\n`);
    w.write(LEVEL_3, `Exit Code:\t${t.exitCode}\n`);
    if ((t.signal ?? 0) > 0) w.write(LEVEL_3, `Signal:\t${t.signal}\n`);
    w.write(LEVEL_3, `Started:\t${rfc1123z(t.startedAt)}\n`);
    w.write(LEVEL_3, `Finished:\t${rfc1123z(t.finishedAt)}\n`);
  } else {
    w.write(LEVEL_2, `${stateName}:\tWaiting\n`);
  }
}

function describeContainerProbe(container: Container, w: PrefixWriter): void {
  if (container.livenessProbe) w.write(LEVEL_2, `Liveness:\t${describeProbe(container.livenessProbe)}\n`);
  if (container.readinessProbe) w.write(LEVEL_2, `Readiness:\t${describeProbe(container.readinessProbe)}\n`);
  if (container.startupProbe) w.write(LEVEL_2, `Startup:\t${describeProbe(container.startupProbe)}\n`);
}

/** describeProbe is DescribeProbe: `http-get http://:8080/healthz delay=3s timeout=1s period=3s #success=1 #failure=3`. */
export function describeProbe(probe: Probe): string {
  const attrs =
    `delay=${probe.initialDelaySeconds ?? 0}s timeout=${probe.timeoutSeconds ?? 0}s period=${probe.periodSeconds ?? 0}s ` +
    `#success=${probe.successThreshold ?? 0} #failure=${probe.failureThreshold ?? 0}`;
  if (probe.exec) return `exec [${(probe.exec.command ?? []).join(' ')}] ${attrs}`;
  if (probe.httpGet) {
    const get = probe.httpGet;
    const port = String(get.port ?? '');
    const host = port ? joinHostPort(get.host ?? '', port) : (get.host ?? '');
    return `http-get ${urlString((get.scheme ?? '').toLowerCase(), host, get.path ?? '')} ${attrs}`;
  }
  if (probe.tcpSocket) return `tcp-socket ${probe.tcpSocket.host ?? ''}:${String(probe.tcpSocket.port)} ${attrs}`;
  if (probe.grpc) return `grpc <pod>:${probe.grpc.port} ${probe.grpc.service ?? ''} ${attrs}`;
  return `unknown ${attrs}`;
}

/** joinHostPort is net.JoinHostPort: IPv6 hosts go in brackets. */
function joinHostPort(host: string, port: string): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

/** urlString is url.URL.String for a scheme, host and path: the path gets a leading `/` and Go's escaping. */
function urlString(scheme: string, host: string, path: string): string {
  let out = scheme ? `${scheme}:` : '';
  if (scheme || host) out += `//${host}`;
  if (path && !path.startsWith('/') && host) out += '/';
  return out + path.replace(/[^A-Za-z0-9\-_.~$&+,/:;=@]/g, (c) => [...new TextEncoder().encode(c)].map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join(''));
}

function describeContainerEnvFrom(container: Container, w: PrefixWriter): void {
  w.write(LEVEL_2, 'Environment Variables from:\n');
  for (const e of container.envFrom ?? []) {
    const ref = e.configMapRef ?? e.secretRef;
    const from = e.configMapRef ? 'ConfigMap' : e.secretRef ? 'Secret' : '';
    const optional = ref?.optional === true;
    const source = e.prefix ? `${from} with prefix '${e.prefix}'` : from;
    w.write(LEVEL_3, `${ref?.name ?? ''}\t${source}\tOptional: ${optional}\n`);
  }
}

function describeContainerEnvVars(container: Container, resolver: EnvVarResolver | undefined, w: PrefixWriter): void {
  const env = container.env ?? [];
  w.write(LEVEL_2, `Environment:${env.length === 0 ? '\t<none>' : ''}\n`);
  for (const e of env) {
    const from = e.valueFrom;
    if (!from) {
      (e.value ?? '').split('\n').forEach((s, i) => w.write(LEVEL_3, i === 0 ? `${e.name}:\t${s}\n` : `\t${s}\n`));
    } else if (from.fieldRef) {
      const value = resolver ? resolver(e) : '';
      w.write(LEVEL_3, `${e.name}:\t${value} (${from.fieldRef.apiVersion ?? ''}:${from.fieldRef.fieldPath})\n`);
    } else if (from.resourceFieldRef) {
      let value = extractContainerResourceValue(from.resourceFieldRef.resource, from.resourceFieldRef.divisor, container);
      const resource = from.resourceFieldRef.resource;
      if (value === '0' && (resource === 'limits.cpu' || resource === 'limits.memory')) value = 'node allocatable';
      w.write(LEVEL_3, `${e.name}:\t${value} (${resource})\n`);
    } else if (from.secretKeyRef) {
      const r = from.secretKeyRef;
      w.write(LEVEL_3, `${e.name}:\t<set to the key '${r.key}' in secret '${r.name ?? ''}'>\tOptional: ${r.optional === true}\n`);
    } else if (from.configMapKeyRef) {
      const r = from.configMapKeyRef;
      w.write(LEVEL_3, `${e.name}:\t<set to the key '${r.key}' of config map '${r.name ?? ''}'>\tOptional: ${r.optional === true}\n`);
    }
  }
}

/** extractContainerResourceValue is ExtractContainerResourceValue: the resource divided by the divisor, rounded up. */
function extractContainerResourceValue(resource: string, divisorValue: string | number | undefined, container: Container): string {
  const parsed = divisorValue === undefined ? undefined : tryParseQuantity(divisorValue);
  const divisor = parsed && !parsed.isZero() ? parsed : parseQuantity('1');
  const dot = resource.indexOf('.');
  const kind = resource.slice(0, dot);
  const name = resource.slice(dot + 1);
  if (dot < 0 || (kind !== 'limits' && kind !== 'requests') || !['cpu', 'memory', 'ephemeral-storage'].includes(name)) return '';
  const raw = (kind === 'limits' ? container.resources?.limits : container.resources?.requests)?.[name];
  const value = (raw === undefined ? undefined : tryParseQuantity(raw)) ?? parseQuantity('0');
  const ratio = name === 'cpu' ? value.milliValue() / divisor.milliValue() : value.value() / divisor.value();
  return String(Math.ceil(ratio));
}

function describeContainerVolumes(container: Container, w: PrefixWriter): void {
  const mounts = [...(container.volumeMounts ?? [])].sort((a, b) => byteOrder(a.mountPath, b.mountPath));
  const none = mounts.length === 0 ? '\t<none>' : '';
  w.write(LEVEL_2, `Mounts:${none}\n`);
  for (const m of mounts) {
    const flags = [m.readOnly ? 'ro' : 'rw'];
    if (m.subPath) flags.push(`path=${JSON.stringify(m.subPath)}`);
    w.write(LEVEL_3, `${m.mountPath} from ${m.name} (${flags.join(',')})\n`);
  }
  const devices = [...(container.volumeDevices ?? [])].sort((a, b) => byteOrder(a.devicePath, b.devicePath));
  if (devices.length > 0) {
    w.write(LEVEL_2, `Devices:${none}\n`);
    for (const d of devices) w.write(LEVEL_3, `${d.devicePath} from ${d.name}\n`);
  }
}

/** envValueRetriever is EnvValueRetriever: a fieldRef env var's value read from the pod's metadata. */
export function envValueRetriever(pod: Pod): EnvVarResolver {
  return (e) => {
    const path = e.valueFrom?.fieldRef?.fieldPath ?? '';
    const meta = pod.metadata ?? {};
    const subscript = /^metadata\.(labels|annotations)\['(.*)'\]$/.exec(path);
    if (subscript) return (subscript[1] === 'labels' ? meta.labels : meta.annotations)?.[subscript[2]] ?? '';
    switch (path) {
      case 'metadata.labels':
        return formatMap(meta.labels);
      case 'metadata.annotations':
        return formatMap(meta.annotations);
      case 'metadata.name':
        return meta.name ?? '';
      case 'metadata.namespace':
        return meta.namespace ?? '';
      case 'metadata.uid':
        return meta.uid ?? '';
      default:
        // ExtractFieldPathAsString supports only metadata paths; kubectl prints nothing for the others.
        return '';
    }
  };
}

/** formatMap is fieldpath.FormatMap: `key="value"` lines, sorted by key. */
function formatMap(m: Readonly<Record<string, string>> | undefined): string {
  return Object.keys(m ?? {})
    .sort(byteOrder)
    .map((k) => `${k}=${JSON.stringify(m![k])}`)
    .join('\n');
}
