// Mirrors pkg/apis/apps/v1/defaults.go and the pod-template part of zz_generated.defaults.go (SetDefaults_PodSpec,
// container, probe and volume defaults; never SetDefaults_Pod, which applies to Pods only).
import type { DaemonSet, Deployment, ReplicaSet, StatefulSet, StatefulSetSpec } from 'kubernetes-types/apps/v1';
import {
  setDefaultsPersistentVolumeClaim,
  setDefaultsPodTemplateSpec,
} from '../../core/v1/defaults';

/** DefaultRevisionHistoryLimit is the number of old ReplicaSets or ControllerRevisions kept by default. */
export const DefaultRevisionHistoryLimit = 10;
/** DefaultProgressDeadlineSeconds is how long a Deployment may make no progress before it is reported stuck. */
export const DefaultProgressDeadlineSeconds = 600;

/** setDefaultsDeployment is SetDefaults_Deployment: 1 replica, RollingUpdate 25%/25%, 10 revisions, 600 s deadline. */
export function setDefaultsDeployment(d: Deployment): void {
  const spec = (d.spec ??= { selector: {}, template: {} });
  spec.replicas ??= 1;
  const strategy = (spec.strategy ??= {});
  strategy.type ||= 'RollingUpdate';
  if (strategy.type === 'RollingUpdate') {
    const ru = (strategy.rollingUpdate ??= {});
    ru.maxUnavailable ??= '25%';
    ru.maxSurge ??= '25%';
  }
  spec.revisionHistoryLimit ??= DefaultRevisionHistoryLimit;
  spec.progressDeadlineSeconds ??= DefaultProgressDeadlineSeconds;
  setDefaultsPodTemplateSpec(spec.template);
}

/** setDefaultsReplicaSet is SetDefaults_ReplicaSet: 1 replica. */
export function setDefaultsReplicaSet(rs: ReplicaSet): void {
  const spec = (rs.spec ??= { selector: {} });
  spec.replicas ??= 1;
  setDefaultsPodTemplateSpec(spec.template);
}

/** setDefaultsDaemonSet is SetDefaults_DaemonSet: RollingUpdate with maxUnavailable 1 and maxSurge 0, 10 revisions. */
export function setDefaultsDaemonSet(ds: DaemonSet): void {
  const spec = (ds.spec ??= { selector: {}, template: {} });
  const strategy = (spec.updateStrategy ??= {});
  strategy.type ||= 'RollingUpdate';
  if (strategy.type === 'RollingUpdate') {
    const ru = (strategy.rollingUpdate ??= {});
    ru.maxUnavailable ??= 1;
    ru.maxSurge ??= 0;
  }
  spec.revisionHistoryLimit ??= DefaultRevisionHistoryLimit;
  setDefaultsPodTemplateSpec(spec.template);
}

/**
 * setDefaultsStatefulSet is SetDefaults_StatefulSet: OrderedReady, RollingUpdate from partition 0, PVCs retained
 * on delete and scale-down (StatefulSetAutoDeletePVC is GA), 1 replica, 10 revisions; each volume claim template
 * gets the PVC defaults, status phase Pending included.
 */
export function setDefaultsStatefulSet(sts: StatefulSet): void {
  const spec = (sts.spec ??= {} as StatefulSetSpec);
  spec.podManagementPolicy ||= 'OrderedReady';
  const strategy = (spec.updateStrategy ??= {});
  if (!strategy.type) {
    strategy.type = 'RollingUpdate';
    strategy.rollingUpdate ??= {};
  }
  if (strategy.type === 'RollingUpdate' && strategy.rollingUpdate) strategy.rollingUpdate.partition ??= 0;
  const retention = (spec.persistentVolumeClaimRetentionPolicy ??= {});
  retention.whenDeleted ||= 'Retain';
  retention.whenScaled ||= 'Retain';
  spec.replicas ??= 1;
  spec.revisionHistoryLimit ??= DefaultRevisionHistoryLimit;
  setDefaultsPodTemplateSpec(spec.template);
  for (const claim of spec.volumeClaimTemplates ?? []) setDefaultsPersistentVolumeClaim(claim);
}
