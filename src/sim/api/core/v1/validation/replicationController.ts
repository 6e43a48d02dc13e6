// Mirrors ValidateReplicationController(Spec), ValidateNonEmptySelector and ValidatePodTemplateSpecForRC in
// pkg/apis/core/validation/validation.go.
import type { ReplicationController } from 'kubernetes-types/core/v1';
import { type FieldError, fieldErrors, type PathSegment } from '../../../fieldError';
import { selectorFromSet } from '../../../meta/v1/labelSelector';
import { nameIsDNSSubdomain, validateNonnegativeField, validateObjectMeta } from '../../../meta/v1/validation';
import { goStringMap } from './goValue';
import { validatePodTemplateSpec } from './podSpec';

/** validateReplicationControllerSpec is ValidateReplicationControllerSpec. */
export function validateReplicationControllerSpec(rc: ReplicationController, path: PathSegment[]): FieldError[] {
  const spec = rc.spec ?? {};
  const errs = validateNonnegativeField(spec.minReadySeconds ?? 0, [...path, 'minReadySeconds']);
  const selector = selectorFromSet(spec.selector);
  if (selector.empty()) errs.push(fieldErrors.required([...path, 'selector']));
  errs.push(...validateNonnegativeField(spec.replicas ?? 0, [...path, 'replicas']));
  const tplPath = [...path, 'template'];
  const template = spec.template;
  if (!template) {
    errs.push(fieldErrors.required(tplPath));
    return errs;
  }
  const labels = template.metadata?.labels;
  if (!selector.empty() && !selector.matches(labels)) {
    errs.push(fieldErrors.invalid([...tplPath, 'metadata', 'labels'], goStringMap(labels), '`selector` does not match template `labels`'));
  }
  errs.push(...validatePodTemplateSpec(template, tplPath));
  const policy = template.spec?.restartPolicy;
  if (policy !== 'Always') errs.push(fieldErrors.notSupported([...tplPath, 'spec', 'restartPolicy'], policy ?? '', ['Always']));
  if (template.spec?.activeDeadlineSeconds !== undefined) {
    errs.push(fieldErrors.forbidden([...tplPath, 'spec', 'activeDeadlineSeconds'], 'activeDeadlineSeconds in ReplicationController is not Supported'));
  }
  return errs;
}

/** validateReplicationController is ValidateReplicationController. */
export function validateReplicationController(rc: ReplicationController): FieldError[] {
  const errs = validateObjectMeta(rc.metadata ?? {}, true, nameIsDNSSubdomain, ['metadata']);
  errs.push(...validateReplicationControllerSpec(rc, ['spec']));
  return errs;
}
