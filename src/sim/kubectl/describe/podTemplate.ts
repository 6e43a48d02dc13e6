// Mirrors k8s.io/kubectl/pkg/describe/describe.go DescribePodTemplate, describeTopologySpreadConstraints and
// describeSchedulingGroup (used by the Deployment, ReplicaSet, DaemonSet, StatefulSet and Job describers).
import type { PodSpec, PodTemplateSpec, TopologySpreadConstraint } from 'kubernetes-types/core/v1';
import { formatLabelSelector } from '../../api/meta/v1/labelSelector';
import { describeContainers } from './containers';
import { byteOrder, printAnnotationsMultiline, printLabelsMultiline, printTolerationsMultiline } from './multiline';
import { LEVEL_0, LEVEL_1, type PrefixWriter } from './prefixWriter';
import { describeVolumes } from './volumes';

/** PodSpecWithGroup adds the v1.35 gang-scheduling field kubernetes-types does not know yet. */
export type PodSpecWithGroup = PodSpec & { schedulingGroup?: { podGroupName?: string } };

/** describePodTemplate prints `Pod Template:` with labels, containers, volumes, node selectors and tolerations. */
export function describePodTemplate(template: PodTemplateSpec | undefined, w: PrefixWriter): void {
  w.write(LEVEL_0, 'Pod Template:\n');
  if (!template) {
    w.write(LEVEL_1, '<unset>');
    return;
  }
  const spec: PodSpecWithGroup = template.spec ?? { containers: [] };
  printLabelsMultiline(w, '  Labels', template.metadata?.labels);
  if (Object.keys(template.metadata?.annotations ?? {}).length > 0) printAnnotationsMultiline(w, '  Annotations', template.metadata?.annotations);
  if (spec.serviceAccountName) w.write(LEVEL_1, `Service Account:\t${spec.serviceAccountName}\n`);
  if (spec.initContainers && spec.initContainers.length > 0) describeContainers('Init Containers', spec.initContainers, undefined, undefined, w, '  ');
  describeContainers('Containers', spec.containers, undefined, undefined, w, '  ');
  describeVolumes(spec.volumes, w, '  ');
  describeTopologySpreadConstraints(spec.topologySpreadConstraints, w, '  ');
  if (spec.priorityClassName) w.write(LEVEL_1, `Priority Class Name:\t${spec.priorityClassName}\n`);
  printLabelsMultiline(w, '  Node-Selectors', spec.nodeSelector);
  printTolerationsMultiline(w, '', '  Tolerations', spec.tolerations);
  if (spec.schedulingGroup) describeSchedulingGroup(spec.schedulingGroup, w, '  ');
}

/** describeTopologySpreadConstraints prints `key:DoNotSchedule when max skew 1 is exceeded for selector app=web`. */
export function describeTopologySpreadConstraints(tscs: readonly TopologySpreadConstraint[] | undefined, w: PrefixWriter, space: string): void {
  if (!tscs || tscs.length === 0) return;
  const sorted = [...tscs].sort((a, b) => byteOrder(a.topologyKey, b.topologyKey));
  w.write(LEVEL_0, `${space}Topology Spread Constraints:\t`);
  sorted.forEach((tsc, i) => {
    if (i !== 0) w.write(LEVEL_0, `${space}\t`);
    const selector = tsc.labelSelector ? ` for selector ${formatLabelSelector(tsc.labelSelector)}` : '';
    w.write(LEVEL_0, `${tsc.topologyKey}:${tsc.whenUnsatisfiable} when max skew ${tsc.maxSkew} is exceeded${selector}\n`);
  });
}

/** describeSchedulingGroup prints the pod's gang: `SchedulingGroup:` and its `PodGroupName:`. */
export function describeSchedulingGroup(group: { podGroupName?: string }, w: PrefixWriter, space: string): void {
  w.write(LEVEL_0, `${space}SchedulingGroup:\n`);
  w.write(LEVEL_1, `PodGroupName:\t${group.podGroupName ?? ''}\n`);
}
