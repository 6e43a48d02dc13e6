// Mirrors k8s.io/kubectl/pkg/describe/describe.go DeploymentDescriber.Describe, describeDeployment and
// printReplicaSetsByLabels, with kubectl/pkg/util/deployment GetAllReplicaSetsInChunks (the ReplicaSets the
// Deployment controls, the new one found by template, the old ones in creation order).
import type { Deployment, ReplicaSet } from 'kubernetes-types/apps/v1';
import type { KubeObject } from '../../api/object';
import { labelSelectorAsSelector } from '../../api/meta/v1/labelSelector';
import { byCreationTimestamp, equalIgnoreHash } from '../../controllers/deployment/replicaSets';
import type { DescriberSettings } from './describer';
import { describeEvents, refOf, searchEvents } from './eventsTable';
import { printAnnotationsMultiline, printLabelsMultiline } from './multiline';
import { describePodTemplate } from './podTemplate';
import { LEVEL_0, LEVEL_1, tabbedString } from './prefixWriter';
import { rfc1123z } from './timestamps';

type DeploymentObject = Deployment & KubeObject;
type ReplicaSetObject = ReplicaSet & KubeObject;

export function describeDeployment(obj: KubeObject, settings: DescriberSettings): string {
  const d = obj as DeploymentObject;
  const spec = d.spec;
  const status = d.status ?? {};
  const selector = labelSelectorAsSelector(spec?.selector).toString();
  const events = settings.showEvents ? searchEvents(settings.client, refOf(d)) : undefined;
  const { oldRSs, newRS } = replicaSetsOf(d, selector, settings);
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${d.metadata.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${d.metadata.namespace ?? ''}\n`);
    w.write(LEVEL_0, `CreationTimestamp:\t${rfc1123z(d.metadata.creationTimestamp)}\n`);
    printLabelsMultiline(w, 'Labels', d.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', d.metadata.annotations);
    w.write(LEVEL_0, `Selector:\t${selector}\n`);
    w.write(
      LEVEL_0,
      `Replicas:\t${spec?.replicas ?? 0} desired | ${status.updatedReplicas ?? 0} updated | ${status.replicas ?? 0} total | ` +
        `${status.availableReplicas ?? 0} available | ${status.unavailableReplicas ?? 0} unavailable\n`,
    );
    w.write(LEVEL_0, `StrategyType:\t${spec?.strategy?.type ?? ''}\n`);
    w.write(LEVEL_0, `MinReadySeconds:\t${spec?.minReadySeconds ?? 0}\n`);
    const ru = spec?.strategy?.rollingUpdate;
    if (ru) w.write(LEVEL_0, `RollingUpdateStrategy:\t${intOrString(ru.maxUnavailable)} max unavailable, ${intOrString(ru.maxSurge)} max surge\n`);
    describePodTemplate(spec?.template, w);
    if (status.conditions && status.conditions.length > 0) {
      w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\tReason\n');
      w.write(LEVEL_1, '----\t------\t------\n');
      for (const c of status.conditions) w.write(LEVEL_1, `${c.type} \t${c.status}\t${c.reason ?? ''}\n`);
    }
    if (oldRSs.length > 0 || newRS) {
      w.write(LEVEL_0, `OldReplicaSets:\t${printReplicaSets(oldRSs)}\n`);
      w.write(LEVEL_0, `NewReplicaSet:\t${printReplicaSets(newRS ? [newRS] : [])}\n`);
    }
    if (events) describeEvents(events, w, settings.now);
  });
}

/** intOrString is IntOrString.String(): `25%` or `1`. */
function intOrString(v: number | string | undefined): string {
  return v === undefined ? '0' : String(v);
}

/** replicaSetsOf lists the ReplicaSets the Deployment controls: the new one (template match) and all old ones. */
function replicaSetsOf(d: DeploymentObject, selector: string, settings: DescriberSettings): { oldRSs: ReplicaSetObject[]; newRS?: ReplicaSetObject } {
  const owned = settings.client
    .list<ReplicaSetObject>('ReplicaSet', { namespace: d.metadata.namespace, labelSelector: selector || undefined })
    .filter((rs) => rs.metadata.ownerReferences?.some((r) => r.controller && r.uid === d.metadata.uid))
    .sort(byCreationTimestamp);
  const newRS = owned.find((rs) => equalIgnoreHash(rs.spec?.template, d.spec?.template));
  return { oldRSs: owned.filter((rs) => rs !== newRS), newRS };
}

/** printReplicaSets is printReplicaSetsByLabels: `web-7c5ddbdf54 (3/3 replicas created)`, `<none>` when empty. */
function printReplicaSets(rss: readonly ReplicaSetObject[]): string {
  const list = rss.map((rs) => `${rs.metadata.name} (${rs.status?.replicas ?? 0}/${rs.spec?.replicas ?? 0} replicas created)`).join(', ');
  return list || '<none>';
}
