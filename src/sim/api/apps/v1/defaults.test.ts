// Ports pkg/apis/apps/v1/defaults_test.go (TestSetDefaultDeployment, TestSetDefaultDaemonSetSpec,
// TestSetDefaultStatefulSet, TestSetDefaultReplicaSetReplicas).
import type { DaemonSet, Deployment, ReplicaSet, StatefulSet } from 'kubernetes-types/apps/v1';
import { describe, expect, it } from 'vitest';
import { setDefaultsDaemonSet, setDefaultsDeployment, setDefaultsReplicaSet, setDefaultsStatefulSet } from './defaults';

const template = () => ({ metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx:1.25' }] } });

describe('setDefaultsDeployment', () => {
  it('defaults replicas, a 25%/25% rolling update, history and progress deadline', () => {
    const d: Deployment = { spec: { selector: { matchLabels: { app: 'web' } }, template: template() } };
    setDefaultsDeployment(d);
    expect(d.spec).toMatchObject({
      replicas: 1,
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' } },
      revisionHistoryLimit: 10,
      progressDeadlineSeconds: 600,
    });
    expect(d.spec!.template.spec).toMatchObject({ restartPolicy: 'Always', dnsPolicy: 'ClusterFirst', terminationGracePeriodSeconds: 30 });
    expect(d.spec!.template.spec).not.toHaveProperty('enableServiceLinks');
  });

  it('fills only the missing half of a rolling update', () => {
    const d: Deployment = { spec: { selector: {}, template: template(), strategy: { rollingUpdate: { maxSurge: 1 } } } };
    setDefaultsDeployment(d);
    expect(d.spec!.strategy).toEqual({ type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: '25%' } });
  });

  it('gives Recreate no rolling update parameters', () => {
    const d: Deployment = { spec: { selector: {}, template: template(), strategy: { type: 'Recreate' }, replicas: 0 } };
    setDefaultsDeployment(d);
    expect(d.spec).toMatchObject({ strategy: { type: 'Recreate' }, replicas: 0 });
  });
});

describe('other workloads', () => {
  it('gives a ReplicaSet one replica', () => {
    const rs: ReplicaSet = { spec: { selector: {}, template: template() } };
    setDefaultsReplicaSet(rs);
    expect(rs.spec!.replicas).toBe(1);
  });

  it('rolls a DaemonSet one node at a time without surge', () => {
    const ds: DaemonSet = { spec: { selector: {}, template: template() } };
    setDefaultsDaemonSet(ds);
    expect(ds.spec).toMatchObject({ updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } }, revisionHistoryLimit: 10 });
  });

  it('orders StatefulSet pods, updates from partition 0, retains claims and defaults claim templates', () => {
    const sts: StatefulSet = {
      spec: {
        serviceName: 'nginx',
        selector: {},
        template: template(),
        volumeClaimTemplates: [{ metadata: { name: 'www' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } }],
      },
    };
    setDefaultsStatefulSet(sts);
    expect(sts.spec).toMatchObject({
      podManagementPolicy: 'OrderedReady',
      updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 0 } },
      persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Retain', whenScaled: 'Retain' },
      replicas: 1,
      revisionHistoryLimit: 10,
    });
    expect(sts.spec!.volumeClaimTemplates![0]).toEqual({
      metadata: { name: 'www' },
      spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } }, volumeMode: 'Filesystem' },
      status: { phase: 'Pending' },
    });
  });

  it('does not invent a rolling update for an explicit OnDelete StatefulSet', () => {
    const sts: StatefulSet = { spec: { serviceName: 'x', selector: {}, template: template(), updateStrategy: { type: 'OnDelete' } } };
    setDefaultsStatefulSet(sts);
    expect(sts.spec!.updateStrategy).toEqual({ type: 'OnDelete' });
  });
});
