// Mirrors cli-runtime pkg/genericclioptions PrintFlags with a NamePrintFlags operation (`deployment.apps/web
// created`), the -o flag the mutating commands share, and cmdutil's error aggregation (utilerrors.NewAggregate
// printed by CheckErr). Leaves out --dry-run, --template and --show-managed-fields.
import type { KubeObject } from '../../api/object';
import { StatusError } from '../../api/statusError';
import { apiVersionOf, resourceName, type KindSpec } from '../../kinds/kindSpec';
import type { ApiClient, WriteContext } from '../../store/types';
import type { FlagSpec } from '../commandLine';
import { parseOutputFormat } from '../printers/outputFormat';
import { printObject } from '../printers/objectOutput';
import { errorText, type KubectlResult } from '../verb';

/** ACTOR is who the UI names for every write a kubectl command makes. */
export const ACTOR = 'kubectl';

/** kubectlWrite is the WriteContext of a kubectl write: `reason` reads `kubectl <verb> ...: <why, with numbers>`. */
export function kubectlWrite(reason: string): WriteContext {
  return { actor: ACTOR, reason };
}

/**
 * withWriteContext wraps a client so every write carries the context `rewrite` makes of the one given: shared code
 * written for other callers (apply, rollback) then narrates its writes as kubectl's.
 */
export function withWriteContext(client: ApiClient, rewrite: (ctx: WriteContext) => WriteContext): ApiClient {
  return {
    create: (obj, ctx) => client.create(obj, rewrite(ctx)),
    update: (obj, ctx) => client.update(obj, rewrite(ctx)),
    updateStatus: (obj, ctx) => client.updateStatus(obj, rewrite(ctx)),
    patch: (kind, namespace, name, patch, ctx) => client.patch(kind, namespace, name, patch, rewrite(ctx)),
    delete: (kind, namespace, name, ctx, opts) => client.delete(kind, namespace, name, rewrite(ctx), opts),
    bind: (namespace, pod, node, ctx) => client.bind(namespace, pod, node, rewrite(ctx)),
    get: (kind, namespace, name) => client.get(kind, namespace, name),
    list: (kind, opts) => client.list(kind, opts),
    watch: (kind, handler) => client.watch(kind, handler),
  };
}

/** outputFlag is PrintFlags' -o for commands that print the objects they change. */
export const outputFlag: FlagSpec = {
  name: 'output',
  shorthand: 'o',
  type: 'string',
  usage: 'Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file).',
};

/** qualifiedName is how the name printer names an object: `deployment.apps/web`, `pod/web`. */
export function qualifiedName(spec: Pick<KindSpec, 'group' | 'kind'>, name: string): string {
  return `${resourceName(spec)}/${name}`;
}

/**
 * printOperation is PrintFlags.ToPrinter().PrintObj for a changed object: `deployment.apps/web created` by default,
 * `deployment.apps/web` with -o name, the object itself with -o yaml, json or jsonpath.
 */
export function printOperation(output: string, spec: KindSpec, obj: KubeObject, operation: string): string {
  const format = parseOutputFormat(output);
  const name = qualifiedName(spec, obj.metadata.name ?? '');
  if (format.kind === 'table') return `${name} ${operation}\n`;
  const typed = obj.apiVersion && obj.kind ? obj : { ...obj, apiVersion: apiVersionOf(spec), kind: spec.kind };
  return printObject(format, typed, 0, { nameOf: () => name, singleItem: true, noHeaders: false });
}

/**
 * aggregateResult ends a command that continued past errors (ContinueOnError) as CheckErr prints
 * utilerrors.NewAggregate(errs): one error alone reads `error: <message>` (unless it already starts so); several are
 * one line each with no prefix (MultipleErrors). API errors always read `Error from server (Reason): ...`.
 */
export function aggregateResult(stdout: string, errors: readonly unknown[], stderr = ''): KubectlResult {
  let text = '';
  if (errors.length === 1) {
    const message = errorText(errors[0]);
    text = `${message.startsWith('error: error: ') ? message.slice('error: '.length) : message}\n`;
  } else {
    text = errors.map((e) => `${e instanceof StatusError ? e.kubectlMessage : e instanceof Error ? e.message : String(e)}\n`).join('');
  }
  return { stdout, stderr: stderr + text, exitCode: errors.length > 0 ? 1 : 0 };
}

/** aggregateMessage is utilerrors.Aggregate.Error(): one message alone, several as `[a, b]`. */
export function aggregateMessage(messages: readonly string[]): string {
  return messages.length === 1 ? messages[0] : `[${messages.join(', ')}]`;
}
