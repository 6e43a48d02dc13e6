// Mirrors pkg/apis/apps/validation/validation.go (Deployment, ReplicaSet, DaemonSet, StatefulSet and their
// updates) and the apps/v1 selector-immutability rule of pkg/registry/apps/*/strategy.go ValidateUpdate.
// Leaves out rollbackTo, DaemonSet templateGeneration, StatefulSet ordinals and pod-specific annotations.
//
// ATTENTION: a StatefulSet's pod template gets no pod-spec validation, exactly as upstream (a TODO there since
// 2016): only its labels and annotations are checked, and bad containers surface when pods are created.
// Go pointers inside a printed bad value (e.g. `RollingUpdate:(*apps.RollingUpdateDeployment)(0xc000000000)`) get
// a stand-in address: the real one differs on every request.
import type {
  DaemonSet,
  DaemonSetUpdateStrategy,
  Deployment,
  DeploymentStrategy,
  ReplicaSet,
  StatefulSet,
  StatefulSetSpec,
  StatefulSetUpdateStrategy,
} from 'kubernetes-types/apps/v1';
import type { PodTemplateSpec } from 'kubernetes-types/core/v1';
import type { LabelSelector } from 'kubernetes-types/meta/v1';
import { type FieldError, fieldErrors, type PathSegment } from '../../fieldError';
import { labelSelectorAsSelector, type Selector } from '../../meta/v1/labelSelector';
import {
  nameIsDNSLabel,
  nameIsDNSSubdomain,
  validateAnnotations,
  validateLabelSelector,
  validateLabels,
  validateNonnegativeField,
  validateObjectMeta,
} from '../../meta/v1/validation';
import { isValidPercent } from '../../validation/names';
import { semanticEqual } from '../../core/v1/validation/common';
import { GoValue, goIntOrString, goLabelSelector, goQuote, goStringMap } from '../../core/v1/validation/goValue';
import { validatePodTemplateSpec } from '../../core/v1/validation/podSpec';

type IntOrString = number | string;

/** validatePositiveIntOrPercent is ValidatePositiveIntOrPercent: a non-negative integer or an "N%" string. */
export function validatePositiveIntOrPercent(v: IntOrString | undefined, path: PathSegment[]): FieldError[] {
  if (typeof v === 'string') return isValidPercent(v).map((m) => fieldErrors.invalid(path, goIntOrString(v), m));
  return validateNonnegativeField(v ?? 0, path);
}

function percentValue(v: IntOrString | undefined): number | undefined {
  return typeof v === 'string' && isValidPercent(v).length === 0 ? Number(v.slice(0, -1)) : undefined;
}

/** getIntOrPercentValue is getIntOrPercentValue: the percentage's number, or the integer (0 for bad strings). */
export function getIntOrPercentValue(v: IntOrString | undefined): number {
  const pct = percentValue(v);
  if (pct !== undefined) return pct;
  // IntValue() of a string is strconv.Atoi, 0 when it fails.
  if (typeof v === 'string') return /^[+-]?[0-9]+$/.test(v) ? Number(v) : 0;
  return v ?? 0;
}

/** isNotMoreThan100Percent is IsNotMoreThan100Percent. */
export function isNotMoreThan100Percent(v: IntOrString | undefined, path: PathSegment[]): FieldError[] {
  const pct = percentValue(v);
  return pct === undefined || pct <= 100 ? [] : [fieldErrors.invalid(path, goIntOrString(v), 'must not be greater than 100%')];
}

/** asSelector is metav1.LabelSelectorAsSelector; undefined when the selector cannot be converted. */
function asSelector(ls: LabelSelector | undefined): Selector | undefined {
  try {
    return labelSelectorAsSelector(ls);
  } catch {
    return undefined;
  }
}

/** validateWorkloadSelector checks a required, non-empty, well-formed selector; `kind` names it in the message. */
function validateWorkloadSelector(ls: LabelSelector | undefined, kind: string, path: PathSegment[]): FieldError[] {
  if (!ls) return [fieldErrors.required(path)];
  const errs = validateLabelSelector(ls, path);
  if (Object.keys(ls.matchLabels ?? {}).length + (ls.matchExpressions ?? []).length === 0) {
    errs.push(fieldErrors.invalid(path, goLabelSelector(ls), `empty selector is invalid for ${kind}`));
  }
  return errs;
}

