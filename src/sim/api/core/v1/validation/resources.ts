// Mirrors validateResourceRequirements, validateContainerResourceName, validateResourceName and
// ValidateResourceQuantityValue in pkg/apis/core/validation/validation.go and the resource-name helpers of
// pkg/apis/core/helper/helpers.go. Leaves out resource claims (DRA) and pod-level resources.
//
// ATTENTION: a quantity that does not parse ("1mi") is reported here as a field error at its own path. The real
// API server fails earlier, while decoding the request, with 400 BadRequest and the same parser message; a field
// error keeps the message and lets `kubectl apply` point at the line.
import type { ResourceRequirements } from 'kubernetes-types/core/v1';
import { type FieldError, fieldErrors, type PathSegment } from '../../../fieldError';
import { isQualifiedName } from '../../../validation/names';
import { type Quantity, QuantityError, parseQuantity } from '../../../resource/quantity';
import { isNegativeErrorMsg, key } from './common';

const STANDARD_CONTAINER_RESOURCES = new Set(['cpu', 'memory', 'ephemeral-storage']);
const STANDARD_RESOURCES = new Set([
  'cpu', 'memory', 'ephemeral-storage', 'requests.cpu', 'requests.memory', 'requests.ephemeral-storage', 'limits.cpu',
  'limits.memory', 'limits.ephemeral-storage', 'pods', 'services', 'replicationcontrollers', 'resourcequotas',
  'secrets', 'persistentvolumeclaims', 'configmaps', 'services.nodeports', 'services.loadbalancers', 'storage',
  'requests.storage',
]);
const HUGEPAGES_PREFIX = 'hugepages-';
const DEFAULT_RESOURCE_REQUESTS_PREFIX = 'requests.';

/** isHugePageResourceName is helper.IsHugePageResourceName. */
export function isHugePageResourceName(name: string): boolean {
  return name.startsWith(HUGEPAGES_PREFIX);
}

/** isNativeResource is helper.IsNativeResource: unprefixed or in the kubernetes.io domain. */
export function isNativeResource(name: string): boolean {
  return !name.includes('/') || name.includes('kubernetes.io/');
}

/** isExtendedResourceName is helper.IsExtendedResourceName, e.g. `example.com/gpu`. */
export function isExtendedResourceName(name: string): boolean {
  if (isNativeResource(name) || name.startsWith(DEFAULT_RESOURCE_REQUESTS_PREFIX)) return false;
  return isQualifiedName(DEFAULT_RESOURCE_REQUESTS_PREFIX + name).length === 0;
}

/** isOvercommitAllowed is helper.IsOvercommitAllowed: requests may sit below limits for native, non-hugepage resources. */
export function isOvercommitAllowed(name: string): boolean {
  return isNativeResource(name) && !isHugePageResourceName(name);
}

function validateResourceName(name: string, path: PathSegment[]): FieldError[] {
  const errs = isQualifiedName(name).map((msg) => fieldErrors.invalid(path, name, msg));
  if (errs.length > 0) return errs;
  if (!name.includes('/') && !STANDARD_RESOURCES.has(name) && !isHugePageResourceName(name)) {
    errs.push(fieldErrors.invalid(path, name, 'must be a standard resource type or fully qualified'));
  }
  return errs;
}

/** validateContainerResourceName is validateContainerResourceName. */
export function validateContainerResourceName(name: string, path: PathSegment[]): FieldError[] {
  const errs = validateResourceName(name, path);
  if (!name.includes('/')) {
    if (!STANDARD_CONTAINER_RESOURCES.has(name) && !isHugePageResourceName(name)) {
      errs.push(fieldErrors.invalid(path, name, 'must be a standard resource for containers'));
    }
  } else if (!isNativeResource(name) && !isExtendedResourceName(name)) {
    errs.push(fieldErrors.invalid(path, name, "doesn't follow extended resource name standard"));
  }
  return errs;
}

/** parseResourceQuantity parses one ResourceList entry, reporting a decode failure as an Invalid field error. */
export function parseResourceQuantity(value: unknown, path: PathSegment[], errs: FieldError[]): Quantity | undefined {
  try {
    if (typeof value !== 'string' && typeof value !== 'number') throw new QuantityError('quantities must be a string or a number');
    return parseQuantity(value);
  } catch (err) {
    if (!(err instanceof QuantityError)) throw err;
    errs.push(fieldErrors.invalid(path, value, err.message));
    return undefined;
  }
}

/** validateResourceQuantityValue is ValidateResourceQuantityValue: non-negative, and whole for extended resources. */
export function validateResourceQuantityValue(name: string, q: Quantity, path: PathSegment[]): FieldError[] {
  const errs: FieldError[] = [];
  if (q.sign() < 0) errs.push(fieldErrors.invalid(path, q.toString(), isNegativeErrorMsg));
  if (isExtendedResourceName(name) && q.milliValue() % 1000 !== 0) errs.push(fieldErrors.invalid(path, q.toString(), 'must be an integer'));
  return errs;
}

/**
 * validateContainerResourceRequirements is ValidateContainerResourceRequirements: valid names and quantities,
 * requests no larger than limits (equal for resources that cannot be overcommitted), hugepages only beside
 * cpu or memory.
 */
export function validateContainerResourceRequirements(req: ResourceRequirements | undefined, path: PathSegment[]): FieldError[] {
  const errs: FieldError[] = [];
  const limPath = [...path, 'limits'];
  const reqPath = [...path, 'requests'];
  const limits = new Map<string, Quantity>();
  let hasCPUOrMemory = false;
  let hasHugePages = false;
  for (const [name, raw] of Object.entries(req?.limits ?? {})) {
    const fldPath = [...limPath, key(name)];
    errs.push(...validateContainerResourceName(name, fldPath));
    const q = parseResourceQuantity(raw, fldPath, errs);
    if (!q) continue;
    limits.set(name, q);
    errs.push(...validateResourceQuantityValue(name, q, fldPath));
    if (isHugePageResourceName(name)) hasHugePages = true;
    if (name === 'cpu' || name === 'memory') hasCPUOrMemory = true;
  }
  for (const [name, raw] of Object.entries(req?.requests ?? {})) {
    const fldPath = [...reqPath, key(name)];
    errs.push(...validateContainerResourceName(name, fldPath));
    const q = parseResourceQuantity(raw, fldPath, errs);
    if (!q) continue;
    errs.push(...validateResourceQuantityValue(name, q, fldPath));
    const limit = limits.get(name);
    if (limit) {
      if (q.cmp(limit) !== 0 && !isOvercommitAllowed(name)) {
        errs.push(fieldErrors.invalid(reqPath, q.toString(), `must be equal to ${name} limit of ${limit.toString()}`));
      } else if (q.cmp(limit) > 0) {
        errs.push(fieldErrors.invalid(reqPath, q.toString(), `must be less than or equal to ${name} limit of ${limit.toString()}`));
      }
    } else if (!isOvercommitAllowed(name) && !(name in (req?.limits ?? {}))) {
      errs.push(fieldErrors.required(limPath, 'Limit must be set for non overcommitable resources'));
    }
    if (isHugePageResourceName(name)) hasHugePages = true;
    if (name === 'cpu' || name === 'memory') hasCPUOrMemory = true;
  }
  if (!hasCPUOrMemory && hasHugePages) errs.push(fieldErrors.forbidden(path, 'HugePages require cpu or memory'));
  return errs;
}
