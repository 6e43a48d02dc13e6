// Mirrors k8s.io/kubectl/pkg/cmd/set/set_image.go (Complete, Validate, Run) and pkg/polymorphichelpers/updatepodspec.go:
// new images for the containers of a pod or of a pod template. Leaves out --local, --dry-run and --record.
import type { Container, PodSpec } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../api/object';
import { StatusError } from '../../api/statusError';
import { KubectlError, namespaceOf, type KubectlContext, type Verb } from '../verb';
import { resolveInfos, type Info } from './builder';
import { filenameFlag } from './manifests';
import { aggregateMessage, aggregateResult, kubectlWrite, outputFlag, printOperation, qualifiedName } from './operation';
import { getResourcesAndPairs, parsePairs } from './pairs';

export const setImageVerb: Verb = {
  name: 'image',
  short: 'Update image of a pod template',
  use: 'image (-f FILENAME | TYPE NAME) CONTAINER_NAME_1=CONTAINER_IMAGE_1 ... CONTAINER_NAME_N=CONTAINER_IMAGE_N',
  long: [
    'Update existing container image(s) of resources.',
    '',
    ' Possible resources include (case insensitive):',
    '',
    '        pod (po), replicationcontroller (rc), deployment (deploy), daemonset (ds), statefulset (sts), cronjob (cj), replicaset (rs)',
  ].join('\n'),
  example: [
    "  # Set a deployment's nginx container image to 'nginx:1.9.1', and its busybox container image to 'busybox'",
    '  kubectl set image deployment/nginx busybox=busybox nginx=nginx:1.9.1',
    '',
    "  # Update all deployments' and rc's nginx container's image to 'nginx:1.9.1'",
    '  kubectl set image deployments,rc nginx=nginx:1.9.1 --all',
    '',
    '  # Update image of all containers of daemonset abc to \'nginx:1.9.1\'',
    "  kubectl set image daemonset abc *=nginx:1.9.1",
  ].join('\n'),
  flags: [
    filenameFlag('identifying the resource to get from a server.'),
    { name: 'all', type: 'bool', usage: 'Select all resources, in the namespace of the specified resource types' },
    {
      name: 'selector',
      shorthand: 'l',
      type: 'string',
      usage: "Selector (label query) to filter on, supports '=', '==', '!=', 'in', 'notin'.(e.g. -l key1=value1,key2=value2,key3 in (value3)). Matching objects must satisfy all of the specified label constraints.",
    },
    outputFlag,
  ],
  run(ctx, args) {
    const { resources, pairs } = getResourcesAndPairs(args.positionals, 'image');
    const images = parsePairs(pairs, 'image', false).set;
    const found = resolveInfos(ctx, {
      args: resources,
      namespace: namespaceOf(ctx, args),
      filenames: args.strings('filename'),
      labelSelector: args.string('selector'),
      selectAll: args.bool('all'),
    });
    // Complete resolves the objects (a missing one stops the command) before Validate checks the arguments.
    if (found.errors.length > 0) throw found.errors[0];
    const problems: string[] = [];
    if (args.bool('all') && args.string('selector')) problems.push('cannot set --all and --selector at the same time');
    if (images.size < 1) problems.push('at least one image update is required');
    else if (images.size > 1 && images.has('*')) {
      problems.push('all containers are already specified by *, but saw more than one container_name=container_image pairs');
    }
    if (problems.length > 0) throw new KubectlError(aggregateMessage(problems));

    const errors: unknown[] = [];
    let stdout = '';
    for (const info of found.infos) {
      const updated = setImages(ctx, info, images, errors, pairs.join(' '));
      if (updated) stdout += printOperation(args.string('output'), info.spec, updated, 'image updated');
    }
    return aggregateResult(stdout, errors);
  },
};

/**
 * setImages changes the images of one object's pod spec and writes it; undefined when nothing changed (kubectl then
 * prints nothing for it). A container name it cannot find is an error, the other containers still change.
 */
function setImages(ctx: KubectlContext, info: Info, images: ReadonlyMap<string, string>, errors: unknown[], pairsText: string): KubeObject | undefined {
  const next = structuredClone(info.object);
  const spec = podSpecOf(next);
  if (!spec) {
    errors.push(new KubectlError(`error: ${info.spec.plural}/${info.name} the object is not a pod or does not have a pod template: *unstructured.Unstructured`));
    return undefined;
  }
  const changes: string[] = [];
  for (const [name, image] of images) {
    const found = [spec.initContainers ?? [], spec.containers ?? []].map((list) => setImage(list, name, image, changes)).some(Boolean);
    if (!found) errors.push(new KubectlError(`error: unable to find container named ${JSON.stringify(name)}`));
  }
  if (changes.length === 0) return undefined;
  const rollout = info.spec.kind === 'Pod' ? 'the kubelet restarts the changed containers' : 'a new pod template starts a rollout';
  const reason = `kubectl set image ${qualifiedName(info.spec, info.name)} ${pairsText}: ${changes.join(', ')}; ${rollout}`;
  try {
    return ctx.client.update(next, kubectlWrite(reason));
  } catch (err) {
    if (!(err instanceof StatusError)) throw err;
    errors.push(new KubectlError(`failed to patch image update to pod template: ${err.message}`));
    return undefined;
  }
}

function setImage(containers: Container[], name: string, image: string, changes: string[]): boolean {
  let found = false;
  for (const c of containers) {
    if (c.name !== name && name !== '*') continue;
    found = true;
    if (c.image !== image) changes.push(`container ${c.name} ${c.image ?? ''} → ${image}`);
    c.image = image;
  }
  return found;
}

/** podSpecOf is UpdatePodSpecForObject: the pod spec of a pod, or of the pod template of a workload. */
function podSpecOf(obj: KubeObject): PodSpec | undefined {
  const spec = obj.spec as { template?: { spec?: PodSpec }; jobTemplate?: { spec?: { template?: { spec?: PodSpec } } } } | undefined;
  switch (obj.kind) {
    case 'Pod':
      return obj.spec as PodSpec;
    case 'CronJob':
      return spec?.jobTemplate?.spec?.template?.spec;
    case 'Deployment':
    case 'ReplicaSet':
    case 'StatefulSet':
    case 'DaemonSet':
    case 'ReplicationController':
    case 'Job':
      return spec?.template?.spec;
    default:
      return undefined;
  }
}
