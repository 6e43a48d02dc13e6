// Mirrors k8s.io/kubectl/pkg/cmd/run/run.go (Complete, Validate, Run, createPod, createService, parseLabels,
// parseEnvs, getRestartPolicy, getImagePullPolicy) and distribution/reference's ReferenceRegexp: one pod running one
// image, labelled run=NAME. Leaves out attaching (-i, -t, --attach, --rm), --overrides and --dry-run=server.
import type { Container, EnvVar, Pod, Service } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../api/object';
import { isEnvVarName } from '../../api/validation/names';
import { resolveResourceType } from '../resourceArgs';
import { KubectlError, namespaceOf, type Verb } from '../verb';
import { aggregateResult, outputFlag } from './operation';
import { createOrPrint, dryRunFlag } from './dryRun';
import { parsePairs } from './pairs';

const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const DOMAIN = `(?:${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*|\\[[a-fA-F0-9:]+\\])(?::[0-9]+)?`;
const PATH_COMPONENT = '[a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*';
/** REFERENCE is reference.ReferenceRegexp: [domain/]path[:tag][@digest]. */
const REFERENCE = new RegExp(
  `^(?:${DOMAIN}/)?${PATH_COMPONENT}(?:/${PATH_COMPONENT})*(?::[\\w][\\w.-]{0,127})?(?:@[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,})?$`,
);

export const runVerb: Verb = {
  name: 'run',
  short: 'Run a particular image on the cluster',
  long: 'Create and run a particular image in a pod.',
  group: 'Basic Commands (Beginner)',
  use: 'run NAME --image=image [--env="key=value"] [--port=port] [--dry-run=server|client] [--overrides=inline-json] [--command] -- [COMMAND] [args...]',
  example: [
    '  # Start a nginx pod',
    '  kubectl run nginx --image=nginx',
    '',
    '  # Start a hazelcast pod and let the container expose port 5701',
    '  kubectl run hazelcast --image=hazelcast/hazelcast --port=5701',
    '',
    '  # Start a hazelcast pod and set environment variables "DNS_DOMAIN=cluster" and "POD_NAMESPACE=default" in the container',
    '  kubectl run hazelcast --image=hazelcast/hazelcast --env="DNS_DOMAIN=cluster" --env="POD_NAMESPACE=default"',
    '',
    '  # Start a hazelcast pod and set labels "app=hazelcast" and "env=prod" in the container',
    '  kubectl run hazelcast --image=hazelcast/hazelcast --labels="app=hazelcast,env=prod"',
    '',
    '  # Start the nginx pod using the default command, but use custom arguments (arg1 .. argN) for that command',
    '  kubectl run nginx --image=nginx -- <arg1> <arg2> ... <argN>',
    '',
    '  # Start the nginx pod using a different command and custom arguments',
    '  kubectl run nginx --image=nginx --command -- <cmd> <arg1> ... <argN>',
  ].join('\n'),
  flags: [
    { name: 'annotations', type: 'stringArray', usage: 'Annotations to apply to the pod.' },
    { name: 'image', type: 'string', usage: 'The image for the container to run.' },
    {
      name: 'image-pull-policy',
      type: 'string',
      usage: 'The image pull policy for the container.  If left empty, this value will not be specified by the client and defaulted by the server.',
    },
    { name: 'env', type: 'stringArray', usage: 'Environment variables to set in the container.' },
    { name: 'port', type: 'string', usage: 'The port that this container exposes.' },
    { name: 'labels', shorthand: 'l', type: 'string', usage: 'Comma separated labels to apply to the pod. Will override previous values.' },
    { name: 'restart', type: 'string', default: 'Always', usage: 'The restart policy for this Pod.  Legal values [Always, OnFailure, Never] (case-sensitive).' },
    {
      name: 'command',
      type: 'bool',
      usage: "If true and extra arguments are present, use them as the 'command' field in the container, rather than the 'args' field which is the default.",
    },
    { name: 'expose', type: 'bool', usage: 'If true, create a ClusterIP service associated with the pod.  Requires `--port`.' },
    { name: 'privileged', type: 'bool', usage: 'If true, run the container in privileged mode.' },
    outputFlag,
    dryRunFlag,
  ],
  run(ctx, args) {
    if (!args.changed('image')) throw new KubectlError('required flag(s) "image" not set');
    const annotations = Object.fromEntries(parsePairs(args.strings('annotations'), 'annotations', false).set);
    const userLabels = parseLabels(args.string('labels'));
    const env = parseEnvs(args.strings('env'));
    const restartPolicy = restartPolicyOf(args.string('restart'));
    const pullPolicy = args.string('image-pull-policy');
    if (!['', 'Always', 'IfNotPresent', 'Never'].includes(pullPolicy)) throw new KubectlError(`invalid image pull policy: ${pullPolicy}`);

    if (args.positionals.length === 0 || args.argsLenAtDash === 0) throw new KubectlError('NAME is required for run');
    const image = args.string('image');
    if (image === '') throw new KubectlError('--image is required');
    if (!REFERENCE.test(image)) throw new KubectlError(`invalid image name ${JSON.stringify(image)}: invalid reference format`);
    const port = args.string('port');
    if (args.bool('expose') && port === '') throw new KubectlError('--port must be set when exposing a service');
    if (port !== '' && !/^[+-]?\d+$/.test(port)) throw new KubectlError('--port must be a number');

    const [name, ...rest] = args.positionals;
    const labels = userLabels ?? { run: name };
    const namespace = namespaceOf(ctx, args);
    const container: Container = { name, image };
    if (env.length > 0) container.env = env;
    if (pullPolicy) container.imagePullPolicy = pullPolicy;
    if (args.bool('privileged')) container.securityContext = { privileged: true };
    if (rest.length > 0) container[args.bool('command') ? 'command' : 'args'] = rest;
    if (port !== '') container.ports = [{ containerPort: Number(port) }];
    const pod: Pod & KubeObject = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name, namespace, labels, ...(Object.keys(annotations).length > 0 ? { annotations } : {}) },
      spec: { containers: [container], dnsPolicy: 'ClusterFirst', restartPolicy },
    };
    const labelText = Object.entries(labels).map(([k, v]) => `${k}=${v}`).join(',');
    let stdout = createOrPrint(ctx.client, args, resolveResourceType(ctx.registry, 'pods'), pod, `kubectl run ${name} --image=${image}: a single pod (restartPolicy ${restartPolicy}) running ${image}, labelled ${labelText}`);
    const errors: unknown[] = [];
    if (args.bool('expose')) {
      const service: Service & KubeObject = {
        apiVersion: 'v1',
        kind: 'Service',
        metadata: { name, namespace, ...(userLabels ? { labels: userLabels } : {}) },
        spec: { selector: labels, ports: [{ port: Number(port), protocol: 'TCP', targetPort: Number(port) }] },
      };
      try {
        stdout += createOrPrint(ctx.client, args, resolveResourceType(ctx.registry, 'services'), service, `kubectl run ${name} --expose --port=${port}: a ClusterIP Service on port ${port} for the pod`);
      } catch (err) {
        errors.push(err);
      }
    }
    return aggregateResult(stdout, errors);
  },
};

