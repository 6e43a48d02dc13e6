// Mirrors k8s.io/kubectl/pkg/describe/describe.go describePriorityClass, describePodDisruptionBudgetV1,
// describeStorageClass (with storageutil.IsDefaultAnnotationText and printAllowedTopologies),
// describeIngressClassV1 and describeEndpointSliceV1.
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import type { IngressClass } from 'kubernetes-types/networking/v1';
import type { PodDisruptionBudget } from 'kubernetes-types/policy/v1';
import type { PriorityClass } from 'kubernetes-types/scheduling/v1';
import type { StorageClass } from 'kubernetes-types/storage/v1';
import type { KubeObject } from '../../api/object';
import { formatLabelSelector } from '../../api/meta/v1/labelSelector';
import type { DescriberSettings } from './describer';
import { describeEvents, refOf, searchEvents } from './eventsTable';
import { formatLabels, printAnnotationsMultiline, printBoolPtr, printLabelsMultiline } from './multiline';
import { LEVEL_0, LEVEL_1, LEVEL_2, LEVEL_3, tabbedString } from './prefixWriter';

const eventsOf = (obj: KubeObject, settings: DescriberSettings) => (settings.showEvents ? searchEvents(settings.client, refOf(obj)) : undefined);

export function describePriorityClass(obj: KubeObject, settings: DescriberSettings): string {
  const pc = obj as PriorityClass & KubeObject;
  const events = eventsOf(pc, settings);
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${pc.metadata.name ?? ''}\n`);
    w.write(LEVEL_0, `Value:\t${pc.value}\n`);
    w.write(LEVEL_0, `GlobalDefault:\t${pc.globalDefault === true}\n`);
    w.write(LEVEL_0, `PreemptionPolicy:\t${pc.preemptionPolicy ?? ''}\n`);
    w.write(LEVEL_0, `Description:\t${pc.description ?? ''}\n`);
    w.write(LEVEL_0, `Annotations:\t${formatLabels(pc.metadata.annotations)}\n`);
    if (events) describeEvents(events, w, settings.now);
  });
}

export function describePodDisruptionBudget(obj: KubeObject, settings: DescriberSettings): string {
  const pdb = obj as PodDisruptionBudget & KubeObject;
  const events = eventsOf(pdb, settings);
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${pdb.metadata.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${pdb.metadata.namespace ?? ''}\n`);
    if (pdb.spec?.minAvailable !== undefined) w.write(LEVEL_0, `Min available:\t${pdb.spec.minAvailable}\n`);
    else if (pdb.spec?.maxUnavailable !== undefined) w.write(LEVEL_0, `Max unavailable:\t${pdb.spec.maxUnavailable}\n`);
    w.write(LEVEL_0, `Selector:\t${pdb.spec?.selector ? formatLabelSelector(pdb.spec.selector) : '<unset>'}\n`);
    w.write(LEVEL_0, 'Status:\n');
    w.write(LEVEL_2, `Allowed disruptions:\t${pdb.status?.disruptionsAllowed ?? 0}\n`);
    w.write(LEVEL_2, `Current:\t${pdb.status?.currentHealthy ?? 0}\n`);
    w.write(LEVEL_2, `Desired:\t${pdb.status?.desiredHealthy ?? 0}\n`);
    w.write(LEVEL_2, `Total:\t${pdb.status?.expectedPods ?? 0}\n`);
    if (events) describeEvents(events, w, settings.now);
  });
}

