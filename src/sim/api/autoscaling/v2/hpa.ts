// Mirrors pkg/apis/autoscaling/v2/defaults.go and pkg/apis/autoscaling/validation/validation.go
// (ValidateHorizontalPodAutoscaler, ValidateCrossVersionObjectReference, validateMetrics, validateMetricSpec,
// validateResourceSource, validateMetricTarget, validateBehavior). Leaves out scale-to-zero (HPAScaleToZero is
// alpha), selectionStrategy and per-rule tolerance (both alpha), and the object/external metric identifiers.
import type { HorizontalPodAutoscaler, HPAScalingRules, MetricSpec, MetricTarget } from 'kubernetes-types/autoscaling/v2';
import { type FieldError, fieldErrors, type PathSegment } from '../../fieldError';
import { nameIsDNSSubdomain, validateObjectMeta } from '../../meta/v1/validation';
import { tryParseQuantity } from '../../resource/quantity';
import { validateContainerResourceName } from '../../core/v1/validation/resources';

/** DefaultCPUUtilization is autoscaling.DefaultCPUUtilization: the target when no metric is given. */
export const DefaultCPUUtilization = 80;

function defaultScaleUp(): HPAScalingRules {
  return {
    stabilizationWindowSeconds: 0,
    selectPolicy: 'Max',
    policies: [
      { type: 'Pods', value: 4, periodSeconds: 15 },
      { type: 'Percent', value: 100, periodSeconds: 15 },
    ],
  };
}

function defaultScaleDown(): HPAScalingRules {
  // No stabilization window here: the controller's --horizontal-pod-autoscaler-downscale-stabilization applies.
  return { selectPolicy: 'Max', policies: [{ type: 'Percent', value: 100, periodSeconds: 15 }] };
}

function fillRules(from: HPAScalingRules | undefined, to: HPAScalingRules): HPAScalingRules {
  if (!from) return to;
  return {
    ...to,
    ...(from.selectPolicy !== undefined && { selectPolicy: from.selectPolicy }),
    ...(from.stabilizationWindowSeconds !== undefined && { stabilizationWindowSeconds: from.stabilizationWindowSeconds }),
    ...(from.policies !== undefined && { policies: from.policies }),
  };
}

/** setDefaultsHorizontalPodAutoscaler is SetDefaults_HorizontalPodAutoscaler. */
export function setDefaultsHorizontalPodAutoscaler(hpa: HorizontalPodAutoscaler): void {
  const spec = (hpa.spec ??= { maxReplicas: 0, scaleTargetRef: { kind: '', name: '' } });
  spec.minReplicas ??= 1;
  if (!(spec.metrics ?? []).length) {
    spec.metrics = [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: DefaultCPUUtilization } } }];
  }
  // Behavior is filled in only when the user gave one (SetDefaults_HorizontalPodAutoscalerBehavior).
  if (spec.behavior) {
    spec.behavior.scaleUp = fillRules(spec.behavior.scaleUp, defaultScaleUp());
    spec.behavior.scaleDown = fillRules(spec.behavior.scaleDown, defaultScaleDown());
  }
}

function validatePathSegmentName(name: string, path: PathSegment[]): FieldError[] {
  if (name === '.' || name === '..') return [fieldErrors.invalid(path, name, `may not be '${name}'`)];
  return ['/', '%'].filter((ch) => name.includes(ch)).map((ch) => fieldErrors.invalid(path, name, `may not contain '${ch}'`));
}

function validateMetricTarget(t: MetricTarget, path: PathSegment[]): FieldError[] {
  const errs: FieldError[] = [];
  if (!t.type) errs.push(fieldErrors.required([...path, 'type'], 'must specify a metric target type'));
  if (t.type !== 'Utilization' && t.type !== 'Value' && t.type !== 'AverageValue') {
    errs.push(fieldErrors.invalid([...path, 'type'], t.type ?? '', 'must be either Utilization, Value, or AverageValue'));
  }
  for (const f of ['value', 'averageValue'] as const) {
    const raw = t[f];
    if (raw === undefined) continue;
    const q = tryParseQuantity(raw);
    if (!q || q.sign() !== 1) errs.push(fieldErrors.invalid([...path, f], String(raw), 'must be positive'));
  }
  if (t.averageUtilization !== undefined && t.averageUtilization < 1) {
    errs.push(fieldErrors.invalid([...path, 'averageUtilization'], t.averageUtilization, 'must be greater than 0'));
  }
  return errs;
}

const METRIC_TYPES = ['ContainerResource', 'External', 'Object', 'Pods', 'Resource'];
const SOURCE_FIELD: Record<string, 'containerResource' | 'external' | 'object' | 'pods' | 'resource'> = {
  ContainerResource: 'containerResource',
  External: 'external',
  Object: 'object',
  Pods: 'pods',
  Resource: 'resource',
};

