// Mirrors ValidateService, validateServicePort, ValidateServiceClusterIPsRelatedFields (single-stack part),
// validateServiceExternalTrafficPolicy, validateServiceInternalTrafficFieldsValue, ValidateServiceUpdate and
// validateUpgradeDowngradeClusterIPs in pkg/apis/core/validation/validation.go. Leaves out load-balancer source
// ranges and classes, topology annotations, special-IP checks and the dual-stack family/policy combinations.
import type { Service, ServicePort } from 'kubernetes-types/core/v1';
import { type FieldError, fieldErrors, type PathSegment } from '../../../fieldError';
import { nameIsDNS1035Label, validateLabels, validateObjectMeta } from '../../../meta/v1/validation';
import { isQualifiedName, isValidIP, isValidPortNum } from '../../../validation/names';
import { externallyAccessible } from '../defaults';
import { validateDNS1123Label, validateDNS1123Subdomain } from './common';
import { SupportedPortProtocols } from './container';
import { GoValue, goQuote, goStringSlice } from './goValue';
import { validatePortNumOrName } from './probe';

const SESSION_AFFINITIES = ['ClientIP', 'None'];
const SERVICE_TYPES = ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'];
const TRAFFIC_POLICIES = ['Cluster', 'Local'];
const IP_FAMILIES = ['IPv4', 'IPv6'];
const IP_FAMILY_POLICIES = ['PreferDualStack', 'RequireDualStack', 'SingleStack'];
/** MaxClientIPServiceAffinitySeconds is core.MaxClientIPServiceAffinitySeconds (one day). */
const MaxClientIPServiceAffinitySeconds = 86400;

/** isHeadlessService is isHeadlessService: exactly one clusterIP, and it is None. */
export function isHeadlessService(svc: Service): boolean {
  const ips = svc.spec?.clusterIPs ?? [];
  return ips.length === 1 && ips[0] === 'None';
}

function validateServicePort(sp: ServicePort, requireName: boolean, names: Set<string>, path: PathSegment[]): FieldError[] {
  const errs: FieldError[] = [];
  if (requireName && !sp.name) errs.push(fieldErrors.required([...path, 'name']));
  else if (sp.name) {
    errs.push(...validateDNS1123Label(sp.name, [...path, 'name']));
    if (names.has(sp.name)) errs.push(fieldErrors.duplicate([...path, 'name'], sp.name));
    else names.add(sp.name);
  }
  errs.push(...isValidPortNum(sp.port ?? 0).map((m) => fieldErrors.invalid([...path, 'port'], sp.port ?? 0, m)));
  if (!sp.protocol) errs.push(fieldErrors.required([...path, 'protocol']));
  else if (!SupportedPortProtocols.includes(sp.protocol)) errs.push(fieldErrors.notSupported([...path, 'protocol'], sp.protocol, SupportedPortProtocols));
  errs.push(...validatePortNumOrName(sp.targetPort, [...path, 'targetPort']));
  if (sp.appProtocol !== undefined) {
    errs.push(...isQualifiedName(sp.appProtocol).map((m) => fieldErrors.invalid([...path, 'appProtocol'], sp.appProtocol, m)));
  }
  return errs;
}

/** goServicePortKey prints the core.ServicePort{Protocol, Port} key upstream reports for a duplicate port. */
function goServicePortKey(protocol: string, port: number): GoValue {
  return new GoValue(
    { protocol, port },
    `core.ServicePort{Name:"", Protocol:${goQuote(protocol)}, AppProtocol:(*string)(nil), Port:${port}, TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:""}, NodePort:0}`,
  );
}

/** validateClusterIPsRelatedFields is ValidateServiceClusterIPsRelatedFields; the allocator runs it before allocating. */
export function validateClusterIPsRelatedFields(svc: Service): FieldError[] {
  const spec = svc.spec ?? {};
  if (spec.type === 'ExternalName') return [];
  const errs: FieldError[] = [];
  const ips = spec.clusterIPs ?? [];
  if (spec.clusterIP) {
    if (ips.length === 0) errs.push(fieldErrors.required(['spec', 'clusterIPs']));
    else if (ips[0] !== spec.clusterIP) errs.push(fieldErrors.invalid(['spec', 'clusterIPs'], goStringSlice(ips), 'first value must match `clusterIP`'));
  } else if (ips.length > 0) {
    errs.push(fieldErrors.invalid(['spec', 'clusterIPs'], goStringSlice(ips), 'must be empty when `clusterIP` is not specified'));
  }
  const seen = new Set<string>();
  (spec.ipFamilies ?? []).forEach((family, i) => {
    if (!IP_FAMILIES.includes(family)) errs.push(fieldErrors.notSupported(['spec', 'ipFamilies', i], family, IP_FAMILIES));
    if (seen.has(family)) errs.push(fieldErrors.duplicate(['spec', 'ipFamilies', i], family));
    seen.add(family);
  });
  const policy = spec.ipFamilyPolicy;
  if (policy !== undefined && !IP_FAMILY_POLICIES.includes(policy)) errs.push(fieldErrors.notSupported(['spec', 'ipFamilyPolicy'], policy, IP_FAMILY_POLICIES));
  ips.forEach((ip, i) => {
    if (i === 0 && ip === 'None') {
      if (ips.length > 1) errs.push(fieldErrors.invalid(['spec', 'clusterIPs'], goStringSlice(ips), "'None' must be the first and only value"));
      return;
    }
    errs.push(...isValidIP(ip).map((m) => fieldErrors.invalid(['spec', 'clusterIPs', i], ip, m)));
  });
  return errs;
}

