// Mirrors k8s.io/kubectl/pkg/describe/describe.go ServiceDescriber.Describe, describeService and buildIngressString.
import type { LoadBalancerIngress, Service } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../api/object';
import type { DescriberSettings } from './describer';
import { endpointSlicesFor, formatEndpointSlices } from './endpointSlices';
import { describeEvents, refOf, searchEvents } from './eventsTable';
import { formatLabels, printAnnotationsMultiline, printLabelsMultiline } from './multiline';
import { LEVEL_0, tabbedString } from './prefixWriter';

/** ServiceSpecFields adds fields newer than kubernetes-types (trafficDistribution, v1.31; ipMode, v1.30). */
type ServiceObject = Service & KubeObject & { spec?: { trafficDistribution?: string } };

export function describeService(obj: KubeObject, settings: DescriberSettings): string {
  const service = obj as ServiceObject;
  const spec = service.spec ?? {};
  const slices = endpointSlicesFor(settings.client, service.metadata.namespace ?? '', service.metadata.name ?? '');
  const events = settings.showEvents ? searchEvents(settings.client, refOf(service)) : undefined;
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${service.metadata.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${service.metadata.namespace ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', service.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', service.metadata.annotations);
    w.write(LEVEL_0, `Selector:\t${formatLabels(spec.selector)}\n`);
    w.write(LEVEL_0, `Type:\t${spec.type ?? ''}\n`);
    if (spec.ipFamilyPolicy) w.write(LEVEL_0, `IP Family Policy:\t${spec.ipFamilyPolicy}\n`);
    w.write(LEVEL_0, `IP Families:\t${spec.ipFamilies && spec.ipFamilies.length > 0 ? spec.ipFamilies.join(',') : '<none>'}\n`);
    w.write(LEVEL_0, `IP:\t${spec.clusterIP ?? ''}\n`);
    w.write(LEVEL_0, `IPs:\t${spec.clusterIPs && spec.clusterIPs.length > 0 ? spec.clusterIPs.join(',') : '<none>'}\n`);
    if (spec.externalIPs && spec.externalIPs.length > 0) w.write(LEVEL_0, `External IPs:\t${spec.externalIPs.join(',')}\n`);
    if (spec.loadBalancerIP) w.write(LEVEL_0, `Desired LoadBalancer IP:\t${spec.loadBalancerIP}\n`);
    if (spec.externalName) w.write(LEVEL_0, `External Name:\t${spec.externalName}\n`);
    const ingress = service.status?.loadBalancer?.ingress ?? [];
    if (ingress.length > 0) w.write(LEVEL_0, `LoadBalancer Ingress:\t${buildIngressString(ingress)}\n`);
    for (const sp of spec.ports ?? []) {
      const name = sp.name || '<unset>';
      const protocol = sp.protocol ?? '';
      w.write(LEVEL_0, `Port:\t${name}\t${sp.port}/${protocol}\n`);
      w.write(LEVEL_0, `TargetPort:\t${sp.targetPort ?? 0}/${protocol}\n`);
      if (sp.appProtocol) w.write(LEVEL_0, `AppProtocol:\t${sp.appProtocol}\n`);
      if (sp.nodePort) w.write(LEVEL_0, `NodePort:\t${name}\t${sp.nodePort}/${protocol}\n`);
      w.write(LEVEL_0, `Endpoints:\t${formatEndpointSlices(slices, new Set([sp.name ?? '']))}\n`);
    }
    w.write(LEVEL_0, `Session Affinity:\t${spec.sessionAffinity ?? ''}\n`);
    if (spec.externalTrafficPolicy) w.write(LEVEL_0, `External Traffic Policy:\t${spec.externalTrafficPolicy}\n`);
    if (spec.internalTrafficPolicy) w.write(LEVEL_0, `Internal Traffic Policy:\t${spec.internalTrafficPolicy}\n`);
    if (spec.healthCheckNodePort) w.write(LEVEL_0, `HealthCheck NodePort:\t${spec.healthCheckNodePort}\n`);
    if (spec.loadBalancerSourceRanges && spec.loadBalancerSourceRanges.length > 0) {
      w.write(LEVEL_0, `LoadBalancer Source Ranges:\t${spec.loadBalancerSourceRanges.join(',')}\n`);
    }
    if (spec.trafficDistribution) w.write(LEVEL_0, `Traffic Distribution:\t${spec.trafficDistribution}\n`);
    if (events) describeEvents(events, w, settings.now);
  });
}

/** buildIngressString is `5.6.7.8 (VIP), lb.example.com`. */
function buildIngressString(ingress: readonly (LoadBalancerIngress & { ipMode?: string })[]): string {
  return ingress.map((i) => (i.ip ? (i.ipMode ? `${i.ip} (${i.ipMode})` : i.ip) : (i.hostname ?? ''))).join(', ');
}
