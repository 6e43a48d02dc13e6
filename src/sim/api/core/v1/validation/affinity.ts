// Mirrors validateAffinity, validateNodeAffinity, ValidateNodeSelector(Term/Requirement),
// ValidateNodeFieldSelectorRequirement, ValidatePreferredSchedulingTerms, validatePodAffinity(Term) and
// validateTopologySpreadConstraints in pkg/apis/core/validation/validation.go. Leaves out matchLabelKeys and
// mismatchLabelKeys checks.
import type {
  Affinity,
  NodeSelector,
  NodeSelectorRequirement,
  NodeSelectorTerm,
  PodAffinityTerm,
  TopologySpreadConstraint,
  WeightedPodAffinityTerm,
} from 'kubernetes-types/core/v1';
import { type FieldError, fieldErrors, type PathSegment } from '../../../fieldError';
import { isValidLabelValue } from '../../../validation/names';
import { nameIsDNSLabel, nameIsDNSSubdomain, validateLabelName, validateLabelSelector } from '../../../meta/v1/validation';
import { isNotPositiveErrorMsg } from './common';

/** validateNodeSelectorRequirement is ValidateNodeSelectorRequirement. */
export function validateNodeSelectorRequirement(rq: NodeSelectorRequirement, allowInvalidValues: boolean, path: PathSegment[]): FieldError[] {
  const errs: FieldError[] = [];
  const values = rq.values ?? [];
  switch (rq.operator) {
    case 'In':
    case 'NotIn':
      if (values.length === 0) errs.push(fieldErrors.required([...path, 'values'], "must be specified when `operator` is 'In' or 'NotIn'"));
      break;
    case 'Exists':
    case 'DoesNotExist':
      if (values.length > 0) errs.push(fieldErrors.forbidden([...path, 'values'], "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"));
      break;
    case 'Gt':
    case 'Lt':
      if (values.length !== 1) errs.push(fieldErrors.required([...path, 'values'], "must be specified single value when `operator` is 'Lt' or 'Gt'"));
      break;
    default:
      errs.push(fieldErrors.invalid([...path, 'operator'], rq.operator, 'not a valid selector operator'));
  }
  errs.push(...validateLabelName(rq.key, [...path, 'key']));
  if (!allowInvalidValues) {
    values.forEach((v, i) => errs.push(...isValidLabelValue(v).map((m) => fieldErrors.invalid([...path, 'values', i], v, m))));
  }
  return errs;
}

function validateNodeFieldSelectorRequirement(rq: NodeSelectorRequirement, path: PathSegment[]): FieldError[] {
  const errs: FieldError[] = [];
  if (rq.operator === 'In' || rq.operator === 'NotIn') {
    if ((rq.values ?? []).length !== 1) {
      errs.push(fieldErrors.required([...path, 'values'], "must be only one value when `operator` is 'In' or 'NotIn' for node field selector"));
    }
  } else {
    errs.push(fieldErrors.invalid([...path, 'operator'], rq.operator, 'not a valid selector operator'));
  }
  if (rq.key !== 'metadata.name') {
    errs.push(fieldErrors.invalid([...path, 'key'], rq.key, 'not a valid field selector key'));
  } else {
    (rq.values ?? []).forEach((v, i) => errs.push(...nameIsDNSSubdomain(v, false).map((m) => fieldErrors.invalid([...path, 'values', i], v, m))));
  }
  return errs;
}

/** validateNodeSelectorTerm is ValidateNodeSelectorTerm. */
export function validateNodeSelectorTerm(term: NodeSelectorTerm, allowInvalidValues: boolean, path: PathSegment[]): FieldError[] {
  const errs: FieldError[] = [];
  (term.matchExpressions ?? []).forEach((rq, j) => errs.push(...validateNodeSelectorRequirement(rq, allowInvalidValues, [...path, 'matchExpressions', j])));
  (term.matchFields ?? []).forEach((rq, j) => errs.push(...validateNodeFieldSelectorRequirement(rq, [...path, 'matchFields', j])));
  return errs;
}

/** validateNodeSelector is ValidateNodeSelector: at least one term, each valid. */
export function validateNodeSelector(selector: NodeSelector, path: PathSegment[]): FieldError[] {
  const termsPath = [...path, 'nodeSelectorTerms'];
  const terms = selector.nodeSelectorTerms ?? [];
  if (terms.length === 0) return [fieldErrors.required(termsPath, 'must have at least one node selector term')];
  return terms.flatMap((term, i) => validateNodeSelectorTerm(term, false, [...termsPath, i]));
}

function validatePodAffinityTerm(term: PodAffinityTerm, path: PathSegment[]): FieldError[] {
  const errs: FieldError[] = [];
  if (term.labelSelector) errs.push(...validateLabelSelector(term.labelSelector, [...path, 'labelSelector']));
  if (term.namespaceSelector) errs.push(...validateLabelSelector(term.namespaceSelector, [...path, 'namespaceSelector']));
  for (const ns of term.namespaces ?? []) errs.push(...nameIsDNSLabel(ns, false).map((m) => fieldErrors.invalid([...path, 'namespace'], ns, m)));
  if (!term.topologyKey) errs.push(fieldErrors.required([...path, 'topologyKey'], 'can not be empty'));
  errs.push(...validateLabelName(term.topologyKey ?? '', [...path, 'topologyKey']));
  return errs;
}

