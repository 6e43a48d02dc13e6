// Mirrors k8s.io/kubectl/pkg/cmd/logs/logs.go and polymorphichelpers/logsforobject.go (which pod and container, the
// `Defaulted container` and `Found N pods` notices), and the server side of GET pods/log: LogLocation in
// pkg/registry/core/pod/strategy.go and validateContainerLogStatus in pkg/kubelet/kubelet_pods.go (which instance, the
// BadRequest wording) with the kubelet's since/tail/limit-bytes/timestamps. Leaves out --insecure-skip-tls-verify-backend
// (accepted, no effect) and the wait of --pod-running-timeout.
import type { ContainerStatus } from 'kubernetes-types/core/v1';
import { statusErrors } from '../../api/statusError';
import type { VirtualMs } from '../../clock/virtualClock';
import { parseTime } from '../../clock/timeFormat';
import { kubeletTimestamp } from '../../kubelet/logs/wallClock';
import type { ParsedArgs } from '../commandLine';
import { notFound, resolveResourceType } from '../resourceArgs';
import { errorText, KubectlError, namespaceOf, usageError, type KubectlContext, type KubectlOutput, type KubectlResult, type Verb } from '../verb';
import { firstPod, selectorForObject, type PodObject } from './podsForObject';

/** LogEntry is one line of a container's log and the virtual time it was written. */
export interface LogEntry {
  time: VirtualMs;
  text: string;
}

/**
 * LogSource is the kubelets' container logs. `previous` picks the instance before the newest one; the newest is the
 * running container, or the one that last ended.
 */
export interface LogSource {
  lines(podUid: string, container: string, previous: boolean): LogEntry[];
  /** subscribe sends each line the newest instance writes from now on, until it ends; returns the unsubscribe. */
  subscribe(podUid: string, container: string, handler: (line: LogEntry) => void): () => void;
}

declare module '../verb' {
  interface KubectlExtensions {
    logs?: LogSource;
  }
}

const USE = 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]';
const USAGE_ERROR = `expected '${USE}'.\nPOD or TYPE/NAME is a required argument for the logs command`;
/** kubectl asks for the last 10 lines of each pod a selector picks unless --tail says otherwise. */
const SELECTOR_TAIL = 10;

export const logsVerb: Verb = {
  name: 'logs',
  short: 'Print the logs for a container in a pod',
  long: 'Print the logs for a container in a pod or specified resource. If the pod has only one container, the container name is optional.',
  group: 'Troubleshooting and Debugging Commands',
  use: USE,
  example: [
    '  # Return snapshot logs from pod nginx with only one container',
    '  kubectl logs nginx',
    '',
    '  # Return snapshot of previous terminated ruby container logs from pod web-1',
    '  kubectl logs -p -c ruby web-1',
    '',
    '  # Begin streaming the logs of the ruby container in pod web-1',
    '  kubectl logs -f -c ruby web-1',
    '',
    '  # Display only the most recent 20 lines of output in pod nginx',
    '  kubectl logs --tail=20 nginx',
    '',
    '  # Return snapshot logs from container nginx-1 of a deployment named nginx',
    '  kubectl logs deployment/nginx -c nginx-1',
  ].join('\n'),
  flags: [
    { name: 'all-containers', type: 'bool', usage: "Get all containers' logs in the pod(s)." },
    { name: 'follow', shorthand: 'f', type: 'bool', usage: 'Specify if the logs should be streamed.' },
    { name: 'timestamps', type: 'bool', usage: 'Include timestamps on each line in the log output' },
    { name: 'limit-bytes', type: 'int', usage: 'Maximum bytes of logs to return. Defaults to no limit.' },
    { name: 'previous', shorthand: 'p', type: 'bool', usage: 'If true, print the logs for the previous instance of the container in a pod if it exists.' },
    { name: 'tail', type: 'int', default: -1, usage: 'Lines of recent log file to display. Defaults to -1 with no selector, showing all log lines otherwise 10, if a selector is provided.' },
    { name: 'ignore-errors', type: 'bool', usage: 'If watching / following pod logs, allow for any errors that occur to be non-fatal' },
    { name: 'since-time', type: 'string', usage: 'Only return logs after a specific date (RFC3339). Defaults to all logs. Only one of since-time / since may be used.' },
    { name: 'since', type: 'string', default: '0s', usage: 'Only return logs newer than a relative duration like 5s, 2m, or 3h. Defaults to all logs. Only one of since-time / since may be used.' },
    { name: 'container', shorthand: 'c', type: 'string', usage: 'Print the logs of this container' },
    { name: 'insecure-skip-tls-verify-backend', type: 'bool', usage: 'Skip verifying the identity of the kubelet that logs are requested from.  In theory, an attacker could provide invalid log content back. You might want to use this if your kubelet serving certificates have expired.' },
    { name: 'pod-running-timeout', type: 'string', default: '20s', usage: 'The length of time (like 5s, 2m, or 3h, higher than zero) to wait until at least one pod is running' },
    { name: 'selector', shorthand: 'l', type: 'string', usage: 'Selector (label query) to filter on.' },
    { name: 'max-log-requests', type: 'int', default: 5, usage: 'Specify maximum number of concurrent logs to follow when using by a selector. Defaults to 5.' },
    { name: 'prefix', type: 'bool', usage: 'Prefix each log line with the log source (pod name and container name)' },
  ],
  run: runLogs,
};

