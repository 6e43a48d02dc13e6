// Mirrors legacyValidateEvent in pkg/apis/core/validation/events.go for core/v1 Events without eventTime (the
// ones Kubeplay's recorder writes). Leaves out the events.k8s.io rules for new-style events.
import type { Event } from 'kubernetes-types/core/v1';
import { type FieldError, fieldErrors } from '../../../fieldError';
import { nameIsDNSSubdomain, validateObjectMeta } from '../../../meta/v1/validation';

/** validateEvent is ValidateEventCreate for v1: the event lives in its involved object's namespace. */
export function validateEvent(event: Event): FieldError[] {
  const errs = validateObjectMeta(event.metadata ?? {}, true, nameIsDNSSubdomain, ['metadata']);
  const ns = event.metadata?.namespace ?? '';
  const involvedNs = event.involvedObject?.namespace ?? '';
  // Events about cluster-scoped objects may sit in "default" for compatibility with old clients.
  const ok = involvedNs === '' ? ns === '' || ns === 'default' : ns === involvedNs;
  if (!ok) errs.push(fieldErrors.invalid(['involvedObject', 'namespace'], involvedNs, 'does not match event.namespace'));
  return errs;
}