function validatePodAffinityTerms(
  required: readonly PodAffinityTerm[] | undefined,
  preferred: readonly WeightedPodAffinityTerm[] | undefined,
  path: PathSegment[],
): FieldError[] {
  const errs: FieldError[] = [];
  (required ?? []).forEach((t, i) => errs.push(...validatePodAffinityTerm(t, [...path, 'requiredDuringSchedulingIgnoredDuringExecution', i])));
  (preferred ?? []).forEach((w, j) => {
    const idx = [...path, 'preferredDuringSchedulingIgnoredDuringExecution', j];
    if (w.weight <= 0 || w.weight > 100) errs.push(fieldErrors.invalid([...idx, 'weight'], w.weight, 'must be in the range 1-100'));
    errs.push(...validatePodAffinityTerm(w.podAffinityTerm, [...idx, 'podAffinityTerm']));
  });
  return errs;
}

/** validateAffinity is validateAffinity: node affinity, pod affinity and pod anti-affinity. */
export function validateAffinity(affinity: Affinity | undefined, path: PathSegment[]): FieldError[] {
  if (!affinity) return [];
  const errs: FieldError[] = [];
  const na = affinity.nodeAffinity;
  if (na) {
    const naPath = [...path, 'nodeAffinity'];
    const required = na.requiredDuringSchedulingIgnoredDuringExecution;
    if (required) errs.push(...validateNodeSelector(required, [...naPath, 'requiredDuringSchedulingIgnoredDuringExecution']));
    (na.preferredDuringSchedulingIgnoredDuringExecution ?? []).forEach((term, i) => {
      const idx = [...naPath, 'preferredDuringSchedulingIgnoredDuringExecution', i];
      if (term.weight <= 0 || term.weight > 100) errs.push(fieldErrors.invalid([...idx, 'weight'], term.weight, 'must be in the range 1-100'));
      // Preferred terms may name label values that do not exist yet: upstream always allows invalid values here.
      errs.push(...validateNodeSelectorTerm(term.preference, true, [...idx, 'preference']));
    });
  }
  for (const kind of ['podAffinity', 'podAntiAffinity'] as const) {
    const a = affinity[kind];
    if (a) {
      errs.push(...validatePodAffinityTerms(a.requiredDuringSchedulingIgnoredDuringExecution, a.preferredDuringSchedulingIgnoredDuringExecution, [...path, kind]));
    }
  }
  return errs;
}

const SCHEDULE_ACTIONS = ['DoNotSchedule', 'ScheduleAnyway'];
const NODE_INCLUSION_POLICIES = ['Honor', 'Ignore'];

/** validateTopologySpreadConstraints is validateTopologySpreadConstraints. */
export function validateTopologySpreadConstraints(constraints: readonly TopologySpreadConstraint[] | undefined, path: PathSegment[]): FieldError[] {
  const errs: FieldError[] = [];
  const list = constraints ?? [];
  list.forEach((c, i) => {
    const idx = [...path, i];
    if (c.maxSkew <= 0) errs.push(fieldErrors.invalid([...idx, 'maxSkew'], c.maxSkew, isNotPositiveErrorMsg));
    if (!c.topologyKey) errs.push(fieldErrors.required([...idx, 'topologyKey'], 'can not be empty'));
    if (!SCHEDULE_ACTIONS.includes(c.whenUnsatisfiable)) {
      errs.push(fieldErrors.notSupported([...idx, 'whenUnsatisfiable'], c.whenUnsatisfiable, SCHEDULE_ACTIONS));
    }
    // The tuple {topologyKey, whenUnsatisfiable} names one kind of spread constraint: it may appear once.
    const repeat = list.slice(i + 1).some((o) => o.topologyKey === c.topologyKey && o.whenUnsatisfiable === c.whenUnsatisfiable);
    if (repeat) errs.push(fieldErrors.duplicate([...idx, '{topologyKey, whenUnsatisfiable}'], `{${c.topologyKey}, ${c.whenUnsatisfiable}}`));
    if (c.minDomains !== undefined && c.minDomains !== null) {
      if (c.minDomains <= 0) errs.push(fieldErrors.invalid([...idx, 'minDomains'], c.minDomains, isNotPositiveErrorMsg));
      if (c.whenUnsatisfiable !== 'DoNotSchedule') {
        errs.push(fieldErrors.invalid([...idx, 'minDomains'], c.minDomains, `can only use minDomains if whenUnsatisfiable=DoNotSchedule, not ${c.whenUnsatisfiable}`));
      }
    }
    for (const policy of ['nodeAffinityPolicy', 'nodeTaintsPolicy'] as const) {
      const value = c[policy];
      if (value !== undefined && !NODE_INCLUSION_POLICIES.includes(value)) {
        errs.push(fieldErrors.notSupported([...idx, policy], value, NODE_INCLUSION_POLICIES));
      }
    }
    if (c.labelSelector) errs.push(...validateLabelSelector(c.labelSelector, [...idx, 'labelSelector']));
  });
  return errs;
}
