// Mirrors k8s.io/kubectl/pkg/cmd/apiresources/apiversions.go: every group/version the API server serves, sorted.
import type { ParsedArgs } from '../commandLine';
import { apiVersionOf } from '../../kinds/kindSpec';
import { lines, ok, usageError, type KubectlContext, type KubectlResult, type Verb } from '../verb';

export const apiVersionsVerb: Verb = {
  name: 'api-versions',
  short: 'Print the supported API versions on the server, in the form of "group/version"',
  long: 'Print the supported API versions on the server, in the form of "group/version".',
  group: 'Other Commands',
  use: 'api-versions',
  example: ['  # Print the supported API versions', '  kubectl api-versions'].join('\n'),
  flags: [],
  run: (ctx: KubectlContext, args: ParsedArgs): KubectlResult => {
    if (args.positionals.length > 0) throw usageError('kubectl api-versions', `unexpected arguments: [${args.positionals.join(' ')}]`);
    const versions = [...new Set(ctx.registry.all().map(apiVersionOf))].sort();
    return ok(lines(versions));
  },
};
