import { LineCounter, parseAllDocuments, type Document } from 'yaml';
import type { KubeObject } from '../api/object';
import { pathString, type PathSegment } from '../api/fieldError';
import { StatusError } from '../api/statusError';
import { resourceName, type KindSpec } from '../kinds/kindSpec';
import type { KindRegistry } from '../kinds/registry';
import type { ApiClient, WriteContext } from '../store/types';
import { applyMergePatch, createMergePatch, deepEqual, isPlainObject } from '../store/mergePatch';
import { strictDecode } from './strictDecode';
import { locate, position, type SourcePosition } from './yamlPosition';

/** The annotation kubectl keeps the last applied manifest in, for its three-way merge. */
export const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

/** ApplyResult is kubectl apply's answer for one document of the text. */
export interface ApplyResult {
  /** Index of the YAML document in the text, from 0. */
  document: number;
  ok: boolean;
  /** The line kubectl prints: `deployment.apps/web created`, or the error text. */
  message: string;
  outcome?: 'created' | 'configured' | 'unchanged';
  kind?: string;
  namespace?: string;
  name?: string;
  /** Where the error is in the text, and the field path it concerns. */
  position?: SourcePosition;
  fieldPath?: string;
}

export interface ApplyTarget {
  client: ApiClient;
  registry: KindRegistry;
  /** Where the text came from, as kubectl names it in errors: `STDIN` for a paste (default), or the file's name. */
  source?: string;
  /** Who writes and how the narration starts: the user pasting (default), or `kubectl apply -f NAME: `. */
  actor?: string;
  reasonPrefix?: string;
}

/**
 * applyManifests is `kubectl apply -f -` for pasted text: every YAML document is applied on its own, so one bad
 * document never stops the others, and nothing the user pastes throws.
 */
export function applyManifests(text: string, target: ApplyTarget): ApplyResult[] {
  const lines = new LineCounter();
  let docs: Document.Parsed[];
  try {
    docs = parseAllDocuments(text, { lineCounter: lines, uniqueKeys: true }) as Document.Parsed[];
  } catch (err) {
    return [{ document: 0, ok: false, message: `error: error parsing ${sourceOf(target)}: ${errorText(err)}` }];
  }
  if (!Array.isArray(docs)) docs = [];
  const results: ApplyResult[] = [];
  docs.forEach((doc, index) => {
    try {
      results.push(...applyDocument(doc, index, lines, target));
    } catch (err) {
      results.push({ document: index, ok: false, message: `error: ${errorText(err)}` });
    }
  });
  return results;
}

function applyDocument(doc: Document.Parsed, index: number, lines: LineCounter, target: ApplyTarget): ApplyResult[] {
  if (doc.errors.length > 0) {
    const err = doc.errors[0];
    const pos = position(err.pos[0], lines);
    return [
      {
        document: index,
        ok: false,
        position: pos,
        message: `error: error parsing ${sourceOf(target)}: error converting YAML to JSON: yaml: line ${pos.line}: ${firstLine(err.message)}`,
      },
    ];
  }
  const value = doc.toJS({ maxAliasCount: 100 }) as unknown;
  if (value === null || value === undefined) return [];
  const at = (path: PathSegment[]) => locate(doc, path, lines);
  if (!isPlainObject(value)) {
    return [fail(index, `error: error validating data: invalid object: expected a mapping, got ${typeName(value)}`, at([]))];
  }
  if (value.kind === 'List' && value.apiVersion === 'v1' && Array.isArray(value.items)) {
    return value.items.map((item, i) =>
      isPlainObject(item)
        ? applyObject(item, index, target, (path) => at(['items', i, ...path]))
        : fail(index, 'error: error validating data: invalid object in items', at(['items', i])),
    );
  }
  return [applyObject(value, index, target, at)];
}

