// Mirrors k8s.io/kubectl/pkg/cmd/portforward/portforward.go (which pod, Service ports translated to container ports,
// named ports, the not-running check) and client-go tools/portforward (`Forwarding from ...` per address, `Handling
// connection for ...`). The forwarding itself is the optional portForward service. Leaves out UDP checks.
import type { Container, Pod, Service } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../api/object';
import type { ParsedArgs } from '../commandLine';
import { notFound, resolveResourceType } from '../resourceArgs';
import { KubectlError, namespaceOf, usageError, type KubectlContext, type KubectlOutput, type KubectlResult, type Verb } from '../verb';
import { firstPod, selectorForObject, type PodObject } from './podsForObject';

/** PortForwardTarget is the pod a forward reaches. */
export interface PortForwardTarget {
  namespace: string;
  pod: string;
  podUid: string;
}

/**
 * PortForward is the network's side of `kubectl port-forward`: forward starts listening on the local port, calling
 * onConnection for each connection made to it, and returns how to stop, or why it cannot listen (`bind: address already
 * in use`).
 */
export type PortForward = (target: PortForwardTarget, localPort: number, remotePort: number, onConnection: () => void) => (() => void) | string;

declare module '../verb' {
  interface KubectlExtensions {
    portForward?: PortForward;
  }
}

export const portForwardVerb: Verb = {
  name: 'port-forward',
  short: 'Forward one or more local ports to a pod',
  long: 'Forward one or more local ports to a pod.\n\n Use resource type/name such as deployment/mydeployment to select a pod. Resource type defaults to \'pod\' if omitted.\n\n If there are multiple pods matching the criteria, a pod will be selected automatically. The forwarding session ends when the selected pod terminates, and a rerun of the command is needed to resume forwarding.',
  group: 'Troubleshooting and Debugging Commands',
  use: 'port-forward TYPE/NAME [options] [LOCAL_PORT:]REMOTE_PORT [...[LOCAL_PORT_N:]REMOTE_PORT_N]',
  example: [
    '  # Listen on ports 5000 and 6000 locally, forwarding data to/from ports 5000 and 6000 in the pod',
    '  kubectl port-forward pod/mypod 5000 6000',
    '',
    '  # Listen on port 8443 locally, forwarding to the targetPort of the service\'s port named "https" in a pod selected by the service',
    '  kubectl port-forward service/myservice 8443:https',
    '',
    '  # Listen on port 8888 locally, forwarding to 5000 in the pod',
    '  kubectl port-forward pod/mypod 8888:5000',
    '',
    '  # Listen on a random port locally, forwarding to 5000 in the pod',
    '  kubectl port-forward pod/mypod :5000',
  ].join('\n'),
  flags: [
    { name: 'pod-running-timeout', type: 'string', default: '1m0s', usage: 'The length of time (like 5s, 2m, or 3h, higher than zero) to wait until at least one pod is running' },
    {
      name: 'address',
      type: 'stringSlice',
      default: ['localhost'],
      usage: 'Addresses to listen on (comma separated). Only accepts IP addresses or localhost as a value. When localhost is supplied, kubectl will try to bind on both 127.0.0.1 and ::1 and will fail if neither of these addresses are available to bind.',
    },
  ],
  run: runPortForward,
};

function runPortForward(ctx: KubectlContext, args: ParsedArgs): KubectlResult {
  if (args.positionals.length < 2) throw usageError('kubectl port-forward', 'TYPE/NAME and list of ports are required for port-forward');
  const namespace = namespaceOf(ctx, args);
  const [resource, ...portArgs] = args.positionals as [string, ...string[]];
  const obj = objectFor(ctx, namespace, resource);
  const pod = obj.kind === 'Pod' ? (obj as PodObject) : firstPod(ctx, namespace, selectorForObject(obj, (t) => `cannot attach to ${t}`), 'attach').pod;
  const ports = portArgs.map((arg) => {
    const [local, remote] = splitPort(arg);
    if (remote === '') throw new KubectlError('remote port cannot be empty');
    const named = !/^\d+$/.test(remote);
    let remotePort: number;
    let localText = local;
    if (obj.kind === 'Service') {
      const service = obj as Service & KubeObject;
      const servicePort = named ? servicePortByName(service, remote) : parsePortNumber(remote, 'remote');
      // A named service port forwards from the service port's number locally.
      if (named && local === remote) localText = String(servicePort);
      remotePort = containerPortForServicePort(service, pod, servicePort);
    } else {
      remotePort = podPort(pod, remote);
      if (named && local === remote) localText = String(remotePort);
    }
    return { local: localText === '' ? ephemeralPort(pod, remotePort) : parsePortNumber(localText, 'local'), remote: remotePort };
  });
  if (pod.status?.phase !== 'Running') throw new KubectlError(`unable to forward port because pod is not running. Current status=${pod.status?.phase ?? ''}`);
  const forward = ctx.extensions?.portForward;
  if (!forward) throw new KubectlError('port forwarding is not available: this cluster runs no network service');

  const target = { namespace, pod: pod.metadata.name ?? '', podUid: pod.metadata.uid ?? '' };
  let handler: ((output: KubectlOutput) => void) | undefined;
  const stops: (() => void)[] = [];
  let stdout = '';
  for (const { local, remote } of ports) {
    const started = forward(target, local, remote, () => handler?.({ stdout: `Handling connection for ${local}\n`, stderr: '' }));
    if (typeof started === 'string') {
      stops.forEach((stop) => stop());
      const listeners = listenAddresses(args).map((a) => `unable to create listener: Error listen ${a.startsWith('[') ? 'tcp6' : 'tcp4'} ${a}:${local}: ${started}`);
      return {
        stdout,
        stderr: `Unable to listen on port ${local}: Listeners failed to create with the following errors: [${listeners.join(' ')}]\nerror: unable to listen on any of the requested ports: [{${local} ${remote}}]\n`,
        exitCode: 1,
      };
    }
    stops.push(started);
    for (const address of listenAddresses(args)) stdout += `Forwarding from ${address}:${local} -> ${remote}\n`;
  }
  return {
    stdout,
    stderr: '',
    exitCode: 0,
    stream: {
      onEvent: (h) => {
        handler = h;
        return () => {
          handler = undefined;
          stops.forEach((stop) => stop());
        };
      },
    },
  };
}

