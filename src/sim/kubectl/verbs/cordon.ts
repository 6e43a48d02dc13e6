// Mirrors k8s.io/kubectl/pkg/cmd/drain/drain.go NewCmdCordon, NewCmdUncordon and RunCordonOrUncordon, with
// pkg/drain/cordon.go CordonHelper (a merge patch of spec.unschedulable). Leaves out --dry-run.
import type { Node } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../api/object';
import type { ParsedArgs } from '../commandLine';
import { flags } from '../flags';
import { notFound, resolveResourceType } from '../resourceArgs';
import { lines, ok, usageError, type KubectlContext, type Verb } from '../verb';
import { kubectlWrite } from './operation';

type NodeObject = Node & KubeObject;

const nodeSelectorFlag = { ...flags.selector, usage: 'Selector (label query) to filter on' };

export const cordonVerb: Verb = {
  name: 'cordon',
  short: 'Mark node as unschedulable',
  long: 'Mark node as unschedulable.',
  group: 'Cluster Management Commands',
  use: 'cordon NODE',
  example: ['  # Mark node "foo" as unschedulable', '  kubectl cordon foo'].join('\n'),
  flags: [nodeSelectorFlag],
  run: (ctx, args) => ok(lines(cordonNodes(ctx, args, 'cordon', true))),
};

export const uncordonVerb: Verb = {
  name: 'uncordon',
  short: 'Mark node as schedulable',
  long: 'Mark node as schedulable.',
  group: 'Cluster Management Commands',
  use: 'uncordon NODE',
  example: ['  # Mark node "foo" as schedulable', '  kubectl uncordon foo'].join('\n'),
  flags: [nodeSelectorFlag],
  run: (ctx, args) => ok(lines(cordonNodes(ctx, args, 'uncordon', false))),
};

/**
 * resolveNodes is the node lookup of DrainCmdOptions.Complete: NODE names, or -l over all nodes. A missing node stops
 * the command before anything is changed (`Error from server (NotFound): nodes "x" not found`).
 */
export function resolveNodes(ctx: KubectlContext, args: ParsedArgs, verb: string): NodeObject[] {
  const names = args.positionals;
  const selector = args.string('selector');
  if (names.length === 0 && !args.changed('selector')) throw usageError(`kubectl ${verb}`, `USAGE: ${verb} NODE [flags]`);
  if (names.length > 0 && selector) {
    throw usageError(`kubectl ${verb}`, 'cannot specify both a node name and a --selector option');
  }
  const spec = resolveResourceType(ctx.registry, 'nodes');
  if (names.length === 0) return ctx.client.list<NodeObject>('Node', { labelSelector: selector || undefined });
  return names.map((name) => {
    const node = ctx.client.get<NodeObject>('Node', '', name);
    if (!node) throw notFound(spec, name);
    return node;
  });
}

/**
 * setUnschedulable is CordonHelper.UpdateIfRequired + PatchOrReplace for one node: `node/x cordoned`, or
 * `node/x already cordoned` without a write when it already is.
 */
export function setUnschedulable(ctx: KubectlContext, node: NodeObject, unschedulable: boolean, command: string): string {
  const name = node.metadata.name ?? '';
  const verb = unschedulable ? 'cordoned' : 'uncordoned';
  if (Boolean(node.spec?.unschedulable) === unschedulable) return `node/${name} already ${verb}`;
  const why = unschedulable
    ? `spec.unschedulable is now true, so the scheduler places no new pods on ${name}; its ${podCount(ctx, name)} pod(s) keep running`
    : `spec.unschedulable is cleared, so the scheduler may place pods on ${name} again`;
  ctx.client.patch('Node', '', name, { spec: { unschedulable: unschedulable ? true : null } }, kubectlWrite(`kubectl ${command} ${name}: ${why}`));
  return `node/${name} ${verb}`;
}

function podCount(ctx: KubectlContext, node: string): number {
  return ctx.client.list('Pod', { fieldSelector: `spec.nodeName=${node}` }).length;
}

function cordonNodes(ctx: KubectlContext, args: ParsedArgs, verb: string, unschedulable: boolean): string[] {
  return resolveNodes(ctx, args, verb).map((node) => setUnschedulable(ctx, node, unschedulable, verb));
}
