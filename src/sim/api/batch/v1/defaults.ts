// Mirrors pkg/apis/batch/v1/defaults.go (SetDefaults_Job, SetDefaults_CronJob) and the pod-template defaults of
// zz_generated.defaults.go.
import type { CronJob, Job } from 'kubernetes-types/batch/v1';
import { setDefaultsPodTemplateSpec } from '../../core/v1/defaults';

const MAX_INT32 = 2147483647;

/** setDefaultsJob is SetDefaults_Job: completions and parallelism 1, backoffLimit 6, NonIndexed, not suspended. */
export function setDefaultsJob(job: Job): void {
  const spec = (job.spec ??= { template: {} });
  // A non-parallel job may leave both unset; then both are 1.
  if (spec.completions === undefined && spec.parallelism === undefined) {
    spec.completions = 1;
    spec.parallelism = 1;
  }
  spec.parallelism ??= 1;
  spec.backoffLimit ??= spec.backoffLimitPerIndex !== undefined ? MAX_INT32 : 6;
  const labels = spec.template?.metadata?.labels;
  if (labels && Object.keys(job.metadata?.labels ?? {}).length === 0) job.metadata = { ...job.metadata, labels: { ...labels } };
  spec.completionMode ||= 'NonIndexed';
  spec.suspend ??= false;
  for (const rule of spec.podFailurePolicy?.rules ?? []) for (const c of rule.onPodConditions ?? []) c.status ||= 'True';
  spec.podReplacementPolicy ||= spec.podFailurePolicy ? 'Failed' : 'TerminatingOrFailed';
  setDefaultsPodTemplateSpec(spec.template);
}

/**
 * setDefaultsCronJob is SetDefaults_CronJob: Allow, not suspended, keep 3 successful and 1 failed Job. The job
 * template gets pod-template defaults only: SetDefaults_Job runs when the CronJob controller creates each Job.
 */
export function setDefaultsCronJob(cj: CronJob): void {
  const spec = (cj.spec ??= { schedule: '', jobTemplate: {} });
  spec.concurrencyPolicy ||= 'Allow';
  spec.suspend ??= false;
  spec.successfulJobsHistoryLimit ??= 3;
  spec.failedJobsHistoryLimit ??= 1;
  setDefaultsPodTemplateSpec(spec.jobTemplate?.spec?.template);
}
