// Mirrors k8s.io/kubectl/pkg/cmd/annotate/annotate.go (Complete, Validate, RunAnnotate, validateAnnotations,
// validateNoAnnotationOverwrites): add, overwrite and remove annotations with a merge patch. Leaves out --local,
// --dry-run and --record.
import { KubectlError, namespaceOf, type Verb } from '../verb';
import { filenameFlag } from './manifests';
import { updateMetadataMap } from './metadataUpdate';
import { outputFlag } from './operation';
import { getResourcesAndPairs, parsePairs } from './pairs';

/** CHANGE_CAUSE may always be overwritten: kubectl --record rewrote it on every change. */
const CHANGE_CAUSE = 'kubernetes.io/change-cause';

export const annotateVerb: Verb = {
  name: 'annotate',
  short: 'Update the annotations on a resource',
  group: 'Settings Commands',
  use: 'annotate [--overwrite] (-f FILENAME | TYPE NAME) KEY_1=VAL_1 ... KEY_N=VAL_N [--resource-version=version]',
  long: [
    'Update the annotations on one or more resources.',
    '',
    ' All Kubernetes objects support the ability to store additional data with the object as annotations. Annotations are key/value pairs that can be larger than labels and include arbitrary string values such as structured JSON. Tools and system extensions may use annotations to store their own data.',
    '',
    ' Attempting to set an annotation that already exists will fail unless --overwrite is set. If --resource-version is specified and does not match the current resource version on the server the command will fail.',
  ].join('\n'),
  example: [
    "  # Update pod 'foo' with the annotation 'description' and the value 'my frontend'",
    "  # If the same annotation is set multiple times, only the last value will be applied",
    "  kubectl annotate pods foo description='my frontend'",
    '',
    "  # Update pod 'foo' with the annotation 'description' and the value 'my frontend running nginx', overwriting any existing value",
    "  kubectl annotate --overwrite pods foo description='my frontend running nginx'",
    '',
    "  # Update pod 'foo' by removing an annotation named 'description' if it exists",
    '  # Does not require the --overwrite flag',
    '  kubectl annotate pods foo description-',
  ].join('\n'),
  flags: [
    { name: 'overwrite', type: 'bool', usage: 'If true, allow annotations to be overwritten, otherwise reject annotation updates that overwrite existing annotations.' },
    { name: 'list', type: 'bool', usage: 'If true, display the annotations for a given resource.' },
    {
      name: 'selector',
      shorthand: 'l',
      type: 'string',
      usage: "Selector (label query) to filter on, not including uninitialized ones, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2).",
    },
    {
      name: 'field-selector',
      type: 'string',
      usage: "Selector (field query) to filter on, supports '=', '==', and '!='.(e.g. --field-selector key1=value1,key2=value2). The server only supports a limited number of field queries per type.",
    },
    { name: 'all', type: 'bool', usage: 'Select all resources, including uninitialized ones, in the namespace of the specified resource types.' },
    {
      name: 'resource-version',
      type: 'string',
      usage: 'If non-empty, the annotation update will only succeed if this is the current resource-version for the object. Only valid when specifying a single resource.',
    },
    filenameFlag('identifying the resource to update the annotation'),
    outputFlag,
  ],
  run(ctx, args) {
    if (args.bool('list') && args.string('output')) throw new KubectlError('--list and --output may not be specified together');
    const { resources, pairs } = getResourcesAndPairs(args.positionals, 'annotation');
    const update = parsePairs(pairs, 'annotation', true);
    if (args.bool('all') && args.string('selector')) throw new KubectlError('cannot set --all and --selector at the same time');
    if (args.bool('all') && args.string('field-selector')) throw new KubectlError('cannot set --all and --field-selector at the same time');
    if (resources.length < 1 && args.strings('filename').length === 0) {
      throw new KubectlError('one or more resources must be specified as <resource> <name> or <resource>/<name>');
    }
    if (update.set.size < 1 && update.remove.length < 1 && !args.bool('list')) throw new KubectlError('at least one annotation update is required');
    const both = update.remove.filter((key) => update.set.has(key));
    if (both.length > 0) {
      throw new KubectlError(`can not both modify and remove the following annotation(s) in the same command: ${both.join(', ')}`);
    }
    return updateMetadataMap(ctx, args, {
      field: 'annotations',
      verb: 'annotate',
      resources,
      namespace: namespaceOf(ctx, args),
      update,
      pairsText: pairs.join(' '),
      checkOverwrites: (current) => {
        const found = [...update.set.keys()]
          .filter((key) => key !== CHANGE_CAUSE && current[key] !== undefined)
          .map((key) => `'${key}' already has a value (${current[key]})`);
        return found.length === 0 ? [] : [`--overwrite is false but found the following declared annotation(s): ${found.join('; ')}`];
      },
      operation: () => 'annotated',
      reportMissingRemovals: false,
    });
  },
};
