// Mirrors k8s.io/apimachinery/pkg/api/validation/objectmeta.go and generic.go, and
// pkg/apis/meta/v1/validation/validation.go (labels, label selectors); leaves out managedFields checks and
// kube's extra finalizer-name warnings. Maps are walked in insertion order, where Go's order is random.
import type { LabelSelector, LabelSelectorRequirement, ObjectMeta, OwnerReference } from 'kubernetes-types/meta/v1';
import { type FieldError, type PathSegment, fieldErrors } from '../../fieldError';
import {
  isDNS1035Label,
  isDNS1123Label,
  isDNS1123Subdomain,
  isQualifiedName,
  isValidLabelValue,
  utf8ByteLength,
} from '../../validation/names';

/**
 * NameValidator is ValidateNameFunc: the problems with a name, or [] when it is valid. `prefix` is true for a
 * generateName, which may end in '-' because random characters will be appended.
 */
export type NameValidator = (name: string, prefix: boolean) => string[];

/** maskTrailingDash replaces a trailing '-' (and, as upstream, the character before it) with a subdomain-safe 'a'. */
function maskTrailingDash(name: string): string {
  return name.length > 1 && name.endsWith('-') ? `${name.slice(0, -2)}a` : name;
}

/** nameIsDNSSubdomain is NameIsDNSSubdomain: the rule for most kinds (Pods, Deployments, ConfigMaps, Nodes ...). */
export const nameIsDNSSubdomain: NameValidator = (name, prefix) => isDNS1123Subdomain(prefix ? maskTrailingDash(name) : name);

/** nameIsDNSLabel is NameIsDNSLabel: Namespaces. */
export const nameIsDNSLabel: NameValidator = (name, prefix) => isDNS1123Label(prefix ? maskTrailingDash(name) : name);

/** nameIsDNS1035Label is NameIsDNS1035Label: Services. */
export const nameIsDNS1035Label: NameValidator = (name, prefix) => isDNS1035Label(prefix ? maskTrailingDash(name) : name);

/** validateNamespaceName is ValidateNamespaceName. */
export const validateNamespaceName: NameValidator = nameIsDNSLabel;

/** TOTAL_ANNOTATION_SIZE_LIMIT_B is TotalAnnotationSizeLimitB: 256 KiB of keys plus values. */
export const TOTAL_ANNOTATION_SIZE_LIMIT_B = 256 * 1024;

/** FIELD_IMMUTABLE_ERROR_MSG is FieldImmutableErrorMsg. */
export const FIELD_IMMUTABLE_ERROR_MSG = 'field is immutable';

const child = (path: PathSegment[], ...names: PathSegment[]): PathSegment[] => [...path, ...names];

/** validateNonnegativeField is ValidateNonnegativeField. */
export function validateNonnegativeField(value: number, path: PathSegment[]): FieldError[] {
  return value < 0 ? [fieldErrors.invalid(path, value, 'must be greater than or equal to 0')] : [];
}

/** validateLabelName is ValidateLabelName: a qualified name, reported at `path` with the key as the bad value. */
export function validateLabelName(name: string, path: PathSegment[]): FieldError[] {
  return isQualifiedName(name).map((msg) => fieldErrors.invalid(path, name, msg));
}

/**
 * Frozen label maps known valid. Every pod of a ReplicaSet shares its stored template's labels (getPodFromTemplate),
 * and a map's validity depends on nothing but the map; a frozen one cannot change.
 */
const validLabelMaps = new WeakSet<object>();

/** validateLabels is ValidateLabels: every key a qualified name, every value a valid label value. */
export function validateLabels(labels: Readonly<Record<string, string>> | undefined, path: PathSegment[]): FieldError[] {
  if (labels && validLabelMaps.has(labels)) return [];
  const errs: FieldError[] = [];
  for (const [k, v] of Object.entries(labels ?? {})) {
    errs.push(...validateLabelName(k, path));
    for (const msg of isValidLabelValue(v)) errs.push(fieldErrors.invalid(path, v, msg));
  }
  if (errs.length === 0 && typeof labels === 'object' && labels !== null && Object.isFrozen(labels)) validLabelMaps.add(labels);
  return errs;
}

/** validateAnnotations is ValidateAnnotations: keys are qualified names (case-insensitive), total size <= 256 KiB. */
export function validateAnnotations(annotations: Readonly<Record<string, string>> | undefined, path: PathSegment[]): FieldError[] {
  const errs: FieldError[] = [];
  let totalSize = 0;
  for (const [k, v] of Object.entries(annotations ?? {})) {
    for (const msg of isQualifiedName(k.toLowerCase())) errs.push(fieldErrors.invalid(path, k, msg));
    totalSize += utf8ByteLength(k) + utf8ByteLength(v);
  }
  if (totalSize > TOTAL_ANNOTATION_SIZE_LIMIT_B) errs.push(fieldErrors.tooLong(path, '', TOTAL_ANNOTATION_SIZE_LIMIT_B));
  return errs;
}