function applyObject(
  value: Record<string, unknown>,
  index: number,
  target: ApplyTarget,
  at: (path: PathSegment[]) => SourcePosition | undefined,
): ApplyResult {
  const missing = [value.apiVersion ? '' : 'apiVersion not set', value.kind ? '' : 'kind not set'].filter(Boolean);
  if (missing.length > 0) {
    return fail(
      index,
      `error: error validating "${sourceOf(target)}": error validating data: [${missing.join(', ')}]; if you choose to ignore these errors, turn validation off with --validate=false`,
      at([]),
    );
  }
  const apiVersion = String(value.apiVersion);
  const kind = String(value.kind);
  const metadata = isPlainObject(value.metadata) ? value.metadata : {};
  const name = typeof metadata.name === 'string' ? metadata.name : '';
  const spec = target.registry.forManifest(apiVersion, kind);
  if (!spec) {
    const ns = typeof metadata.namespace === 'string' ? metadata.namespace : '';
    return fail(
      index,
      `error: resource mapping not found for name: "${name}" namespace: "${ns}" from "${sourceOf(target)}": no matches for kind "${kind}" in version "${apiVersion}"\nensure CRDs are installed first`,
      at(['kind']),
    );
  }
  const decoded = strictDecode(value, apiVersion, kind);
  if (decoded.message) {
    const problem = decoded.problems[0];
    return {
      ...fail(index, `Error from server (BadRequest): error when creating "${sourceOf(target)}": ${decoded.message}`, at(problem?.path ?? [])),
      kind,
      name,
      fieldPath: problem ? pathString(problem.path) : undefined,
    };
  }
  return applyToServer(value as KubeObject, spec, index, target, at);
}

function applyToServer(
  manifest: KubeObject,
  spec: KindSpec,
  index: number,
  target: ApplyTarget,
  at: (path: PathSegment[]) => SourcePosition | undefined,
): ApplyResult {
  const resource = resourceName(spec);
  const name = manifest.metadata.name ?? '';
  const namespace = spec.namespaced ? manifest.metadata.namespace || 'default' : '';
  const withAnnotation = structuredClone(manifest);
  withAnnotation.metadata.annotations = { ...withAnnotation.metadata.annotations, [LAST_APPLIED]: JSON.stringify(manifest) + '\n' };
  const base = { document: index, kind: spec.kind, namespace, name };
  const live = name ? target.client.get(spec.kind, namespace, name) : undefined;
  try {
    if (!live) {
      const ctx = writeContext(target, `applied ${resource}/${name}: the object did not exist, so it was created`);
      const created = target.client.create(withAnnotation, ctx);
      return { ...base, name: created.metadata.name ?? name, ok: true, outcome: 'created', message: `${resource}/${created.metadata.name} created` };
    }
    const lastApplied = parseLastApplied(live);
    const patch = createMergePatch(lastApplied, withAnnotation);
    const merged = applyMergePatch(live, patch) as KubeObject;
    if (deepEqual(merged, live)) return { ...base, ok: true, outcome: 'unchanged', message: `${resource}/${name} unchanged` };
    const ctx = writeContext(target, `applied ${resource}/${name}: the manifest differs from the live object, so it was updated`);
    const updated = target.client.update(merged, ctx);
    const outcome = updated === live ? 'unchanged' : 'configured';
    return { ...base, ok: true, outcome, message: `${resource}/${name} ${outcome}` };
  } catch (err) {
    if (!(err instanceof StatusError)) throw err;
    const cause = err.causes[0];
    const verb = live ? 'patching' : 'creating';
    const message = err.reason === 'Invalid' ? err.kubectlMessage : `Error from server (${err.reason}): error when ${verb} "${sourceOf(target)}": ${err.message}`;
    return {
      ...base,
      ok: false,
      message,
      position: at(cause?.path ?? (err.reason === 'NotFound' ? ['metadata', 'namespace'] : ['metadata', 'name'])),
      fieldPath: cause ? pathString(cause.path) : undefined,
    };
  }
}

function sourceOf(target: ApplyTarget): string {
  return target.source ?? 'STDIN';
}

function writeContext(target: ApplyTarget, reason: string): WriteContext {
  return { actor: target.actor ?? 'user', reason: (target.reasonPrefix ?? '') + reason };
}

function parseLastApplied(live: KubeObject): unknown {
  const text = live.metadata.annotations?.[LAST_APPLIED];
  if (!text) return {};
  try {
    return JSON.parse(text);
  } catch {
    return {};
  }
}

function fail(document: number, message: string, pos: SourcePosition | undefined): ApplyResult {
  return { document, ok: false, message, position: pos };
}

function typeName(value: unknown): string {
  return Array.isArray(value) ? 'a list' : typeof value;
}

function firstLine(message: string): string {
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
