import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../api/object';
import { describeNamespace } from './describeNamespace';

const text = (...lines: string[]) => lines.map((l) => `${l}\n`).join('');
const namespace = (status: Record<string, unknown>): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Namespace',
  metadata: { name: 'example', labels: { 'kubernetes.io/metadata.name': 'example' } },
  status,
});

// describe_test.go TestDescribeNamespace: the status, conditions when there are any, and the quota sections.
describe('describeNamespace', () => {
  it.each([
    {
      name: 'An active namespace has no quotas or limit ranges',
      ns: namespace({ phase: 'Active' }),
      want: text(
        'Name:         example',
        'Labels:       kubernetes.io/metadata.name=example',
        'Annotations:  <none>',
        'Status:       Active',
        '',
        'No resource quota.',
        '',
        'No LimitRange resource.',
      ),
    },
    {
      name: 'A terminating namespace lists its conditions',
      ns: namespace({
        phase: 'Terminating',
        conditions: [{ type: 'NamespaceDeletionContentFailure', status: 'True', lastTransitionTime: '2014-01-15T00:00:00Z', reason: 'example reason', message: 'example message' }],
      }),
      want: text(
        'Name:         example',
        'Labels:       kubernetes.io/metadata.name=example',
        'Annotations:  <none>',
        'Status:       Terminating',
        'Conditions:',
        '  Type                             Status  LastTransitionTime               Reason          Message',
        '  ----                             ------  ------------------               ------          -------',
        '  NamespaceDeletionContentFailure  True    Wed, 15 Jan 2014 00:00:00 +0000  example reason  example message',
        '',
        'No resource quota.',
        '',
        'No LimitRange resource.',
      ),
    },
  ])('$name', ({ ns, want }) => {
    expect(describeNamespace(ns)).toBe(want);
  });
});
