// Mirrors k8s.io/kubectl/pkg/cmd/rollout/rollout_history.go and pkg/polymorphichelpers/history.go
// DeploymentHistoryViewer.ViewHistory: the revisions of a Deployment's ReplicaSets with their change-cause, in a
// tabwriter of padding 2. Leaves out --revision (it prints the template as describe does) and -o; DaemonSets and
// StatefulSets have no ControllerRevisions in Kubeplay.
import type { KubeObject } from '../../api/object';
import { revision } from '../../controllers/deployment/replicaSets';
import { TabWriter } from '../tabwriter';
import { KubectlError, type KubectlContext, type Verb } from '../verb';
import type { Info } from './builder';
import { aggregateResult, qualifiedName } from './operation';
import { rolloutFilenameFlag, rolloutTargets } from './rolloutObjects';

const CHANGE_CAUSE = 'kubernetes.io/change-cause';

export const rolloutHistoryVerb: Verb = {
  name: 'history',
  short: 'View rollout history',
  long: 'View previous rollout revisions and configurations.',
  use: 'history (TYPE NAME | TYPE/NAME) [flags]',
  example: ['  # View the rollout history of a deployment', '  kubectl rollout history deployment/abc'].join('\n'),
  flags: [rolloutFilenameFlag],
  run(ctx, args) {
    const found = rolloutTargets(ctx, args);
    const errors: unknown[] = [...found.errors];
    let stdout = '';
    for (const info of found.infos) {
      if (info.spec.kind === 'DaemonSet' || info.spec.kind === 'StatefulSet') {
        errors.push(new KubectlError(`rollout history of ${info.spec.plural}.${info.spec.group} is not supported by Kubeplay: it keeps no ControllerRevisions`));
        continue;
      }
      if (info.spec.kind !== 'Deployment') {
        errors.push(new KubectlError(`no history viewer has been implemented for ${JSON.stringify(info.spec.group ? `${info.spec.kind}.${info.spec.group}` : info.spec.kind)}`));
        continue;
      }
      // The name printer's operation is "\n" + the history, so the name line ends with a space.
      stdout += `${qualifiedName(info.spec, info.name)} \n${viewHistory(ctx, info)}\n`;
    }
    return aggregateResult(stdout, errors);
  },
};

/** viewHistory is the REVISION / CHANGE-CAUSE table of the Deployment's ReplicaSets, oldest revision first. */
function viewHistory(ctx: KubectlContext, info: Info): string {
  const causes = new Map<number, string>();
  for (const rs of ownedReplicaSets(ctx, info.object)) {
    const v = revision(rs);
    if (v !== undefined) causes.set(v, rs.metadata.annotations?.[CHANGE_CAUSE] ?? '');
  }
  if (causes.size === 0) return 'No rollout history found.';
  const writer = new TabWriter({ minWidth: 0, padding: 2, rememberWidths: false });
  writer.write('REVISION\tCHANGE-CAUSE\n');
  for (const v of [...causes.keys()].sort((a, b) => a - b)) writer.write(`${v}\t${causes.get(v) || '<none>'}\n`);
  return writer.flush();
}

/** ownedReplicaSets is deploymentutil.GetAllReplicaSets: the ReplicaSets the Deployment controls. */
function ownedReplicaSets(ctx: KubectlContext, deployment: KubeObject): KubeObject[] {
  return ctx.client
    .list('ReplicaSet', { namespace: deployment.metadata.namespace })
    .filter((rs) => (rs.metadata.ownerReferences ?? []).some((r) => r.controller && r.uid === deployment.metadata.uid));
}