function validateExternalTrafficPolicy(svc: Service): FieldError[] {
  const spec = svc.spec ?? {};
  const errs: FieldError[] = [];
  const etp = spec.externalTrafficPolicy;
  if (!externallyAccessible(svc)) {
    if (etp) errs.push(fieldErrors.invalid(['spec', 'externalTrafficPolicy'], etp, 'may only be set for externally-accessible services'));
  } else if (!etp) {
    errs.push(fieldErrors.required(['spec', 'externalTrafficPolicy']));
  } else if (!TRAFFIC_POLICIES.includes(etp)) {
    errs.push(fieldErrors.notSupported(['spec', 'externalTrafficPolicy'], etp, TRAFFIC_POLICIES));
  }
  const needsHealthCheck = spec.type === 'LoadBalancer' && etp === 'Local';
  const hc = spec.healthCheckNodePort ?? 0;
  if (!needsHealthCheck) {
    if (hc !== 0) {
      errs.push(fieldErrors.invalid(['spec', 'healthCheckNodePort'], hc, "may only be set when `type` is 'LoadBalancer' and `externalTrafficPolicy` is 'Local'"));
    }
  } else if (hc === 0) {
    errs.push(fieldErrors.required(['spec', 'healthCheckNodePort']));
  } else {
    errs.push(...isValidPortNum(hc).map((m) => fieldErrors.invalid(['spec', 'healthCheckNodePort'], hc, m)));
  }
  return errs;
}

