// Mirrors printIngress, printIngressClass (networking.k8s.io) and printEndpointSlice (discovery.k8s.io) in
// pkg/printers/internalversion/printers.go.
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import type { Ingress, IngressClass } from 'kubernetes-types/networking/v1';
import { loadBalancerAddresses } from './tableForCore';
import { AGE, NAME, age, listWithMore, tableHandler } from './table';

/** ingressTable: HOSTS lists the first three rule hosts (`*` for none); PORTS is `80` or `80, 443` with TLS. */
export const ingressTable = tableHandler<Ingress>(
  [NAME, { name: 'Class' }, { name: 'Hosts' }, { name: 'Address' }, { name: 'Ports' }, AGE],
  (ing, now) => [
    ing.metadata.name ?? '',
    ing.spec?.ingressClassName ?? '<none>',
    formatHosts(ing.spec?.rules ?? []),
    loadBalancerAddresses(ing.status?.loadBalancer?.ingress),
    (ing.spec?.tls ?? []).length > 0 ? '80, 443' : '80',
    age(ing, now),
  ],
);

function formatHosts(rules: readonly { host?: string }[]): string {
  const max = 3;
  const list: string[] = [];
  let more = false;
  for (const rule of rules) {
    if (list.length === max) more = true;
    if (!more && rule.host) list.push(rule.host);
  }
  if (list.length === 0) return '*';
  return more ? `${list.join(',')} + ${rules.length - max} more...` : list.join(',');
}

export const ingressClassTable = tableHandler<IngressClass>([NAME, { name: 'Controller' }, { name: 'Parameters' }, AGE], (ic, now) => {
  const p = ic.spec?.parameters;
  const parameters = p ? `${p.kind}${p.apiGroup !== undefined ? `.${p.apiGroup}` : ''}/${p.name}` : '<none>';
  return [ic.metadata.name ?? '', ic.spec?.controller ?? '', parameters, age(ic, now)];
});

/** endpointSliceTable: the first three ports (`*` when unnamed and unnumbered) and addresses. */
export const endpointSliceTable = tableHandler<EndpointSlice>(
  [NAME, { name: 'AddressType' }, { name: 'Ports' }, { name: 'Endpoints' }, AGE],
  (slice, now) => [
    slice.metadata.name ?? '',
    slice.addressType,
    listWithMore((slice.ports ?? []).map((p) => (p.port !== undefined ? String(p.port) : (p.name ?? '*'))), 3),
    listWithMore(slice.endpoints.flatMap((e) => e.addresses), 3),
    age(slice, now),
  ],
);
