// Mirrors k8s.io/kubectl/pkg/cmd/get/get.go (Run, watch, the "No resources found" message, one table per resource
// kind); leaves out --chunk-size paging, --raw, -f/-k, --subresource, --output-watch-events and server-side columns
// of custom resources.
import type { KubeObject } from '../../api/object';
import { StatusError, statusErrors } from '../../api/statusError';
import { apiVersionOf, resourceName, type KindSpec } from '../../kinds/kindSpec';
import { parseSelector } from '../../api/meta/v1/labelSelector';
import { fieldSetFor, parseFieldSelectorForKind } from '../../api/meta/v1/fieldSelector';
import type { WatchEvent } from '../../store/types';
import type { ParsedArgs } from '../commandLine';
import { flags } from '../flags';
import { parseOutputFormat, type OutputFormat } from '../printers/outputFormat';
import { printObject, printObjects, type ObjectPrintOptions } from '../printers/objectOutput';
import { sortObjects } from '../printers/sortBy';
import { tableHandlerFor } from '../printers/index';
import { tableHeader, tableRow, type TableOptions } from '../printers/tablePrinter';
import { resolveResourceArgs, notFound } from '../resourceArgs';
import { TabWriter } from '../tabwriter';
import { errorText, KubectlError, namespaceOf, usageError, type KubectlContext, type KubectlOutput, type KubectlResult, type Verb } from '../verb';

/** Info is one result of the resource builder: objects of one kind, from a list or a named get. */
interface Info {
  spec: KindSpec;
  objects: KubeObject[];
  /** The named object, when the info came from `TYPE NAME` (a watch then follows that object only). */
  name?: string;
}

/** GetRequest is what the command line asks for, resolved. */
interface GetRequest {
  infos: Info[];
  errors: unknown[];
  multipleTypes: boolean;
  /** One object was named: -o yaml/json print it alone rather than in a List. */
  singleItem: boolean;
  namespace: string;
  allNamespaces: boolean;
  labelSelector: string;
  fieldSelector: string;
}

export const getVerb: Verb = {
  name: 'get',
  short: 'Display one or many resources',
  group: 'Basic Commands (Intermediate)',
  use: 'get [(-o|--output=)json|yaml|name|jsonpath|custom-columns|wide] (TYPE[.VERSION][.GROUP] [NAME | -l label] | TYPE[.VERSION][.GROUP]/NAME ...) [flags]',
  long: 'Display one or many resources.\n\n Prints a table of the most important information about the specified resources. You can filter the list using a label selector and the --selector flag. If the desired resource type is namespaced you will only see results in the current namespace unless you pass --all-namespaces.',
  example: [
    '  # List all pods in ps output format',
    '  kubectl get pods',
    '',
    '  # List all pods in ps output format with more information (such as node name)',
    '  kubectl get pods -o wide',
    '',
    '  # List deployments in JSON output format, in the "v1" version of the "apps" API group',
    '  kubectl get deployments.v1.apps -o json',
    '',
    '  # List all replication controllers and services together in ps output format',
    '  kubectl get rc,services',
    '',
    '  # Return only the phase value of the specified pod',
    "  kubectl get -o jsonpath='{.status.phase}' pod web-pod-13je7",
  ].join('\n'),
  flags: [
    flags.allNamespaces,
    flags.output,
    flags.selector,
    flags.fieldSelector,
    flags.showLabels,
    flags.labelColumns,
    flags.noHeaders,
    flags.sortBy,
    flags.watch,
    flags.watchOnly,
    flags.ignoreNotFound,
    { name: 'chunk-size', type: 'int', default: 500, usage: 'Return large lists in chunks rather than all at once. Pass 0 to disable.' },
  ],
  run: runGet,
};

