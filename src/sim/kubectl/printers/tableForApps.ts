// Mirrors printDeployment, printReplicaSet, printDaemonSet and printStatefulSet in
// pkg/printers/internalversion/printers.go.
import type { DaemonSet, Deployment, ReplicaSet, StatefulSet } from 'kubernetes-types/apps/v1';
import { formatLabelSelector, labelSelectorAsSelector } from '../../api/meta/v1/labelSelector';
import { AGE, CONTAINERS, IMAGES, NAME, SELECTOR, age, formatLabels, layoutContainerCells, tableHandler } from './table';

/** deploymentTable: READY is ready/desired; its SELECTOR column prints an empty selector as nothing, not <none>. */
export const deploymentTable = tableHandler<Deployment>(
  [NAME, { name: 'Ready' }, { name: 'Up-to-date' }, { name: 'Available' }, AGE, CONTAINERS, IMAGES, SELECTOR],
  (d, now) => {
    const [names, images] = layoutContainerCells(d.spec?.template.spec?.containers);
    let selector: string;
    try {
      selector = labelSelectorAsSelector(d.spec?.selector).toString();
    } catch {
      selector = '<invalid>';
    }
    return [
      d.metadata.name ?? '',
      `${d.status?.readyReplicas ?? 0}/${d.spec?.replicas ?? 1}`,
      d.status?.updatedReplicas ?? 0,
      d.status?.availableReplicas ?? 0,
      age(d, now),
      names,
      images,
      selector,
    ];
  },
);

export const replicaSetTable = tableHandler<ReplicaSet>(
  [NAME, { name: 'Desired' }, { name: 'Current' }, { name: 'Ready' }, AGE, CONTAINERS, IMAGES, SELECTOR],
  (rs, now) => {
    const [names, images] = layoutContainerCells(rs.spec?.template?.spec?.containers);
    return [
      rs.metadata.name ?? '',
      rs.spec?.replicas ?? 1,
      rs.status?.replicas ?? 0,
      rs.status?.readyReplicas ?? 0,
      age(rs, now),
      names,
      images,
      formatLabelSelector(rs.spec?.selector),
    ];
  },
);

export const daemonSetTable = tableHandler<DaemonSet>(
  [
    NAME,
    { name: 'Desired' },
    { name: 'Current' },
    { name: 'Ready' },
    { name: 'Up-to-date' },
    { name: 'Available' },
    { name: 'Node Selector' },
    AGE,
    CONTAINERS,
    IMAGES,
    SELECTOR,
  ],
  (ds, now) => {
    const [names, images] = layoutContainerCells(ds.spec?.template.spec?.containers);
    const s = ds.status;
    return [
      ds.metadata.name ?? '',
      s?.desiredNumberScheduled ?? 0,
      s?.currentNumberScheduled ?? 0,
      s?.numberReady ?? 0,
      s?.updatedNumberScheduled ?? 0,
      s?.numberAvailable ?? 0,
      formatLabels(ds.spec?.template.spec?.nodeSelector),
      age(ds, now),
      names,
      images,
      formatLabelSelector(ds.spec?.selector),
    ];
  },
);

export const statefulSetTable = tableHandler<StatefulSet>([NAME, { name: 'Ready' }, AGE, CONTAINERS, IMAGES], (sts, now) => {
  const [names, images] = layoutContainerCells(sts.spec?.template.spec?.containers);
  return [sts.metadata.name ?? '', `${sts.status?.readyReplicas ?? 0}/${sts.spec?.replicas ?? 1}`, age(sts, now), names, images];
});
