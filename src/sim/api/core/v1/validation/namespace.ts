// Mirrors ValidateNamespace and validateFinalizerName in pkg/apis/core/validation/validation.go and
// ValidateFinalizerName in k8s.io/apimachinery/pkg/api/validation.
import type { Namespace } from 'kubernetes-types/core/v1';
import { type FieldError, fieldErrors, type PathSegment } from '../../../fieldError';
import { nameIsDNSLabel, validateObjectMeta } from '../../../meta/v1/validation';
import { isQualifiedName } from '../../../validation/names';

/** StandardFinalizers is the finalizer names that need no domain prefix (helper.IsStandardFinalizerName). */
const STANDARD_FINALIZERS = ['kubernetes'];

/** validateFinalizerName is validateFinalizerName: a qualified name, and either standard or domain-prefixed. */
export function validateFinalizerName(name: string, path: PathSegment[]): FieldError[] {
  const errs = isQualifiedName(name).map((m) => fieldErrors.invalid(path, name, m));
  if (!name.includes('/') && !STANDARD_FINALIZERS.includes(name)) {
    errs.push(fieldErrors.invalid(path, name, 'name is neither a standard finalizer name nor is it fully qualified'));
  }
  return errs;
}

/** validateNamespace is ValidateNamespace: a DNS-1123 label name and valid spec.finalizers. */
export function validateNamespace(ns: Namespace): FieldError[] {
  const errs = validateObjectMeta(ns.metadata ?? {}, false, nameIsDNSLabel, ['metadata']);
  for (const f of ns.spec?.finalizers ?? []) errs.push(...validateFinalizerName(f, ['spec', 'finalizers']));
  return errs;
}
