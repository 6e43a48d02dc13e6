// Mirrors k8s.io/kubectl/pkg/cmd/apiresources/apiresources.go (the table, -o wide/name, --api-group, --namespaced,
// --verbs, --categories, --sort-by) over the kinds Kubeplay serves, in place of the discovery documents. Leaves out
// -o json/yaml (an APIResourceList) and --cached (accepted, no effect).
import type { KindSpec } from '../../kinds/kindSpec';
import { apiVersionOf } from '../../kinds/kindSpec';
import type { ParsedArgs } from '../commandLine';
import { ALL_CATEGORY } from '../resourceArgs';
import { TabWriter } from '../tabwriter';
import { KubectlError, ok, usageError, type KubectlContext, type KubectlResult, type Verb } from '../verb';

/** The verbs the API server lists for a resource; namespaces cannot be deleted as a collection. */
const VERBS = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];
const NAMESPACE_VERBS = ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'];

export const apiResourcesVerb: Verb = {
  name: 'api-resources',
  short: 'Print the supported API resources on the server',
  long: 'Print the supported API resources on the server.',
  group: 'Other Commands',
  use: 'api-resources',
  example: [
    '  # Print the supported API resources',
    '  kubectl api-resources',
    '',
    '  # Print the supported API resources with more information',
    '  kubectl api-resources -o wide',
    '',
    '  # Print the supported API resources sorted by a column',
    '  kubectl api-resources --sort-by=name',
    '',
    '  # Print the supported namespaced resources',
    '  kubectl api-resources --namespaced=true',
    '',
    '  # Print the supported non-namespaced resources',
    '  kubectl api-resources --namespaced=false',
    '',
    '  # Print the supported API resources with a specific APIGroup',
    '  kubectl api-resources --api-group=rbac.authorization.k8s.io',
  ].join('\n'),
  flags: [
    { name: 'no-headers', type: 'bool', usage: "When using the default or custom-column output format, don't print headers (default print headers)." },
    { name: 'output', shorthand: 'o', type: 'string', usage: 'Output format. One of: (json, yaml, name, wide).' },
    { name: 'api-group', type: 'string', usage: 'Limit to resources in the specified API group.' },
    { name: 'namespaced', type: 'bool', default: true, usage: 'If false, non-namespaced resources will be returned, otherwise returning namespaced resources by default.' },
    { name: 'verbs', type: 'stringSlice', usage: 'Limit to resources that support the specified verbs.' },
    { name: 'sort-by', type: 'string', usage: "If non-empty, sort list of resources using specified field. The field can be either 'name' or 'kind'." },
    { name: 'cached', type: 'bool', usage: 'Use the cached list of resources if available.' },
    { name: 'categories', type: 'stringSlice', usage: 'Limit to resources that belong to the specified categories.' },
  ],
  run: runAPIResources,
};

/** APIResource is one row of discovery: a kind's resource with its verbs and categories. */
interface APIResource {
  spec: KindSpec;
  verbs: string[];
  categories: string[];
}

function runAPIResources(ctx: KubectlContext, args: ParsedArgs): KubectlResult {
  if (args.positionals.length > 0) throw usageError('kubectl api-resources', `unexpected arguments: [${args.positionals.join(' ')}]`);
  const sortBy = args.string('sort-by');
  if (sortBy && sortBy !== 'name' && sortBy !== 'kind') throw new KubectlError('--sort-by accepts only name or kind');
  const output = args.string('output');
  if (output !== '' && output !== 'wide' && output !== 'name') throw new KubectlError(`--output ${output} is not available`);
  const wantedVerbs = args.strings('verbs');
  const wantedCategories = args.strings('categories');
  const resources = ctx.registry
    .all()
    .map(discovery)
    .filter((r) => !args.changed('api-group') || r.spec.group === args.string('api-group'))
    .filter((r) => !args.changed('namespaced') || r.spec.namespaced === args.bool('namespaced'))
    .filter((r) => wantedVerbs.every((v) => r.verbs.includes(v)))
    .filter((r) => wantedCategories.every((c) => r.categories.includes(c)))
    .sort((a, b) => compare(sortKey(a, sortBy), sortKey(b, sortBy)) || compare(a.spec.plural, b.spec.plural));
  const w = new TabWriter();
  if (output === 'name') {
    for (const r of resources) w.write(`${r.spec.plural}${r.spec.group ? `.${r.spec.group}` : ''}\n`);
    return ok(w.flush());
  }
  if (!args.bool('no-headers')) w.write(`NAME\tSHORTNAMES\tAPIVERSION\tNAMESPACED\tKIND${output === 'wide' ? '\tVERBS\tCATEGORIES' : ''}\n`);
  for (const r of resources) {
    const row = [r.spec.plural, (r.spec.shortNames ?? []).join(','), apiVersionOf(r.spec), String(r.spec.namespaced), r.spec.kind];
    // Go prints a []string with %v: `[create delete]`, `[]` when empty.
    if (output === 'wide') row.push(`[${r.verbs.join(' ')}]`, `[${r.categories.join(' ')}]`);
    w.write(`${row.join('\t')}\n`);
  }
  return ok(w.flush());
}

function discovery(spec: KindSpec): APIResource {
  const qualified = spec.group ? `${spec.plural}.${spec.group}` : spec.plural;
  return { spec, verbs: spec.kind === 'Namespace' ? NAMESPACE_VERBS : VERBS, categories: ALL_CATEGORY.includes(qualified) ? ['all'] : [] };
}

function sortKey(r: APIResource, sortBy: string): string {
  if (sortBy === 'name') return r.spec.plural;
  if (sortBy === 'kind') return r.spec.kind;
  return r.spec.group;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
