import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../api/object';
import { describeGeneric, smartLabelFor } from './describeGeneric';
import { fakeClient } from './fakeClient';

const text = (...lines: string[]) => lines.map((l) => `${l}\n`).join('');

describe('smartLabelFor', () => {
  it.each([
    ['containerStatuses', 'Container Statuses'],
    ['apiVersion', 'API Version'],
    ['uid', 'UID'],
    ['hostIP', 'Host IP'],
    ['some.field/name', 'some.field/name'],
    ['leaseDurationSeconds', 'Lease Duration Seconds'],
    ['URLPath', 'URLPath'],
    ['podIPs', 'Pod I Ps'],
  ])('The field %s is labelled %s', (field, want) => {
    expect(smartLabelFor(field)).toBe(want);
  });
});

describe('describeGeneric', () => {
  it('A kind without its own describer prints every field, sorted, as nested sections', () => {
    const lease: KubeObject = {
      apiVersion: 'coordination.k8s.io/v1',
      kind: 'Lease',
      metadata: {
        name: 'node-1',
        namespace: 'kube-node-lease',
        uid: 'f00',
        resourceVersion: '12',
        creationTimestamp: '2026-01-01T09:00:00Z',
        ownerReferences: [{ apiVersion: 'v1', kind: 'Node', name: 'node-1', uid: 'n1' }],
        managedFields: [{ manager: 'kubelet' }],
      },
      spec: { holderIdentity: 'node-1', leaseDurationSeconds: 40, renewTime: '2026-01-01T09:00:10.000000Z', strategies: ['a', 'b'] },
    };
    expect(describeGeneric(lease, { client: fakeClient([lease]), now: 0, showEvents: true })).toBe(
      text(
        'Name:         node-1',
        'Namespace:    kube-node-lease',
        'Labels:       <none>',
        'Annotations:  <none>',
        'API Version:  coordination.k8s.io/v1',
        'Kind:         Lease',
        'Metadata:',
        '  Creation Timestamp:  2026-01-01T09:00:00Z',
        '  Owner References:',
        '    API Version:     v1',
        '    Kind:            Node',
        '    Name:            node-1',
        '    UID:             n1',
        '  Resource Version:  12',
        '  UID:               f00',
        'Spec:',
        '  Holder Identity:         node-1',
        '  Lease Duration Seconds:  40',
        '  Renew Time:              2026-01-01T09:00:10.000000Z',
        '  Strategies:',
        '    a',
        '    b',
        'Events:  <none>',
      ),
    );
  });
});
