// Mirrors k8s.io/kubectl/pkg/cmd/create/create_namespace.go (createNamespace, Run): a Namespace with just a name.
// Leaves out --save-config.
import { resolveResourceType } from '../resourceArgs';
import { ok, usageError, type Verb } from '../verb';
import { outputFlag } from './operation';
import { createOrPrint, dryRunFlag } from './dryRun';

export const createNamespaceVerb: Verb = {
  name: 'namespace',
  aliases: ['ns'],
  short: 'Create a namespace with the specified name',
  long: 'Create a namespace with the specified name.',
  use: 'namespace NAME [--dry-run=server|client|none]',
  example: ['  # Create a new namespace named my-namespace', '  kubectl create namespace my-namespace'].join('\n'),
  flags: [outputFlag, dryRunFlag],
  run(ctx, args) {
    const argsLen = args.argsLenAtDash === -1 ? args.positionals.length : args.argsLenAtDash;
    if (argsLen !== 1) throw usageError('kubectl create namespace', `exactly one NAME is required, got ${argsLen}`);
    const name = args.positionals[0];
    const reason = `kubectl create namespace ${name}: a new namespace; objects created with -n ${name} live in it`;
    return ok(createOrPrint(ctx.client, args, resolveResourceType(ctx.registry, 'namespaces'), { apiVersion: 'v1', kind: 'Namespace', metadata: { name } }, reason));
  },
};
