// Mirrors k8s.io/kubectl/pkg/cmd/set/set.go: `kubectl set` groups the commands that change one aspect of existing
// objects. Kubeplay has `set image`; env, resources, selector, serviceaccount and subject are left out.
import type { Verb } from '../verb';
import { setImageVerb } from './setImage';

export const setVerb: Verb = {
  name: 'set',
  short: 'Set specific features on objects',
  long: [
    'Configure application resources.',
    '',
    ' These commands help you make changes to existing application resources.',
  ].join('\n'),
  group: 'Basic Commands (Beginner)',
  use: 'set SUBCOMMAND',
  flags: [],
  subcommands: [setImageVerb],
};