/** parseGroupVersion is schema.ParseGroupVersion; undefined where upstream returns an error. */
function parseGroupVersion(apiVersion: string): { group: string; version: string } | undefined {
  if (apiVersion === '' || apiVersion === '/') return { group: '', version: '' };
  // Slash positions instead of split('/'): every owned object written (most pods) has its owner's apiVersion read.
  const slash = apiVersion.indexOf('/');
  if (slash < 0) return { group: '', version: apiVersion };
  if (apiVersion.indexOf('/', slash + 1) < 0) return { group: apiVersion.slice(0, slash), version: apiVersion.slice(slash + 1) };
  return undefined;
}

function validateOwnerReference(ref: OwnerReference, path: PathSegment[]): FieldError[] {
  const errs: FieldError[] = [];
  const gv = parseGroupVersion(ref.apiVersion ?? '') ?? { group: '', version: '' };
  if (gv.version === '') errs.push(fieldErrors.invalid(child(path, 'apiVersion'), ref.apiVersion ?? '', 'version must not be empty'));
  if (!ref.kind) errs.push(fieldErrors.invalid(child(path, 'kind'), ref.kind ?? '', 'must not be empty'));
  if (!ref.name) errs.push(fieldErrors.invalid(child(path, 'name'), ref.name ?? '', 'must not be empty'));
  if (!ref.uid) errs.push(fieldErrors.invalid(child(path, 'uid'), ref.uid ?? '', 'must not be empty'));
  // BannedOwners: an Event may not own anything.
  if (gv.group === '' && gv.version === 'v1' && ref.kind === 'Event') {
    errs.push(fieldErrors.invalid(path, ref, '/v1, Kind=Event is disallowed from being an owner'));
  }
  return errs;
}

/** validateOwnerReferences is ValidateOwnerReferences: each reference complete, at most one controller. */
export function validateOwnerReferences(refs: readonly OwnerReference[] | undefined, path: PathSegment[]): FieldError[] {
  const errs: FieldError[] = [];
  let firstController = '';
  for (const ref of refs ?? []) {
    errs.push(...validateOwnerReference(ref, path));
    if (ref.controller) {
      const current = `${ref.kind}/${ref.name}`;
      if (firstController !== '') {
        errs.push(
          fieldErrors.invalid(
            path,
            refs,
            `Only one reference can have Controller set to true. Found "true" in references for ${firstController} and ${current}`,
          ),
        );
      } else {
        firstController = current;
      }
    }
  }
  return errs;
}

/** validateFinalizers is ValidateFinalizers: qualified names, and not both orphan and foregroundDeletion. */
export function validateFinalizers(finalizers: readonly string[] | undefined, path: PathSegment[]): FieldError[] {
  const errs: FieldError[] = [];
  for (const f of finalizers ?? []) errs.push(...isQualifiedName(f).map((msg) => fieldErrors.invalid(path, f, msg)));
  if (finalizers?.includes('orphan') && finalizers.includes('foregroundDeletion')) {
    errs.push(fieldErrors.invalid(path, finalizers, 'finalizer orphan and foregroundDeletion cannot be both set'));
  }
  return errs;
}

/**
 * validateObjectMeta is ValidateObjectMeta, for creation (after generateName has been turned into a name):
 * generateName format, name required ("name or generateName is required") and valid, namespace required and
 * valid for namespaced kinds and forbidden for cluster-scoped ones, generation, labels, annotations,
 * ownerReferences and finalizers.
 */
export function validateObjectMeta(
  meta: ObjectMeta | undefined,
  requiresNamespace: boolean,
  nameFn: NameValidator,
  path: PathSegment[] = ['metadata'],
): FieldError[] {
  const m = meta ?? {};
  const errs: FieldError[] = [];
  if (m.generateName) {
    for (const msg of nameFn(m.generateName, true)) errs.push(fieldErrors.invalid(child(path, 'generateName'), m.generateName, msg));
  }
  if (!m.name) errs.push(fieldErrors.required(child(path, 'name'), 'name or generateName is required'));
  else for (const msg of nameFn(m.name, false)) errs.push(fieldErrors.invalid(child(path, 'name'), m.name, msg));

  if (requiresNamespace) {
    if (!m.namespace) errs.push(fieldErrors.required(child(path, 'namespace')));
    else for (const msg of validateNamespaceName(m.namespace, false)) errs.push(fieldErrors.invalid(child(path, 'namespace'), m.namespace, msg));
  } else if (m.namespace) {
    errs.push(fieldErrors.forbidden(child(path, 'namespace'), 'not allowed on this type'));
  }
  // Absent parts have nothing to check: most objects written (Events, several per pod) carry few of them.
  if (m.generation !== undefined) errs.push(...validateNonnegativeField(m.generation, child(path, 'generation')));
  if (m.labels) errs.push(...validateLabels(m.labels, child(path, 'labels')));
  if (m.annotations) errs.push(...validateAnnotations(m.annotations, child(path, 'annotations')));
  if (m.ownerReferences) errs.push(...validateOwnerReferences(m.ownerReferences, child(path, 'ownerReferences')));
  if (m.finalizers) errs.push(...validateFinalizers(m.finalizers, child(path, 'finalizers')));
  return errs;
}

