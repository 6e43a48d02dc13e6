// Builders shared by the core validation tests: a valid, defaulted pod changed by one mutation.
import type { Pod } from 'kubernetes-types/core/v1';
import { fieldErrorString, type FieldError } from '../../../fieldError';
import { setDefaultsPod } from '../defaults';
import { validatePodCreate } from './podSpec';

/** validPod is the smallest pod the API server accepts: one named container with an image. */
export function validPod(): Pod {
  return { metadata: { name: 'web', namespace: 'default' }, spec: { containers: [{ name: 'web', image: 'nginx:1.25' }] } };
}

/** podCreateErrors defaults and validates validPod() after `mutate`, returning the errors as kubectl prints them. */
export function podCreateErrors(mutate: (pod: Pod) => void): string[] {
  return podCreateFieldErrors(mutate).map(fieldErrorString);
}

/** podCreateFieldErrors is podCreateErrors as FieldError values. */
export function podCreateFieldErrors(mutate: (pod: Pod) => void): FieldError[] {
  const pod = validPod();
  mutate(pod);
  setDefaultsPod(pod);
  return validatePodCreate(pod);
}
