// Mirrors cli-runtime pkg/resource/builder.go as the mutating commands use it (ResourceTypeOrNameArgs,
// LabelSelectorParam, FieldSelectorParam, SelectAllParam, AllNamespaces, FilenameParam, Latest, ContinueOnError):
// which objects a command line names. Leaves out -k, URLs, --recursive and chunked lists.
import type { KubeObject } from '../../api/object';
import { StatusError, statusErrors } from '../../api/statusError';
import type { KindSpec } from '../../kinds/kindSpec';
import { notFound, resolveResourceArgs } from '../resourceArgs';
import { KubectlError, type KubectlContext } from '../verb';
import { manifestNamespace, readManifests } from './manifests';

/** Info is one object the builder found: its kind, where it lives, and the live object. */
export interface Info {
  spec: KindSpec;
  namespace: string;
  name: string;
  object: KubeObject;
}

/** ResourceRequest is what a command passes to the builder. */
export interface ResourceRequest {
  /** The positional TYPE NAME / TYPE/NAME arguments. */
  args: readonly string[];
  /** The namespace of the command (-n, else the context's). */
  namespace: string;
  filenames?: readonly string[];
  labelSelector?: string;
  fieldSelector?: string;
  /** --all, or ResourceTypeOrNameArgs(allowEmptySelector=true) as the rollout commands call it: `TYPE` alone lists. */
  selectAll?: boolean;
  allNamespaces?: boolean;
}

/** BuilderResult is what the builder visits: the objects found, and the errors met on the way (NotFound...). */
export interface BuilderResult {
  infos: Info[];
  errors: unknown[];
  /** Exactly one object was named (TYPE NAME, TYPE/NAME or a file), as Result.IntoSingleItemImplied reports. */
  singleItemImplied: boolean;
}

const MISSING_RESOURCE = `You must provide one or more resources by argument or filename.
Example resource specifications include:
   '-f rsrc.yaml'
   '--filename=rsrc.json'
   '<resource> <name>'
   '<resource>'`;

/**
 * resolveInfos finds the objects a command line names. Errors about the request itself (no resource, a name with a
 * selector) throw; a named object that does not exist is a NotFound in `errors`, and the others are still visited.
 */
export function resolveInfos(ctx: KubectlContext, request: ResourceRequest): BuilderResult {
  const filenames = request.filenames ?? [];
  const hasSelector = Boolean(request.labelSelector || request.fieldSelector);
  if (filenames.length > 0) {
    if (request.args.length > 0) {
      throw new KubectlError('when paths, URLs, or stdin is provided as input, you may not specify resource arguments as well');
    }
    return fromFiles(ctx, request, filenames);
  }
  if (request.args.length === 0) {
    if (hasSelector) throw new KubectlError('at least one resource must be specified to use a selector');
    throw new KubectlError(MISSING_RESOURCE);
  }
  const { targets } = resolveResourceArgs(ctx.registry, request.args);
  const named = targets.filter((t) => t.name !== undefined);
  if (named.length > 0 && hasSelector) throw new KubectlError('name cannot be provided when a selector is specified');
  if (named.length === 0 && !hasSelector && !request.selectAll) throw new KubectlError('resource(s) were provided, but no name was specified');

  const result: BuilderResult = { infos: [], errors: [], singleItemImplied: named.length === 1 && targets.length === 1 };
  for (const { spec, name } of targets) {
    const namespace = spec.namespaced ? request.namespace : '';
    if (name !== undefined) {
      const object = ctx.client.get(spec.kind, namespace, name);
      if (object) result.infos.push({ spec, namespace, name, object });
      else result.errors.push(notFound(spec, name));
      continue;
    }
    for (const object of listObjects(ctx, spec, request)) {
      result.infos.push({ spec, namespace: object.metadata.namespace ?? '', name: object.metadata.name ?? '', object });
    }
  }
  return result;
}

function fromFiles(ctx: KubectlContext, request: ResourceRequest, filenames: readonly string[]): BuilderResult {
  const result: BuilderResult = { infos: [], errors: [], singleItemImplied: false };
  for (const filename of filenames) {
    for (const entry of readManifests(ctx, filename)) {
      if ('error' in entry) {
        result.errors.push(entry.error);
        continue;
      }
      const namespace = manifestNamespace(entry.spec, entry.object, request.namespace);
      const name = entry.object.metadata.name ?? '';
      const object = ctx.client.get(entry.spec.kind, namespace, name);
      if (object) result.infos.push({ spec: entry.spec, namespace, name, object });
      else result.errors.push(notFound(entry.spec, name));
    }
  }
  result.singleItemImplied = result.infos.length + result.errors.length === 1;
  return result;
}

function listObjects(ctx: KubectlContext, spec: KindSpec, request: ResourceRequest): KubeObject[] {
  try {
    return ctx.client.list(spec.kind, {
      namespace: spec.namespaced && !request.allNamespaces ? request.namespace : undefined,
      labelSelector: request.labelSelector || undefined,
      fieldSelector: request.fieldSelector || undefined,
    });
  } catch (err) {
    if (err instanceof StatusError) throw err;
    // resource/selector.go names the list that failed.
    const gvr = `${spec.group}/${spec.version}, Resource=${spec.plural}`;
    throw statusErrors.badRequest(
      `Unable to find ${JSON.stringify(gvr)} that match label selector ${JSON.stringify(request.labelSelector ?? '')}, field selector ${JSON.stringify(request.fieldSelector ?? '')}: ${(err as Error).message}`,
    );
  }
}
