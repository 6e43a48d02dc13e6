import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../api/object';
import { describeCronJob, describeJob } from './describeBatch';
import { fakeClient } from './fakeClient';

const text = (...lines: string[]) => lines.map((l) => `${l}\n`).join('');
const template = { metadata: { labels: { 'job-name': 'pi' } }, spec: { restartPolicy: 'Never', containers: [{ name: 'pi', image: 'perl', command: ['perl', '-e', 'print 1'] }] } };
/** templateText is the pod template; its last lines align with whatever follows them, at `width`. */
const templateText = (width: number) => [
  'Pod Template:',
  '  Labels:  job-name=pi',
  '  Containers:',
  '   pi:',
  '    Image:      perl',
  '    Port:       <none>',
  '    Host Port:  <none>',
  '    Command:',
  '      perl',
  '      -e',
  '      print 1',
  ...['    Environment:', '    Mounts:', '  Volumes:', '  Node-Selectors:', '  Tolerations:'].map((label) => `${label.padEnd(width)}<none>`),
];

describe('batch describers', () => {
  it('A finished Job shows its duration and pod counts with ready pods', () => {
    const job: KubeObject = {
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: { name: 'pi', namespace: 'default', uid: 'j1' },
      spec: { parallelism: 1, completions: 1, completionMode: 'NonIndexed', suspend: false, backoffLimit: 6, selector: { matchLabels: { 'batch.kubernetes.io/controller-uid': 'j1' } }, template },
      status: { startTime: '2026-01-01T09:00:00Z', completionTime: '2026-01-01T09:00:42Z', active: 0, ready: 0, succeeded: 1, failed: 0 },
    };
    expect(describeJob(job, { client: fakeClient([job]), now: 0, showEvents: true })).toBe(
      text(
        'Name:             pi',
        'Namespace:        default',
        'Selector:         batch.kubernetes.io/controller-uid=j1',
        'Labels:           <none>',
        'Annotations:      <none>',
        'Parallelism:      1',
        'Completions:      1',
        'Completion Mode:  NonIndexed',
        'Suspend:          false',
        'Backoff Limit:    6',
        'Start Time:       Thu, 01 Jan 2026 09:00:00 +0000',
        'Completed At:     Thu, 01 Jan 2026 09:00:42 +0000',
        'Duration:         42s',
        'Pods Statuses:    0 Active (0 Ready) / 1 Succeeded / 0 Failed',
        ...templateText(19),
        'Events:            <none>',
      ),
    );
  });

  it('A CronJob prints <unset> for what it leaves to defaults and its active jobs', () => {
    const cj: KubeObject = {
      apiVersion: 'batch/v1',
      kind: 'CronJob',
      metadata: { name: 'pi', namespace: 'default' },
      spec: { schedule: '*/5 * * * *', concurrencyPolicy: 'Allow', suspend: false, successfulJobsHistoryLimit: 3, failedJobsHistoryLimit: 1, jobTemplate: { spec: { template } } },
      status: { active: [{ name: 'pi-29000000' }] },
    };
    expect(describeCronJob(cj, { client: fakeClient([cj]), now: 0, showEvents: false })).toBe(
      text(
        'Name:                          pi',
        'Namespace:                     default',
        'Labels:                        <none>',
        'Annotations:                   <none>',
        'Schedule:                      */5 * * * *',
        'Concurrency Policy:            Allow',
        'Suspend:                       False',
        'Time Zone:                     <unset>',
        'Successful Job History Limit:  3',
        'Failed Job History Limit:      1',
        'Starting Deadline Seconds:     <unset>',
        'Selector:                      <unset>',
        'Parallelism:                   <unset>',
        'Completions:                   <unset>',
        ...templateText(21),
        'Last Schedule Time:  <unset>',
        'Active Jobs:         pi-29000000',
      ),
    );
  });
});
