// Mirrors k8s.io/kubectl/pkg/cmd/version/version.go (the plain output): kubectl, its bundled kustomize, and the API
// server, which runs the version every simulated kubelet reports. Leaves out -o json/yaml (build details Kubeplay does
// not have) and the version-skew warning (client and server are the same).
import { KUBELET_VERSION } from '../../cluster/nodeTemplate';
import type { ParsedArgs } from '../commandLine';
import { lines, ok, usageError, type KubectlContext, type KubectlResult, type Verb } from '../verb';

/** KUBECTL_VERSION is the simulated kubectl's version: the cluster's. */
export const KUBECTL_VERSION = KUBELET_VERSION;
/** KUSTOMIZE_VERSION is the kustomize kubectl 1.35 embeds. */
export const KUSTOMIZE_VERSION = 'v5.7.1';

export const versionVerb: Verb = {
  name: 'version',
  short: 'Print the client and server version information',
  long: 'Print the client and server version information for the current context.',
  group: 'Other Commands',
  use: 'version',
  example: ['  # Print the client and server versions for the current context', '  kubectl version'].join('\n'),
  flags: [{ name: 'client', type: 'bool', usage: 'If true, shows client version only (no server required).' }],
  run: (_ctx: KubectlContext, args: ParsedArgs): KubectlResult => {
    if (args.positionals.length > 0) throw usageError('kubectl version', `unexpected arguments: [${args.positionals.join(' ')}]`);
    const client = [`Client Version: ${KUBECTL_VERSION}`, `Kustomize Version: ${KUSTOMIZE_VERSION}`];
    return ok(lines(args.bool('client') ? client : [...client, `Server Version: ${KUBELET_VERSION}`]));
  },
};
