// Mirrors k8s.io/kubectl/pkg/cmd/taint/taint.go (Complete, Validate, RunTaint, updateTaints) and taint/utils.go
// (parseTaints, parseTaint, reorganizeTaints): add, overwrite and remove node taints. Leaves out --dry-run.
import type { Node, Taint } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../api/object';
import { matchTaint, taintToString, TaintEffectNoExecute, TaintEffectNoSchedule, TaintEffectPreferNoSchedule } from '../../api/core/v1/taint';
import { isQualifiedName, isValidLabelValue } from '../../api/validation/names';
import type { ParsedArgs } from '../commandLine';
import { notFound, resolveResourceType } from '../resourceArgs';
import { KubectlError, usageError, type KubectlContext, type Verb } from '../verb';
import { aggregateMessage, aggregateResult, kubectlWrite, outputFlag, printOperation } from './operation';

type NodeObject = Node & KubeObject;

export const taintVerb: Verb = {
  name: 'taint',
  short: 'Update the taints on one or more nodes',
  group: 'Cluster Management Commands',
  use: 'taint NODE NAME KEY_1=VAL_1:TAINT_EFFECT_1 ... KEY_N=VAL_N:TAINT_EFFECT_N',
  long: [
    'Update the taints on one or more nodes.',
    '',
    '  *  A taint consists of a key, value, and effect. As an argument here, it is expressed as key=value:effect.',
    '  *  The key must begin with a letter or number, and may contain letters, numbers, hyphens, dots, and underscores, up to 253 characters.',
    '  *  Optionally, the key can begin with a DNS subdomain prefix and a single \'/\', like example.com/my-app.',
    '  *  The value is optional. If given, it must begin with a letter or number, and may contain letters, numbers, hyphens, dots, and underscores, up to 63 characters.',
    '  *  The effect must be NoSchedule, PreferNoSchedule or NoExecute.',
    '  *  Currently taint can only apply to node.',
  ].join('\n'),
  example: [
    "  # Update node 'foo' with a taint with key 'dedicated' and value 'special-user' and effect 'NoSchedule'",
    "  # If a taint with that key and effect already exists, its value is replaced as specified",
    '  kubectl taint nodes foo dedicated=special-user:NoSchedule',
    '',
    "  # Remove from node 'foo' the taint with key 'dedicated' and effect 'NoSchedule' if one exists",
    '  kubectl taint nodes foo dedicated:NoSchedule-',
    '',
    "  # Remove from node 'foo' all the taints with key 'dedicated'",
    '  kubectl taint nodes foo dedicated-',
  ].join('\n'),
  flags: [
    {
      name: 'selector',
      shorthand: 'l',
      type: 'string',
      usage: "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2)",
    },
    { name: 'overwrite', type: 'bool', usage: 'If true, allow taints to be overwritten, otherwise reject taint updates that overwrite existing taints.' },
    { name: 'all', type: 'bool', usage: 'Select all nodes in the cluster' },
    outputFlag,
  ],
  run(ctx, args) {
    const resources: string[] = [];
    const taintArgs: string[] = [];
    for (const s of args.positionals) {
      const isTaint = s.includes('=') || s.includes(':') || s.endsWith('-');
      if (isTaint) taintArgs.push(s);
      else if (taintArgs.length > 0) throw new KubectlError(`all resources must be specified before taint changes: ${s}`);
      else resources.push(s);
    }
    if (resources.length < 1) throw new KubectlError('one or more resources must be specified as <resource> <name>');
    if (taintArgs.length < 1) throw new KubectlError('at least one taint update is required');
    let parsed: { add: Taint[]; remove: Taint[] };
    try {
      parsed = parseTaints(taintArgs);
    } catch (err) {
      throw usageError('kubectl taint', (err as Error).message);
    }
    validate(ctx, args, resources, parsed);

    const errors: unknown[] = [];
    let stdout = '';
    for (const node of resolveNodes(ctx, args, resources.slice(1), errors)) {
      try {
        stdout += updateTaints(ctx, node, parsed, args, taintArgs.join(' '));
      } catch (err) {
        errors.push(err);
      }
    }
    return aggregateResult(stdout, errors);
  },
};

function validate(ctx: KubectlContext, args: ParsedArgs, resources: readonly string[], taints: { add: Taint[]; remove: Taint[] }): void {
  const type = resources[0].toLowerCase();
  if (resolveResourceType(ctx.registry, type).kind !== 'Node') throw new KubectlError(`invalid resource type ${type}, only node types are supported`);
  const conflicts: string[] = [];
  for (const add of taints.add) {
    for (const remove of taints.remove) {
      if (add.key !== remove.key) continue;
      if (!remove.effect || add.effect === remove.effect) conflicts.push(`{"${remove.key}":"${remove.effect ?? ''}"}`);
    }
  }
  if (conflicts.length > 0) throw new KubectlError(`can not both modify and remove the following taint(s) in the same command: ${conflicts.join(', ')}`);
  const all = args.bool('all');
  const selector = args.string('selector');
  if (all && selector) throw new KubectlError("setting 'all' parameter with a non empty selector is prohibited");
  if (!all && !selector && resources.length < 2) throw new KubectlError("at least one resource name must be specified since 'all' parameter is not set");
}