function runGet(ctx: KubectlContext, args: ParsedArgs): KubectlResult {
  const format = parseOutputFormat(args.string('output'));
  if (args.positionals.length === 0) {
    return {
      stdout: '',
      stderr:
        'You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.\n\n' +
        `${errorText(usageError('kubectl get', 'Required resource not specified.'))}\n`,
      exitCode: 1,
    };
  }
  const request = resolveRequest(ctx, args);
  const watching = args.bool('watch') || args.bool('watch-only');
  if (watching && request.errors.length > 0) throw request.errors[0];
  if (watching && request.infos.length !== 1) {
    throw new KubectlError(`watch is only supported on individual resources and resource collections, but ${request.infos.length} resources were found`);
  }
  const sortBy = args.string('sort-by');
  if (sortBy) for (const info of request.infos) info.objects = sortObjects(info.objects, sortBy);

  const printer = new GetPrinter(ctx, args, format, request, watching);
  const stdout = args.bool('watch-only') ? '' : printer.printInfos();
  let stderr = request.errors.map((e) => `${errorText(e)}\n`).join('');
  if (format.kind === 'table' && !watching && stdout === '' && request.errors.length === 0 && !args.bool('ignore-not-found')) {
    const allNamespaced = !request.allNamespaces && request.infos.every((i) => i.spec.namespaced);
    stderr += allNamespaced ? `No resources found in ${request.namespace} namespace.\n` : 'No resources found\n';
  }
  const result: KubectlResult = { stdout, stderr, exitCode: request.errors.length > 0 ? 1 : 0 };
  if (watching) result.stream = { onEvent: (handler) => watchInfo(ctx, request, printer, handler) };
  return result;
}

function resolveRequest(ctx: KubectlContext, args: ParsedArgs): GetRequest {
  const allNamespaces = args.bool('all-namespaces');
  const namespace = namespaceOf(ctx, args);
  const labelSelector = args.string('selector');
  const fieldSelector = args.string('field-selector');
  const { targets, multipleTypes } = resolveResourceArgs(ctx.registry, args.positionals);
  const named = targets.filter((t) => t.name !== undefined);
  if (named.length > 0 && (labelSelector || fieldSelector)) throw new KubectlError('name cannot be provided when a selector is specified');
  if (named.length > 0 && allNamespaces) throw new KubectlError('a resource cannot be retrieved by name across all namespaces');

  const infos: Info[] = [];
  const errors: unknown[] = [];
  for (const { spec, name } of targets) {
    const ns = spec.namespaced ? namespace : '';
    if (name !== undefined) {
      const obj = ctx.client.get(spec.kind, ns, name);
      if (obj) infos.push({ spec, objects: [obj], name });
      else if (!args.bool('ignore-not-found')) errors.push(notFound(spec, name));
      continue;
    }
    try {
      const objects = ctx.client.list(spec.kind, {
        namespace: spec.namespaced && !allNamespaces ? namespace : undefined,
        labelSelector: labelSelector || undefined,
        fieldSelector: fieldSelector || undefined,
      });
      infos.push({ spec, objects });
    } catch (err) {
      if (err instanceof StatusError) throw err;
      // resource/selector.go names the list that failed: `Unable to find "/v1, Resource=pods" that match ...`.
      const gvr = `${spec.group}/${spec.version}, Resource=${spec.plural}`;
      throw statusErrors.badRequest(
        `Unable to find ${JSON.stringify(gvr)} that match label selector ${JSON.stringify(labelSelector)}, field selector ${JSON.stringify(fieldSelector)}: ${(err as Error).message}`,
      );
    }
  }
  return {
    infos,
    errors,
    multipleTypes: multipleTypes || new Set(infos.filter((i) => i.objects.length > 0).map((i) => i.spec)).size > 1,
    singleItem: targets.length === 1 && named.length === 1,
    namespace,
    allNamespaces,
    labelSelector,
    fieldSelector,
  };
}

/**
 * GetPrinter prints what get found in the chosen format. For tables it keeps kubectl's tabwriter between the first
 * listing and later watch rows, so columns stay aligned as kubectl's RememberWidths keeps them; a new kind starts a
 * new table, after a blank line once anything was printed.
 */
class GetPrinter {
  private readonly writer = new TabWriter();
  private lastSpec: KindSpec | undefined;
  private printedHeader = false;
  private written = false;
  private separatorReady = false;
  private printedObjects = 0;

  constructor(
    private readonly ctx: KubectlContext,
    private readonly args: ParsedArgs,
    private readonly format: OutputFormat,
    private readonly request: GetRequest,
    private readonly watching: boolean,
  ) {}

  printInfos(): string {
    if (this.format.kind === 'table') {
      let out = '';
      for (const info of this.request.infos) out += this.tableRows(info.spec, info.objects);
      return out + this.emit(this.writer.flush());
    }
    const objects = this.request.infos.flatMap((i) => i.objects.map((o) => withTypeMeta(o, i.spec)));
    // A watch prints the objects one by one; otherwise several objects print as one List.
    if (this.watching) return objects.map((o) => this.printOne(o)).join('');
    // printGeneric prints even an empty List (`items: []`, never "No resources found"), but only the error when
    // the one object named is missing.
    if (this.request.singleItem && this.request.errors.length > 0) return '';
    return printObjects(this.format, objects, this.objectOptions());
  }

