// Mirrors k8s.io/kubectl/pkg/cmd/delete/delete.go (Complete, Validate, DeleteResult, PrintObj, with the namespace in
// the output as of v1.34) and delete_flags.go (parseCascadingFlag): graceful, forced and cascading deletion. Leaves
// out --raw, --interactive, --dry-run and -k; the command returns at once rather than waiting (--wait) for objects
// with a grace period or finalizers to be gone.
import type { Pod } from 'kubernetes-types/core/v1';
import { StatusError } from '../../api/statusError';
import type { PropagationPolicy } from '../../store/types';
import { flags } from '../flags';
import { KubectlError, namespaceOf, type KubectlContext, type Verb } from '../verb';
import { resolveInfos, type Info } from './builder';
import { filenameFlag } from './manifests';
import { aggregateResult, kubectlWrite } from './operation';

export const deleteVerb: Verb = {
  name: 'delete',
  short: 'Delete resources by file names, stdin, resources and names, or by resources and label selector',
  group: 'Basic Commands (Intermediate)',
  use: 'delete ([-f FILENAME] | [-k DIRECTORY] | TYPE [(NAME | -l label | --all)])',
  long: [
    'Delete resources by file names, stdin, resources and names, or by resources and label selector.',
    '',
    ' JSON and YAML formats are accepted. Only one type of argument may be specified: file names, resources and names, or resources and label selector.',
    '',
    ' Some resources, such as pods, support graceful deletion. These resources define a default period before they are forcibly terminated (the grace period) but you may override that value with the --grace-period flag, or pass --now to set a grace-period of 1. Because these resources often represent entities in the cluster, deletion may not be acknowledged immediately. If the node hosting a pod is down or cannot reach the API server, termination may take significantly longer than the grace period. To force delete a resource, you must specify the --force flag. Note: only a subset of resources support graceful deletion. In absence of the support, the --grace-period flag is ignored.',
  ].join('\n'),
  example: [
    '  # Delete pods and services with same names "baz" and "foo"',
    '  kubectl delete pod,service baz foo',
    '',
    '  # Delete pods and services with label name=myLabel',
    '  kubectl delete pods,services -l name=myLabel',
    '',
    '  # Delete a pod with minimal delay',
    '  kubectl delete pod foo --now',
    '',
    '  # Force delete a pod on a dead node',
    '  kubectl delete pod foo --force',
    '',
    '  # Delete all pods',
    '  kubectl delete pods --all',
  ].join('\n'),
  flags: [
    { name: 'all', type: 'bool', usage: 'Delete all resources, in the namespace of the specified resource types.' },
    flags.allNamespaces,
    {
      name: 'force',
      type: 'bool',
      usage: 'If true, immediately remove resources from API and bypass graceful deletion. Note that immediate deletion of some resources may result in inconsistency or data loss and requires confirmation.',
    },
    {
      name: 'cascade',
      type: 'string',
      default: 'background',
      noOptDefVal: 'background',
      usage: 'Must be "background", "orphan", or "foreground". Selects the deletion cascading strategy for the dependents (e.g. Pods created by a ReplicationController). Defaults to background.',
    },
    {
      name: 'grace-period',
      type: 'int',
      default: -1,
      usage: 'Period of time in seconds given to the resource to terminate gracefully. Ignored if negative. Set to 1 for immediate shutdown. Can only be set to 0 when --force is true (force deletion).',
    },
    { name: 'ignore-not-found', type: 'bool', usage: 'Treat "resource not found" as a successful delete. Defaults to "true" when --all is specified.' },
    { name: 'now', type: 'bool', usage: 'If true, resources are signaled for immediate shutdown (same as --grace-period=1).' },
    { name: 'output', shorthand: 'o', type: 'string', usage: 'Output mode. Use "-o name" for shorter output (resource/name).' },
    flags.selector,
    flags.fieldSelector,
    filenameFlag('containing the resource to delete.'),
    { name: 'wait', type: 'bool', default: true, usage: 'If true, wait for resources to be gone before returning. This waits for finalizers.' },
  ],
  run(ctx, args) {
    let stderr = '';
    const cascade = parseCascade(args.string('cascade'), (warning) => (stderr += warning));
    const selector = args.string('selector');
    const fieldSelector = args.string('field-selector');
    const ignoreNotFound = args.changed('ignore-not-found') ? args.bool('ignore-not-found') : args.bool('all') || Boolean(selector || fieldSelector);
    let grace = args.int('grace-period');
    const force = args.bool('force');
    if (args.bool('now')) {
      if (grace !== -1) throw new KubectlError('--now and --grace-period cannot be specified together');
      grace = 1;
    }
    // --grace-period=0 without --force once meant "immediately"; kubectl turns it into 1 to prevent data loss.
    if (grace === 0 && !force) grace = 1;
    if (force && grace < 0) grace = 0;

    const allNamespaces = args.bool('all-namespaces');
    const found = resolveInfos(ctx, {
      args: args.positionals,
      namespace: namespaceOf(ctx, args),
      filenames: args.strings('filename'),
      labelSelector: selector,
      fieldSelector,
      selectAll: args.bool('all'),
      allNamespaces,
    });

    const output = args.string('output');
    if (output !== '' && output !== 'name') throw new KubectlError(`unexpected -o output mode: ${output}. We only support '-o name'`);
    if (args.bool('all') && selector) throw new KubectlError('cannot set --all and --selector at the same time');
    if (args.bool('all') && fieldSelector) throw new KubectlError('cannot set --all and --field-selector at the same time');
    if (grace === 0 && force) {
      stderr += 'Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n';
    } else if (grace > 0 && force) {
      throw new KubectlError('--force and --grace-period greater than 0 cannot be specified together');
    }

    const errors = found.errors.filter((e) => !(ignoreNotFound && e instanceof StatusError && e.reason === 'NotFound'));
    let warnClusterScope = args.changed('namespace') && !allNamespaces;
    let stdout = '';
    for (const info of found.infos) {
      if (warnClusterScope && !info.spec.namespaced) {
        stderr += 'Warning: deleting cluster-scoped resources, not scoped to the provided namespace\n';
        warnClusterScope = false;
      }
      try {
        deleteOne(ctx, info, grace, cascade);
      } catch (err) {
        if (!(ignoreNotFound && err instanceof StatusError && err.reason === 'NotFound')) errors.push(err);
        continue;
      }
      stdout += printDeleted(info, grace, output);
    }
    // A named object that is missing was still visited: only an empty selection finds no resources.
    if (found.infos.length === 0 && found.errors.length === 0) stdout += 'No resources found\n';
    return aggregateResult(stdout, errors, stderr);
  },
};

