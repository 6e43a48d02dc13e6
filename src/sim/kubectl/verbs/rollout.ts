// Mirrors k8s.io/kubectl/pkg/cmd/rollout/rollout.go: `kubectl rollout` groups the commands that manage the rollout
// of deployments (and, in kubectl, daemon sets and stateful sets).
import type { Verb } from '../verb';
import { rolloutHistoryVerb } from './rolloutHistory';
import { rolloutPauseVerb } from './rolloutPause';
import { rolloutRestartVerb } from './rolloutRestart';
import { rolloutResumeVerb } from './rolloutResume';
import { rolloutStatusVerb } from './rolloutStatus';
import { rolloutUndoVerb } from './rolloutUndo';

export const rolloutVerb: Verb = {
  name: 'rollout',
  short: 'Manage the rollout of a resource',
  long: [
    'Manage the rollout of one or many resources.',
    '',
    ' Valid resource types include:',
    '',
    '  *  deployments',
    '  *  daemonsets',
    '  *  statefulsets',
  ].join('\n'),
  group: 'Deploy Commands',
  use: 'rollout SUBCOMMAND',
  example: [
    '  # Rollback to the previous deployment',
    '  kubectl rollout undo deployment/abc',
    '',
    '  # Check the rollout status of a daemonset',
    '  kubectl rollout status daemonset/foo',
    '',
    '  # Restart a deployment',
    '  kubectl rollout restart deployment/abc',
  ].join('\n'),
  flags: [],
  subcommands: [rolloutHistoryVerb, rolloutPauseVerb, rolloutRestartVerb, rolloutResumeVerb, rolloutStatusVerb, rolloutUndoVerb],
};