/** validateService is ValidateService. */
export function validateService(svc: Service): FieldError[] {
  const spec = svc.spec ?? {};
  const errs = validateObjectMeta(svc.metadata ?? {}, true, nameIsDNS1035Label, ['metadata']);
  const headless = isHeadlessService(svc);
  const ports = spec.ports ?? [];
  if (ports.length === 0 && !headless && spec.type !== 'ExternalName') errs.push(fieldErrors.required(['spec', 'ports']));
  switch (spec.type) {
    case 'LoadBalancer':
    case 'NodePort':
      if (headless) errs.push(fieldErrors.invalid(['spec', 'clusterIPs', 0], 'None', `may not be set to 'None' for ${spec.type} services`));
      break;
    case 'ExternalName': {
      if ((spec.clusterIPs ?? []).length > 0) errs.push(fieldErrors.forbidden(['spec', 'clusterIPs'], 'may not be set for ExternalName services'));
      if ((spec.ipFamilies ?? []).length > 0) errs.push(fieldErrors.forbidden(['spec', 'ipFamilies'], 'may not be set for ExternalName services'));
      if (spec.ipFamilyPolicy !== undefined) errs.push(fieldErrors.forbidden(['spec', 'ipFamilyPolicy'], 'may not be set for ExternalName services'));
      // A CNAME may end with a dot to mark it fully qualified.
      const cname = (spec.externalName ?? '').replace(/\.$/, '');
      if (cname) errs.push(...validateDNS1123Subdomain(cname, ['spec', 'externalName']));
      else errs.push(fieldErrors.required(['spec', 'externalName']));
      break;
    }
  }
  const names = new Set<string>();
  ports.forEach((p, i) => errs.push(...validateServicePort(p, ports.length > 1, names, ['spec', 'ports', i])));
  if (spec.selector) errs.push(...validateLabels(spec.selector, ['spec', 'selector']));
  const affinity = spec.sessionAffinity;
  if (!affinity) errs.push(fieldErrors.required(['spec', 'sessionAffinity']));
  else if (!SESSION_AFFINITIES.includes(affinity)) errs.push(fieldErrors.notSupported(['spec', 'sessionAffinity'], affinity, SESSION_AFFINITIES));
  if (affinity === 'ClientIP') {
    const timeout = spec.sessionAffinityConfig?.clientIP?.timeoutSeconds;
    const path = ['spec', 'sessionAffinityConfig'];
    const when = 'when session affinity type is ClientIP';
    if (!spec.sessionAffinityConfig) errs.push(fieldErrors.required(path, when));
    else if (!spec.sessionAffinityConfig.clientIP) errs.push(fieldErrors.required([...path, 'clientIP'], when));
    else if (timeout === undefined) errs.push(fieldErrors.required([...path, 'clientIP', 'timeoutSeconds'], when));
    else if (timeout <= 0 || timeout > MaxClientIPServiceAffinitySeconds) {
      errs.push(fieldErrors.invalid([...path, 'clientIP', 'timeoutSeconds'], timeout, `must be greater than 0 and less than ${MaxClientIPServiceAffinitySeconds}`));
    }
  } else if (affinity === 'None' && spec.sessionAffinityConfig) {
    errs.push(fieldErrors.forbidden(['spec', 'sessionAffinityConfig'], 'must not be set when session affinity is None'));
  }
  errs.push(...validateClusterIPsRelatedFields(svc));
  (spec.externalIPs ?? []).forEach((ip, i) => errs.push(...isValidIP(ip).map((m) => fieldErrors.invalid(['spec', 'externalIPs', i], ip, m))));
  if (!spec.type) errs.push(fieldErrors.required(['spec', 'type']));
  else if (!SERVICE_TYPES.includes(spec.type)) errs.push(fieldErrors.notSupported(['spec', 'type'], spec.type, SERVICE_TYPES));
  if (spec.type === 'ClusterIP') {
    ports.forEach((p, i) => {
      if (p.nodePort) errs.push(fieldErrors.forbidden(['spec', 'ports', i, 'nodePort'], "may not be used when `type` is 'ClusterIP'"));
    });
  }
  const nodePorts = new Set<string>();
  ports.forEach((p, i) => {
    if (!p.nodePort) return;
    const id = `${p.protocol}/${p.nodePort}`;
    if (nodePorts.has(id)) errs.push(fieldErrors.duplicate(['spec', 'ports', i, 'nodePort'], p.nodePort));
    nodePorts.add(id);
  });
  const portKeys = new Set<string>();
  ports.forEach((p, i) => {
    const id = `${p.protocol}/${p.port}`;
    if (portKeys.has(id)) errs.push(fieldErrors.duplicate(['spec', 'ports', i], goServicePortKey(p.protocol ?? '', p.port ?? 0)));
    portKeys.add(id);
  });
  if (spec.allocateLoadBalancerNodePorts !== undefined && spec.type !== 'LoadBalancer') {
    errs.push(fieldErrors.forbidden(['spec', 'allocateLoadBalancerNodePorts'], "may only be used when `type` is 'LoadBalancer'"));
  }
  errs.push(...validateExternalTrafficPolicy(svc));
  const itp = spec.internalTrafficPolicy;
  if (itp === undefined && (spec.type === 'NodePort' || spec.type === 'LoadBalancer' || spec.type === 'ClusterIP')) {
    errs.push(fieldErrors.required(['spec', 'internalTrafficPolicy']));
  }
  if (itp !== undefined && !TRAFFIC_POLICIES.includes(itp)) errs.push(fieldErrors.notSupported(['spec', 'internalTrafficPolicy'], itp, TRAFFIC_POLICIES));
  return errs;
}

/** validateServiceUpdate is ValidateServiceUpdate: allocated cluster IPs and health-check ports stay put. */
export function validateServiceUpdate(svc: Service, old: Service): FieldError[] {
  const errs: FieldError[] = [];
  const spec = svc.spec ?? {};
  const oldSpec = old.spec ?? {};
  const headlessBoth = isHeadlessService(svc) && isHeadlessService(old);
  if (spec.type !== 'ExternalName' && oldSpec.type !== 'ExternalName' && !headlessBoth) {
    const ips = spec.clusterIPs ?? [];
    const oldIPs = oldSpec.clusterIPs ?? [];
    if (ips.length === oldIPs.length) {
      oldIPs.forEach((ip, i) => {
        if (ip !== ips[i]) errs.push(fieldErrors.invalid(['spec', 'clusterIPs', i], goStringSlice(ips), 'may not change once set'));
      });
    } else if (oldIPs.length > ips.length) {
      if (ips.length === 0) errs.push(fieldErrors.invalid(['spec', 'clusterIPs', 0], goStringSlice(ips), 'primary clusterIP can not be unset'));
      else if (ips[0] !== oldIPs[0]) errs.push(fieldErrors.invalid(['spec', 'clusterIPs', 0], goStringSlice(ips), 'may not change once set'));
    } else if (oldIPs.length > 0 && ips[0] !== oldIPs[0]) {
      errs.push(fieldErrors.invalid(['spec', 'clusterIPs', 0], goStringSlice(ips), 'may not change once set'));
    }
  }
  const needsHC = (s: Service): boolean => s.spec?.type === 'LoadBalancer' && s.spec.externalTrafficPolicy === 'Local';
  if (needsHC(svc) && needsHC(old) && spec.healthCheckNodePort !== oldSpec.healthCheckNodePort) {
    errs.push(fieldErrors.forbidden(['spec', 'healthCheckNodePort'], 'field is immutable'));
  }
  return [...errs, ...validateService(svc)];
}
