import { describe, expect, it } from 'vitest';
import { SeededRandom } from '../../clock/random';
import { ipv4ToNumber } from '../../api/util/ipv4';
import { PortRange, ServiceIPRange } from './serviceAllocators';

const ips = (...list: string[]) => new Set(list.map((ip) => ipv4ToNumber(ip)!));

describe('ServiceIPRange and PortRange: the sizes of kubeadm’s ranges', () => {
  it('10.96.0.0/12 hands out 1048574 addresses and keeps a static band of 256 (KEP-3070: min(max(16, 2^20/16), 256))', () => {
    const range = new ServiceIPRange('10.96.0.0/12');
    expect([range.cidr, range.size, range.rangeOffset]).toEqual(['10.96.0.0/12', 1048574, 256]);
  });

  it('30000-32767 holds 2768 ports with a static band of 86 (KEP-3668: min(max(16, 2768/32), 128))', () => {
    const range = PortRange.parse('30000-32767');
    expect([range.toString(), range.size, range.rangeOffset]).toEqual(['30000-32767', 2768, 86]);
  });
});

describe('ServiceIPRange.allocateNext: random, upper band first', () => {
  it('Seed 1 draws 10.104.16.255, 10.102.0.193 and 10.104.10.42, all above the static band', () => {
    const random = new SeededRandom(1);
    const range = new ServiceIPRange('10.96.0.0/12');
    expect([1, 2, 3].map(() => range.allocateNext(new Set(), random))).toEqual(['10.104.16.255', '10.102.0.193', '10.104.10.42']);
  });

  it('A taken address makes the scan move on to the next free one', () => {
    const range = new ServiceIPRange('10.96.0.0/12');
    expect(range.allocateNext(ips('10.104.16.255', '10.104.17.0'), new SeededRandom(1))).toBe('10.104.17.1');
  });

  it('When the upper band of a /24 is full, the draw falls back to the 16 addresses of the static band (10.0.0.1-10.0.0.16)', () => {
    const range = new ServiceIPRange('10.0.0.0/24');
    const upper = new Set(Array.from({ length: 238 }, (_, i) => ipv4ToNumber('10.0.0.17')! + i));
    expect(range.allocateNext(upper, new SeededRandom(1))).toBe('10.0.0.1');
  });

  it('A full range has nothing left to give', () => {
    const range = new ServiceIPRange('10.0.0.0/28');
    const all = new Set(Array.from({ length: 14 }, (_, i) => ipv4ToNumber('10.0.0.1')! + i));
    expect(range.allocateNext(all, new SeededRandom(1))).toBeUndefined();
  });
});

describe('ServiceIPRange.allocate: requested addresses', () => {
  const range = new ServiceIPRange('10.96.0.0/12');
  it.each([
    ['A free address in the static band is granted', '10.96.0.10', undefined],
    ['A free address in the upper band is granted', '10.100.1.2', undefined],
    ['An address already held is refused', '10.96.0.1', 'provided IP is already allocated'],
    ['An address outside the service CIDR has no allocator', '10.0.0.5', 'the provided network does not match the current range'],
    ['The network address is in the CIDR but not in its range', '10.96.0.0', 'the provided IP (10.96.0.0) is not in the valid range. The range of valid IPs is 10.96.0.0/12'],
    ['The broadcast address is in the CIDR but not in its range', '10.111.255.255', 'the provided IP (10.111.255.255) is not in the valid range. The range of valid IPs is 10.96.0.0/12'],
    ['An IPv6 address has no allocator on an IPv4 cluster', 'fd00::1', 'the provided network does not match the current range'],
  ])('%s', (_name, ip, expected) => {
    expect(range.allocate(ip, ips('10.96.0.1'))).toBe(expected);
  });
});

describe('PortRange: node ports', () => {
  it('Seed 1 draws 30968, 32660 and 30665, all above the static band 30000-30085', () => {
    const random = new SeededRandom(1);
    const range = PortRange.parse('30000-32767');
    expect([1, 2, 3].map(() => range.allocateNext(new Set(), random))).toEqual([30968, 32660, 30665]);
  });

  it('When every port above the band is taken, a port of the band 30000-30085 is drawn', () => {
    const range = PortRange.parse('30000-32767');
    const upper = new Set(Array.from({ length: 2682 }, (_, i) => 30086 + i));
    expect(range.allocateNext(upper, new SeededRandom(1))).toBe(30062);
  });

  it.each([
    ['A free port in range is granted', 30080, undefined],
    ['A port already held is refused', 30081, 'provided port is already allocated'],
    ['A port below the range is refused with the range', 8080, 'provided port is not in the valid range. The range of valid ports is 30000-32767'],
    ['A port above the range is refused with the range', 32768, 'provided port is not in the valid range. The range of valid ports is 30000-32767'],
  ])('%s', (_name, port, expected) => {
    expect(PortRange.parse('30000-32767').allocate(port, new Set([30081]))).toBe(expected);
  });
});
