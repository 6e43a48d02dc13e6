// Mirrors k8s.io/kubectl/pkg/cmd/scale/scale.go (RunScale) and pkg/scale/scale.go (ScalePrecondition, the scale
// subresource write): a new spec.replicas for deployments, replica sets, stateful sets and replication controllers.
// Leaves out --timeout (waiting for the replicas), --dry-run and --record.
import type { KubeObject } from '../../api/object';
import { StatusError } from '../../api/statusError';
import { flags } from '../flags';
import { failed, KubectlError, namespaceOf, type KubectlContext, type Verb } from '../verb';
import { resolveInfos, type Info } from './builder';
import { filenameFlag } from './manifests';
import { aggregateResult, kubectlWrite, outputFlag, printOperation, qualifiedName } from './operation';

/** SCALABLE are the kinds with a scale subresource. */
const SCALABLE = new Set(['Deployment', 'ReplicaSet', 'StatefulSet', 'ReplicationController']);

export const scaleVerb: Verb = {
  name: 'scale',
  short: 'Set a new size for a deployment, replica set, or replication controller',
  group: 'Deploy Commands',
  use: 'scale [--resource-version=version] [--current-replicas=count] --replicas=COUNT (-f FILENAME | TYPE NAME)',
  long: [
    'Set a new size for a deployment, replica set, replication controller, or stateful set.',
    '',
    ' Scale also allows users to specify one or more preconditions for the scale action.',
    '',
    ' If --current-replicas or --resource-version is specified, it is validated before the scale is attempted, and it is guaranteed that the precondition holds true when the scale is sent to the server.',
  ].join('\n'),
  example: [
    '  # Scale a replica set named \'foo\' to 3',
    '  kubectl scale --replicas=3 rs/foo',
    '',
    '  # If the deployment named mysql\'s current size is 2, scale mysql to 3',
    '  kubectl scale --current-replicas=2 --replicas=3 deployment/mysql',
  ].join('\n'),
  flags: [
    { name: 'all', type: 'bool', usage: 'Select all resources in the namespace of the specified resource types' },
    { name: 'resource-version', type: 'string', usage: 'Precondition for resource version. Requires that the current resource version match this value in order to scale.' },
    { name: 'current-replicas', type: 'int', default: -1, usage: 'Precondition for current size. Requires that the current size of the resource match this value in order to scale. -1 (default) for no condition.' },
    { name: 'replicas', type: 'int', usage: 'The new desired number of replicas. Required.' },
    filenameFlag('identifying the resource to set a new size'),
    flags.selector,
    outputFlag,
  ],
  run(ctx, args) {
    // cobra's MarkFlagRequired check runs before the command.
    if (!args.changed('replicas')) throw new KubectlError('required flag(s) "replicas" not set');
    const replicas = args.int('replicas');
    const current = args.int('current-replicas');
    if (replicas < 0) throw new KubectlError('The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0');
    if (current < -1) throw new KubectlError('The --current-replicas must specify an integer of -1 or greater');
    const found = resolveInfos(ctx, {
      args: args.positionals,
      namespace: namespaceOf(ctx, args),
      filenames: args.strings('filename'),
      labelSelector: args.string('selector'),
      selectAll: args.bool('all'),
    });
    const resourceVersion = args.string('resource-version');
    if (resourceVersion && found.infos.length > 1) throw new KubectlError('cannot use --resource-version with multiple resources');
    if (found.infos.length === 0) {
      if (found.errors.length > 0) return aggregateResult('', found.errors);
      throw new KubectlError('no objects passed to scale');
    }
    let stdout = '';
    try {
      for (const info of found.infos) stdout += scaleOne(ctx, info, replicas, current, resourceVersion, args.string('output'));
    } catch (err) {
      // Scale stops at the first object it cannot scale; what it printed before stays printed.
      return failed(err, stdout);
    }
    return aggregateResult(stdout, found.errors);
  },
};

function scaleOne(ctx: KubectlContext, info: Info, replicas: number, current: number, resourceVersion: string, output: string): string {
  const { spec, namespace, name, object } = info;
  if (!SCALABLE.has(spec.kind)) throw new StatusError('NotFound', 'the server could not find the requested resource');
  const was = specReplicas(object);
  if (current !== -1 && current !== was) throw new KubectlError(`Expected replicas to be ${current}, was ${was}`);
  if (resourceVersion && resourceVersion !== object.metadata.resourceVersion) {
    throw new KubectlError(`Expected resource version to be ${resourceVersion}, was ${object.metadata.resourceVersion ?? ''}`);
  }
  let scaled = object;
  if (was !== replicas) {
    const reason = `kubectl scale ${qualifiedName(spec, name)} --replicas=${replicas}: spec.replicas ${was} → ${replicas}`;
    scaled = ctx.client.patch(spec.kind, namespace, name, { spec: { replicas } }, kubectlWrite(reason));
  }
  return printOperation(output, spec, scaled, 'scaled');
}

function specReplicas(obj: KubeObject): number {
  return (obj.spec as { replicas?: number } | undefined)?.replicas ?? 1;
}
