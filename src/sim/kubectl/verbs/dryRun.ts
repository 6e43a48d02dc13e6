// Mirrors cmdutil.GetDryRunStrategy and the --dry-run flag of kubectl's generators (create deployment/namespace/
// service, run, expose): with --dry-run=client the object is printed, not sent. Client-side printing shows what Go
// marshals for a fresh object: `creationTimestamp: null`, empty `resources: {}`, `strategy: {}` and `status: {}`.
// Leaves out --dry-run=server, which needs the API server's dryRun parameter.
import type { KubeObject } from '../../api/object';
import type { KindSpec } from '../../kinds/kindSpec';
import type { ApiClient } from '../../store/types';
import type { FlagSpec, ParsedArgs } from '../commandLine';
import { KubectlError } from '../verb';
import { kubectlWrite, printOperation } from './operation';

export const dryRunFlag: FlagSpec = {
  name: 'dry-run',
  type: 'string',
  default: 'none',
  usage: 'Must be "none", "server", or "client". If client strategy, only print the object that would be sent, without sending it. If server strategy, submit server-side request without persisting the resource.',
};

/** isClientDryRun reads --dry-run: true for client, false for none; server and anything else are refused. */
export function isClientDryRun(args: ParsedArgs): boolean {
  const value = args.string('dry-run');
  if (value === 'client') return true;
  if (value === 'none' || value === '') return false;
  if (value === 'server') throw new KubectlError('--dry-run=server is not supported in Kubeplay: the simulated API server has no dry-run mode');
  throw new KubectlError(`Invalid dry-run value (${value}). Must be "none", "server", or "client".`);
}

/**
 * createOrPrint creates a generated object, or with --dry-run=client prints it as kubectl does (`pod/web created
 * (dry run)`, or the object with -o yaml) without sending it. The namespace is printed only when -n was given.
 */
export function createOrPrint(client: ApiClient, args: ParsedArgs, spec: KindSpec, obj: KubeObject, reason: string, operation = 'created'): string {
  if (!isClientDryRun(args)) return printOperation(args.string('output'), spec, client.create(obj, kubectlWrite(reason)), operation);
  return printOperation(args.string('output'), spec, asSentByKubectl(obj, args.changed('namespace')), `${operation} (dry run)`);
}

/** asSentByKubectl is the object as kubectl serialises a fresh Go struct: zero values it always writes, filled in. */
export function asSentByKubectl(obj: KubeObject, keepNamespace: boolean): KubeObject {
  const out = structuredClone(obj) as KubeObject & { spec?: Record<string, unknown>; status?: unknown };
  const { namespace, ...metadata } = out.metadata;
  out.metadata = { ...(keepNamespace && namespace ? { namespace } : {}), ...metadata, creationTimestamp: null } as unknown as KubeObject['metadata'];
  const podSpec = (spec: { containers?: Array<{ resources?: object }> } | undefined) => {
    for (const c of spec?.containers ?? []) c.resources ??= {};
  };
  if (out.kind === 'Deployment') {
    const spec = out.spec as { strategy?: object; template?: { metadata?: Record<string, unknown>; spec?: { containers?: Array<{ resources?: object }> } } };
    spec.strategy ??= {};
    if (spec.template) {
      spec.template.metadata = { ...spec.template.metadata, creationTimestamp: null };
      podSpec(spec.template.spec);
    }
  }
  if (out.kind === 'Pod') podSpec(out.spec as { containers?: Array<{ resources?: object }> });
  if (out.kind === 'Namespace') out.spec ??= {};
  out.status = out.kind === 'Service' ? { loadBalancer: {} } : {};
  return out;
}