function selectorMismatch(selector: Selector, template: PodTemplateSpec | undefined, path: PathSegment[]): FieldError[] {
  const labels = template?.metadata?.labels;
  if (selector.empty() || selector.matches(labels)) return [];
  return [fieldErrors.invalid([...path, 'metadata', 'labels'], goStringMap(labels), '`selector` does not match template `labels`')];
}

/**
 * validatePodTemplateSpecForReplicaSet is ValidatePodTemplateSpecForReplicaSet: the selector matches the
 * template's labels, the pod spec is valid, and the pods restart Always without an active deadline.
 */
export function validatePodTemplateSpecForReplicaSet(
  template: PodTemplateSpec | undefined,
  selector: Selector,
  kind: string,
  path: PathSegment[],
): FieldError[] {
  if (!template) return [fieldErrors.required(path)];
  const errs = selectorMismatch(selector, template, path);
  errs.push(...validatePodTemplateSpec(template, path));
  const policy = template.spec?.restartPolicy ?? '';
  if (policy !== 'Always') errs.push(fieldErrors.notSupported([...path, 'spec', 'restartPolicy'], policy, ['Always']));
  if (template.spec?.activeDeadlineSeconds !== undefined) {
    errs.push(fieldErrors.forbidden([...path, 'spec', 'activeDeadlineSeconds'], `activeDeadlineSeconds in ${kind} is not Supported`));
  }
  return errs;
}

/** validateReplicasAndSelector covers what Deployment and ReplicaSet share: replicas, selector, template. */
function validateReplicasAndSelector(
  spec: { replicas?: number; selector?: LabelSelector; template?: PodTemplateSpec },
  templateKind: string,
  path: PathSegment[],
): FieldError[] {
  const errs = validateNonnegativeField(spec.replicas ?? 0, [...path, 'replicas']);
  // Both Deployment and ReplicaSet say "deployment" here: upstream reuses the message.
  errs.push(...validateWorkloadSelector(spec.selector, 'deployment', [...path, 'selector']));
  const selector = spec.selector ? asSelector(spec.selector) : labelSelectorAsSelector(undefined);
  if (!selector) errs.push(fieldErrors.invalid([...path, 'selector'], goLabelSelector(spec.selector), 'invalid label selector'));
  else errs.push(...validatePodTemplateSpecForReplicaSet(spec.template, selector, templateKind, [...path, 'template']));
  return errs;
}

/** goDeploymentStrategy prints apps.DeploymentStrategy for an unsupported strategy type. */
function goDeploymentStrategy(s: DeploymentStrategy): GoValue {
  const ru = s.rollingUpdate ? '(*apps.RollingUpdateDeployment)(0xc000000000)' : '(*apps.RollingUpdateDeployment)(nil)';
  return new GoValue(s, `apps.DeploymentStrategy{Type:${goQuote(s.type ?? '')}, RollingUpdate:${ru}}`);
}

/** validateDeploymentStrategy is ValidateDeploymentStrategy with ValidateRollingUpdateDeployment. */
export function validateDeploymentStrategy(strategy: DeploymentStrategy | undefined, path: PathSegment[]): FieldError[] {
  const s = strategy ?? {};
  switch (s.type) {
    case 'Recreate':
      return s.rollingUpdate ? [fieldErrors.forbidden([...path, 'rollingUpdate'], "may not be specified when strategy `type` is 'Recreate'")] : [];
    case 'RollingUpdate': {
      const ru = s.rollingUpdate;
      if (!ru) return [fieldErrors.required([...path, 'rollingUpdate'], 'this should be defaulted and never be nil')];
      const p = [...path, 'rollingUpdate'];
      const errs = validatePositiveIntOrPercent(ru.maxUnavailable, [...p, 'maxUnavailable']);
      errs.push(...validatePositiveIntOrPercent(ru.maxSurge, [...p, 'maxSurge']));
      if (getIntOrPercentValue(ru.maxUnavailable) === 0 && getIntOrPercentValue(ru.maxSurge) === 0) {
        errs.push(fieldErrors.invalid([...p, 'maxUnavailable'], goIntOrString(ru.maxUnavailable), 'may not be 0 when `maxSurge` is 0'));
      }
      errs.push(...isNotMoreThan100Percent(ru.maxUnavailable, [...p, 'maxUnavailable']));
      return errs;
    }
    default:
      return [fieldErrors.notSupported(path, goDeploymentStrategy(s), ['Recreate', 'RollingUpdate'])];
  }
}