  /** watchOutput is what kubectl prints for one watch event. */
  watchOutput(spec: KindSpec, obj: KubeObject): string {
    if (this.format.kind !== 'table') return this.printOne(withTypeMeta(obj, spec));
    return this.tableRows(spec, [obj]) + this.emit(this.writer.flush());
  }

  private printOne(obj: KubeObject): string {
    return printObject(this.format, obj, this.printedObjects++, this.objectOptions());
  }

  /** emit passes tabwriter output on, after the pending blank line between tables. */
  private emit(text: string): string {
    if (text === '') return '';
    const out = this.separatorReady ? `\n${text}` : text;
    this.separatorReady = false;
    this.written = true;
    return out;
  }

  private tableRows(spec: KindSpec, objects: readonly KubeObject[]): string {
    let out = '';
    if (spec !== this.lastSpec) {
      out += this.emit(this.writer.flush());
      this.writer.setRememberedWidths([]);
      if (this.lastSpec && !this.args.bool('no-headers') && this.written) this.separatorReady = true;
      this.lastSpec = spec;
      this.printedHeader = false;
    }
    if (objects.length === 0) return out;
    const handler = tableHandlerFor(spec.kind);
    const opts = this.tableOptions(spec);
    if (!this.printedHeader && !this.args.bool('no-headers')) this.writer.write(`${tableHeader(handler, opts).join('\t')}\n`);
    this.printedHeader = true;
    for (const obj of objects) this.writer.write(`${tableRow(handler, obj, opts, this.ctx.now()).join('\t')}\n`);
    return out;
  }

  private objectOptions(): ObjectPrintOptions {
    return { nameOf: (o) => nameOf(o, this.ctx), singleItem: this.request.singleItem, noHeaders: this.args.bool('no-headers') };
  }

  private tableOptions(spec: KindSpec): TableOptions {
    return {
      wide: this.format.wide,
      withNamespace: this.request.allNamespaces && spec.namespaced,
      kindPrefix: this.request.multipleTypes && !this.watching ? resourceName(spec) : undefined,
      showLabels: this.args.bool('show-labels'),
      labelColumns: this.args.strings('label-columns'),
    };
  }
}

/** nameOf is `-o name`: `pod/web`, `deployment.apps/web`. */
function nameOf(obj: KubeObject, ctx: KubectlContext): string {
  const spec = ctx.registry.forKind(obj.kind);
  return `${spec ? resourceName(spec) : obj.kind.toLowerCase()}/${obj.metadata.name ?? ''}`;
}

/** withTypeMeta makes sure apiVersion and kind are set, as the API server sets them in responses. */
function withTypeMeta(obj: KubeObject, spec: KindSpec): KubeObject {
  if (obj.apiVersion && obj.kind) return obj;
  return { ...obj, apiVersion: apiVersionOf(spec), kind: spec.kind };
}

/**
 * watchInfo follows the one watched info: every later write of its kind that passes the command's namespace,
 * selectors (or names the watched object) prints a row, DELETED ones included, as kubectl get -w does.
 */
function watchInfo(ctx: KubectlContext, request: GetRequest, printer: GetPrinter, handler: (output: KubectlOutput) => void): () => void {
  const info = request.infos[0];
  const matches = watchFilter(request, info);
  return ctx.client.watch(info.spec.kind, (event: WatchEvent) => {
    if (!matches(event.object)) return;
    handler({ stdout: printer.watchOutput(info.spec, event.object), stderr: '' });
  });
}

function watchFilter(request: GetRequest, info: Info): (obj: KubeObject) => boolean {
  const namespace = info.spec.namespaced && !request.allNamespaces ? request.namespace : undefined;
  if (info.name !== undefined) {
    return (obj) => obj.metadata.name === info.name && (namespace === undefined || obj.metadata.namespace === namespace);
  }
  const labels = request.labelSelector ? parseSelector(request.labelSelector) : undefined;
  const fields = request.fieldSelector ? parseFieldSelectorForKind(request.fieldSelector, info.spec.kind) : undefined;
  return (obj) =>
    (namespace === undefined || obj.metadata.namespace === namespace) &&
    (!labels || labels.matches(obj.metadata.labels)) &&
    (!fields || fields.matches(fieldSetFor(obj, info.spec.namespaced)));
}