/** resolveNodes is the builder of taint.go: --all, -l, or NODE names (a missing one is NotFound, others continue). */
function resolveNodes(ctx: KubectlContext, args: ParsedArgs, names: readonly string[], errors: unknown[]): NodeObject[] {
  if (args.bool('all') || args.string('selector')) {
    return ctx.client.list<NodeObject>('Node', { labelSelector: args.string('selector') || undefined });
  }
  const spec = resolveResourceType(ctx.registry, 'nodes');
  const nodes: NodeObject[] = [];
  for (const name of names) {
    const node = ctx.client.get<NodeObject>('Node', '', name);
    if (node) nodes.push(node);
    else errors.push(notFound(spec, name));
  }
  return nodes;
}

/** parseTaints reads `key=value:Effect`, `key:Effect` to add and `key:Effect-`, `key-` to remove. */
function parseTaints(specs: readonly string[]): { add: Taint[]; remove: Taint[] } {
  const add: Taint[] = [];
  const remove: Taint[] = [];
  for (const spec of specs) {
    if (spec.endsWith('-')) {
      const taint = parseTaint(spec.slice(0, -1));
      remove.push({ key: taint.key, effect: taint.effect });
      continue;
    }
    const taint = parseTaint(spec);
    if (!taint.effect) throw new Error(`invalid taint spec: ${spec}`);
    if (add.some((t) => t.key === taint.key && t.effect === taint.effect)) {
      // Go prints the duplicated v1.Taint with %v.
      throw new Error(`duplicated taints with the same key and effect: {${taint.key} ${taint.value ?? ''} ${taint.effect} <nil>}`);
    }
    add.push(taint);
  }
  return { add, remove };
}

function parseTaint(st: string): Taint {
  const parts = st.split(':');
  let key: string;
  let value = '';
  let effect = '';
  if (parts.length === 1) {
    key = parts[0];
  } else if (parts.length === 2) {
    effect = parts[1];
    if (![TaintEffectNoSchedule, TaintEffectPreferNoSchedule, TaintEffectNoExecute].includes(effect)) {
      throw new Error(`invalid taint effect: ${effect}, unsupported taint effect`);
    }
    const kv = parts[0].split('=');
    if (kv.length > 2) throw new Error(`invalid taint spec: ${st}`);
    key = kv[0];
    if (kv.length === 2) {
      value = kv[1];
      const errs = isValidLabelValue(value);
      if (errs.length > 0) throw new Error(`invalid taint spec: ${st}, ${errs.join('; ')}`);
    }
  } else {
    throw new Error(`invalid taint spec: ${st}`);
  }
  const errs = isQualifiedName(key);
  if (errs.length > 0) throw new Error(`invalid taint spec: ${st}, ${errs.join('; ')}`);
  const taint: Taint = { key, effect };
  if (value) taint.value = value;
  return taint;
}

/**
 * updateTaints is updateTaints + reorganizeTaints: the new taints first, then the old ones they do not replace, minus
 * the removed ones; `tainted`, `untainted`, or `modified` when some were both added and removed (or --overwrite).
 */
function updateTaints(ctx: KubectlContext, node: NodeObject, taints: { add: Taint[]; remove: Taint[] }, args: ParsedArgs, taintText: string): string {
  const name = node.metadata.name ?? '';
  const old = node.spec?.taints ?? [];
  const overwrite = args.bool('overwrite');
  if (!overwrite) {
    const exists = taints.add.filter((t) => old.some((o) => o.key === t.key && o.effect === t.effect)).map((t) => t.key);
    if (exists.length > 0) throw new KubectlError(`node ${name} already has ${exists.join(',')} taint(s) with same effect(s) and --overwrite is false`);
  }
  let next = [...taints.add];
  for (const o of old) if (!next.some((t) => matchTaint(t, o))) next.push(o);
  const added = old.length !== next.length;
  const notFoundErrors: string[] = [];
  let deleted = false;
  for (const remove of taints.remove) {
    const kept = next.filter((t) => (remove.effect ? !matchTaint(remove, t) : t.key !== remove.key));
    deleted = kept.length !== next.length;
    if (!deleted) notFoundErrors.push(`taint ${JSON.stringify(taintToString(remove))} not found`);
    next = kept;
  }
  if (notFoundErrors.length > 0) throw new KubectlError(aggregateMessage(notFoundErrors));
  const operation = (added && deleted) || overwrite ? 'modified' : added ? 'tainted' : 'untainted';
  const reason = `kubectl taint nodes ${name} ${taintText}: ${name} now has ${next.length} taint(s)${
    next.length > 0 ? ` (${next.map(taintToString).join(', ')}); pods must tolerate them to be scheduled${next.some((t) => t.effect === TaintEffectNoExecute) ? ' or keep running' : ''} there` : ''
  }`;
  const updated = ctx.client.patch<NodeObject>('Node', '', name, { spec: { taints: next.length > 0 ? next : null } }, kubectlWrite(reason));
  return printOperation(args.string('output'), resolveResourceType(ctx.registry, 'nodes'), updated, operation);
}
