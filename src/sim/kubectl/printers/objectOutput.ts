// Mirrors cli-runtime pkg/printers (JSONPrinter, YAMLPrinter, NamePrinter, JSONPathPrinter) and
// k8s.io/kubectl/pkg/cmd/get/customcolumn.go, for objects rather than tables: a single named object prints alone,
// anything else as a `kind: List`.
import type { KubeObject } from '../../api/object';
import { JsonPath, JsonPathError, relaxedJsonPath } from '../jsonpath';
import { formatTable } from '../tabwriter';
import { KubectlError } from '../verb';
import { goJsonIndent } from './goJson';
import { goYaml } from './goYaml';
import type { OutputFormat } from './outputFormat';

/** listOf wraps objects as kubectl's client-side List: apiVersion v1, items, and an empty resourceVersion. */
export function listOf(objects: readonly KubeObject[]): object {
  return { apiVersion: 'v1', items: objects, kind: 'List', metadata: { resourceVersion: '' } };
}

/**
 * printObjects prints the objects `kubectl get` found in a non-table format: `singleItem` (one object named on the
 * command line) prints the object itself, otherwise a List; -o name and custom-columns print one line per object.
 */
export function printObjects(format: OutputFormat, objects: readonly KubeObject[], opts: ObjectPrintOptions): string {
  switch (format.kind) {
    case 'name':
      return objects.map((o) => `${opts.nameOf(o)}\n`).join('');
    case 'custom-columns':
      return customColumns(format.template, objects, !opts.noHeaders);
    default:
      return printValue(format, opts.singleItem && objects.length === 1 ? objects[0] : listOf(objects));
  }
}

/** ObjectPrintOptions: how to name an object (`pod/web`), whether one object was named, --no-headers. */
export interface ObjectPrintOptions {
  nameOf: (obj: KubeObject) => string;
  singleItem: boolean;
  noHeaders: boolean;
}

/**
 * printObject prints one object of a stream (a watch): YAML documents after the first start with `---`, custom
 * columns print their header with the first object only.
 */
export function printObject(format: OutputFormat, obj: KubeObject, index: number, opts: ObjectPrintOptions): string {
  switch (format.kind) {
    case 'name':
      return `${opts.nameOf(obj)}\n`;
    case 'custom-columns':
      return customColumns(format.template, [obj], index === 0 && !opts.noHeaders);
    case 'yaml':
      return `${index > 0 ? '---\n' : ''}${goYaml(obj)}`;
    default:
      return printValue(format, obj);
  }
}

function printValue(format: OutputFormat, value: unknown): string {
  switch (format.kind) {
    case 'json':
      return goJsonIndent(value);
    case 'yaml':
      return goYaml(JSON.parse(JSON.stringify(value)));
    case 'jsonpath':
    case 'jsonpath-as-json':
      return runJsonPath(format, value);
    default:
      throw new Error(`printValue cannot print ${format.kind}`);
  }
}

function runJsonPath(format: OutputFormat, value: unknown): string {
  const path = parseJsonPath(format.template);
  try {
    return format.kind === 'jsonpath' ? path.execute(value) : path.executeAsJson(value);
  } catch (err) {
    if (err instanceof JsonPathError) throw new KubectlError(`error executing jsonpath ${JSON.stringify(format.template)}: ${err.message}`);
    throw err;
  }
}

function parseJsonPath(template: string): JsonPath {
  try {
    return new JsonPath(template);
  } catch (err) {
    if (err instanceof JsonPathError) throw new KubectlError(err.message);
    throw err;
  }
}

/**
 * customColumns is -o custom-columns=HEADER:.json.path,...: one row per object; a path that finds nothing prints
 * `<none>`, several values are joined by commas.
 */
function customColumns(spec: string, objects: readonly KubeObject[], header: boolean): string {
  const columns = spec.split(',').map((part) => {
    const colon = part.indexOf(':');
    if (colon < 0) throw new KubectlError(`unexpected custom-columns spec: ${part}, expected <header>:<json-path-expr>`);
    let template: string;
    try {
      template = relaxedJsonPath(part.slice(colon + 1));
    } catch (err) {
      throw new KubectlError((err as Error).message);
    }
    return { header: part.slice(0, colon), path: parseJsonPath(template) };
  });
  const rows = objects.map((obj) =>
    columns.map(({ path }) => {
      const values = path.values(obj).filter((v) => v !== undefined);
      if (values.length === 0) return '<none>';
      return values.map(goValue).join(',');
    }),
  );
  return formatTable([...(header ? [columns.map((c) => c.header)] : []), ...rows]);
}

/** goValue prints a value as Go's %v prints decoded JSON: `map[k:v]`, `[a b]`, `<nil>`. */
function goValue(v: unknown): string {
  if (v === null || v === undefined) return '<nil>';
  if (Array.isArray(v)) return `[${v.map(goValue).join(' ')}]`;
  if (typeof v === 'object') {
    const map = v as Record<string, unknown>;
    return `map[${Object.keys(map).sort().map((k) => `${k}:${goValue(map[k])}`).join(' ')}]`;
  }
  return String(v);
}