/** parseCascade is parseCascadingFlag: the three strategies, or a deprecated boolean. */
function parseCascade(value: string, warn: (text: string) => void): PropagationPolicy {
  switch (value) {
    case 'background':
      return 'Background';
    case 'foreground':
      return 'Foreground';
    case 'orphan':
      return 'Orphan';
  }
  const truthy = ['1', 't', 'T', 'TRUE', 'true', 'True'].includes(value);
  const falsy = ['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(value);
  if (!truthy && !falsy) throw new KubectlError(`invalid cascade value (${value}). Must be "background", "foreground", or "orphan"`);
  warn(`warning: --cascade=${value} is deprecated (boolean value) and can be replaced with --cascade=${truthy ? 'background' : 'orphan'}.\n`);
  return truthy ? 'Background' : 'Orphan';
}

function deleteOne(ctx: KubectlContext, info: Info, grace: number, cascade: PropagationPolicy): void {
  const reason = `kubectl delete ${info.spec.kind.toLowerCase()} ${info.name}: ${deletionWhy(info, grace, cascade)}`;
  ctx.client.delete(info.spec.kind, info.namespace, info.name, kubectlWrite(reason), {
    ...(grace >= 0 ? { gracePeriodSeconds: grace } : {}),
    propagationPolicy: cascade,
  });
}

function deletionWhy(info: Info, grace: number, cascade: PropagationPolicy): string {
  if (info.spec.kind === 'Pod') {
    const pod = info.object as Pod;
    if (grace === 0) return 'force deletion removes the pod from the API at once, without waiting for its containers to stop';
    const seconds = grace > 0 ? grace : (pod.spec?.terminationGracePeriodSeconds ?? 30);
    return pod.spec?.nodeName
      ? `graceful deletion: the kubelet on ${pod.spec.nodeName} has ${seconds}s to stop the containers`
      : 'the pod was never scheduled, so it goes at once';
  }
  switch (cascade) {
    case 'Foreground':
      return 'foreground cascading deletion: its dependents are deleted first, then it';
    case 'Orphan':
      return 'orphan cascading deletion: its dependents keep running without an owner';
    default:
      return 'background cascading deletion: the garbage collector then deletes its dependents';
  }
}

/** printDeleted is DeleteOptions.PrintObj: `pod "web" deleted from default namespace`, `node "n1" deleted`. */
function printDeleted(info: Info, grace: number, output: string): string {
  const kind = info.spec.group ? `${info.spec.kind.toLowerCase()}.${info.spec.group}` : info.spec.kind.toLowerCase();
  if (output === 'name') return `${kind}/${info.name}\n`;
  const operation = grace === 0 ? 'force deleted' : 'deleted';
  return `${kind} ${JSON.stringify(info.name)} ${operation}${info.spec.namespaced ? ` from ${info.namespace} namespace` : ''}\n`;
}
