// Mirrors k8s.io/kubectl/pkg/describe/describe.go describeJob (with capIndexesListOrNone), describeCronJob,
// describeJobTemplate and printActiveJobs.
import type { CronJob, Job, JobTemplateSpec } from 'kubernetes-types/batch/v1';
import type { LabelSelector } from 'kubernetes-types/meta/v1';
import type { KubeObject } from '../../api/object';
import { labelSelectorAsSelector } from '../../api/meta/v1/labelSelector';
import { parseTime } from '../../clock/timeFormat';
import { humanDuration } from '../printers/humanDuration';
import type { DescriberSettings } from './describer';
import { describeEvents, refOf, searchEvents } from './eventsTable';
import { printAnnotationsMultiline, printBoolPtr, printController, printLabelsMultiline } from './multiline';
import { describePodTemplate } from './podTemplate';
import { LEVEL_0, tabbedString, type PrefixWriter } from './prefixWriter';
import { rfc1123z } from './timestamps';

/** selectorLine is `Selector:\t<selector>`, or why the selector cannot be read. */
function selectorLine(w: PrefixWriter, selector: LabelSelector | undefined): void {
  try {
    w.write(LEVEL_0, `Selector:\t${labelSelectorAsSelector(selector).toString()}\n`);
  } catch (err) {
    w.write(LEVEL_0, `Selector:\tFailed to get selector: ${(err as Error).message}\n`);
  }
}

export function describeJob(obj: KubeObject, settings: DescriberSettings): string {
  const job = obj as Job & KubeObject;
  const spec = job.spec;
  const status = job.status ?? {};
  const events = settings.showEvents ? searchEvents(settings.client, refOf(job)) : undefined;
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${job.metadata.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${job.metadata.namespace ?? ''}\n`);
    selectorLine(w, spec?.selector);
    printLabelsMultiline(w, 'Labels', job.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', job.metadata.annotations);
    const controlledBy = printController(job.metadata);
    if (controlledBy) w.write(LEVEL_0, `Controlled By:\t${controlledBy}\n`);
    if (spec?.parallelism !== undefined) w.write(LEVEL_0, `Parallelism:\t${spec.parallelism}\n`);
    w.write(LEVEL_0, `Completions:\t${spec?.completions ?? '<unset>'}\n`);
    if (spec?.completionMode) w.write(LEVEL_0, `Completion Mode:\t${spec.completionMode}\n`);
    if (spec?.suspend !== undefined) w.write(LEVEL_0, `Suspend:\t${spec.suspend}\n`);
    if (spec?.backoffLimit !== undefined) w.write(LEVEL_0, `Backoff Limit:\t${spec.backoffLimit}\n`);
    if (spec?.ttlSecondsAfterFinished !== undefined) w.write(LEVEL_0, `TTL Seconds After Finished:\t${spec.ttlSecondsAfterFinished}\n`);
    if (status.startTime) w.write(LEVEL_0, `Start Time:\t${rfc1123z(status.startTime)}\n`);
    if (status.completionTime) w.write(LEVEL_0, `Completed At:\t${rfc1123z(status.completionTime)}\n`);
    if (status.startTime && status.completionTime) {
      w.write(LEVEL_0, `Duration:\t${humanDuration((parseTime(status.completionTime) ?? 0) - (parseTime(status.startTime) ?? 0))}\n`);
    }
    if (spec?.activeDeadlineSeconds !== undefined) w.write(LEVEL_0, `Active Deadline Seconds:\t${spec.activeDeadlineSeconds}s\n`);
    const counts = `${status.succeeded ?? 0} Succeeded / ${status.failed ?? 0} Failed`;
    const active = status.ready === undefined ? `${status.active ?? 0} Active` : `${status.active ?? 0} Active (${status.ready} Ready)`;
    w.write(LEVEL_0, `Pods Statuses:\t${active} / ${counts}\n`);
    if (spec?.completionMode === 'Indexed') w.write(LEVEL_0, `Completed Indexes:\t${capIndexesListOrNone(status.completedIndexes ?? '', 50)}\n`);
    describePodTemplate(spec?.template, w);
    if (events) describeEvents(events, w, settings.now);
  });
}

/** capIndexesListOrNone cuts a long completed-index list after the first comma past softLimit characters. */
function capIndexesListOrNone(indexes: string, softLimit: number): string {
  if (indexes.length === 0) return '<none>';
  const comma = indexes.indexOf(',', softLimit);
  return comma < 0 ? indexes : `${indexes.slice(0, comma + 1)}...`;
}

export function describeCronJob(obj: KubeObject, settings: DescriberSettings): string {
  const cj = obj as CronJob & KubeObject;
  const spec = cj.spec;
  const events = settings.showEvents ? searchEvents(settings.client, refOf(cj)) : undefined;
  const orUnset = (v: number | string | undefined, suffix = '') => (v === undefined ? '<unset>' : `${v}${suffix}`);
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${cj.metadata.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${cj.metadata.namespace ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', cj.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', cj.metadata.annotations);
    w.write(LEVEL_0, `Schedule:\t${spec?.schedule ?? ''}\n`);
    w.write(LEVEL_0, `Concurrency Policy:\t${spec?.concurrencyPolicy ?? ''}\n`);
    w.write(LEVEL_0, `Suspend:\t${printBoolPtr(spec?.suspend)}\n`);
    w.write(LEVEL_0, `Time Zone:\t${orUnset(spec?.timeZone)}\n`);
    w.write(LEVEL_0, `Successful Job History Limit:\t${orUnset(spec?.successfulJobsHistoryLimit)}\n`);
    w.write(LEVEL_0, `Failed Job History Limit:\t${orUnset(spec?.failedJobsHistoryLimit)}\n`);
    w.write(LEVEL_0, `Starting Deadline Seconds:\t${orUnset(spec?.startingDeadlineSeconds, 's')}\n`);
    describeJobTemplate(spec?.jobTemplate, w);
    w.write(LEVEL_0, `Last Schedule Time:\t${cj.status?.lastScheduleTime ? rfc1123z(cj.status.lastScheduleTime) : '<unset>'}\n`);
    const active = cj.status?.active ?? [];
    w.write(LEVEL_0, 'Active Jobs:\t');
    if (active.length === 0) w.writeLine('<none>');
    else w.writeLine(active.map((j) => j.name ?? '').join(', '));
    if (events) describeEvents(events, w, settings.now);
  });
}

function describeJobTemplate(template: JobTemplateSpec | undefined, w: PrefixWriter): void {
  const spec = template?.spec;
  if (spec?.selector) selectorLine(w, spec.selector);
  else w.write(LEVEL_0, 'Selector:\t<unset>\n');
  w.write(LEVEL_0, `Parallelism:\t${spec?.parallelism ?? '<unset>'}\n`);
  w.write(LEVEL_0, `Completions:\t${spec?.completions ?? '<unset>'}\n`);
  if (spec?.activeDeadlineSeconds !== undefined) w.write(LEVEL_0, `Active Deadline Seconds:\t${spec.activeDeadlineSeconds}s\n`);
  describePodTemplate(spec?.template, w);
}