/** goStrings prints a []string the way %#v does. */
function goStrings(values: readonly string[]): string {
  return `[]string{${values.map((v) => JSON.stringify(v)).join(', ')}}`;
}

/**
 * validateObjectMetaUpdate is ValidateObjectMetaUpdate: resourceVersion present, generation not decremented,
 * name/namespace/uid/creationTimestamp/deletionTimestamp/deletionGracePeriodSeconds immutable, no new finalizers
 * once deletion started, and labels/annotations/ownerReferences valid.
 */
export function validateObjectMetaUpdate(newMeta: ObjectMeta, oldMeta: ObjectMeta, path: PathSegment[] = ['metadata']): FieldError[] {
  const errs: FieldError[] = [];
  if (oldMeta.deletionTimestamp) {
    const old = new Set(oldMeta.finalizers ?? []);
    const extra = [...new Set((newMeta.finalizers ?? []).filter((f) => !old.has(f)))].sort();
    if (extra.length) {
      errs.push(
        fieldErrors.forbidden(
          child(path, 'finalizers'),
          `no new finalizers can be added if the object is being deleted, found new finalizers ${goStrings(extra)}`,
        ),
      );
    }
  }
  if (!newMeta.resourceVersion) {
    errs.push(fieldErrors.invalid(child(path, 'resourceVersion'), newMeta.resourceVersion ?? '', 'must be specified for an update'));
  }
  if ((newMeta.generation ?? 0) < (oldMeta.generation ?? 0)) {
    errs.push(fieldErrors.invalid(child(path, 'generation'), newMeta.generation ?? 0, 'must not be decremented'));
  }
  const immutable = ['name', 'namespace', 'uid', 'creationTimestamp', 'deletionTimestamp', 'deletionGracePeriodSeconds'] as const;
  for (const field of immutable) {
    const next = newMeta[field];
    const prev = oldMeta[field];
    // Semantic equality: an absent string field equals "" (Go zero values).
    const same = typeof next === 'number' || typeof prev === 'number' ? next === prev : (next ?? '') === (prev ?? '');
    if (!same) errs.push(fieldErrors.invalid(child(path, field), next, FIELD_IMMUTABLE_ERROR_MSG));
  }
  errs.push(...validateLabels(newMeta.labels, child(path, 'labels')));
  errs.push(...validateAnnotations(newMeta.annotations, child(path, 'annotations')));
  errs.push(...validateOwnerReferences(newMeta.ownerReferences, child(path, 'ownerReferences')));
  return errs;
}

/** validateLabelSelectorRequirement is ValidateLabelSelectorRequirement (values must be valid label values). */
export function validateLabelSelectorRequirement(sr: LabelSelectorRequirement, path: PathSegment[]): FieldError[] {
  const errs: FieldError[] = [];
  const values = sr.values ?? [];
  switch (sr.operator) {
    case 'In':
    case 'NotIn':
      if (values.length === 0) errs.push(fieldErrors.required(child(path, 'values'), "must be specified when `operator` is 'In' or 'NotIn'"));
      break;
    case 'Exists':
    case 'DoesNotExist':
      if (values.length > 0) {
        errs.push(fieldErrors.forbidden(child(path, 'values'), "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"));
      }
      break;
    default:
      errs.push(fieldErrors.invalid(child(path, 'operator'), sr.operator, 'not a valid selector operator'));
  }
  errs.push(...validateLabelName(sr.key, child(path, 'key')));
  values.forEach((v, i) => {
    for (const msg of isValidLabelValue(v)) errs.push(fieldErrors.invalid(child(path, 'values', i), v, msg));
  });
  return errs;
}

/** validateLabelSelector is ValidateLabelSelector: matchLabels as labels, each matchExpression's operator/values/key. */
export function validateLabelSelector(ls: LabelSelector | undefined, path: PathSegment[]): FieldError[] {
  if (!ls) return [];
  const errs = validateLabels(ls.matchLabels, child(path, 'matchLabels'));
  (ls.matchExpressions ?? []).forEach((expr, i) => {
    errs.push(...validateLabelSelectorRequirement(expr, child(path, 'matchExpressions', i)));
  });
  return errs;
}
