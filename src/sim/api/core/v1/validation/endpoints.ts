// Mirrors ValidateEndpoints, validateEndpointSubsets, validateEndpointAddress, validateEndpointPort and
// ValidateNonSpecialIP in pkg/apis/core/validation/validation.go (IPv4 special ranges only).
import type { EndpointAddress, EndpointPort, Endpoints } from 'kubernetes-types/core/v1';
import { type FieldError, fieldErrors, type PathSegment } from '../../../fieldError';
import { nameIsDNSSubdomain, validateObjectMeta } from '../../../meta/v1/validation';
import { isQualifiedName, isValidIP, isValidPortNum, parseIP } from '../../../validation/names';
import { validateDNS1123Label } from './common';
import { SupportedPortProtocols } from './container';

/** validateNonSpecialIP is ValidateNonSpecialIP: endpoints may not point at unspecified, loopback or link-local IPv4. */
export function validateNonSpecialIP(ip: string, path: PathSegment[]): FieldError[] {
  const b = parseIP(ip);
  if (!b || b.length !== 4) return [];
  if (b.every((x) => x === 0)) return [fieldErrors.invalid(path, ip, 'may not be unspecified (0.0.0.0)')];
  if (b[0] === 127) return [fieldErrors.invalid(path, ip, 'may not be in the loopback range (127.0.0.0/8, ::1/128)')];
  if (b[0] === 169 && b[1] === 254) return [fieldErrors.invalid(path, ip, 'may not be in the link-local range (169.254.0.0/16, fe80::/10)')];
  if (b[0] === 224 && b[1] === 0 && b[2] === 0) {
    return [fieldErrors.invalid(path, ip, 'may not be in the link-local multicast range (224.0.0.0/24, ff02::/10)')];
  }
  return [];
}

function validateEndpointAddress(a: EndpointAddress, path: PathSegment[]): FieldError[] {
  const errs = isValidIP(a.ip).map((m) => fieldErrors.invalid([...path, 'ip'], a.ip, m));
  if (a.hostname) errs.push(...validateDNS1123Label(a.hostname, [...path, 'hostname']));
  if (a.nodeName) errs.push(...nameIsDNSSubdomain(a.nodeName, false).map((m) => fieldErrors.invalid([...path, 'nodeName'], a.nodeName, m)));
  errs.push(...validateNonSpecialIP(a.ip, [...path, 'ip']));
  return errs;
}

/** validateEndpointPort is validateEndpointPort, shared with EndpointSlice-free callers. */
export function validateEndpointPort(p: EndpointPort, requireName: boolean, path: PathSegment[]): FieldError[] {
  const errs: FieldError[] = [];
  if (requireName && !p.name) errs.push(fieldErrors.required([...path, 'name']));
  else if (p.name) errs.push(...validateDNS1123Label(p.name, [...path, 'name']));
  errs.push(...isValidPortNum(p.port).map((m) => fieldErrors.invalid([...path, 'port'], p.port, m)));
  if (!p.protocol) errs.push(fieldErrors.required([...path, 'protocol']));
  else if (!SupportedPortProtocols.includes(p.protocol)) errs.push(fieldErrors.notSupported([...path, 'protocol'], p.protocol, SupportedPortProtocols));
  if (p.appProtocol !== undefined) errs.push(...isQualifiedName(p.appProtocol).map((m) => fieldErrors.invalid([...path, 'appProtocol'], p.appProtocol, m)));
  return errs;
}

/** validateEndpoints is ValidateEndpoints: each subset has addresses; addresses and ports are valid. */
export function validateEndpoints(ep: Endpoints): FieldError[] {
  const errs = validateObjectMeta(ep.metadata ?? {}, true, nameIsDNSSubdomain, ['metadata']);
  (ep.subsets ?? []).forEach((ss, i) => {
    const idx = ['subsets', i];
    if (!(ss.addresses ?? []).length && !(ss.notReadyAddresses ?? []).length) {
      errs.push(fieldErrors.required(idx, 'must specify `addresses` or `notReadyAddresses`'));
    }
    (ss.addresses ?? []).forEach((a, j) => errs.push(...validateEndpointAddress(a, [...idx, 'addresses', j])));
    (ss.notReadyAddresses ?? []).forEach((a, j) => errs.push(...validateEndpointAddress(a, [...idx, 'notReadyAddresses', j])));
    const ports = ss.ports ?? [];
    ports.forEach((p, j) => errs.push(...validateEndpointPort(p, ports.length > 1, [...idx, 'ports', j])));
  });
  return errs;
}
