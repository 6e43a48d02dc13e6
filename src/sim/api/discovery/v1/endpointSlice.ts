// Mirrors pkg/apis/discovery/v1/defaults.go (SetDefaults_EndpointPort) and pkg/apis/discovery/validation/
// validation.go ValidateEndpointSlice(Create/Update). Leaves out the item-count limits, FQDN address checks,
// zone/hints checks and deprecatedTopology limits.
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import { type FieldError, fieldErrors } from '../../fieldError';
import { nameIsDNSSubdomain, validateLabels, validateObjectMeta } from '../../meta/v1/validation';
import { isQualifiedName, isValidIP, isValidIPv4Address } from '../../validation/names';
import { validateDNS1123Label, validateImmutableField } from '../../core/v1/validation/common';
import { SupportedPortProtocols } from '../../core/v1/validation/container';
import { validateNonSpecialIP } from '../../core/v1/validation/endpoints';

const ADDRESS_TYPES = ['FQDN', 'IPv4', 'IPv6'];

/** setDefaultsEndpointSlice is SetDefaults_EndpointPort for every port: name "" and protocol TCP. */
export function setDefaultsEndpointSlice(slice: EndpointSlice): void {
  for (const p of slice.ports ?? []) {
    p.name ??= '';
    p.protocol ??= 'TCP';
  }
}

/** validateEndpointSlice is ValidateEndpointSliceCreate, or ValidateEndpointSliceUpdate (addressType immutable). */
export function validateEndpointSlice(slice: EndpointSlice, old?: EndpointSlice): FieldError[] {
  const errs = validateObjectMeta(slice.metadata ?? {}, true, nameIsDNSSubdomain, ['metadata']);
  const type = slice.addressType;
  if (!type) errs.push(fieldErrors.required(['addressType']));
  else if (!ADDRESS_TYPES.includes(type)) errs.push(fieldErrors.notSupported(['addressType'], type, ADDRESS_TYPES));
  (slice.endpoints ?? []).forEach((ep, i) => {
    const idx = ['endpoints', i];
    const addresses = ep.addresses ?? [];
    if (addresses.length === 0) errs.push(fieldErrors.required([...idx, 'addresses'], 'must contain at least 1 address'));
    addresses.forEach((a, j) => {
      const p = [...idx, 'addresses', j];
      if (type === 'IPv4') errs.push(...isValidIPv4Address(a).map((m) => fieldErrors.invalid(p, a, m)));
      else if (type === 'IPv6') errs.push(...isValidIP(a).map((m) => fieldErrors.invalid(p, a, m)));
      if (type === 'IPv4' || type === 'IPv6') errs.push(...validateNonSpecialIP(a, p));
    });
    if (ep.nodeName) errs.push(...nameIsDNSSubdomain(ep.nodeName, false).map((m) => fieldErrors.invalid([...idx, 'nodeName'], ep.nodeName, m)));
    errs.push(...validateLabels(ep.deprecatedTopology, [...idx, 'deprecatedTopology']));
    if (ep.hostname) errs.push(...validateDNS1123Label(ep.hostname, [...idx, 'hostname']));
  });
  const names = new Set<string>();
  (slice.ports ?? []).forEach((port, i) => {
    const idx = ['ports', i];
    const name = port.name ?? '';
    if (name) errs.push(...validateDNS1123Label(name, [...idx, 'name']));
    if (names.has(name)) errs.push(fieldErrors.duplicate([...idx, 'name'], name));
    names.add(name);
    if (!port.protocol) errs.push(fieldErrors.required([...idx, 'protocol']));
    else if (!SupportedPortProtocols.includes(port.protocol)) errs.push(fieldErrors.notSupported([...idx, 'protocol'], port.protocol, SupportedPortProtocols));
    if (port.appProtocol !== undefined) errs.push(...isQualifiedName(port.appProtocol).map((m) => fieldErrors.invalid([...idx, 'appProtocol'], port.appProtocol, m)));
  });
  if (old) errs.push(...validateImmutableField(slice.addressType, old.addressType, ['addressType']));
  return errs;
}
