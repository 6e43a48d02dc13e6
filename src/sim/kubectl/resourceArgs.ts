// Mirrors k8s.io/cli-runtime pkg/resource/builder.go (ResourceTypeOrNameArgs, hasCombinedTypeArgs,
// normalizeMultipleResourcesArgs, SplitResourceArgument) and the `all` category of discovery; leaves out -f, -k,
// --recursive and CRD categories.
import { statusErrors } from '../api/statusError';
import type { KindSpec } from '../kinds/kindSpec';
import type { KindRegistry } from '../kinds/registry';
import { KubectlError } from './verb';

/**
 * ALL_CATEGORY is what `all` expands to, in discovery order (core, then groups by name; resources sorted within a
 * group), as kubectl's category expander returns it.
 */
export const ALL_CATEGORY: readonly string[] = [
  'pods',
  'replicationcontrollers',
  'services',
  'daemonsets.apps',
  'deployments.apps',
  'replicasets.apps',
  'statefulsets.apps',
  'horizontalpodautoscalers.autoscaling',
  'cronjobs.batch',
  'jobs.batch',
];

/** ResourceTarget is one request the builder makes: a list of a kind (no name) or one named object. */
export interface ResourceTarget {
  spec: KindSpec;
  /** The object's name; undefined lists the kind. */
  name?: string;
}

/** ResourceArgs is what TYPE/NAME arguments ask for. */
export interface ResourceArgs {
  targets: ResourceTarget[];
  /** More than one type was named (`pod,svc`, `all`, `pod/a svc/b`): kubectl then prints `kind/name` names. */
  multipleTypes: boolean;
}

/**
 * resolveResourceArgs reads kubectl's resource arguments: `TYPE`, `TYPE NAME...`, `TYPE1,TYPE2 [NAME...]`,
 * `TYPE/NAME...` and `all`. Throws KubectlError for an unknown type or mixed forms.
 */
export function resolveResourceArgs(registry: KindRegistry, args: readonly string[]): ResourceArgs {
  if (args.length === 0) return { targets: [], multipleTypes: false };
  let words = [...args];
  if (!hasCombinedTypeArgs(words)) {
    words[0] = replaceAliases(words[0]);
    words = normalizeMultipleResourcesArgs(words);
  }
  const multipleTypes = multipleTypesRequested(args);
  if (hasCombinedTypeArgs(words)) {
    const targets = words.map((word) => {
      const [type, name, ...more] = word.split('/');
      if (more.length > 0) throw new KubectlError('arguments in resource/name form may not have more than one slash');
      if (!type || !name || splitResourceArgument(type).length !== 1) {
        throw new KubectlError('arguments in resource/name form must have a single resource and name');
      }
      return { spec: resolveResourceType(registry, type), name };
    });
    return { targets, multipleTypes: multipleTypes || new Set(targets.map((t) => t.spec)).size > 1 };
  }
  const types = splitResourceArgument(words[0]).map((t) => resolveResourceType(registry, t));
  if (words.length === 1) return { targets: types.map((spec) => ({ spec })), multipleTypes: multipleTypes || types.length > 1 };
  return { targets: words.slice(1).map((name) => ({ spec: types[0], name })), multipleTypes };
}

/**
 * resolveResourceType finds the kind a user's type names: plural, singular, short name, `plural.group` or
 * `plural.version.group`, any case. Throws `the server doesn't have a resource type "x"`.
 */
export function resolveResourceType(registry: KindRegistry, type: string): KindSpec {
  const spec = registry.forResource(type) ?? withVersion(registry, type.toLowerCase());
  if (!spec) throw new KubectlError(`the server doesn't have a resource type ${JSON.stringify(type)}`);
  return spec;
}

/** notFound is the API server's NotFound for a named object, printed by kubectl as `Error from server (NotFound): ...`. */
export function notFound(spec: KindSpec, name: string) {
  return statusErrors.notFound(spec.plural, spec.group, name);
}

function withVersion(registry: KindRegistry, type: string): KindSpec | undefined {
  const parts = type.split('.');
  if (parts.length < 3) return undefined;
  const spec = registry.forResource(`${parts[0]}.${parts.slice(2).join('.')}`);
  return spec && spec.version === parts[1] ? spec : undefined;
}

/** multipleTypesRequested is resource.MultipleTypesRequested: `all`, a comma, or TYPE/NAME pairs of different types. */
function multipleTypesRequested(args: readonly string[]): boolean {
  if (args.length === 1 && args[0] === 'all') return true;
  let baseType = '';
  for (const arg of args) {
    if (arg.includes(',')) return true;
    if (!arg.includes('/')) continue;
    const type = arg.split('/')[0];
    if (baseType !== '' && baseType !== type) return true;
    baseType = type;
  }
  return false;
}

function replaceAliases(arg: string): string {
  return splitResourceArgument(arg)
    .map((t) => (t === 'all' ? ALL_CATEGORY.join(',') : t))
    .join(',');
}

/** splitResourceArgument splits `pod,svc` into its types, dropping empty and repeated ones. */
function splitResourceArgument(arg: string): string[] {
  return [...new Set(arg.split(',').filter((t) => t.length > 0))];
}

function hasCombinedTypeArgs(args: readonly string[]): boolean {
  const withSlash = args.filter((a) => a.includes('/')).length;
  if (withSlash > 0 && withSlash !== args.length) {
    throw new KubectlError(
      "there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'",
    );
  }
  return withSlash > 0;
}

/** normalizeMultipleResourcesArgs turns `a,b x y` into `a/x a/y b/x b/y`. */
function normalizeMultipleResourcesArgs(args: string[]): string[] {
  if (args.length < 2) return args;
  const types = splitResourceArgument(args[0]);
  if (types.length < 2) return args;
  return types.flatMap((t) => args.slice(1).map((name) => `${t}/${name}`));
}
