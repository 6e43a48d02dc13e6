// Mirrors k8s.io/kubectl/pkg/cmd/label/label.go (Complete, Validate, RunLabel, parseLabels, labelFunc,
// updateDataChangeMsg): add, overwrite and remove labels with a merge patch. Leaves out --local, --dry-run and --record.
import { isValidLabelValue } from '../../api/validation/names';
import { KubectlError, namespaceOf, type Verb } from '../verb';
import { filenameFlag } from './manifests';
import { updateMetadataMap, type MapUpdate } from './metadataUpdate';
import { outputFlag } from './operation';
import { getResourcesAndPairs } from './pairs';

export const labelVerb: Verb = {
  name: 'label',
  short: 'Update the labels on a resource',
  group: 'Settings Commands',
  use: 'label [--overwrite] (-f FILENAME | TYPE NAME) KEY_1=VAL_1 ... KEY_N=VAL_N [--resource-version=version]',
  long: [
    'Update the labels on a resource.',
    '',
    "  *  A label key and value must begin with a letter or number, and may contain letters, numbers, hyphens, dots, and underscores, up to 63 characters each.",
    '  *  Optionally, the key can begin with a DNS subdomain prefix and a single \'/\', like example.com/my-app.',
    '  *  If --overwrite is true, then existing labels can be overwritten, otherwise attempting to overwrite a label will result in an error.',
    '  *  If --resource-version is specified, then updates will use this resource version, otherwise the existing resource-version will be used.',
  ].join('\n'),
  example: [
    "  # Update pod 'foo' with the label 'unhealthy' and the value 'true'",
    '  kubectl label pods foo unhealthy=true',
    '',
    "  # Update pod 'foo' with the label 'status' and the value 'unhealthy', overwriting any existing value",
    '  kubectl label --overwrite pods foo status=unhealthy',
    '',
    "  # Update pod 'foo' by removing a label named 'bar' if it exists",
    '  # Does not require the --overwrite flag',
    '  kubectl label pods foo bar-',
  ].join('\n'),
  flags: [
    { name: 'overwrite', type: 'bool', usage: 'If true, allow labels to be overwritten, otherwise reject label updates that overwrite existing labels.' },
    { name: 'list', type: 'bool', usage: 'If true, display the labels for a given resource.' },
    {
      name: 'field-selector',
      type: 'string',
      usage: "Selector (field query) to filter on, supports '=', '==', and '!='.(e.g. --field-selector key1=value1,key2=value2). The server only supports a limited number of field queries per type.",
    },
    { name: 'all', type: 'bool', usage: 'Select all resources, in the namespace of the specified resource types' },
    { name: 'all-namespaces', shorthand: 'A', type: 'bool', usage: 'If true, check the specified action in all namespaces.' },
    {
      name: 'resource-version',
      type: 'string',
      usage: 'If non-empty, the labels update will only succeed if this is the current resource-version for the object. Only valid when specifying a single resource.',
    },
    filenameFlag('identifying the resource to update the labels'),
    {
      name: 'selector',
      shorthand: 'l',
      type: 'string',
      usage: "Selector (label query) to filter on, supports '=', '==', '!=', 'in', 'notin'.(e.g. -l key1=value1,key2=value2,key3 in (value3)). Matching objects must satisfy all of the specified label constraints.",
    },
    outputFlag,
  ],
  run(ctx, args) {
    const { resources, pairs } = getResourcesAndPairs(args.positionals, 'label');
    const update = parseLabels(pairs);
    if (args.bool('list') && args.string('output')) throw new KubectlError('--list and --output may not be specified together');
    if (args.bool('all') && args.string('selector')) throw new KubectlError('cannot set --all and --selector at the same time');
    if (args.bool('all') && args.string('field-selector')) throw new KubectlError('cannot set --all and --field-selector at the same time');
    if (resources.length < 1 && args.strings('filename').length === 0) {
      throw new KubectlError('one or more resources must be specified as <resource> <name> or <resource>/<name>');
    }
    if (update.set.size < 1 && update.remove.length < 1 && !args.bool('list')) throw new KubectlError('at least one label update is required');
    return updateMetadataMap(ctx, args, {
      field: 'labels',
      verb: 'label',
      resources,
      namespace: namespaceOf(ctx, args),
      update,
      pairsText: pairs.join(' '),
      checkOverwrites: (current) =>
        [...update.set.keys()]
          .filter((key) => current[key] !== undefined)
          .map((key) => `'${key}' already has a value (${current[key]}), and --overwrite is false`),
      // label.go reports whether the object changed, and (without --overwrite) whether it shrank.
      operation: (before, after) => {
        if (before === after) return 'not labeled';
        return !args.bool('overwrite') && after.length < before.length ? 'unlabeled' : 'labeled';
      },
      reportMissingRemovals: true,
    });
  },
};

/** parseLabels is label.go parseLabels: `key=value` (value validated) and `key-`, never both for one key. */
function parseLabels(specs: readonly string[]): MapUpdate {
  const set = new Map<string, string>();
  const remove: string[] = [];
  for (const spec of specs) {
    if (spec.includes('=')) {
      const parts = spec.split('=');
      if (parts.length !== 2) throw new KubectlError(`invalid label spec: ${spec}`);
      const errs = isValidLabelValue(parts[1]);
      if (errs.length > 0) throw new KubectlError(`invalid label value: ${JSON.stringify(spec)}: ${errs.join(';')}`);
      set.set(parts[0], parts[1]);
    } else if (spec.endsWith('-')) {
      remove.push(spec.slice(0, -1));
    } else {
      throw new KubectlError(`unknown label spec: ${spec}`);
    }
  }
  if (remove.some((key) => set.has(key))) throw new KubectlError('can not both modify and remove a label in the same command');
  return { set, remove };
}
