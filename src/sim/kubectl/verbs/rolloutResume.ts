// Mirrors k8s.io/kubectl/pkg/cmd/rollout/rollout_resume.go (RunResume) and pkg/polymorphichelpers/objectresumer.go:
// clear spec.paused on a Deployment, so its controller rolls out the current template again.
import type { Deployment } from 'kubernetes-types/apps/v1';
import type { KubeObject } from '../../api/object';
import type { Verb } from '../verb';
import { outputFlag, qualifiedName } from './operation';
import { patchObjects, rolloutFilenameFlag, rolloutTargets } from './rolloutObjects';

export const rolloutResumeVerb: Verb = {
  name: 'resume',
  short: 'Resume a paused resource',
  long: [
    'Resume a paused resource.',
    '',
    ' Paused resources will not be reconciled by a controller. By resuming a resource, we allow it to be reconciled again. Currently only deployments support being resumed.',
  ].join('\n'),
  use: 'resume RESOURCE',
  example: ['  # Resume an already paused deployment', '  kubectl rollout resume deployment/nginx'].join('\n'),
  flags: [rolloutFilenameFlag, outputFlag],
  run(ctx, args) {
    return patchObjects(
      ctx,
      args,
      rolloutTargets(ctx, args),
      ({ spec, name, object }) => {
        if (spec.kind !== 'Deployment') return { error: 'resuming is not supported' };
        const deployment = structuredClone(object) as Deployment & KubeObject;
        if (!deployment.spec?.paused) return { error: 'is not paused' };
        deployment.spec = { ...deployment.spec, paused: false };
        const reason = `kubectl rollout resume ${qualifiedName(spec, name)}: spec.paused is false, so the deployment controller rolls out the current pod template`;
        return { object: deployment, reason };
      },
      'resumed',
      'already resumed',
    );
  },
};
