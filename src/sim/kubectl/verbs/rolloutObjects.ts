// Mirrors what the k8s.io/kubectl/pkg/cmd/rollout commands share: the builder call (ResourceTypeOrNameArgs(true, ...)
// so `TYPE` alone means every object of it), and set.CalculatePatches with the `error: <resource> "<name>" <why>`
// wording of pause, resume and restart.
import type { KubeObject } from '../../api/object';
import { StatusError } from '../../api/statusError';
import type { ParsedArgs } from '../commandLine';
import { KubectlError, namespaceOf, type KubectlContext, type KubectlResult } from '../verb';
import { resolveInfos, type BuilderResult, type Info } from './builder';
import { filenameFlag } from './manifests';
import { aggregateResult, kubectlWrite, printOperation } from './operation';

/** rolloutFilenameFlag is the -f every rollout subcommand accepts. */
export const rolloutFilenameFlag = filenameFlag('identifying the resource to get from a server.');

/** rolloutTargets resolves a rollout subcommand's TYPE NAME, TYPE/NAME, TYPE (all of it) or -f arguments. */
export function rolloutTargets(ctx: KubectlContext, args: ParsedArgs, labelSelector = ''): BuilderResult {
  if (args.positionals.length === 0 && args.strings('filename').length === 0) throw new KubectlError('required resource not specified');
  return resolveInfos(ctx, {
    args: args.positionals,
    namespace: namespaceOf(ctx, args),
    filenames: args.strings('filename'),
    labelSelector,
    selectAll: true,
  });
}

/** ObjectChange is what a pauser, resumer or restarter makes of one object. */
export type ObjectChange = { object: KubeObject; reason: string } | { error: string };

/**
 * patchObjects is the loop of RunPause, RunResume and RunRestart: change each object, write it, print `<done>`; an
 * object the change refuses is `error: deployments.apps "web" is already paused`, an unchanged one prints
 * `<unchanged>` (or, for restart, is an `empty patch` error that is still written).
 */
export function patchObjects(
  ctx: KubectlContext,
  args: ParsedArgs,
  found: BuilderResult,
  change: (info: Info) => ObjectChange,
  done: string,
  unchanged: string | ((info: Info) => Error),
): KubectlResult {
  const errors: unknown[] = [...found.errors];
  let stdout = '';
  for (const info of found.infos) {
    const result = change(info);
    if ('error' in result) {
      const resource = info.spec.group ? `${info.spec.plural}.${info.spec.group}` : info.spec.plural;
      errors.push(new KubectlError(`error: ${resource} ${JSON.stringify(info.name)} ${result.error}`));
      continue;
    }
    const same = JSON.stringify(result.object) === JSON.stringify(info.object);
    if (same && typeof unchanged === 'string') {
      stdout += printOperation(args.string('output'), info.spec, info.object, unchanged);
      continue;
    }
    if (same && typeof unchanged !== 'string') errors.push(unchanged(info));
    try {
      const written = same ? info.object : ctx.client.update(result.object, kubectlWrite(result.reason));
      stdout += printOperation(args.string('output'), info.spec, written, done);
    } catch (err) {
      if (!(err instanceof StatusError)) throw err;
      errors.push(new KubectlError(`failed to patch: ${err.message}`));
    }
  }
  return aggregateResult(stdout, errors);
}
