// Cases after pkg/apis/batch/validation/validation_test.go (TestValidateJob, TestValidateCronJobSpec) and
// pkg/apis/batch/v1/defaults_test.go (TestSetDefaultJob, TestSetDefaultCronJob).
import type { CronJob, Job } from 'kubernetes-types/batch/v1';
import { describe, expect, it } from 'vitest';
import { fieldErrorString } from '../../fieldError';
import { setDefaultsCronJob, setDefaultsJob } from './defaults';
import { validateCronJob, validateJob } from './validation';

const podTemplate = (restartPolicy?: string) => ({ spec: { restartPolicy, containers: [{ name: 'pi', image: 'perl:5.34' }] } });

function job(mutate: (j: Job) => void = () => {}): Job {
  const j: Job = {
    metadata: { name: 'pi', namespace: 'default' },
    spec: { selector: { matchLabels: { 'batch.kubernetes.io/controller-uid': 'u1' } }, template: { ...podTemplate('Never'), metadata: { labels: { 'batch.kubernetes.io/controller-uid': 'u1' } } } },
  };
  mutate(j);
  setDefaultsJob(j);
  return j;
}

describe('setDefaultsJob', () => {
  it('runs one pod to completion with six retries by default', () => {
    expect(job().spec).toMatchObject({
      completions: 1,
      parallelism: 1,
      backoffLimit: 6,
      completionMode: 'NonIndexed',
      suspend: false,
      podReplacementPolicy: 'TerminatingOrFailed',
    });
  });

  it('leaves completions unset for a work queue with parallelism', () => {
    expect(job((j) => (j.spec!.parallelism = 3)).spec).toMatchObject({ parallelism: 3 });
    expect(job((j) => (j.spec!.parallelism = 3)).spec!.completions).toBeUndefined();
  });
});

describe('validateJob', () => {
  it.each<[string, (j: Job) => void, string[]]>([
    ['a job with Never restarts is valid', () => {}, []],
    ['a job must choose OnFailure or Never', (j) => (j.spec!.template.spec!.restartPolicy = undefined), [
      'spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"',
    ]],
    ['backoffLimit is not negative', (j) => (j.spec!.backoffLimit = -1), ['spec.backoffLimit: Invalid value: -1: must be greater than or equal to 0']],
    ['a job needs a selector', (j) => delete j.spec!.selector, ['spec.selector: Required value']],
  ])('%s', (_name, mutate, want) => expect(validateJob(job(mutate)).map(fieldErrorString)).toEqual(want));
});

describe('CronJob', () => {
  const cronJob = (mutate: (c: CronJob) => void = () => {}): CronJob => {
    const c: CronJob = { metadata: { name: 'hello', namespace: 'default' }, spec: { schedule: '* * * * *', jobTemplate: { spec: { template: podTemplate('OnFailure') } } } };
    mutate(c);
    setDefaultsCronJob(c);
    return c;
  };

  it('defaults to Allow, not suspended, 3 successful and 1 failed job kept', () => {
    expect(cronJob().spec).toMatchObject({ concurrencyPolicy: 'Allow', suspend: false, successfulJobsHistoryLimit: 3, failedJobsHistoryLimit: 1 });
    expect(cronJob().spec!.jobTemplate.spec).not.toHaveProperty('backoffLimit');
  });

  it.each<[string, (c: CronJob) => void, string[]]>([
    ['a valid cron job', () => {}, []],
    ['a schedule is required', (c) => (c.spec!.schedule = ''), ['spec.schedule: Required value']],
    ['the schedule is standard cron', (c) => (c.spec!.schedule = '*/5 * * *'), [
      'spec.schedule: Invalid value: "*/5 * * *": expected exactly 5 fields, found 4: [*/5 * * *]',
    ]],
    ['time zones go in spec.timeZone', (c) => (c.spec!.schedule = 'CRON_TZ=UTC 0 * * * *'), [
      'spec.schedule: Invalid value: "CRON_TZ=UTC 0 * * * *": cannot use TZ or CRON_TZ in schedule, use timeZone field instead',
    ]],
    ['concurrencyPolicy is Allow, Forbid or Replace', (c) => (c.spec!.concurrencyPolicy = 'Queue'), [
      'spec.concurrencyPolicy: Unsupported value: "Queue": supported values: "Allow", "Forbid", "Replace"',
    ]],
    ['a cron job name leaves room for the job suffix', (c) => (c.metadata!.name = 'a'.repeat(53)), [
      `metadata.name: Invalid value: "${'a'.repeat(53)}": must be no more than 52 characters`,
    ]],
  ])('%s', (_name, mutate, want) => expect(validateCronJob(cronJob(mutate)).map(fieldErrorString)).toEqual(want));
});
