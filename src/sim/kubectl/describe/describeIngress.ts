// Mirrors k8s.io/kubectl/pkg/describe/describe.go IngressDescriber (describeIngressV1, describeBackendV1,
// describeIngressTLSV1, serviceBackendStringer, ingressLoadBalancerStatusStringerV1 in wide form).
import type { Service } from 'kubernetes-types/core/v1';
import type { Ingress, IngressBackend, IngressServiceBackend } from 'kubernetes-types/networking/v1';
import type { KubeObject } from '../../api/object';
import { statusErrors } from '../../api/statusError';
import type { DescriberSettings } from './describer';
import { endpointSlicesFor, formatEndpointSlices } from './endpointSlices';
import { describeEvents, refOf, searchEvents } from './eventsTable';
import { byteOrder, printAnnotationsMultiline, printLabelsMultiline } from './multiline';
import { LEVEL_0, LEVEL_1, LEVEL_2, tabbedString } from './prefixWriter';

export function describeIngress(obj: KubeObject, settings: DescriberSettings): string {
  const ing = obj as Ingress & KubeObject;
  const ns = ing.metadata.namespace ?? '';
  const spec = ing.spec ?? {};
  const events = settings.showEvents ? searchEvents(settings.client, refOf(ing)) : undefined;
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${ing.metadata.name ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', ing.metadata.labels);
    w.write(LEVEL_0, `Namespace:\t${ns}\n`);
    const addresses = new Set((ing.status?.loadBalancer?.ingress ?? []).map((i) => i.ip || i.hostname || '').filter((a) => a !== ''));
    w.write(LEVEL_0, `Address:\t${[...addresses].sort(byteOrder).join(',')}\n`);
    w.write(LEVEL_0, `Ingress Class:\t${spec.ingressClassName ?? '<none>'}\n`);
    const defaultBackend = spec.defaultBackend ? describeBackend(settings, ns, spec.defaultBackend) : '<default>';
    w.write(LEVEL_0, `Default backend:\t${defaultBackend}\n`);
    if (spec.tls && spec.tls.length > 0) {
      w.write(LEVEL_0, 'TLS:\n');
      for (const t of spec.tls) {
        const hosts = (t.hosts ?? []).join(',');
        w.write(LEVEL_1, t.secretName ? `${t.secretName} terminates ${hosts}\n` : `SNI routes ${hosts}\n`);
      }
    }
    w.write(LEVEL_0, 'Rules:\n  Host\tPath\tBackends\n');
    w.write(LEVEL_1, '----\t----\t--------\n');
    let count = 0;
    for (const rule of spec.rules ?? []) {
      if (!rule.http) continue;
      count++;
      w.write(LEVEL_1, `${rule.host || '*'}\t\n`);
      for (const path of rule.http.paths) w.write(LEVEL_2, `\t${path.path ?? ''} \t${describeBackend(settings, ns, path.backend)}\n`);
    }
    if (count === 0) w.write(LEVEL_1, `*\t*\t${defaultBackend}\n`);
    printAnnotationsMultiline(w, 'Annotations', ing.metadata.annotations);
    if (events) describeEvents(events, w, settings.now);
  });
}

/** describeBackend is `svc:80 (10.244.1.2:8080,10.244.2.2:8080)`, or the resource a backend names. */
function describeBackend(settings: DescriberSettings, ns: string, backend: IngressBackend): string {
  if (backend.service) {
    const sb = serviceBackendString(backend.service);
    const slices = endpointSlicesFor(settings.client, ns, backend.service.name);
    const service = settings.client.get<Service & KubeObject>('Service', ns, backend.service.name);
    if (!service) return `${sb} (<error: ${statusErrors.notFound('services', '', backend.service.name).message}>)`;
    const wanted = backend.service.port;
    let spName = '';
    for (const sp of service.spec?.ports ?? []) {
      if (wanted?.number && wanted.number === sp.port) spName = sp.name ?? '';
      else if (wanted?.name && wanted.name === sp.name) spName = sp.name ?? '';
    }
    return `${sb} (${formatEndpointSlices(slices, new Set([spName]))})`;
  }
  if (backend.resource) {
    const r = backend.resource;
    return `APIGroup: ${r.apiGroup ?? '<none>'}, Kind: ${r.kind}, Name: ${r.name}`;
  }
  return '';
}

/** serviceBackendString is serviceBackendStringer: `name:port`, the port by number or name. */
function serviceBackendString(backend: IngressServiceBackend): string {
  return `${backend.name}:${backend.port?.number ? backend.port.number : (backend.port?.name ?? '')}`;
}