/** validateDeploymentSpec is ValidateDeploymentSpec. */
export function validateDeploymentSpec(d: Deployment, path: PathSegment[]): FieldError[] {
  const spec = d.spec ?? { selector: {}, template: {} };
  const errs = validateReplicasAndSelector(spec, 'ReplicaSet', path);
  errs.push(...validateDeploymentStrategy(spec.strategy, [...path, 'strategy']));
  errs.push(...validateNonnegativeField(spec.minReadySeconds ?? 0, [...path, 'minReadySeconds']));
  if (spec.revisionHistoryLimit !== undefined) errs.push(...validateNonnegativeField(spec.revisionHistoryLimit, [...path, 'revisionHistoryLimit']));
  const deadline = spec.progressDeadlineSeconds;
  if (deadline !== undefined) {
    errs.push(...validateNonnegativeField(deadline, [...path, 'progressDeadlineSeconds']));
    if (deadline <= (spec.minReadySeconds ?? 0)) {
      errs.push(fieldErrors.invalid([...path, 'progressDeadlineSeconds'], deadline, 'must be greater than minReadySeconds'));
    }
  }
  return errs;
}

/** selectorImmutable is the apps/v1 strategies' ValidateUpdate rule: spec.selector never changes. */
function selectorImmutable(next: LabelSelector | undefined, prev: LabelSelector | undefined): FieldError[] {
  return semanticEqual(next, prev) ? [] : [fieldErrors.invalid(['spec', 'selector'], goLabelSelector(next), 'field is immutable')];
}

/** validateDeployment is ValidateDeployment (old undefined) or ValidateDeploymentUpdate plus the selector rule. */
export function validateDeployment(d: Deployment, old?: Deployment): FieldError[] {
  const errs = validateObjectMeta(d.metadata ?? {}, true, nameIsDNSSubdomain, ['metadata']);
  errs.push(...validateDeploymentSpec(d, ['spec']));
  if (old) errs.push(...selectorImmutable(d.spec?.selector, old.spec?.selector));
  return errs;
}

/** validateReplicaSet is ValidateReplicaSet / ValidateReplicaSetUpdate plus the selector rule. */
export function validateReplicaSet(rs: ReplicaSet, old?: ReplicaSet): FieldError[] {
  const spec = rs.spec ?? { selector: {} };
  const errs = validateObjectMeta(rs.metadata ?? {}, true, nameIsDNSSubdomain, ['metadata']);
  errs.push(...validateNonnegativeField(spec.minReadySeconds ?? 0, ['spec', 'minReadySeconds']));
  errs.push(...validateReplicasAndSelector(spec, 'ReplicaSet', ['spec']));
  if (old) errs.push(...selectorImmutable(spec.selector, old.spec?.selector));
  return errs;
}

/** validateDaemonSet is ValidateDaemonSet / ValidateDaemonSetUpdate plus the selector rule. */
export function validateDaemonSet(ds: DaemonSet, old?: DaemonSet): FieldError[] {
  const spec = ds.spec ?? { selector: {}, template: {} };
  const errs = validateObjectMeta(ds.metadata ?? {}, true, nameIsDNSSubdomain, ['metadata']);
  const path = ['spec'];
  errs.push(...validateLabelSelector(spec.selector, [...path, 'selector']));
  const selector = asSelector(spec.selector);
  if (selector && !selector.matches(spec.template?.metadata?.labels)) {
    const labels = spec.template?.metadata?.labels;
    errs.push(fieldErrors.invalid([...path, 'template', 'metadata', 'labels'], goStringMap(labels), '`selector` does not match template `labels`'));
  }
  if (spec.selector && Object.keys(spec.selector.matchLabels ?? {}).length + (spec.selector.matchExpressions ?? []).length === 0) {
    errs.push(fieldErrors.invalid([...path, 'selector'], goLabelSelector(spec.selector), 'empty selector is invalid for daemonset'));
  }
  errs.push(...validatePodTemplateSpec(spec.template, [...path, 'template']));
  const policy = spec.template?.spec?.restartPolicy ?? '';
  if (policy !== 'Always') errs.push(fieldErrors.notSupported([...path, 'template', 'spec', 'restartPolicy'], policy, ['Always']));
  if (spec.template?.spec?.activeDeadlineSeconds !== undefined) {
    errs.push(fieldErrors.forbidden([...path, 'template', 'spec', 'activeDeadlineSeconds'], 'activeDeadlineSeconds in DaemonSet is not Supported'));
  }
  errs.push(...validateNonnegativeField(spec.minReadySeconds ?? 0, [...path, 'minReadySeconds']));
  errs.push(...validateDaemonSetUpdateStrategy(spec.updateStrategy, [...path, 'updateStrategy']));
  if (spec.revisionHistoryLimit !== undefined) errs.push(...validateNonnegativeField(spec.revisionHistoryLimit, [...path, 'revisionHistoryLimit']));
  if (old) errs.push(...selectorImmutable(spec.selector, old.spec?.selector));
  return errs;
}

