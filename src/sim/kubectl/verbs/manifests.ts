// Mirrors cli-runtime pkg/resource (FileVisitor, StreamVisitor, FlattenListVisitor, mapper.infoForData) as
// `kubectl create|delete|label -f NAME` read a file: YAML documents in order, `kind: List` flattened, each mapped to
// a served kind. The file is an editor tab (KubectlContext.files). Leaves out directories, URLs, -R and -k.
import { LineCounter, parseAllDocuments, type Document } from 'yaml';
import type { KubeObject } from '../../api/object';
import { position } from '../../apply/yamlPosition';
import type { KindSpec } from '../../kinds/kindSpec';
import { isPlainObject } from '../../store/mergePatch';
import type { FlagSpec } from '../commandLine';
import { KubectlError, type KubectlContext } from '../verb';

/** ManifestObject is one object a file names, with the kind it maps to; `error` replaces both when it maps to none. */
export type ManifestEntry = { spec: KindSpec; object: KubeObject } | { error: KubectlError };

/** filenameFlag is cmdutil.AddFilenameOptionFlags' -f, with the command's own usage ending. */
export function filenameFlag(usage: string): FlagSpec {
  return { name: 'filename', shorthand: 'f', type: 'stringSlice', usage: `Filename, directory, or URL to files ${usage}` };
}

/**
 * readManifests reads every object of the editor tab `filename`; a missing tab throws. An object kubectl cannot map
 * (no apiVersion/kind, unknown kind) is an entry with its error, so the objects around it still go through, as
 * ContinueOnError lets them; a YAML syntax error is the last entry.
 */
export function readManifests(ctx: KubectlContext, filename: string): ManifestEntry[] {
  const text = ctx.files?.(filename);
  if (text === undefined) throw new KubectlError(`the path ${JSON.stringify(filename)} does not exist`);
  const lines = new LineCounter();
  const docs = parseAllDocuments(text, { lineCounter: lines, uniqueKeys: true }) as Document.Parsed[];
  const entries: ManifestEntry[] = [];
  for (const doc of Array.isArray(docs) ? docs : []) {
    if (doc.errors.length > 0) {
      // The decoder stops at a syntax error: the documents before it still count, none after it.
      const err = doc.errors[0];
      const line = position(err.pos[0], lines).line;
      const message = err.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
      entries.push({ error: new KubectlError(`error parsing ${filename}: error converting YAML to JSON: yaml: line ${line}: ${message}`) });
      break;
    }
    const value = doc.toJS({ maxAliasCount: 100 }) as unknown;
    if (value === null || value === undefined) continue;
    const items = isPlainObject(value) && value.kind === 'List' && Array.isArray(value.items) ? value.items : [value];
    for (const item of items) entries.push(mapObject(ctx, filename, item));
  }
  return entries;
}

function mapObject(ctx: KubectlContext, filename: string, value: unknown): ManifestEntry {
  if (!isPlainObject(value)) {
    return { error: new KubectlError(`error validating ${JSON.stringify(filename)}: error validating data: invalid object: expected a mapping`) };
  }
  const missing = [value.apiVersion ? '' : 'apiVersion not set', value.kind ? '' : 'kind not set'].filter(Boolean);
  if (missing.length > 0) {
    return {
      error: new KubectlError(
        `error validating ${JSON.stringify(filename)}: error validating data: [${missing.join(', ')}]; if you choose to ignore these errors, turn validation off with --validate=false`,
      ),
    };
  }
  const metadata = isPlainObject(value.metadata) ? value.metadata : {};
  const spec = ctx.registry.forManifest(String(value.apiVersion), String(value.kind));
  if (!spec) {
    const name = typeof metadata.name === 'string' ? metadata.name : '';
    const namespace = typeof metadata.namespace === 'string' ? metadata.namespace : '';
    return {
      error: new KubectlError(
        `resource mapping not found for name: ${JSON.stringify(name)} namespace: ${JSON.stringify(namespace)} from ${JSON.stringify(filename)}: no matches for kind ${JSON.stringify(String(value.kind))} in version ${JSON.stringify(String(value.apiVersion))}\nensure CRDs are installed first`,
      ),
    };
  }
  return { spec, object: { ...value, metadata: { ...metadata } } as unknown as KubeObject };
}

/**
 * manifestNamespace is where an object of a file goes: its own namespace, else the command's (-n or the context's);
 * '' for cluster-scoped kinds.
 */
export function manifestNamespace(spec: KindSpec, object: KubeObject, namespace: string): string {
  return spec.namespaced ? object.metadata.namespace || namespace : '';
}