function validateMetricSpec(m: MetricSpec, path: PathSegment[]): FieldError[] {
  const errs: FieldError[] = [];
  if (!m.type) errs.push(fieldErrors.required([...path, 'type'], 'must specify a metric source type'));
  if (!METRIC_TYPES.includes(m.type)) errs.push(fieldErrors.notSupported([...path, 'type'], m.type ?? '', METRIC_TYPES));
  const present = Object.values(SOURCE_FIELD).filter((f) => m[f] !== undefined);
  const expected = SOURCE_FIELD[m.type];
  if (expected && m[expected] === undefined) errs.push(fieldErrors.required([...path, expected], 'must populate information for the given metric source'));
  if (!expected) errs.push(fieldErrors.notSupported([...path, 'type'], m.type ?? '', METRIC_TYPES));
  if (present.length !== 1) {
    for (const f of present) if (f !== expected) errs.push(fieldErrors.forbidden([...path, f], 'must populate the given metric source only'));
  }
  for (const f of ['resource', 'containerResource'] as const) {
    const src = m[f];
    if (!src) continue;
    const p = [...path, f];
    if (!src.name) errs.push(fieldErrors.required([...p, 'name'], 'must specify a resource name'));
    else errs.push(...validateContainerResourceName(src.name, [...p, 'name']));
    errs.push(...validateMetricTarget(src.target, [...p, 'target']));
    if (src.target.averageUtilization === undefined && src.target.averageValue === undefined) {
      errs.push(fieldErrors.required([...p, 'target', 'averageUtilization'], 'must set either a target raw value or a target utilization'));
    }
    if (src.target.averageUtilization !== undefined && src.target.averageValue !== undefined) {
      errs.push(fieldErrors.forbidden([...p, 'target', 'averageValue'], 'may not set both a target raw value and a target utilization'));
    }
  }
  for (const f of ['pods', 'object', 'external'] as const) {
    const src = m[f];
    if (src) errs.push(...validateMetricTarget(src.target, [...path, f, 'target']));
  }
  return errs;
}

const MAX_PERIOD_SECONDS = 1800;
const MAX_STABILIZATION_WINDOW_SECONDS = 3600;

function validateScalingRules(rules: HPAScalingRules | undefined, path: PathSegment[]): FieldError[] {
  if (!rules) return [];
  const errs: FieldError[] = [];
  const window = rules.stabilizationWindowSeconds;
  if (window !== undefined && window < 0) errs.push(fieldErrors.invalid([...path, 'stabilizationWindowSeconds'], window, 'must be greater than or equal to zero'));
  if (window !== undefined && window > MAX_STABILIZATION_WINDOW_SECONDS) {
    errs.push(fieldErrors.invalid([...path, 'stabilizationWindowSeconds'], window, `must be less than or equal to ${MAX_STABILIZATION_WINDOW_SECONDS}`));
  }
  if (rules.selectPolicy !== undefined && !['Disabled', 'Max', 'Min'].includes(rules.selectPolicy)) {
    errs.push(fieldErrors.notSupported([...path, 'selectPolicy'], rules.selectPolicy, ['Disabled', 'Max', 'Min']));
  }
  const policies = rules.policies ?? [];
  if (policies.length === 0 && rules.selectPolicy !== 'Disabled') errs.push(fieldErrors.required([...path, 'policies'], 'must specify at least one Policy'));
  policies.forEach((p, i) => {
    const idx = [...path, 'policies', i];
    if (p.type !== 'Pods' && p.type !== 'Percent') errs.push(fieldErrors.notSupported([...idx, 'type'], p.type, ['Percent', 'Pods']));
    if (p.value <= 0) errs.push(fieldErrors.invalid([...idx, 'value'], p.value, 'must be greater than zero'));
    if (p.periodSeconds <= 0) errs.push(fieldErrors.invalid([...idx, 'periodSeconds'], p.periodSeconds, 'must be greater than zero'));
    if (p.periodSeconds > MAX_PERIOD_SECONDS) errs.push(fieldErrors.invalid([...idx, 'periodSeconds'], p.periodSeconds, `must be less than or equal to ${MAX_PERIOD_SECONDS}`));
  });
  return errs;
}

/** validateHorizontalPodAutoscaler is ValidateHorizontalPodAutoscaler (the same rules apply on update). */
export function validateHorizontalPodAutoscaler(hpa: HorizontalPodAutoscaler): FieldError[] {
  const errs = validateObjectMeta(hpa.metadata ?? {}, true, nameIsDNSSubdomain, ['metadata']);
  const spec = hpa.spec ?? { maxReplicas: 0, scaleTargetRef: { kind: '', name: '' } };
  const min = spec.minReplicas;
  if (min !== undefined && min < 1) errs.push(fieldErrors.invalid(['spec', 'minReplicas'], min, 'must be greater than or equal to 1'));
  if (spec.maxReplicas < 1) errs.push(fieldErrors.invalid(['spec', 'maxReplicas'], spec.maxReplicas, 'must be greater than 0'));
  if (min !== undefined && spec.maxReplicas < min) {
    errs.push(fieldErrors.invalid(['spec', 'maxReplicas'], spec.maxReplicas, 'must be greater than or equal to `minReplicas`'));
  }
  const ref = spec.scaleTargetRef ?? { kind: '', name: '' };
  const refErrs: FieldError[] = [];
  for (const f of ['kind', 'name'] as const) {
    const p = ['spec', 'scaleTargetRef', f];
    if (!ref[f]) refErrs.push(fieldErrors.required(p));
    else refErrs.push(...validatePathSegmentName(ref[f], p));
  }
  // Upstream reports metric errors only when the target is fine, and behavior errors only when metrics are.
  if (refErrs.length > 0) return [...errs, ...refErrs];
  const metricErrs = (spec.metrics ?? []).flatMap((m, i) => validateMetricSpec(m, ['spec', 'metrics', i]));
  if (metricErrs.length > 0) return [...errs, ...metricErrs];
  if (spec.behavior) {
    errs.push(...validateScalingRules(spec.behavior.scaleUp, ['spec', 'behavior', 'scaleUp']));
    errs.push(...validateScalingRules(spec.behavior.scaleDown, ['spec', 'behavior', 'scaleDown']));
  }
  return errs;
}
