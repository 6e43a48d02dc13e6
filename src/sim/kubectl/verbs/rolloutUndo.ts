// Mirrors k8s.io/kubectl/pkg/cmd/rollout/rollout_undo.go (RunUndo) over controllers/deployment/rollback.ts
// (polymorphichelpers/rollback.go DeploymentRollbacker): copy an old ReplicaSet's pod template back into the
// Deployment. Leaves out --dry-run; DaemonSets and StatefulSets have no ControllerRevisions in Kubeplay to go back to.
import { rollbackDeployment } from '../../controllers/deployment/rollback';
import { KubectlError, type Verb } from '../verb';
import { ACTOR, aggregateResult, withWriteContext } from './operation';
import { rolloutFilenameFlag, rolloutTargets } from './rolloutObjects';

export const rolloutUndoVerb: Verb = {
  name: 'undo',
  short: 'Undo a previous rollout',
  long: 'Roll back to a previous rollout.',
  use: 'undo (TYPE NAME | TYPE/NAME) [flags]',
  example: [
    '  # Roll back to the previous deployment',
    '  kubectl rollout undo deployment/abc',
    '',
    '  # Roll back to deployment revision 3',
    '  kubectl rollout undo deployment/abc --to-revision=3',
  ].join('\n'),
  flags: [{ name: 'to-revision', type: 'int', usage: 'The revision to rollback to. Default to 0 (last revision).' }, rolloutFilenameFlag],
  run(ctx, args) {
    const found = rolloutTargets(ctx, args);
    const errors: unknown[] = [...found.errors];
    let stdout = '';
    // rollback.ts narrates its write for any caller; here it is kubectl's.
    const client = withWriteContext(ctx.client, (write) => ({ ...write, actor: ACTOR }));
    for (const { spec, namespace, name } of found.infos) {
      if (spec.kind === 'DaemonSet' || spec.kind === 'StatefulSet') {
        errors.push(new KubectlError(`rollout undo of ${spec.plural}.${spec.group} is not supported by Kubeplay: it keeps no ControllerRevisions`));
        continue;
      }
      if (spec.kind !== 'Deployment') {
        errors.push(new KubectlError(`no rollbacker has been implemented for ${JSON.stringify(spec.group ? `${spec.kind}.${spec.group}` : spec.kind)}`));
        continue;
      }
      const result = rollbackDeployment(client, namespace, name, args.int('to-revision'));
      if ('error' in result) errors.push(new KubectlError(result.error));
      else stdout += `${result.output}\n`;
    }
    return aggregateResult(stdout, errors);
  },
};
