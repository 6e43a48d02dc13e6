import { describe, expect, it } from 'vitest';
import type { EndpointAddress, EndpointSubset } from 'kubernetes-types/core/v1';
import { capacityAnnotationSetCorrectly, truncateEndpoints } from './truncateEndpoints';
import { md5Hex } from './md5';

const addrs = (n: number, base: number): EndpointAddress[] => Array.from({ length: n }, (_, i) => ({ ip: `10.0.${Math.floor((base + i) / 250)}.${(base + i) % 250}` }));
const subset = (ready: number, notReady: number, base = 0): EndpointSubset => ({
  ...(ready > 0 ? { addresses: addrs(ready, base) } : {}),
  ...(notReady > 0 ? { notReadyAddresses: addrs(notReady, base + ready) } : {}),
  ports: [{ port: 80 }],
});
const sizes = (subsets: EndpointSubset[]) => subsets.map((s) => [s.addresses?.length ?? 0, s.notReadyAddresses?.length ?? 0]);

describe('truncateEndpoints (TestTruncateEndpoints)', () => {
  it.each([
    { name: 'Under capacity nothing is cut', given: [subset(400, 400)], truncated: false, expected: [[400, 400]] },
    { name: 'Not-ready addresses are cut first, in proportion', given: [subset(400, 400), subset(100, 200, 800)], truncated: true, expected: [[400, 334], [100, 166]] },
    { name: 'Over 1000 ready addresses cut the ready ones in proportion and drop every not-ready one', given: [subset(700, 10), subset(500, 10, 720)], truncated: true, expected: [[584, 0], [416, 0]] },
  ])('$name', ({ given, truncated, expected }) => {
    expect(truncateEndpoints(given)).toBe(truncated);
    expect(sizes(given)).toEqual(expected);
  });

  it('The over-capacity annotation is right only when absent under capacity', () => {
    expect([
      capacityAnnotationSetCorrectly(undefined, [subset(10, 0)]),
      capacityAnnotationSetCorrectly({ 'endpoints.kubernetes.io/over-capacity': 'truncated' }, [subset(10, 0)]),
      capacityAnnotationSetCorrectly(undefined, [subset(1001, 0)]),
    ]).toEqual([true, false, false]);
  });
});

describe('md5Hex', () => {
  it.each([
    // Digests computed by Go 1.19 crypto/md5.
    { text: '', hex: 'd41d8cd98f00b204e9800998ecf8427e' },
    { text: 'héllo', hex: 'be50e8478cf24ff3595bc7307fb91b50' },
    { text: '\u0000'.repeat(1000), hex: 'ede3d3b685b4e137ba4cb2521329a75e' },
  ])('The MD5 of a $text.length-character text is Go’s', ({ text, hex }) => {
    expect(md5Hex(text)).toBe(hex);
  });
});
