// Mirrors pkg/registry/batch/job/strategy.go PrepareForCreate (generateSelectorIfNeeded, status reset).
//
// ATTENTION: the generated selector and labels carry metadata.uid, so the API server must assign the uid before
// prepareForCreate (upstream fills it in before the strategy runs). Without a uid no selector is generated and
// validation reports `spec.selector: Required value`.
import type { Job } from 'kubernetes-types/batch/v1';
import { setDefaultsJob } from '../../api/batch/v1/defaults';
import { validateJob } from '../../api/batch/v1/validation';
import type { KubeObject } from '../../api/object';
import type { KindSpec } from '../kindSpec';

const asJob = (obj: KubeObject): Job => obj as unknown as Job;

/** Labels the Job controller finds its pods by (batch.kubernetes.io/* and their legacy short forms). */
export const JobNameLabels = ['job-name', 'batch.kubernetes.io/job-name'] as const;
export const ControllerUidLabels = ['controller-uid', 'batch.kubernetes.io/controller-uid'] as const;

/**
 * generateSelector is generateSelector: label the template with the job's name and uid (unless the user set
 * those labels) and select on batch.kubernetes.io/controller-uid.
 */
export function generateSelector(job: Job): void {
  const uid = job.metadata?.uid;
  const name = job.metadata?.name ?? '';
  if (!uid || job.spec?.manualSelector) return;
  const template = (job.spec!.template ??= {});
  const labels = ((template.metadata ??= {}).labels ??= {});
  for (const k of JobNameLabels) labels[k] ??= name;
  for (const k of ControllerUidLabels) labels[k] ??= uid;
  const selector = (job.spec!.selector ??= {});
  const matchLabels = (selector.matchLabels ??= {});
  matchLabels['batch.kubernetes.io/controller-uid'] ??= uid;
}

/** jobKind: run pods to completion. */
export const jobKind: KindSpec = {
  group: 'batch',
  version: 'v1',
  kind: 'Job',
  plural: 'jobs',
  namespaced: true,
  statusSubresource: true,
  generation: true,
  defaults: (obj) => setDefaultsJob(asJob(obj)),
  prepareForCreate(obj) {
    const job = asJob(obj);
    generateSelector(job);
    obj.status = {};
    // Upstream re-applies SetDefaults_Job whenever it decodes the stored Job, so a Job without labels of its
    // own shows its template's labels, generated ones included.
    const labels = job.spec?.template?.metadata?.labels;
    if (labels && Object.keys(job.metadata?.labels ?? {}).length === 0) job.metadata = { ...job.metadata, labels: { ...labels } };
  },
  validate: (obj, old) => validateJob(asJob(obj), old && asJob(old)),
};
