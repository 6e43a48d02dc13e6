// Mirrors pkg/apis/batch/validation/validation.go: ValidateJob, validateJobSpec, ValidateJobSpec,
// ValidateJobTemplateSpec, ValidateCronJobCreate/Update, validateScheduleFormat and validateConcurrencyPolicy.
// Leaves out podFailurePolicy, successPolicy, backoffLimitPerIndex, Indexed-job limits, managedBy, time-zone
// database checks and validateGeneratedSelector's label-by-label checks (the selector must still match).
import type { CronJob, Job, JobSpec } from 'kubernetes-types/batch/v1';
import { type FieldError, fieldErrors, type PathSegment } from '../../fieldError';
import { labelSelectorAsSelector, type Selector } from '../../meta/v1/labelSelector';
import { nameIsDNSSubdomain, validateLabelSelector, validateNonnegativeField, validateObjectMeta } from '../../meta/v1/validation';
import { goLabelSelector, goStringMap } from '../../core/v1/validation/goValue';
import { validatePodTemplateSpec } from '../../core/v1/validation/podSpec';
import { parseStandardSchedule } from './cronSchedule';

/** CronJob names leave 11 characters for the `-<minutes>` suffix of their Jobs (63 - 11). */
const MAX_CRONJOB_NAME_LENGTH = 52;

function validateJobSpecCommon(spec: JobSpec, path: PathSegment[]): FieldError[] {
  const errs: FieldError[] = [];
  for (const f of ['parallelism', 'completions', 'activeDeadlineSeconds', 'backoffLimit', 'ttlSecondsAfterFinished'] as const) {
    const v = spec[f];
    if (v !== undefined && v !== null) errs.push(...validateNonnegativeField(v, [...path, f]));
  }
  const mode = spec.completionMode;
  if (mode !== undefined && mode !== 'NonIndexed' && mode !== 'Indexed') {
    errs.push(fieldErrors.notSupported([...path, 'completionMode'], mode, ['NonIndexed', 'Indexed']));
  }
  if (mode === 'Indexed' && spec.completions === undefined) {
    errs.push(fieldErrors.required([...path, 'completions'], 'when completion mode is Indexed'));
  }
  errs.push(...validatePodTemplateSpec(spec.template, [...path, 'template']));
  // restartPolicy is defaulted to Always when unset, so both mean "not chosen" here.
  const policy = spec.template?.spec?.restartPolicy ?? '';
  const policyPath = [...path, 'template', 'spec', 'restartPolicy'];
  if (policy === 'Always' || policy === '') errs.push(fieldErrors.required(policyPath, 'valid values: "OnFailure", "Never"'));
  else if (policy !== 'OnFailure' && policy !== 'Never') errs.push(fieldErrors.notSupported(policyPath, policy, ['OnFailure', 'Never']));
  else if (spec.podFailurePolicy && policy !== 'Never') {
    errs.push(fieldErrors.invalid(policyPath, policy, 'only "Never" is supported when podFailurePolicy is specified'));
  }
  return errs;
}

function asSelector(spec: JobSpec): Selector | undefined {
  try {
    return labelSelectorAsSelector(spec.selector);
  } catch {
    return undefined;
  }
}

