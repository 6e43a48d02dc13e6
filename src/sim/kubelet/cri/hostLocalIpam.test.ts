import { describe, expect, it } from 'vitest';
import { HostLocalIpam } from './hostLocalIpam';

describe('HostLocalIpam', () => {
  it('Addresses start at .2 and go up in order.', () => {
    const ipam = new HostLocalIpam('10.244.1.0/24');
    expect(['a', 'b', 'c'].map((p) => ipam.allocate(p))).toEqual(['10.244.1.2', '10.244.1.3', '10.244.1.4']);
  });

  it('A released address is not handed out again before the range wraps around.', () => {
    const ipam = new HostLocalIpam('10.244.1.0/24');
    ipam.allocate('a');
    ipam.allocate('b');
    ipam.release('a');
    expect(ipam.allocate('c')).toBe('10.244.1.4');
  });

  it('After the last address the range wraps around and skips addresses in use.', () => {
    const ipam = new HostLocalIpam('10.244.1.0/29');
    expect(['a', 'b', 'c', 'd', 'e'].map((p) => ipam.allocate(p))).toEqual(['10.244.1.2', '10.244.1.3', '10.244.1.4', '10.244.1.5', '10.244.1.6']);
    ipam.release('b');
    expect(ipam.allocate('f')).toBe('10.244.1.3');
    expect(ipam.allocate('g')).toBeUndefined();
    expect(ipam.rangeDescription()).toBe('10.244.1.1-10.244.1.6');
  });

  it('A /24 of the 192.168 range works like any other.', () => {
    expect(new HostLocalIpam('192.168.7.0/24').allocate('a')).toBe('192.168.7.2');
  });
});