function validateDaemonSetUpdateStrategy(strategy: DaemonSetUpdateStrategy | undefined, path: PathSegment[]): FieldError[] {
  const s = strategy ?? {};
  switch (s.type) {
    case 'OnDelete':
      return [];
    case 'RollingUpdate': {
      const ru = s.rollingUpdate;
      if (!ru) return [fieldErrors.required([...path, 'rollingUpdate'])];
      const p = [...path, 'rollingUpdate'];
      const errs = validatePositiveIntOrPercent(ru.maxUnavailable, [...p, 'maxUnavailable']);
      errs.push(...validatePositiveIntOrPercent(ru.maxSurge, [...p, 'maxSurge']));
      errs.push(...isNotMoreThan100Percent(ru.maxUnavailable, [...p, 'maxUnavailable']));
      errs.push(...isNotMoreThan100Percent(ru.maxSurge, [...p, 'maxSurge']));
      const hasUnavailable = getIntOrPercentValue(ru.maxUnavailable) !== 0;
      const hasSurge = getIntOrPercentValue(ru.maxSurge) !== 0;
      if (hasUnavailable && hasSurge) {
        errs.push(fieldErrors.invalid([...p, 'maxSurge'], goIntOrString(ru.maxSurge), 'may not be set when maxUnavailable is non-zero'));
      } else if (!hasUnavailable && !hasSurge) {
        errs.push(fieldErrors.required([...p, 'maxUnavailable'], 'cannot be 0 when maxSurge is 0'));
      }
      return errs;
    }
    default: {
      const ru = s.rollingUpdate ? '(*apps.RollingUpdateDaemonSet)(0xc000000000)' : '(*apps.RollingUpdateDaemonSet)(nil)';
      const value = new GoValue(s, `apps.DaemonSetUpdateStrategy{Type:${goQuote(s.type ?? '')}, RollingUpdate:${ru}}`);
      return [fieldErrors.notSupported(path, value, ['RollingUpdate', 'OnDelete'])];
    }
  }
}

function goStatefulSetRollingUpdate(us: StatefulSetUpdateStrategy): GoValue {
  const ru = us.rollingUpdate ?? {};
  const max = ru.maxUnavailable === undefined ? '(*intstr.IntOrString)(nil)' : '(*intstr.IntOrString)(0xc000000000)';
  return new GoValue(ru, `apps.RollingUpdateStatefulSetStrategy{Partition:${ru.partition ?? 0}, MaxUnavailable:${max}}`);
}

function goStatefulSetUpdateStrategy(us: StatefulSetUpdateStrategy): GoValue {
  const ru = us.rollingUpdate ? '(*apps.RollingUpdateStatefulSetStrategy)(0xc000000000)' : '(*apps.RollingUpdateStatefulSetStrategy)(nil)';
  return new GoValue(us, `apps.StatefulSetUpdateStrategy{Type:${goQuote(us.type ?? '')}, RollingUpdate:${ru}}`);
}

