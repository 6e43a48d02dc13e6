// The expected layouts, orders included, were computed by upstream's RepackSubsets (with the port -1 sentinel) and
// go-spew 1.1.1 under Go 1.19 from the same input; the cases follow pkg/api/v1/endpoints/util_test.go TestPackSubsets.
import { describe, expect, it } from 'vitest';
import type { EndpointSubset } from 'kubernetes-types/core/v1';
import { compareEndpointAddress, repackSubsets } from './repackSubsets';

const cases: { name: string; given: EndpointSubset[]; expected: EndpointSubset[] }[] = [
  {
    name: 'An address without ports is kept, without ports (a headless Service without ports)',
    given: [{addresses: [{ip: '1.2.3.4'}]}],
    expected: [{addresses: [{ip: '1.2.3.4'}]}],
  },
  {
    name: 'A not ready address without ports is kept too',
    given: [{notReadyAddresses: [{ip: '1.2.3.4'}]}],
    expected: [{notReadyAddresses: [{ip: '1.2.3.4'}]}],
  },
  {
    name: 'One ready and one not ready address with one port stay in one subset',
    given: [{addresses: [{ip: '1.2.3.4'}], notReadyAddresses: [{ip: '5.6.7.8'}], ports: [{port: 111}]}],
    expected: [{addresses: [{ip: '1.2.3.4'}], notReadyAddresses: [{ip: '5.6.7.8'}], ports: [{port: 111}]}],
  },
  {
    name: 'An address both ready and not ready for the same port is not ready',
    given: [{addresses: [{ip: '1.2.3.4'}], notReadyAddresses: [{ip: '1.2.3.4'}], ports: [{port: 111}]}],
    expected: [{notReadyAddresses: [{ip: '1.2.3.4'}], ports: [{port: 111}]}],
  },
  {
    name: 'One address with two ports lists the ports in hash order',
    given: [{addresses: [{ip: '1.2.3.4'}], ports: [{port: 111}, {port: 222}]}],
    expected: [{addresses: [{ip: '1.2.3.4'}], ports: [{port: 222}, {port: 111}]}],
  },
  {
    name: 'Duplicate addresses and ports collapse',
    given: [{addresses: [{ip: '1.2.3.4'}, {ip: '1.2.3.4'}], ports: [{port: 111}, {port: 111}]}],
    expected: [{addresses: [{ip: '1.2.3.4'}], ports: [{port: 111}]}],
  },
  {
    name: 'The same IP with different targets is kept once per target uid',
    given: [{addresses: [{ip: '1.2.3.4', targetRef: {uid: 'uid-1'}}], ports: [{port: 111}]}, {addresses: [{ip: '1.2.3.4', targetRef: {uid: 'uid-2'}}], ports: [{port: 111}]}],
    expected: [{addresses: [{ip: '1.2.3.4', targetRef: {uid: 'uid-1'}}, {ip: '1.2.3.4', targetRef: {uid: 'uid-2'}}], ports: [{port: 111}]}],
  },
  {
    name: 'Two subsets of the same address merge their ports',
    given: [{addresses: [{ip: '1.2.3.4', targetRef: {uid: 'uid-1'}}], ports: [{port: 111}]}, {addresses: [{ip: '1.2.3.4', targetRef: {uid: 'uid-1'}}], ports: [{port: 222}]}],
    expected: [{addresses: [{ip: '1.2.3.4', targetRef: {uid: 'uid-1'}}], ports: [{port: 222}, {port: 111}]}],
  },
  {
    name: 'An address ready on one port and not ready on another splits into two subsets',
    given: [{addresses: [{ip: '1.2.3.4', targetRef: {uid: 'uid-1'}}], ports: [{port: 111}]}, {notReadyAddresses: [{ip: '1.2.3.4', targetRef: {uid: 'uid-1'}}], ports: [{port: 222}]}],
    expected: [{addresses: [{ip: '1.2.3.4', targetRef: {uid: 'uid-1'}}], ports: [{port: 111}]}, {notReadyAddresses: [{ip: '1.2.3.4', targetRef: {uid: 'uid-1'}}], ports: [{port: 222}]}],
  },
  {
    name: 'Addresses are sorted by IP, then by uid, those without a target first',
    given: [{addresses: [{ip: '5.6.7.8'}], ports: [{port: 111}]}, {addresses: [{ip: '5.6.7.8', targetRef: {uid: 'uid-1'}}], ports: [{port: 111}]}, {addresses: [{ip: '1.2.3.4', targetRef: {uid: 'uid-1'}}], ports: [{port: 111}]}, {addresses: [{ip: '1.2.3.4'}], ports: [{port: 111}]}],
    expected: [{addresses: [{ip: '1.2.3.4'}, {ip: '1.2.3.4', targetRef: {uid: 'uid-1'}}, {ip: '5.6.7.8'}, {ip: '5.6.7.8', targetRef: {uid: 'uid-1'}}], ports: [{port: 111}]}],
  },
  {
    name: 'Four jumbled subsets of three IPs and three ports pack into two',
    given: [{addresses: [{ip: '1.2.3.4'}], ports: [{port: 111}]}, {addresses: [{ip: '1.2.3.5'}], ports: [{port: 222}]}, {addresses: [{ip: '1.2.3.6'}], ports: [{port: 111}]}, {addresses: [{ip: '1.2.3.5'}], ports: [{port: 333}]}],
    expected: [{addresses: [{ip: '1.2.3.4'}, {ip: '1.2.3.6'}], ports: [{port: 111}]}, {addresses: [{ip: '1.2.3.5'}], ports: [{port: 222}, {port: 333}]}],
  },
  {
    name: 'Named ports resolved differently per pod make one subset per port number',
    given: [{addresses: [{ip: '10.244.1.2', nodeName: 'node-1', targetRef: {kind: 'Pod', namespace: 'default', name: 'web-a', uid: 'uid-a'}}], ports: [{name: 'http', port: 8080, protocol: 'TCP'}]}, {addresses: [{ip: '10.244.1.3', nodeName: 'node-1', targetRef: {kind: 'Pod', namespace: 'default', name: 'web-b', uid: 'uid-b'}}], ports: [{name: 'http', port: 9090, protocol: 'TCP'}]}, {notReadyAddresses: [{ip: '10.244.2.2', nodeName: 'node-2', targetRef: {kind: 'Pod', namespace: 'default', name: 'web-c', uid: 'uid-c'}}], ports: [{name: 'http', port: 8080, protocol: 'TCP'}]}],
    expected: [{addresses: [{ip: '10.244.1.3', nodeName: 'node-1', targetRef: {kind: 'Pod', namespace: 'default', name: 'web-b', uid: 'uid-b'}}], ports: [{name: 'http', port: 9090, protocol: 'TCP'}]}, {addresses: [{ip: '10.244.1.2', nodeName: 'node-1', targetRef: {kind: 'Pod', namespace: 'default', name: 'web-a', uid: 'uid-a'}}], notReadyAddresses: [{ip: '10.244.2.2', nodeName: 'node-2', targetRef: {kind: 'Pod', namespace: 'default', name: 'web-c', uid: 'uid-c'}}], ports: [{name: 'http', port: 8080, protocol: 'TCP'}]}],
  },
  {
    name: 'Service ports with names, protocols and an appProtocol are ordered by hash',
    given: [{addresses: [{ip: '10.244.1.2'}], ports: [{name: 'dns', port: 53, protocol: 'UDP'}, {name: 'dns-tcp', port: 53, protocol: 'TCP'}, {name: 'metrics', port: 9153, protocol: 'TCP'}, {name: 'grpc', port: 8443, protocol: 'TCP', appProtocol: 'kubernetes.io/h2c'}]}],
    expected: [{addresses: [{ip: '10.244.1.2'}], ports: [{name: 'grpc', port: 8443, protocol: 'TCP', appProtocol: 'kubernetes.io/h2c'}, {name: 'dns-tcp', port: 53, protocol: 'TCP'}, {name: 'dns', port: 53, protocol: 'UDP'}, {name: 'metrics', port: 9153, protocol: 'TCP'}]}],
  },
];

describe('repackSubsets', () => {
  it.each(cases)('$name', ({ given, expected }) => {
    expect(repackSubsets(structuredClone(given))).toEqual(expected);
  });

  it('An empty input packs to no subsets', () => {
    expect(repackSubsets([])).toEqual([]);
  });
});

describe('compareEndpointAddress', () => {
  it.each([
    { name: 'A lower IP comes first', a: { ip: '1.2.3.4' }, b: { ip: '1.2.3.5' }, order: -1 },
    { name: 'IPs compare as bytes, not numbers', a: { ip: '10.0.0.10' }, b: { ip: '10.0.0.9' }, order: -1 },
    { name: 'For the same IP an address without a target comes first', a: { ip: '1.2.3.4' }, b: { ip: '1.2.3.4', targetRef: { uid: 'a' } }, order: -1 },
    { name: 'For the same IP the lower uid comes first', a: { ip: '1.2.3.4', targetRef: { uid: 'b' } }, b: { ip: '1.2.3.4', targetRef: { uid: 'a' } }, order: 1 },
  ])('$name', ({ a, b, order }) => {
    expect(Math.sign(compareEndpointAddress(a, b))).toBe(order);
  });
});
