// Mirrors k8s.io/kubectl/pkg/cmd/create/create_deployment.go (createDeployment, buildPodSpec, sanitizeAndUniquify):
// the Deployment `kubectl create deployment NAME --image=...` generates. Leaves out --save-config;
// the suffix sanitizeAndUniquify adds to container names with `.` or `_` is derived from the name, not random.
import type { Container } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../api/object';
import { StatusError } from '../../api/statusError';
import { resolveResourceType } from '../resourceArgs';
import { KubectlError, namespaceOf, usageError, type Verb } from '../verb';
import { outputFlag } from './operation';
import { createOrPrint, dryRunFlag } from './dryRun';

export const createDeploymentVerb: Verb = {
  name: 'deployment',
  aliases: ['deploy'],
  short: 'Create a deployment with the specified name',
  long: 'Create a deployment with the specified name.',
  use: 'deployment NAME --image=image -- [COMMAND] [args...]',
  example: [
    '  # Create a deployment named my-dep that runs the busybox image',
    '  kubectl create deployment my-dep --image=busybox',
    '',
    '  # Create a deployment with a command',
    '  kubectl create deployment my-dep --image=busybox -- date',
    '',
    '  # Create a deployment named my-dep that runs the nginx image with 3 replicas',
    '  kubectl create deployment my-dep --image=nginx --replicas=3',
    '',
    '  # Create a deployment named my-dep that runs the busybox image and expose port 5701',
    '  kubectl create deployment my-dep --image=busybox --port=5701',
  ].join('\n'),
  flags: [
    { name: 'image', type: 'stringSlice', usage: 'Image names to run. A deployment can have multiple images set for multi-container pod.' },
    { name: 'port', type: 'int', default: -1, usage: 'The containerPort that this deployment exposes.' },
    { name: 'replicas', shorthand: 'r', type: 'int', default: 1, usage: 'Number of replicas to create. Default is 1.' },
    outputFlag,
    dryRunFlag,
  ],
  run(ctx, args) {
    if (!args.changed('image')) throw new KubectlError('required flag(s) "image" not set');
    const argsLen = args.argsLenAtDash === -1 ? args.positionals.length : args.argsLenAtDash;
    if (argsLen !== 1) throw usageError('kubectl create deployment', `exactly one NAME is required, got ${argsLen}`);
    const name = args.positionals[0];
    const command = args.positionals.slice(1);
    const images = args.strings('image');
    if (images.length > 1 && command.length > 0) throw new KubectlError('cannot specify multiple --image options and command');
    const replicas = args.int('replicas');
    const port = args.int('port');
    const deployment = generateDeployment(name, namespaceOf(ctx, args), images, command, replicas, port);

    const reason = `kubectl create deployment ${name}: a new Deployment of ${replicas} replica(s) running ${images.join(', ')}, selecting pods labelled app=${name}`;
    try {
      return { stdout: createOrPrint(ctx.client, args, resolveResourceType(ctx.registry, 'deployments.apps'), deployment, reason), stderr: '', exitCode: 0 };
    } catch (err) {
      if (err instanceof StatusError) throw new KubectlError(`failed to create deployment: ${err.message}`);
      throw err;
    }
  },
};

/** generateDeployment is createDeployment: labels and selector app=NAME, one container per image. */
function generateDeployment(name: string, namespace: string, images: readonly string[], command: readonly string[], replicas: number, port: number): KubeObject {
  const labels = { app: name };
  const containers: Container[] = images.map((image) => ({
    name: containerName(image),
    image,
    ...(command.length > 0 ? { command: [...command] } : {}),
  }));
  if (port >= 0 && containers.length > 0) containers[0].ports = [{ containerPort: port }];
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace, labels: { ...labels } },
    spec: {
      replicas,
      selector: { matchLabels: { ...labels } },
      template: { metadata: { labels: { ...labels } }, spec: { containers } },
    },
  };
}

/** containerName keeps the image's last path segment without tag or digest: `registry/nginx:1.27` → `nginx`. */
function containerName(image: string): string {
  let name = image.split('/').pop() ?? image;
  name = name.split(':')[0].split('@')[0];
  if (!/[_.]/.test(name)) return name;
  const sanitized = name.replaceAll('_', '-').replaceAll('.', '-');
  return `${sanitized}-${suffixFor(name)}`;
}

/** suffixFor stands in for utilrand.String(5): five characters of the same alphabet, from an FNV-1a hash. */
function suffixFor(text: string): string {
  const alphabet = 'bcdfghjklmnpqrstvwxz2456789';
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  let out = '';
  for (let i = 0; i < 5; i++) {
    out += alphabet[hash % alphabet.length];
    hash = Math.floor(hash / alphabet.length) + i * 7919;
  }
  return out;
}
