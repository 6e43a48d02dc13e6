// Mirrors Go's net.IP String (after netutils.ParseIPSloppy): getEndpointAddresses re-stringifies every pod IP so that
// irregular spellings (leading zeros, upper-case or uncompressed IPv6) are written canonically.
import { parseIP } from '../../api/validation/names';

/** CanonicalIP is an address as Go prints it, and whether it is IPv6 (utilnet.IsIPv6: not representable as IPv4). */
export interface CanonicalIP {
  text: string;
  ipv6: boolean;
}

/** canonicalIP parses an address sloppily and prints it as net.IP.String does; undefined if it is not an IP. */
export function canonicalIP(value: string): CanonicalIP | undefined {
  const bytes = parseIP(value);
  if (!bytes) return undefined;
  const v4 = bytes.length === 4 ? bytes : isV4Mapped(bytes) ? bytes.slice(12) : undefined;
  if (v4) return { text: v4.join('.'), ipv6: false };
  const groups = Array.from({ length: 8 }, (_, i) => (bytes[2 * i] << 8) | bytes[2 * i + 1]);
  // The longest run of two or more zero groups (the first, on a tie) becomes "::".
  let [bestStart, bestLength] = [-1, 1];
  for (let i = 0; i < 8; ) {
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLength) [bestStart, bestLength] = [i, j - i];
    i = j === i ? i + 1 : j;
  }
  const hex = (gs: number[]) => gs.map((g) => g.toString(16)).join(':');
  const text = bestStart < 0 ? hex(groups) : `${hex(groups.slice(0, bestStart))}::${hex(groups.slice(bestStart + bestLength))}`;
  return { text, ipv6: true };
}

function isV4Mapped(bytes: readonly number[]): boolean {
  return bytes.slice(0, 10).every((b) => b === 0) && bytes[10] === 0xff && bytes[11] === 0xff;
}
