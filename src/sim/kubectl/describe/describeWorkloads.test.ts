import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../api/object';
import { describeDaemonSet, describeReplicationController, describeStatefulSet } from './describeWorkloads';
import { fakeClient } from './fakeClient';

const text = (...lines: string[]) => lines.map((l) => `${l}\n`).join('');
const template = { metadata: { labels: { app: 'db' } }, spec: { containers: [{ name: 'db', image: 'postgres:16' }] } };
const templateText = [
  'Pod Template:',
  '  Labels:  app=db',
  '  Containers:',
  '   db:',
  '    Image:         postgres:16',
  '    Port:          <none>',
  '    Host Port:     <none>',
  '    Environment:   <none>',
  '    Mounts:        <none>',
  '  Volumes:         <none>',
  '  Node-Selectors:  <none>',
  '  Tolerations:     <none>',
];
const pod = (name: string, phase: string, ownerUid: string): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace: 'default', labels: { app: 'db' }, ownerReferences: [{ apiVersion: 'apps/v1', kind: 'X', name: 'x', uid: ownerUid, controller: true }] },
  status: { phase },
});
const pods = [pod('db-0', 'Running', 'u1'), pod('db-1', 'Pending', 'u1'), pod('other', 'Running', 'u2')];

describe('workload describers', () => {
  it('A StatefulSet counts its own pods by phase and lists its claim templates', () => {
    const sts: KubeObject = {
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata: { name: 'db', namespace: 'default', uid: 'u1', creationTimestamp: '2026-01-01T09:00:00Z' },
      spec: {
        replicas: 2,
        selector: { matchLabels: { app: 'db' } },
        serviceName: 'db',
        template,
        updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 0 } },
        volumeClaimTemplates: [{ metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'], storageClassName: 'standard', resources: { requests: { storage: '1Gi' } } } }],
      },
      status: { replicas: 2 },
    };
    expect(describeStatefulSet(sts, { client: fakeClient([sts, ...pods]), now: 0, showEvents: true })).toBe(
      text(
        'Name:               db',
        'Namespace:          default',
        'CreationTimestamp:  Thu, 01 Jan 2026 09:00:00 +0000',
        'Selector:           app=db',
        'Labels:             <none>',
        'Annotations:        <none>',
        'Replicas:           2 desired | 2 total',
        'Update Strategy:    RollingUpdate',
        '  Partition:        0',
        'Pods Status:        1 Running / 1 Waiting / 0 Succeeded / 0 Failed',
        ...templateText,
        'Volume Claims:',
        '  Name:          data',
        '  StorageClass:  standard',
        '  Labels:        <none>',
        '  Annotations:   <none>',
        '  Capacity:      1Gi',
        '  Access Modes:  [ReadWriteOnce]',
        'Events:          <none>',
      ),
    );
  });

  it('A DaemonSet prints its scheduling counters without alignment, as kubectl writes them without a tab', () => {
    const ds: KubeObject = {
      apiVersion: 'apps/v1',
      kind: 'DaemonSet',
      metadata: { name: 'db', namespace: 'default', uid: 'u1' },
      spec: { selector: { matchLabels: { app: 'db' } }, template },
      status: { desiredNumberScheduled: 3, currentNumberScheduled: 3, updatedNumberScheduled: 3, numberAvailable: 2, numberMisscheduled: 0 },
    };
    expect(describeDaemonSet(ds, { client: fakeClient([ds, ...pods]), now: 0, showEvents: false })).toBe(
      text(
        'Name:           db',
        'Namespace:      default',
        'Selector:       app=db',
        'Node-Selector:  <none>',
        'Labels:         <none>',
        'Annotations:    <none>',
        'Desired Number of Nodes Scheduled: 3',
        'Current Number of Nodes Scheduled: 3',
        'Number of Nodes Scheduled with Up-to-date Pods: 3',
        'Number of Nodes Scheduled with Available Pods: 2',
        'Number of Nodes Misscheduled: 0',
        'Pods Status:  1 Running / 1 Waiting / 0 Succeeded / 0 Failed',
        ...templateText,
      ),
    );
  });

  it('A ReplicationController shows its map selector and replica counts', () => {
    const rc: KubeObject = {
      apiVersion: 'v1',
      kind: 'ReplicationController',
      metadata: { name: 'db', namespace: 'default', uid: 'u2' },
      spec: { replicas: 1, selector: { app: 'db' }, template },
      status: { replicas: 1 },
    };
    expect(describeReplicationController(rc, { client: fakeClient([rc, ...pods]), now: 0, showEvents: false })).toBe(
      text(
        'Name:         db',
        'Namespace:    default',
        'Selector:     app=db',
        'Labels:       <none>',
        'Annotations:  <none>',
        'Replicas:     1 current / 1 desired',
        'Pods Status:  1 Running / 0 Waiting / 0 Succeeded / 0 Failed',
        ...templateText,
      ),
    );
  });
});