/** LogRequest is one GET pods/log kubectl makes. */
interface LogRequest {
  pod: PodObject;
  container: string;
}

/** LogOptions are PodLogOptions, as the kubelet applies them. */
interface LogOptions {
  previous: boolean;
  timestamps: boolean;
  tail: number;
  sinceMs?: VirtualMs;
  limitBytes: number;
  prefix: boolean;
}

function runLogs(ctx: KubectlContext, args: ParsedArgs): KubectlResult {
  const positionals = args.positionals;
  const selector = args.string('selector');
  if (positionals.length === 0 && !selector) throw usageError('kubectl logs', USAGE_ERROR);
  if (positionals.length === 1 && selector) throw usageError('kubectl logs', 'only a selector (-l) or a POD name is allowed');
  if (positionals.length > 2) throw usageError('kubectl logs', USAGE_ERROR);
  const container = positionals[1] ?? args.string('container');
  const options = logOptions(ctx, args);
  if (args.bool('all-containers') && container) throw new KubectlError(`--all-containers=true should not be specified with container name ${container}`);
  if (args.changed('container') && positionals.length === 2) throw new KubectlError('only one of -c or an inline [CONTAINER] arg is allowed');
  if (options.limitBytes < 0) throw new KubectlError('--limit-bytes must be greater than 0');
  if (options.tail < -1) throw new KubectlError('--tail must be greater than or equal to -1');

  const namespace = namespaceOf(ctx, args);
  let notices = '';
  const pods: PodObject[] = [];
  if (selector) {
    pods.push(...ctx.client.list<PodObject>('Pod', { namespace, labelSelector: selector }));
    if (pods.length === 0) return { stdout: '', stderr: `No resources found in ${namespace} namespace.\n`, exitCode: 0 };
  } else {
    const { pod, notice } = podFor(ctx, namespace, positionals[0]!);
    pods.push(pod);
    notices += notice;
  }
  const requests: LogRequest[] = [];
  for (const pod of pods) {
    const names = args.bool('all-containers') ? allContainerNames(pod) : [defaultContainer(pod, container, (n) => (notices += n))];
    for (const name of names) requests.push({ pod, container: name });
  }
  const follow = args.bool('follow');
  if (follow && requests.length > 1 && requests.length > args.int('max-log-requests')) {
    throw new KubectlError(
      `you are attempting to follow ${requests.length} log streams, but maximum allowed concurrency is ${args.int('max-log-requests')}, use --max-log-requests to increase the limit`,
    );
  }
  const source = ctx.extensions?.logs;
  if (!source) throw new KubectlError('container logs are not available: this cluster runs no log service');

  let stdout = '';
  const followed: LogRequest[] = [];
  for (const request of requests) {
    try {
      const { lines, running } = readLog(source, request, options);
      stdout += lines;
      if (running) followed.push(request);
    } catch (err) {
      return { stdout, stderr: `${notices}${errorText(err)}\n`, exitCode: 1 };
    }
  }
  const result: KubectlResult = { stdout, stderr: notices, exitCode: 0 };
  if (follow && followed.length > 0) result.stream = { onEvent: (handler) => followLogs(source, followed, options, handler) };
  return result;
}