/** validateStatefulSetSpec is ValidateStatefulSetSpec. */
export function validateStatefulSetSpec(sts: StatefulSet, path: PathSegment[]): FieldError[] {
  const spec = sts.spec ?? ({} as StatefulSetSpec);
  const errs: FieldError[] = [];
  const pmp = spec.podManagementPolicy;
  if (!pmp) errs.push(fieldErrors.required([...path, 'podManagementPolicy']));
  else if (pmp !== 'OrderedReady' && pmp !== 'Parallel') {
    errs.push(fieldErrors.invalid([...path, 'podManagementPolicy'], pmp, "must be 'OrderedReady' or 'Parallel'"));
  }
  const us = spec.updateStrategy ?? {};
  const usPath = [...path, 'updateStrategy'];
  switch (us.type ?? '') {
    case '':
      errs.push(fieldErrors.required(usPath));
      break;
    case 'OnDelete':
      if (us.rollingUpdate) {
        errs.push(fieldErrors.invalid([...usPath, 'rollingUpdate'], goStatefulSetRollingUpdate(us), "only allowed for updateStrategy 'RollingUpdate'"));
      }
      break;
    case 'RollingUpdate': {
      const ru = us.rollingUpdate;
      if (!ru) break;
      errs.push(...validateNonnegativeField(ru.partition ?? 0, [...usPath, 'rollingUpdate', 'partition']));
      if (ru.maxUnavailable !== undefined) {
        const p = [...usPath, 'rollingUpdate', 'maxUnavailable'];
        errs.push(...validatePositiveIntOrPercent(ru.maxUnavailable, p));
        if (getIntOrPercentValue(ru.maxUnavailable) === 0) errs.push(fieldErrors.invalid(p, goIntOrString(ru.maxUnavailable), 'cannot be 0'));
        errs.push(...isNotMoreThan100Percent(ru.maxUnavailable, p));
      }
      break;
    }
    default:
      errs.push(fieldErrors.invalid(usPath, goStatefulSetUpdateStrategy(us), "must be 'RollingUpdate' or 'OnDelete'"));
  }
  const retention = spec.persistentVolumeClaimRetentionPolicy;
  if (retention) {
    for (const field of ['whenDeleted', 'whenScaled'] as const) {
      const v = retention[field] ?? '';
      if (v !== 'Retain' && v !== 'Delete') {
        errs.push(fieldErrors.notSupported([...path, 'persistentVolumeClaimRetentionPolicy', field], v, ['Retain', 'Delete']));
      }
    }
  }
  errs.push(...validateNonnegativeField(spec.replicas ?? 0, [...path, 'replicas']));
  errs.push(...validateNonnegativeField(spec.minReadySeconds ?? 0, [...path, 'minReadySeconds']));
  errs.push(...validateWorkloadSelector(spec.selector, 'statefulset', [...path, 'selector']));
  const selector = asSelector(spec.selector);
  const tplPath = [...path, 'template'];
  if (!selector) errs.push(fieldErrors.invalid([...path, 'selector'], goLabelSelector(spec.selector), ''));
  else if (!spec.template) errs.push(fieldErrors.required(tplPath));
  else {
    errs.push(...selectorMismatch(selector, spec.template, tplPath));
    errs.push(...validateLabels(spec.template.metadata?.labels, [...tplPath, 'labels']));
    errs.push(...validateAnnotations(spec.template.metadata?.annotations, [...tplPath, 'annotations']));
  }
  const policy = spec.template?.spec?.restartPolicy ?? '';
  if (policy !== 'Always') errs.push(fieldErrors.notSupported([...tplPath, 'spec', 'restartPolicy'], policy, ['Always']));
  if (spec.template?.spec?.activeDeadlineSeconds !== undefined) {
    errs.push(fieldErrors.forbidden([...tplPath, 'spec', 'activeDeadlineSeconds'], 'activeDeadlineSeconds in StatefulSet is not Supported'));
  }
  return errs;
}

/** The StatefulSet spec fields an update may change (ValidateStatefulSetUpdate). */
const STS_MUTABLE = ['replicas', 'ordinals', 'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy', 'minReadySeconds'] as const;

/** validateStatefulSet is ValidateStatefulSet, or ValidateStatefulSetUpdate when old is given. */
export function validateStatefulSet(sts: StatefulSet, old?: StatefulSet): FieldError[] {
  // On update upstream skips the name check (names that were once allowed must stay deletable).
  const errs = old
    ? validateObjectMeta(sts.metadata ?? {}, true, () => [], ['metadata'])
    : validateObjectMeta(sts.metadata ?? {}, true, nameIsDNSLabel, ['metadata']);
  errs.push(...validateStatefulSetSpec(sts, ['spec']));
  if (old) {
    const strip = (s: StatefulSet['spec']): Record<string, unknown> => {
      const copy: Record<string, unknown> = { ...s };
      for (const f of STS_MUTABLE) delete copy[f];
      return copy;
    };
    if (!semanticEqual(strip(sts.spec), strip(old.spec))) {
      errs.push(
        fieldErrors.forbidden(
          ['spec'],
          "updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden",
        ),
      );
    }
  }
  return errs;
}
