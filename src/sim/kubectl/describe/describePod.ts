// Mirrors k8s.io/kubectl/pkg/describe/describe.go PodDescriber.Describe and describePod (with describePodIPs and the
// mirror-pod event lookup).
import type { Pod, ResourceRequirements } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../api/object';
import { getPodQOS } from '../../api/core/v1/qos';
import { describeContainers, describeResources, envValueRetriever } from './containers';
import type { DescriberSettings } from './describer';
import { describeEvents, searchEvents } from './eventsTable';
import { printAnnotationsMultiline, printController, printLabelsMultiline, printTolerationsMultiline } from './multiline';
import { describeSchedulingGroup, describeTopologySpreadConstraints, type PodSpecWithGroup } from './podTemplate';
import { LEVEL_0, LEVEL_1, tabbedString, type PrefixWriter } from './prefixWriter';
import { rfc1123z, timestampSince } from './timestamps';
import { describeVolumes } from './volumes';

type PodObject = Pod & KubeObject;
/** Pod-level resources (PodLevelResources, beta since v1.34) are newer than kubernetes-types. */
type PodSpecWithResources = PodSpecWithGroup & { resources?: ResourceRequirements };

/** MIRROR_POD_ANNOTATION marks a static pod's mirror; its events refer to the static pod's uid, kept there. */
const MIRROR_POD_ANNOTATION = 'kubernetes.io/config.mirror';

export function describePod(obj: KubeObject, settings: DescriberSettings): string {
  const pod = obj as PodObject;
  const meta = pod.metadata;
  const spec: PodSpecWithResources = pod.spec ?? { containers: [] };
  const status = pod.status ?? {};
  // PodDescriber clears the reference's kind, so events recorded with any kind for this pod's uid match.
  const events = settings.showEvents
    ? searchEvents(settings.client, {
        namespace: meta.namespace ?? '',
        name: meta.name ?? '',
        uid: meta.annotations?.[MIRROR_POD_ANNOTATION] ?? meta.uid ?? '',
      })
    : undefined;
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${meta.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${meta.namespace ?? ''}\n`);
    if (spec.priority !== undefined) w.write(LEVEL_0, `Priority:\t${spec.priority}\n`);
    if (spec.priorityClassName) w.write(LEVEL_0, `Priority Class Name:\t${spec.priorityClassName}\n`);
    if (spec.runtimeClassName) w.write(LEVEL_0, `Runtime Class Name:\t${spec.runtimeClassName}\n`);
    if (spec.serviceAccountName) w.write(LEVEL_0, `Service Account:\t${spec.serviceAccountName}\n`);
    w.write(LEVEL_0, spec.nodeName ? `Node:\t${spec.nodeName}/${status.hostIP ?? ''}\n` : 'Node:\t<none>\n');
    if (status.startTime) w.write(LEVEL_0, `Start Time:\t${rfc1123z(status.startTime)}\n`);
    printLabelsMultiline(w, 'Labels', meta.labels);
    printAnnotationsMultiline(w, 'Annotations', meta.annotations);
    if (meta.deletionTimestamp && status.phase !== 'Failed' && status.phase !== 'Succeeded') {
      w.write(LEVEL_0, `Status:\tTerminating (lasts ${timestampSince(meta.deletionTimestamp, settings.now)})\n`);
      w.write(LEVEL_0, `Termination Grace Period:\t${meta.deletionGracePeriodSeconds ?? 0}s\n`);
    } else {
      w.write(LEVEL_0, `Status:\t${status.phase ?? ''}\n`);
    }
    if (status.reason) w.write(LEVEL_0, `Reason:\t${status.reason}\n`);
    if (status.message) w.write(LEVEL_0, `Message:\t${status.message}\n`);
    const seccomp = spec.securityContext?.seccompProfile;
    if (seccomp) {
      w.write(LEVEL_0, `SeccompProfile:\t${seccomp.type}\n`);
      if (seccomp.type === 'Localhost') w.write(LEVEL_0, `LocalhostProfile:\t${seccomp.localhostProfile ?? ''}\n`);
    }
    w.write(LEVEL_0, `IP:\t${status.podIP ?? ''}\n`);
    describePodIPs(pod, w);
    const controlledBy = printController(meta);
    if (controlledBy) w.write(LEVEL_0, `Controlled By:\t${controlledBy}\n`);
    if (status.nominatedNodeName) w.write(LEVEL_0, `NominatedNodeName:\t${status.nominatedNodeName}\n`);
    if (spec.resources) {
      w.write(LEVEL_0, 'Resources:\n');
      describeResources(spec.resources, w, LEVEL_1);
    }
    const resolver = envValueRetriever(pod);
    if (spec.initContainers && spec.initContainers.length > 0) {
      describeContainers('Init Containers', spec.initContainers, status.initContainerStatuses, resolver, w, '');
    }
    describeContainers('Containers', spec.containers, status.containerStatuses, resolver, w, '');
    if (spec.ephemeralContainers && spec.ephemeralContainers.length > 0) {
      describeContainers('Ephemeral Containers', spec.ephemeralContainers, status.ephemeralContainerStatuses, resolver, w, '');
    }
    if (spec.readinessGates && spec.readinessGates.length > 0) {
      w.write(LEVEL_0, 'Readiness Gates:\n  Type\tStatus\n');
      for (const gate of spec.readinessGates) {
        const condition = status.conditions?.find((c) => c.type === gate.conditionType);
        w.write(LEVEL_1, `${gate.conditionType} \t${condition ? condition.status : '<none>'} \n`);
      }
    }
    if (status.conditions && status.conditions.length > 0) {
      w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\n');
      for (const c of status.conditions) w.write(LEVEL_1, `${c.type} \t${c.status} \n`);
    }
    describeVolumes(spec.volumes, w, '');
    w.write(LEVEL_0, `QoS Class:\t${getPodQOS(pod)}\n`);
    printLabelsMultiline(w, 'Node-Selectors', spec.nodeSelector);
    printTolerationsMultiline(w, '', 'Tolerations', spec.tolerations);
    describeTopologySpreadConstraints(spec.topologySpreadConstraints, w, '');
    if (spec.schedulingGroup) describeSchedulingGroup(spec.schedulingGroup, w, '');
    if (events) describeEvents(events, w, settings.now);
  });
}

function describePodIPs(pod: PodObject, w: PrefixWriter): void {
  const ips = pod.status?.podIPs ?? [];
  if (ips.length === 0) {
    w.write(LEVEL_0, 'IPs:\t<none>\n');
    return;
  }
  w.write(LEVEL_0, 'IPs:\n');
  for (const ip of ips) w.write(LEVEL_1, `IP:\t${ip.ip}\n`);
}
