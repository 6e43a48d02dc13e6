// Mirrors k8s.io/kubectl/pkg/describe/describe.go describeDaemonSet, describeStatefulSet (with
// describeVolumeClaimTemplates) and describeReplicationController.
import type { DaemonSet, StatefulSet } from 'kubernetes-types/apps/v1';
import type { PersistentVolumeClaim, ReplicationController } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../api/object';
import { labelSelectorAsSelector } from '../../api/meta/v1/labelSelector';
import { quantityString } from './containers';
import { podStatusForController, podsStatusText } from './controllerPods';
import type { DescriberSettings } from './describer';
import { describeEvents, refOf, searchEvents } from './eventsTable';
import { formatLabels, printAnnotationsMultiline, printLabelsMultiline, printLabelsMultilineWithIndent } from './multiline';
import { describePodTemplate } from './podTemplate';
import { LEVEL_0, LEVEL_1, tabbedString, type PrefixWriter } from './prefixWriter';
import { rfc1123z } from './timestamps';

export function describeDaemonSet(obj: KubeObject, settings: DescriberSettings): string {
  const ds = obj as DaemonSet & KubeObject;
  const selector = labelSelectorAsSelector(ds.spec?.selector).toString();
  const pods = podStatusForController(settings.client, ds.metadata.namespace ?? '', selector, ds.metadata.uid);
  const events = settings.showEvents ? searchEvents(settings.client, refOf(ds)) : undefined;
  const status = ds.status;
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${ds.metadata.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${ds.metadata.namespace ?? ''}\n`);
    w.write(LEVEL_0, `Selector:\t${selector}\n`);
    w.write(LEVEL_0, `Node-Selector:\t${formatLabels(ds.spec?.template.spec?.nodeSelector)}\n`);
    printLabelsMultiline(w, 'Labels', ds.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', ds.metadata.annotations);
    w.write(LEVEL_0, `Desired Number of Nodes Scheduled: ${status?.desiredNumberScheduled ?? 0}\n`);
    w.write(LEVEL_0, `Current Number of Nodes Scheduled: ${status?.currentNumberScheduled ?? 0}\n`);
    w.write(LEVEL_0, `Number of Nodes Scheduled with Up-to-date Pods: ${status?.updatedNumberScheduled ?? 0}\n`);
    w.write(LEVEL_0, `Number of Nodes Scheduled with Available Pods: ${status?.numberAvailable ?? 0}\n`);
    w.write(LEVEL_0, `Number of Nodes Misscheduled: ${status?.numberMisscheduled ?? 0}\n`);
    w.write(LEVEL_0, `Pods Status:\t${podsStatusText(pods)}\n`);
    describePodTemplate(ds.spec?.template, w);
    if (events) describeEvents(events, w, settings.now);
  });
}

export function describeStatefulSet(obj: KubeObject, settings: DescriberSettings): string {
  const sts = obj as StatefulSet & KubeObject;
  const selector = labelSelectorAsSelector(sts.spec?.selector).toString();
  const pods = podStatusForController(settings.client, sts.metadata.namespace ?? '', selector, sts.metadata.uid);
  const events = settings.showEvents ? searchEvents(settings.client, refOf(sts)) : undefined;
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${sts.metadata.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${sts.metadata.namespace ?? ''}\n`);
    w.write(LEVEL_0, `CreationTimestamp:\t${rfc1123z(sts.metadata.creationTimestamp)}\n`);
    w.write(LEVEL_0, `Selector:\t${selector}\n`);
    printLabelsMultiline(w, 'Labels', sts.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', sts.metadata.annotations);
    w.write(LEVEL_0, `Replicas:\t${sts.spec?.replicas ?? 0} desired | ${sts.status?.replicas ?? 0} total\n`);
    w.write(LEVEL_0, `Update Strategy:\t${sts.spec?.updateStrategy?.type ?? ''}\n`);
    const ru = sts.spec?.updateStrategy?.rollingUpdate;
    if (ru && ru.partition !== undefined) {
      w.write(LEVEL_1, `Partition:\t${ru.partition}\n`);
      if (ru.maxUnavailable !== undefined) w.write(LEVEL_1, `MaxUnavailable:\t${ru.maxUnavailable}\n`);
    }
    w.write(LEVEL_0, `Pods Status:\t${podsStatusText(pods)}\n`);
    describePodTemplate(sts.spec?.template, w);
    describeVolumeClaimTemplates(sts.spec?.volumeClaimTemplates, w);
    if (events) describeEvents(events, w, settings.now);
  });
}

function describeVolumeClaimTemplates(templates: readonly PersistentVolumeClaim[] | undefined, w: PrefixWriter): void {
  if (!templates || templates.length === 0) {
    w.write(LEVEL_0, 'Volume Claims:\t<none>\n');
    return;
  }
  w.write(LEVEL_0, 'Volume Claims:\n');
  for (const pvc of templates) {
    w.write(LEVEL_1, `Name:\t${pvc.metadata?.name ?? ''}\n`);
    // GetPersistentVolumeClaimClass: the beta annotation wins over spec.storageClassName.
    const storageClass = pvc.metadata?.annotations?.['volume.beta.kubernetes.io/storage-class'] ?? pvc.spec?.storageClassName ?? '';
    w.write(LEVEL_1, `StorageClass:\t${storageClass}\n`);
    printLabelsMultilineWithIndent(w, '  ', 'Labels', '\t', pvc.metadata?.labels);
    printLabelsMultilineWithIndent(w, '  ', 'Annotations', '\t', pvc.metadata?.annotations);
    const capacity = pvc.spec?.resources?.requests?.storage;
    w.write(LEVEL_1, `Capacity:\t${capacity === undefined ? '<default>' : quantityString(capacity)}\n`);
    w.write(LEVEL_1, `Access Modes:\t[${(pvc.spec?.accessModes ?? []).join(' ')}]\n`);
  }
}

export function describeReplicationController(obj: KubeObject, settings: DescriberSettings): string {
  const rc = obj as ReplicationController & KubeObject;
  const selectorMap = rc.spec?.selector;
  const selector = Object.entries(selectorMap ?? {})
    .map(([k, v]) => `${k}=${v}`)
    .join(',');
  const pods = podStatusForController(settings.client, rc.metadata.namespace ?? '', selector, rc.metadata.uid);
  const events = settings.showEvents ? searchEvents(settings.client, refOf(rc)) : undefined;
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${rc.metadata.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${rc.metadata.namespace ?? ''}\n`);
    w.write(LEVEL_0, `Selector:\t${formatLabels(selectorMap)}\n`);
    printLabelsMultiline(w, 'Labels', rc.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', rc.metadata.annotations);
    w.write(LEVEL_0, `Replicas:\t${rc.status?.replicas ?? 0} current / ${rc.spec?.replicas ?? 0} desired\n`);
    w.write(LEVEL_0, `Pods Status:\t${podsStatusText(pods)}\n`);
    describePodTemplate(rc.spec?.template, w);
    if (rc.status?.conditions && rc.status.conditions.length > 0) {
      w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\tReason\n');
      w.write(LEVEL_1, '----\t------\t------\n');
      for (const c of rc.status.conditions) w.write(LEVEL_1, `${c.type} \t${c.status}\t${c.reason ?? ''}\n`);
    }
    if (events) describeEvents(events, w, settings.now);
  });
}
