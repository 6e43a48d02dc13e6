// Mirrors pkg/registry/batch/cronjob/strategy.go: status reset on create.
import type { CronJob } from 'kubernetes-types/batch/v1';
import { setDefaultsCronJob } from '../../api/batch/v1/defaults';
import { validateCronJob } from '../../api/batch/v1/validation';
import type { KubeObject } from '../../api/object';
import type { KindSpec } from '../kindSpec';

const asCronJob = (obj: KubeObject): CronJob => obj as unknown as CronJob;

/** cronJobKind: Jobs on a cron schedule. */
export const cronJobKind: KindSpec = {
  group: 'batch',
  version: 'v1',
  kind: 'CronJob',
  plural: 'cronjobs',
  shortNames: ['cj'],
  namespaced: true,
  statusSubresource: true,
  generation: true,
  defaults: (obj) => setDefaultsCronJob(asCronJob(obj)),
  prepareForCreate: (obj) => {
    obj.status = {};
  },
  validate: (obj, old) => validateCronJob(asCronJob(obj), old && asCronJob(old)),
};
