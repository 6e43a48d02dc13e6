// Mirrors printJob and printCronJob in pkg/printers/internalversion/printers.go.
import type { CronJob, Job } from 'kubernetes-types/batch/v1';
import { formatLabelSelector } from '../../api/meta/v1/labelSelector';
import { parseTime } from '../../clock/timeFormat';
import { humanDuration } from './humanDuration';
import { AGE, CONTAINERS, IMAGES, NAME, SELECTOR, age, layoutContainerCells, printBoolPtr, since, tableHandler } from './table';

/** jobTable: STATUS from the conditions (Complete, Failed, Terminating, Suspended, FailureTarget, else Running). */
export const jobTable = tableHandler<Job>(
  [NAME, { name: 'Status' }, { name: 'Completions' }, { name: 'Duration' }, AGE, CONTAINERS, IMAGES, SELECTOR],
  (job, now) => {
    const succeeded = job.status?.succeeded ?? 0;
    const parallelism = job.spec?.parallelism ?? 0;
    const completions =
      job.spec?.completions !== undefined
        ? `${succeeded}/${job.spec.completions}`
        : parallelism > 1
          ? `${succeeded}/1 of ${parallelism}`
          : `${succeeded}/1`;
    const start = parseTime(job.status?.startTime);
    const end = parseTime(job.status?.completionTime);
    const duration = start === undefined ? '' : humanDuration((end ?? now) - start);
    const has = (type: string) => job.status?.conditions?.find((c) => c.type === type)?.status === 'True';
    const status = has('Complete')
      ? 'Complete'
      : has('Failed')
        ? 'Failed'
        : job.metadata.deletionTimestamp
          ? 'Terminating'
          : has('Suspended')
            ? 'Suspended'
            : has('FailureTarget')
              ? 'FailureTarget'
              : 'Running';
    const [names, images] = layoutContainerCells(job.spec?.template.spec?.containers);
    return [job.metadata.name ?? '', status, completions, duration, age(job, now), names, images, formatLabelSelector(job.spec?.selector)];
  },
);

export const cronJobTable = tableHandler<CronJob>(
  [
    NAME,
    { name: 'Schedule' },
    { name: 'Timezone' },
    { name: 'Suspend' },
    { name: 'Active' },
    { name: 'Last Schedule' },
    AGE,
    CONTAINERS,
    IMAGES,
    SELECTOR,
  ],
  (cj, now) => {
    const jobSpec = cj.spec?.jobTemplate.spec;
    const [names, images] = layoutContainerCells(jobSpec?.template.spec?.containers);
    return [
      cj.metadata.name ?? '',
      cj.spec?.schedule ?? '',
      cj.spec?.timeZone ?? '<none>',
      printBoolPtr(cj.spec?.suspend),
      (cj.status?.active ?? []).length,
      cj.status?.lastScheduleTime ? since(cj.status.lastScheduleTime, now) : '<none>',
      age(cj, now),
      names,
      images,
      formatLabelSelector(jobSpec?.selector),
    ];
  },
);
