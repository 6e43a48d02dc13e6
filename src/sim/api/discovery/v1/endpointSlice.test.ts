// Cases after pkg/apis/discovery/validation/validation_test.go TestValidateEndpointSlice.
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import { describe, expect, it } from 'vitest';
import { fieldErrorString } from '../../fieldError';
import { setDefaultsEndpointSlice, validateEndpointSlice } from './endpointSlice';

const slice = (mutate: (s: EndpointSlice) => void = () => {}): EndpointSlice => {
  const s: EndpointSlice = {
    metadata: { name: 'web-abc12', namespace: 'default' },
    addressType: 'IPv4',
    endpoints: [{ addresses: ['10.244.1.5'], conditions: { ready: true } }],
    ports: [{ port: 80 }],
  };
  mutate(s);
  setDefaultsEndpointSlice(s);
  return s;
};

describe('EndpointSlice', () => {
  it('defaults a port to an unnamed TCP port', () => expect(slice().ports).toEqual([{ port: 80, name: '', protocol: 'TCP' }]));

  it.each<[string, (s: EndpointSlice) => void, string[]]>([
    ['a slice of pod addresses is valid', () => {}, []],
    ['the address type is FQDN, IPv4 or IPv6', (s) => (s.addressType = 'IP'), ['addressType: Unsupported value: "IP": supported values: "FQDN", "IPv4", "IPv6"']],
    ['an endpoint has an address', (s) => (s.endpoints[0]!.addresses = []), ['endpoints[0].addresses: Required value: must contain at least 1 address']],
    ['an IPv4 slice holds IPv4 addresses', (s) => (s.endpoints[0]!.addresses = ['fd00::1']), ['endpoints[0].addresses[0]: Invalid value: "fd00::1": must be a valid IPv4 address']],
  ])('%s', (_name, mutate, want) => expect(validateEndpointSlice(slice(mutate)).map(fieldErrorString)).toEqual(want));

  it('keeps its address type', () => {
    expect(validateEndpointSlice(slice((s) => (s.addressType = 'IPv6')), slice()).map(fieldErrorString)).toContain(
      'addressType: Invalid value: "IPv6": field is immutable',
    );
  });
});