export function describeStorageClass(obj: KubeObject, settings: DescriberSettings): string {
  const sc = obj as StorageClass & KubeObject;
  const events = eventsOf(sc, settings);
  const annotations = sc.metadata.annotations ?? {};
  const isDefault =
    annotations['storageclass.kubernetes.io/is-default-class'] === 'true' || annotations['storageclass.beta.kubernetes.io/is-default-class'] === 'true';
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${sc.metadata.name ?? ''}\n`);
    w.write(LEVEL_0, `IsDefaultClass:\t${isDefault ? 'Yes' : 'No'}\n`);
    w.write(LEVEL_0, `Annotations:\t${formatLabels(sc.metadata.annotations)}\n`);
    w.write(LEVEL_0, `Provisioner:\t${sc.provisioner}\n`);
    w.write(LEVEL_0, `Parameters:\t${formatLabels(sc.parameters)}\n`);
    w.write(LEVEL_0, `AllowVolumeExpansion:\t${printBoolPtr(sc.allowVolumeExpansion)}\n`);
    if (!sc.mountOptions || sc.mountOptions.length === 0) {
      w.write(LEVEL_0, 'MountOptions:\t<none>\n');
    } else {
      w.write(LEVEL_0, 'MountOptions:\n');
      for (const option of sc.mountOptions) w.write(LEVEL_1, `${option}\n`);
    }
    if (sc.reclaimPolicy) w.write(LEVEL_0, `ReclaimPolicy:\t${sc.reclaimPolicy}\n`);
    if (sc.volumeBindingMode) w.write(LEVEL_0, `VolumeBindingMode:\t${sc.volumeBindingMode}\n`);
    if (sc.allowedTopologies) {
      w.write(LEVEL_0, 'AllowedTopologies:\t');
      if (sc.allowedTopologies.length === 0) w.writeLine('<none>');
      else w.writeLine('');
      sc.allowedTopologies.forEach((term, i) => {
        w.write(LEVEL_1, `Term ${i}:\t`);
        const reqs = term.matchLabelExpressions ?? [];
        if (reqs.length === 0) w.writeLine('<none>');
        reqs.forEach((req, j) => {
          if (j !== 0) w.write(LEVEL_1, '\t');
          w.write(LEVEL_0, `${req.key} in${req.values.length > 0 ? ` [${req.values.join(', ')}]` : ''}\n`);
        });
      });
    }
    if (events) describeEvents(events, w, settings.now);
  });
}

export function describeIngressClass(obj: KubeObject, settings: DescriberSettings): string {
  const ic = obj as IngressClass & KubeObject;
  const events = eventsOf(ic, settings);
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${ic.metadata.name ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', ic.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', ic.metadata.annotations);
    w.write(LEVEL_0, `Controller:\t${ic.spec?.controller ?? ''}\n`);
    const params = ic.spec?.parameters;
    if (params) {
      w.write(LEVEL_0, 'Parameters:\n');
      if (params.apiGroup !== undefined) w.write(LEVEL_1, `APIGroup:\t${params.apiGroup}\n`);
      w.write(LEVEL_1, `Kind:\t${params.kind}\n`);
      w.write(LEVEL_1, `Name:\t${params.name}\n`);
    }
    if (events) describeEvents(events, w, settings.now);
  });
}

export function describeEndpointSlice(obj: KubeObject, settings: DescriberSettings): string {
  const eps = obj as EndpointSlice & KubeObject;
  const events = eventsOf(eps, settings);
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${eps.metadata.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${eps.metadata.namespace ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', eps.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', eps.metadata.annotations);
    w.write(LEVEL_0, `AddressType:\t${eps.addressType}\n`);
    if (!eps.ports || eps.ports.length === 0) {
      w.write(LEVEL_0, 'Ports: <unset>\n');
    } else {
      w.write(LEVEL_0, 'Ports:\n');
      w.write(LEVEL_1, 'Name\tPort\tProtocol\n');
      w.write(LEVEL_1, '----\t----\t--------\n');
      for (const port of eps.ports) w.write(LEVEL_1, `${port.name || '<unset>'}\t${port.port ?? '<unset>'}\t${port.protocol ?? ''}\n`);
    }
    if (!eps.endpoints || eps.endpoints.length === 0) {
      w.write(LEVEL_0, 'Endpoints: <none>\n');
    } else {
      w.write(LEVEL_0, 'Endpoints:\n');
      for (const ep of eps.endpoints) {
        w.write(LEVEL_1, `- Addresses:\t${ep.addresses.join(', ') || '<none>'}\n`);
        w.write(LEVEL_2, 'Conditions:\n');
        w.write(LEVEL_3, `Ready:\t${ep.conditions?.ready === undefined ? '<unset>' : String(ep.conditions.ready)}\n`);
        w.write(LEVEL_2, `Hostname:\t${ep.hostname ?? '<unset>'}\n`);
        if (ep.targetRef) w.write(LEVEL_2, `TargetRef:\t${ep.targetRef.kind}/${ep.targetRef.name}\n`);
        w.write(LEVEL_2, `NodeName:\t${ep.nodeName ?? '<unset>'}\n`);
        w.write(LEVEL_2, `Zone:\t${ep.zone ?? '<unset>'}\n`);
      }
    }
    if (events) describeEvents(events, w, settings.now);
  });
}
