// Mirrors k8s.io/kubectl/pkg/describe/describe.go ReplicaSetDescriber.Describe and describeReplicaSet.
import type { ReplicaSet } from 'kubernetes-types/apps/v1';
import type { KubeObject } from '../../api/object';
import { formatLabelSelector, labelSelectorAsSelector } from '../../api/meta/v1/labelSelector';
import { podStatusForController, podsStatusText } from './controllerPods';
import type { DescriberSettings } from './describer';
import { describeEvents, refOf, searchEvents } from './eventsTable';
import { printAnnotationsMultiline, printController, printLabelsMultiline } from './multiline';
import { describePodTemplate } from './podTemplate';
import { LEVEL_0, LEVEL_1, tabbedString } from './prefixWriter';

export function describeReplicaSet(obj: KubeObject, settings: DescriberSettings): string {
  const rs = obj as ReplicaSet & KubeObject;
  const selector = labelSelectorAsSelector(rs.spec?.selector).toString();
  const pods = podStatusForController(settings.client, rs.metadata.namespace ?? '', selector, rs.metadata.uid);
  const events = settings.showEvents ? searchEvents(settings.client, refOf(rs)) : undefined;
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${rs.metadata.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${rs.metadata.namespace ?? ''}\n`);
    w.write(LEVEL_0, `Selector:\t${formatLabelSelector(rs.spec?.selector)}\n`);
    printLabelsMultiline(w, 'Labels', rs.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', rs.metadata.annotations);
    const controlledBy = printController(rs.metadata);
    if (controlledBy) w.write(LEVEL_0, `Controlled By:\t${controlledBy}\n`);
    w.write(LEVEL_0, `Replicas:\t${rs.status?.replicas ?? 0} current / ${rs.spec?.replicas ?? 0} desired\n`);
    w.write(LEVEL_0, `Pods Status:\t${podsStatusText(pods)}\n`);
    describePodTemplate(rs.spec?.template, w);
    if (rs.status?.conditions && rs.status.conditions.length > 0) {
      w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\tReason\n');
      w.write(LEVEL_1, '----\t------\t------\n');
      for (const c of rs.status.conditions) w.write(LEVEL_1, `${c.type} \t${c.status}\t${c.reason ?? ''}\n`);
    }
    if (events) describeEvents(events, w, settings.now);
  });
}