/** validateJob is ValidateJob (and, with old, ValidateJobUpdate's immutable selector and completions rules). */
export function validateJob(job: Job, old?: Job): FieldError[] {
  const errs = validateObjectMeta(job.metadata ?? {}, true, nameIsDNSSubdomain, ['metadata']);
  const spec = job.spec ?? { template: {} };
  errs.push(...validateJobSpecCommon(spec, ['spec']));
  if (!spec.selector) errs.push(fieldErrors.required(['spec', 'selector']));
  else errs.push(...validateLabelSelector(spec.selector, ['spec', 'selector']));
  const selector = asSelector(spec);
  const labels = spec.template?.metadata?.labels;
  if (selector && spec.selector && !selector.matches(labels)) {
    errs.push(fieldErrors.invalid(['spec', 'template', 'metadata', 'labels'], goStringMap(labels), '`selector` does not match template `labels`'));
  }
  if (old) {
    const oldSpec = old.spec ?? { template: {} };
    if (JSON.stringify(spec.selector) !== JSON.stringify(oldSpec.selector)) {
      errs.push(fieldErrors.invalid(['spec', 'selector'], goLabelSelector(spec.selector), 'field is immutable'));
    }
    if (spec.completions !== oldSpec.completions && spec.completionMode !== 'Indexed') {
      errs.push(fieldErrors.invalid(['spec', 'completions'], spec.completions ?? null, 'field is immutable'));
    }
  }
  return errs;
}

/** validateCronJob is ValidateCronJobCreate, or ValidateCronJobUpdate when old is given. */
export function validateCronJob(cj: CronJob, old?: CronJob): FieldError[] {
  const errs = validateObjectMeta(cj.metadata ?? {}, true, nameIsDNSSubdomain, ['metadata']);
  const spec = cj.spec ?? { schedule: '', jobTemplate: {} };
  const schedule = spec.schedule ?? '';
  if (!schedule) {
    errs.push(fieldErrors.required(['spec', 'schedule']));
  } else {
    try {
      parseStandardSchedule(schedule);
    } catch (err) {
      errs.push(fieldErrors.invalid(['spec', 'schedule'], schedule, (err as Error).message));
    }
    // A schedule that already carried TZ may keep it on update; new ones must use spec.timeZone.
    const allowTZ = (old?.spec?.schedule ?? '').includes('TZ');
    if (!allowTZ && schedule.includes('TZ')) {
      errs.push(fieldErrors.invalid(['spec', 'schedule'], schedule, 'cannot use TZ or CRON_TZ in schedule, use timeZone field instead'));
    } else if (allowTZ && schedule.includes('TZ') && spec.timeZone !== undefined) {
      errs.push(fieldErrors.invalid(['spec', 'schedule'], schedule, 'cannot use both timeZone field and TZ or CRON_TZ in schedule'));
    }
  }
  if (spec.startingDeadlineSeconds !== undefined) {
    errs.push(...validateNonnegativeField(spec.startingDeadlineSeconds, ['spec', 'startingDeadlineSeconds']));
  }
  const policy = spec.concurrencyPolicy ?? '';
  if (!policy) errs.push(fieldErrors.required(['spec', 'concurrencyPolicy']));
  else if (!['Allow', 'Forbid', 'Replace'].includes(policy)) {
    errs.push(fieldErrors.notSupported(['spec', 'concurrencyPolicy'], policy, ['Allow', 'Forbid', 'Replace']));
  }
  const jobSpec = spec.jobTemplate?.spec ?? { template: {} };
  errs.push(...validateJobSpecCommon(jobSpec, ['spec', 'jobTemplate', 'spec']));
  if (jobSpec.selector) {
    errs.push(fieldErrors.invalid(['spec', 'jobTemplate', 'spec', 'selector'], goLabelSelector(jobSpec.selector), '`selector` will be auto-generated'));
  }
  if (jobSpec.manualSelector) {
    errs.push(fieldErrors.notSupported(['spec', 'jobTemplate', 'spec', 'manualSelector'], jobSpec.manualSelector, ['nil', 'false']));
  }
  for (const f of ['successfulJobsHistoryLimit', 'failedJobsHistoryLimit'] as const) {
    const v = spec[f];
    if (v !== undefined) errs.push(...validateNonnegativeField(v, ['spec', f]));
  }
  const name = cj.metadata?.name ?? '';
  if (!old && name.length > MAX_CRONJOB_NAME_LENGTH) {
    errs.push(fieldErrors.invalid(['metadata', 'name'], name, `must be no more than ${MAX_CRONJOB_NAME_LENGTH} characters`));
  }
  return errs;
}