/** parseLabels is run.go parseLabels: `k=v,k2=v2`; undefined when none are given (the pod then gets run=NAME). */
function parseLabels(text: string): Record<string, string> | undefined {
  if (text === '') return undefined;
  const labels: Record<string, string> = {};
  for (const part of text.split(',')) {
    const kv = part.split('=');
    if (kv.length !== 2) throw new KubectlError(`unexpected label spec: ${part}`);
    if (kv[0] === '') throw new KubectlError('unexpected empty label key');
    labels[kv[0]] = kv[1];
  }
  return labels;
}

/** parseEnvs reads --env NAME=VALUE (split at the first `=`), NAME a valid environment variable name. */
function parseEnvs(envs: readonly string[]): EnvVar[] {
  return envs.map((env) => {
    const eq = env.indexOf('=');
    const name = eq < 0 ? '' : env.slice(0, eq);
    if (eq < 0 || name === '' || isEnvVarName(name).length > 0) throw new KubectlError(`invalid env: ${env}`);
    // An empty value is omitted from the JSON kubectl sends (omitempty).
    const value = env.slice(eq + 1);
    return value === '' ? { name } : { name, value };
  });
}

function restartPolicyOf(restart: string): string {
  if (restart === '') return 'Always';
  if (['Always', 'OnFailure', 'Never'].includes(restart)) return restart;
  throw new KubectlError(`invalid restart policy: ${restart}, valid values are: Always, OnFailure, Never`);
}
