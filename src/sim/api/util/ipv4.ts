// IPv4 addresses as unsigned 32-bit numbers, for the allocators that hand out ranges (host-local IPAM, Service IPs,
// the simulated load balancer's pool), as Go's netutils/bigForIP do.
import { parseIP } from '../validation/names';

/** ipv4ToNumber reads a dotted IPv4 address as an unsigned 32-bit number, or undefined for anything else. */
export function ipv4ToNumber(ip: string): number | undefined {
  const bytes = parseIP(ip);
  if (!bytes || bytes.length !== 4) return undefined;
  return ((bytes[0] << 24) | (bytes[1] << 16) | (bytes[2] << 8) | bytes[3]) >>> 0;
}

/** numberToIPv4 prints a 32-bit number as net.IP.String() does. */
export function numberToIPv4(n: number): string {
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}
