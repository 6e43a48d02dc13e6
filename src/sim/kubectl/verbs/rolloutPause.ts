// Mirrors k8s.io/kubectl/pkg/cmd/rollout/rollout_pause.go (RunPause) and pkg/polymorphichelpers/objectpauser.go:
// set spec.paused on a Deployment, so its controller stops rolling out template changes.
import type { Deployment } from 'kubernetes-types/apps/v1';
import type { KubeObject } from '../../api/object';
import type { Verb } from '../verb';
import { outputFlag, qualifiedName } from './operation';
import { patchObjects, rolloutFilenameFlag, rolloutTargets } from './rolloutObjects';

export const rolloutPauseVerb: Verb = {
  name: 'pause',
  short: 'Mark the provided resource as paused',
  long: [
    'Mark the provided resource as paused.',
    '',
    ' Paused resources will not be reconciled by a controller. Use "kubectl rollout resume" to resume a paused resource. Currently only deployments support being paused.',
  ].join('\n'),
  use: 'pause RESOURCE',
  example: ['  # Mark the nginx deployment as paused', '  # Any current state of the deployment will continue its function; new updates', '  # to the deployment will not have an effect as long as the deployment is paused', '  kubectl rollout pause deployment/nginx'].join('\n'),
  flags: [rolloutFilenameFlag, outputFlag],
  run(ctx, args) {
    return patchObjects(
      ctx,
      args,
      rolloutTargets(ctx, args),
      ({ spec, name, object }) => {
        if (spec.kind !== 'Deployment') return { error: 'pausing is not supported' };
        const deployment = structuredClone(object) as Deployment & KubeObject;
        if (deployment.spec?.paused) return { error: 'is already paused' };
        deployment.spec = { ...deployment.spec!, paused: true };
        const reason = `kubectl rollout pause ${qualifiedName(spec, name)}: spec.paused is true, so the deployment controller rolls out no template change (it still scales) until resumed`;
        return { object: deployment, reason };
      },
      'paused',
      'already paused',
    );
  },
};