/** objectFor is the builder's ResourceNames("pods", arg): NAME is a pod, TYPE/NAME anything. */
function objectFor(ctx: KubectlContext, namespace: string, arg: string): KubeObject {
  const slash = arg.indexOf('/');
  const spec = resolveResourceType(ctx.registry, slash < 0 ? 'pods' : arg.slice(0, slash));
  const name = slash < 0 ? arg : arg.slice(slash + 1);
  const obj = ctx.client.get(spec.kind, spec.namespaced ? namespace : '', name);
  if (!obj) throw notFound(spec, name);
  return obj;
}

/** splitPort splits `[LOCAL:]REMOTE`; without a colon both are REMOTE. */
function splitPort(arg: string): [string, string] {
  const parts = arg.split(':');
  return parts.length === 2 ? [parts[0]!, parts[1]!] : [parts[0]!, parts[0]!];
}

function parsePortNumber(text: string, which: 'local' | 'remote'): number {
  const n = Number(text);
  if (!/^\d+$/.test(text) || n > 65535) throw new KubectlError(`Error parsing ${which} port '${text}': strconv.ParseUint: parsing ${JSON.stringify(text)}: ${/^\d+$/.test(text) ? 'value out of range' : 'invalid syntax'}`);
  return n;
}

/** podPort is convertPodNamedPortToNumber: a number, or a container port's name. */
function podPort(pod: PodObject, remote: string): number {
  if (/^\d+$/.test(remote)) return parsePortNumber(remote, 'remote');
  const port = containers(pod).flatMap((c) => c.ports ?? []).find((p) => p.name === remote);
  if (!port) throw new KubectlError(`Pod '${pod.metadata.name}' does not have a named port '${remote}'`);
  return port.containerPort;
}

function servicePortByName(service: Service & KubeObject, name: string): number {
  const port = service.spec?.ports?.find((p) => p.name === name);
  if (!port) throw new KubectlError(`Service '${service.metadata.name}' does not have a named port '${name}'`);
  return port.port;
}

/** containerPortForServicePort is LookupContainerPortNumberByServicePort: the service port's targetPort in the pod. */
function containerPortForServicePort(service: Service & KubeObject, pod: PodObject, number: number): number {
  const port = service.spec?.ports?.find((p) => p.port === number);
  if (!port) throw new KubectlError(`Service ${service.metadata.name} does not have a service port ${number}`);
  const target = port.targetPort;
  if (target === undefined || target === 0 || target === '') return port.port;
  if (typeof target === 'number' || /^\d+$/.test(target)) return Number(target);
  return podPort(pod, target);
}

function containers(pod: Pod): Container[] {
  return pod.spec?.containers ?? [];
}

/** listenAddresses is --address: `localhost` is both 127.0.0.1 and ::1. */
function listenAddresses(args: ParsedArgs): string[] {
  return args.strings('address').flatMap((a) => (a === 'localhost' ? ['127.0.0.1', '[::1]'] : [a.includes(':') ? `[${a}]` : a]));
}

/** ephemeralPort stands in for the port the OS gives `:REMOTE`: in Linux's ephemeral range, the same every run. */
function ephemeralPort(pod: PodObject, remote: number): number {
  let h = 0x811c9dc5;
  for (const ch of `${pod.metadata.uid}:${remote}`) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193) >>> 0;
  return 32768 + (h % 28232);
}