function logOptions(ctx: KubectlContext, args: ParsedArgs): LogOptions {
  const since = parseGoDuration(args.string('since'));
  if (since === undefined) throw new KubectlError(`invalid argument ${JSON.stringify(args.string('since'))} for "--since" flag: time: invalid duration ${JSON.stringify(args.string('since'))}`);
  const sinceTime = args.string('since-time');
  if (sinceTime && since !== 0) throw new KubectlError('at most one of `sinceTime` or `sinceSeconds` may be specified');
  if (since < 0) throw new KubectlError('--since must be greater than 0');
  let sinceMs: VirtualMs | undefined;
  if (sinceTime) {
    sinceMs = parseTime(sinceTime);
    if (sinceMs === undefined) throw new KubectlError(`parsing time ${JSON.stringify(sinceTime)} as "2006-01-02T15:04:05Z07:00": cannot parse ${JSON.stringify(sinceTime)} as "2006"`);
  } else if (since > 0) {
    // PodLogOptions.SinceSeconds: the duration rounded to whole seconds.
    sinceMs = ctx.now() - Math.round(since / 1000) * 1000;
  }
  const tail = args.changed('tail') || !args.string('selector') ? args.int('tail') : SELECTOR_TAIL;
  return { previous: args.bool('previous'), timestamps: args.bool('timestamps'), tail, sinceMs, limitBytes: args.int('limit-bytes'), prefix: args.bool('prefix') };
}

/** podFor resolves POD, pod/NAME or TYPE/NAME (a workload's first pod by podutils.ByLogging). */
function podFor(ctx: KubectlContext, namespace: string, arg: string): { pod: PodObject; notice: string } {
  const slash = arg.indexOf('/');
  const spec = resolveResourceType(ctx.registry, slash < 0 ? 'pods' : arg.slice(0, slash));
  const name = slash < 0 ? arg : arg.slice(slash + 1);
  const obj = ctx.client.get(spec.kind, spec.namespaced ? namespace : '', name);
  if (!obj) throw notFound(spec, name);
  if (obj.kind === 'Pod') return { pod: obj as PodObject, notice: '' };
  const selector = selectorForObject(obj, (goType) => `cannot get the logs from ${goType}`);
  const { pod, count } = firstPod(ctx, namespace, selector, 'logging');
  return { pod, notice: count > 1 ? `Found ${count} pods, using pod/${pod.metadata.name}\n` : '' };
}

/** defaultContainer is the container logs reads: the named one, the default-container annotation's, or the first. */
function defaultContainer(pod: PodObject, name: string, notice: (text: string) => void): string {
  const spec = pod.spec!;
  let chosen = name;
  const annotated = pod.metadata.annotations?.['kubectl.kubernetes.io/default-container'];
  if (!chosen && annotated) {
    if (findContainer(pod, annotated)) chosen = annotated;
    else notice(`Default container name ${JSON.stringify(annotated)} not found in pod ${pod.metadata.name}\n`);
  }
  if (!chosen) {
    chosen = spec.containers[0]!.name;
    if (spec.containers.length > 1 || (spec.initContainers?.length ?? 0) > 0 || (spec.ephemeralContainers?.length ?? 0) > 0) {
      notice(`Defaulted container ${JSON.stringify(chosen)} out of: ${podContainerNames(pod)}\n`);
    }
  }
  if (!findContainer(pod, chosen)) throw new KubectlError(`container ${chosen} is not valid for pod ${pod.metadata.name} out of: ${podContainerNames(pod)}`);
  return chosen;
}

function findContainer(pod: PodObject, name: string): boolean {
  const spec = pod.spec!;
  return [...spec.containers, ...(spec.initContainers ?? []), ...(spec.ephemeralContainers ?? [])].some((c) => c.name === name);
}

/** podContainerNames is podcmd.AllContainerNames: containers, then `x (ephem)`, then `x (init)`. */
function podContainerNames(pod: PodObject): string {
  const spec = pod.spec!;
  return [
    ...spec.containers.map((c) => c.name),
    ...(spec.ephemeralContainers ?? []).map((c) => `${c.name} (ephem)`),
    ...(spec.initContainers ?? []).map((c) => `${c.name} (init)`),
  ].join(', ');
}

/** allContainerNames is --all-containers' order: init containers, containers, ephemeral containers. */
function allContainerNames(pod: PodObject): string[] {
  const spec = pod.spec!;
  return [...(spec.initContainers ?? []), ...spec.containers, ...(spec.ephemeralContainers ?? [])].map((c) => c.name);
}

