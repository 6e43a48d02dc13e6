// Mirrors the shared body of k8s.io/kubectl/pkg/cmd/label/label.go RunLabel and pkg/cmd/annotate/annotate.go
// RunAnnotate: visit the objects, refuse overwrites without --overwrite, change the map, send a JSON merge patch of
// it, print `pod/web labeled`. Leaves out --local and --dry-run.
import type { KubeObject } from '../../api/object';
import { statusErrors } from '../../api/statusError';
import type { ParsedArgs } from '../commandLine';
import { KubectlError, type KubectlContext, type KubectlResult } from '../verb';
import { resolveInfos, type Info } from './builder';
import { aggregateResult, kubectlWrite, printOperation, qualifiedName } from './operation';

/** MapUpdate is the keys to set (in the order given) and the keys to remove. */
export interface MapUpdate {
  set: ReadonlyMap<string, string>;
  remove: readonly string[];
}

/** MetadataMapCommand is what differs between label and annotate. */
export interface MetadataMapCommand {
  field: 'labels' | 'annotations';
  verb: 'label' | 'annotate';
  resources: readonly string[];
  namespace: string;
  update: MapUpdate;
  /** The KEY=VALUE / KEY- arguments, for the narration. */
  pairsText: string;
  /** The error refusing to overwrite existing keys without --overwrite, if any. */
  checkOverwrites(current: Readonly<Record<string, string>>): string[];
  /** The printed operation, from the object's JSON before and after the change. */
  operation(before: string, after: string): string;
  /** label prints `label "x" not found.` for a key to remove that the object lacks. */
  reportMissingRemovals: boolean;
}

/** updateMetadataMap runs label or annotate once the arguments are checked. */
export function updateMetadataMap(ctx: KubectlContext, args: ParsedArgs, command: MetadataMapCommand): KubectlResult {
  const found = resolveInfos(ctx, {
    args: command.resources,
    namespace: command.namespace,
    filenames: args.strings('filename'),
    labelSelector: args.string('selector'),
    fieldSelector: args.string('field-selector'),
    selectAll: args.bool('all'),
    allNamespaces: args.has('all-namespaces') && args.bool('all-namespaces'),
  });
  const resourceVersion = args.string('resource-version');
  if (!found.singleItemImplied && resourceVersion) throw new KubectlError('--resource-version may only be used with a single resource');
  const errors: unknown[] = [...found.errors];
  let stdout = '';
  const emit = (text: string) => {
    stdout += text;
  };
  for (const info of found.infos) {
    try {
      if (args.bool('list')) emit(listMap(command, info, found.singleItemImplied));
      else updateOne(ctx, args, command, info, emit);
    } catch (err) {
      errors.push(err);
    }
  }
  return aggregateResult(stdout, errors);
}

function updateOne(ctx: KubectlContext, args: ParsedArgs, command: MetadataMapCommand, info: Info, emit: (text: string) => void): void {
  const current = info.object.metadata[command.field] ?? {};
  if (command.reportMissingRemovals) {
    for (const key of command.update.remove) if (current[key] === undefined) emit(`${command.verb} ${JSON.stringify(key)} not found.\n`);
  }
  if (!args.bool('overwrite')) {
    const refusals = command.checkOverwrites(current);
    if (refusals.length > 0) throw new KubectlError(refusals.length === 1 ? refusals[0] : `[${refusals.join(', ')}]`);
  }
  const next = applyUpdate(current, command.update);
  const resourceVersion = args.string('resource-version');
  if (resourceVersion && resourceVersion !== info.object.metadata.resourceVersion) {
    throw statusErrors.conflict(info.spec.plural, info.spec.group, info.name);
  }
  const before = JSON.stringify(info.object);
  const after = JSON.stringify({ ...info.object, metadata: { ...info.object.metadata, [command.field]: next } });
  let result: KubeObject = info.object;
  if (before !== after) {
    const patch: Record<string, string | null> = {};
    for (const [key, value] of command.update.set) patch[key] = value;
    for (const key of command.update.remove) if (current[key] !== undefined) patch[key] = null;
    const count = Object.keys(next).length;
    const reason = `kubectl ${command.verb} ${qualifiedName(info.spec, info.name)} ${command.pairsText}: ${info.name} now has ${count} ${count === 1 ? command.field.slice(0, -1) : command.field}`;
    result = ctx.client.patch(info.spec.kind, info.namespace, info.name, { metadata: { [command.field]: patch } }, kubectlWrite(reason));
  }
  emit(printOperation(args.string('output'), info.spec, result, command.operation(before, after)));
}

function applyUpdate(current: Readonly<Record<string, string>>, update: MapUpdate): Record<string, string> {
  const next = { ...current };
  for (const [key, value] of update.set) next[key] = value;
  for (const key of update.remove) delete next[key];
  return next;
}

/** listMap is --list: `key=value` lines (sorted, where kubectl walks a Go map), headed per object when several. */
function listMap(command: MetadataMapCommand, info: Info, single: boolean): string {
  const map = applyUpdate(info.object.metadata[command.field] ?? {}, command.update);
  const indent = single ? '' : ' ';
  const head = single ? '' : `Listing ${command.field} for ${info.spec.kind}.${info.spec.group}/${info.name}:\n`;
  return head + Object.keys(map).sort().map((k) => `${indent}${k}=${map[k]}\n`).join('');
}
