// Mirrors k8s.io/kubectl/pkg/cmd/rollout/rollout_restart.go (RunRestart) and pkg/polymorphichelpers/objectrestarter.go:
// a new kubectl.kubernetes.io/restartedAt annotation (the virtual time, RFC 3339) on the pod template makes the
// controller replace every pod.
import type { PodTemplateSpec } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../api/object';
import { rfc3339 } from '../../clock/timeFormat';
import { KubectlError, type Verb } from '../verb';
import { outputFlag, qualifiedName } from './operation';
import { patchObjects, rolloutFilenameFlag, rolloutTargets } from './rolloutObjects';

const RESTARTED_AT = 'kubectl.kubernetes.io/restartedAt';
const RESTARTABLE = new Set(['Deployment', 'DaemonSet', 'StatefulSet']);

export const rolloutRestartVerb: Verb = {
  name: 'restart',
  short: 'Restart a resource',
  long: [
    'Restart a resource.',
    '',
    '        Resource rollout will be restarted.',
  ].join('\n'),
  use: 'restart RESOURCE',
  example: [
    '  # Restart all deployments in the test-namespace namespace',
    '  kubectl rollout restart deployment -n test-namespace',
    '',
    '  # Restart a deployment',
    '  kubectl rollout restart deployment/nginx',
    '',
    '  # Restart a daemon set',
    '  kubectl rollout restart daemonset/abc',
    '',
    '  # Restart deployments with the app=nginx label',
    '  kubectl rollout restart deployment --selector=app=nginx',
  ].join('\n'),
  flags: [
    rolloutFilenameFlag,
    outputFlag,
    {
      name: 'selector',
      shorthand: 'l',
      type: 'string',
      usage: "Selector (label query) to filter on, supports '=', '==', '!=', 'in', 'notin'.(e.g. -l key1=value1,key2=value2,key3 in (value3)). Matching objects must satisfy all of the specified label constraints.",
    },
  ],
  run(ctx, args) {
    const at = rfc3339(ctx.now());
    return patchObjects(
      ctx,
      args,
      rolloutTargets(ctx, args, args.string('selector')),
      ({ spec, name, object }) => {
        if (!RESTARTABLE.has(spec.kind)) return { error: 'restarting is not supported' };
        const next = structuredClone(object) as KubeObject & { spec: { paused?: boolean; template: PodTemplateSpec } };
        if (spec.kind === 'Deployment' && next.spec.paused) return { error: "can't restart paused deployment (run rollout resume first)" };
        const metadata = (next.spec.template.metadata ??= {});
        metadata.annotations = { ...metadata.annotations, [RESTARTED_AT]: at };
        const reason = `kubectl rollout restart ${qualifiedName(spec, name)}: the pod template's ${RESTARTED_AT} annotation is now ${at}, so the controller replaces every pod`;
        return { object: next, reason };
      },
      'restarted',
      ({ name }) => new KubectlError(`failed to create patch for ${name}: empty patch`),
    );
  },
};