/**
 * readLog is one log request as the kubelet answers it: which instance the status allows, then since, tail and
 * limit-bytes. A pod not yet scheduled has no kubelet to ask: its log is empty.
 */
function readLog(source: LogSource, request: LogRequest, options: LogOptions): { lines: string; running: boolean } {
  const { pod, container } = request;
  if (!pod.spec?.nodeName) return { lines: '', running: false };
  const status = [...(pod.status?.containerStatuses ?? []), ...(pod.status?.initContainerStatuses ?? []), ...(pod.status?.ephemeralContainerStatuses ?? [])].find(
    (s) => s.name === container,
  );
  const older = logInstance(status, pod.metadata.name ?? '', container, options.previous);
  let entries = source.lines(pod.metadata.uid ?? '', container, older);
  if (options.sinceMs !== undefined) entries = entries.filter((e) => e.time >= options.sinceMs!);
  if (options.tail >= 0) entries = options.tail === 0 ? [] : entries.slice(-options.tail);
  let text = entries.map((e) => render(e, options, request)).join('');
  if (options.limitBytes > 0) text = text.slice(0, options.limitBytes);
  return { lines: text, running: !options.previous && status?.state?.running !== undefined };
}

/**
 * logInstance is validateContainerLogStatus: whether the log wanted is the instance before the newest one, or the
 * kubelet's BadRequest. While a container waits to restart, its last terminated instance is the newest one.
 */
function logInstance(status: ContainerStatus | undefined, pod: string, container: string, previous: boolean): boolean {
  const bad = (why: string) => statusErrors.badRequest(`container ${JSON.stringify(container)} in pod ${JSON.stringify(pod)} ${why}`);
  if (!status) throw bad('is not available');
  const last = status.lastState?.terminated;
  const { waiting, running, terminated } = status.state ?? {};
  if (previous) {
    if (!last?.containerID) throw statusErrors.badRequest(`previous terminated container ${JSON.stringify(container)} in pod ${JSON.stringify(pod)} not found`);
    return running !== undefined || (terminated?.containerID ?? '') !== '';
  }
  if (running) return false;
  if (terminated) {
    if (terminated.containerID || last?.containerID) return false;
    throw bad('is terminated');
  }
  if (last) {
    if (!last.containerID) throw bad('is terminated');
    return false;
  }
  if (waiting) {
    if (waiting.reason === 'ErrImagePull') throw bad("is waiting to start: image can't be pulled");
    if (waiting.reason === 'ImagePullBackOff') throw bad('is waiting to start: trying and failing to pull image');
    throw bad(`is waiting to start: ${waiting.reason ?? ''}`);
  }
  throw bad('is waiting to start - no logs yet');
}

function render(entry: LogEntry, options: LogOptions, request: LogRequest): string {
  const prefix = options.prefix ? `[pod/${request.pod.metadata.name}/${request.container}] ` : '';
  return `${prefix}${options.timestamps ? `${kubeletTimestamp(entry.time)} ` : ''}${entry.text}\n`;
}

/** followLogs is `-f`: every further line of each running container, until unsubscribed or the container ends. */
function followLogs(source: LogSource, requests: readonly LogRequest[], options: LogOptions, handler: (output: KubectlOutput) => void): () => void {
  const stops = requests.map((request) =>
    source.subscribe(request.pod.metadata.uid ?? '', request.container, (line) => handler({ stdout: render(line, options, request), stderr: '' })),
  );
  return () => stops.forEach((stop) => stop());
}

const DURATION_UNITS: Readonly<Record<string, number>> = { ns: 1e-6, us: 1e-3, 'µs': 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** parseGoDuration is time.ParseDuration in milliseconds (`5s`, `2m`, `1h30m`, `300ms`), undefined when invalid. */
export function parseGoDuration(text: string): number | undefined {
  if (text === '0') return 0;
  const match = /^([+-]?)((?:\d+(?:\.\d*)?|\.\d+)(?:ns|us|µs|ms|s|m|h))+$/.exec(text);
  if (!match) return undefined;
  let total = 0;
  for (const part of text.slice(match[1]!.length).matchAll(/(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|ms|s|m|h)/g)) total += Number(part[1]) * DURATION_UNITS[part[2]!]!;
  return match[1] === '-' ? -total : total;
}
