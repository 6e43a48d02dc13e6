// Mirrors the small shared helpers of pkg/apis/core/validation/validation.go (ValidateDNS1123Label/Subdomain,
// ValidateImmutableField) and field.Path.Key.
import { type FieldError, fieldErrors, type PathSegment } from '../../../fieldError';
import { FIELD_IMMUTABLE_ERROR_MSG } from '../../../meta/v1/validation';
import { isDNS1123Label, isDNS1123Subdomain } from '../../../validation/names';

/** Messages shared by many validators, worded as upstream's constants. */
export const isNegativeErrorMsg = 'must be greater than or equal to 0';
export const isNotPositiveErrorMsg = 'must be greater than zero';

/** key is field.Path.Key: the segment for a map key such as a resource name, rendered `requests[cpu]`. */
export function key(k: string): PathSegment {
  return { key: k };
}

/** validateDNS1123Label is ValidateDNS1123Label: one Invalid error per failed rule. */
export function validateDNS1123Label(value: string, path: PathSegment[]): FieldError[] {
  return isDNS1123Label(value).map((msg) => fieldErrors.invalid(path, value, msg));
}

/** validateDNS1123Subdomain is ValidateDNS1123Subdomain. */
export function validateDNS1123Subdomain(value: string, path: PathSegment[]): FieldError[] {
  return isDNS1123Subdomain(value).map((msg) => fieldErrors.invalid(path, value, msg));
}

/** semanticEqual is apiequality.Semantic.DeepEqual over plain JSON values (missing and undefined are equal). */
export function semanticEqual(a: unknown, b: unknown): boolean {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

function canonical(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(canonical);
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) {
      const value = (v as Record<string, unknown>)[k];
      if (value !== undefined) out[k] = canonical(value);
    }
    return out;
  }
  return v;
}

/** validateImmutableField is ValidateImmutableField: `field is immutable` when the value changed. */
export function validateImmutableField(newVal: unknown, oldVal: unknown, path: PathSegment[], badValue: unknown = newVal): FieldError[] {
  return semanticEqual(newVal, oldVal) ? [] : [fieldErrors.invalid(path, badValue, FIELD_IMMUTABLE_ERROR_MSG)];
}

/** notFound is field.NotFound, which fieldErrors does not construct. */
export function notFound(path: PathSegment[], badValue: unknown): FieldError {
  return { type: 'FieldValueNotFound', path, badValue };
}
