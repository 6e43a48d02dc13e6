// Mirrors k8s.io/kubectl/pkg/cmd/describe/describe.go (DescribeOptions.Run and DescribeMatchingResources: one object
// or many, events only for a single object unless --show-events, name prefix matching, "No resources found");
// leaves out -k, --recursive and chunked lists.
import { StatusError } from '../../api/statusError';
import type { ParsedArgs } from '../commandLine';
import { describerFor } from '../describe/index';
import { flags } from '../flags';
import { resolveResourceArgs } from '../resourceArgs';
import { errorText, KubectlError, namespaceOf, type KubectlContext, type KubectlResult, type Verb } from '../verb';
import { resolveInfos, type Info } from './builder';

export const describeVerb: Verb = {
  name: 'describe',
  short: 'Show details of a specific resource or group of resources',
  group: 'Troubleshooting and Debugging Commands',
  use: 'describe (-f FILENAME | TYPE [NAME_PREFIX | -l label] | TYPE/NAME)',
  long: [
    'Show details of a specific resource or group of resources.',
    '',
    ' Print a detailed description of the selected resources, including related resources such as events or controllers. You may select a single object by name, all objects of that type, provide a name prefix, or label selector. For example:',
    '',
    '        $ kubectl describe TYPE NAME_PREFIX',
    '',
    ' will first check for an exact match on TYPE and NAME_PREFIX. If no such resource exists, it will output details for every resource that has a name prefixed with NAME_PREFIX.',
    '',
    'Use "kubectl api-resources" for a complete list of supported resources.',
  ].join('\n'),
  example: [
    '  # Describe a node',
    '  kubectl describe nodes kubernetes-node-emt8.c.myproject.internal',
    '',
    '  # Describe a pod',
    '  kubectl describe pods/nginx',
    '',
    '  # Describe a pod identified by type and name in "pod.json"',
    '  kubectl describe -f pod.json',
    '',
    '  # Describe all pods',
    '  kubectl describe pods',
    '',
    '  # Describe pods by label name=myLabel',
    '  kubectl describe pods -l name=myLabel',
    '',
    "  # Describe all pods managed by the 'frontend' replication controller",
    '  # (rc-created pods get the name of the rc as a prefix in the pod name)',
    '  kubectl describe pods frontend',
  ].join('\n'),
  flags: [
    { ...flags.filename, usage: 'Filename, directory, or URL to files containing the resource to describe' },
    flags.selector,
    flags.allNamespaces,
    {
      name: 'show-events',
      type: 'bool',
      default: true,
      usage: 'If true, display events related to the described object. Defaults to true for a single object, false for multiple objects and prefix matching.',
    },
    { name: 'chunk-size', type: 'int', default: 500, usage: 'Return large lists in chunks rather than all at once. Pass 0 to disable.' },
  ],
  run: runDescribe,
};

function runDescribe(ctx: KubectlContext, args: ParsedArgs): KubectlResult {
  const filenames = args.strings('filename');
  if (args.positionals.length === 0 && filenames.length === 0) {
    throw new KubectlError('You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.\n');
  }
  const namespace = namespaceOf(ctx, args);
  const allNamespaces = args.bool('all-namespaces');
  if (allNamespaces && resolveResourceArgs(ctx.registry, args.positionals).targets.some((t) => t.name !== undefined)) {
    throw new KubectlError('a resource cannot be retrieved by name across all namespaces');
  }
  const { infos, errors } = resolveInfos(ctx, {
    args: args.positionals,
    namespace,
    filenames,
    labelSelector: args.string('selector'),
    selectAll: true,
    allNamespaces,
  });
  // Events make sense for one object; for several (or after an error) only when asked for.
  const showEvents = args.changed('show-events') || (errors.length === 0 && infos.length <= 1) ? args.bool('show-events') : false;
  if (errors.length === 1 && isNotFound(errors[0]) && args.positionals.length === 2) {
    return describeMatchingResources(ctx, errors[0], args.positionals[0], args.positionals[1], namespace, showEvents);
  }

  const stdout = infos.map((info, i) => (i === 0 ? '' : '\n\n') + describeInfo(ctx, info, showEvents)).join('');
  let stderr = errors.map((e) => `${errorText(e)}\n`).join('');
  if (infos.length === 0 && errors.length === 0) stderr = allNamespaces ? 'No resources found\n' : `No resources found in ${namespace} namespace.\n`;
  return { stdout, stderr, exitCode: errors.length > 0 ? 1 : 0 };
}

function describeInfo(ctx: KubectlContext, info: Info, showEvents: boolean): string {
  return describerFor(info.spec.kind)(info.object, { client: ctx.client, now: ctx.now(), showEvents });
}

function isNotFound(err: unknown): err is StatusError {
  return err instanceof StatusError && err.reason === 'NotFound';
}

/**
 * describeMatchingResources is `kubectl describe TYPE NAME_PREFIX` when no object is called NAME_PREFIX: every object
 * of the type in the namespace whose name starts with it, each followed by a blank line; the NotFound if none does.
 */
function describeMatchingResources(
  ctx: KubectlContext,
  originalError: StatusError,
  resource: string,
  prefix: string,
  namespace: string,
  showEvents: boolean,
): KubectlResult {
  if (resolveResourceArgs(ctx.registry, [resource]).targets.length > 1) throw new KubectlError('you may only specify a single resource type');
  const { infos } = resolveInfos(ctx, { args: [resource], namespace, selectAll: true });
  const matching = infos.filter((info) => info.name.startsWith(prefix));
  if (matching.length === 0) throw originalError;
  return { stdout: matching.map((info) => `${describeInfo(ctx, info, showEvents)}\n`).join(''), stderr: '', exitCode: 0 };
}
