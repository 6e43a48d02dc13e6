// Mirrors pkg/registry/core/service/ipallocator (ipallocator.go allocateService / allocateNextService with
// calculateRangeOffset, cidrallocator.go getAllocator, interfaces.go errors) and portallocator (allocator.go with
// allocator/bitmap.go randomScanStrategyWithOffset). Leaves out IPv6, several ServiceCIDRs and the IPAddress objects:
// what is taken is handed in by the caller, read from the stored Services.
import { ipv4ToNumber, numberToIPv4 } from '../../api/util/ipv4';
import type { SeededRandom } from '../../clock/random';

/** ErrAllocated and friends, worded as interfaces.go and portallocator/allocator.go word them. */
export const ErrIPAllocated = 'provided IP is already allocated';
export const ErrMismatchedNetwork = 'the provided network does not match the current range';
export const ErrPortAllocated = 'provided port is already allocated';
export const ErrFull = 'range is full';

/**
 * calculateRangeOffset is KEP-3070/3668's static band: min(max(min, size/step), max), or 0 for tiny ranges.
 * Dynamic allocation draws from above the band first, so addresses and ports below it stay free for manual picks.
 */
function calculateRangeOffset(size: number, min: number, max: number, step: number): number {
  if (size <= min) return 0;
  return Math.min(Math.max(min, Math.floor(size / step)), max);
}

/**
 * scanFrom walks `count` values starting `start` steps into the band that begins at `first`, wrapping around, and
 * returns the first free one (the ipIterator / randomScanStrategy walk).
 */
function scanFrom(first: number, count: number, start: number, taken: (value: number) => boolean): number | undefined {
  for (let i = 0; i < count; i++) {
    const value = first + ((start + i) % count);
    if (!taken(value)) return value;
  }
  return undefined;
}

/**
 * ServiceIPRange is one ServiceCIDR's allocator (ipallocator.Allocator): the network and broadcast addresses are never
 * handed out, and dynamic picks start at a random offset in the band above the static one.
 */
export class ServiceIPRange {
  readonly cidr: string;
  private readonly network: number;
  private readonly prefixSize: number;
  /** first and last usable addresses: the range minus the network and broadcast addresses. */
  private readonly first: number;
  private readonly last: number;
  /** rangeOffset is the size of the static band: first .. first+rangeOffset-1. */
  readonly rangeOffset: number;

  constructor(cidr: string) {
    const [address, bits] = cidr.split('/');
    const base = ipv4ToNumber(address);
    const prefix = Number(bits);
    if (base === undefined || !Number.isInteger(prefix) || prefix < 0 || prefix > 30) throw new Error(`invalid service CIDR ${cidr}`);
    this.prefixSize = 2 ** (32 - prefix);
    this.network = base - (base % this.prefixSize);
    this.cidr = `${numberToIPv4(this.network)}/${prefix}`;
    this.first = this.network + 1;
    this.last = this.network + this.prefixSize - 2;
    this.rangeOffset = calculateRangeOffset(this.prefixSize, 16, 256, 16);
  }

  /** size is how many addresses the range can hand out. */
  get size(): number {
    return this.last - this.first + 1;
  }

  /**
   * allocate checks a requested address, returning the allocator's error text or undefined when it is free. An
   * address outside the CIDR has no allocator at all (MetaAllocator.getAllocator's ErrMismatchedNetwork); the
   * network and broadcast addresses are in it but not in its range (ErrNotInRange).
   */
  allocate(ip: string, taken: ReadonlySet<number>): string | undefined {
    const n = ipv4ToNumber(ip);
    if (n === undefined || n < this.network || n >= this.network + this.prefixSize) return ErrMismatchedNetwork;
    if (n < this.first || n > this.last) {
      return `the provided IP (${numberToIPv4(n)}) is not in the valid range. The range of valid IPs is ${this.cidr}`;
    }
    return taken.has(n) ? ErrIPAllocated : undefined;
  }

  /** allocateNext draws a free address: the upper band first, from a random start, then the static band. */
  allocateNext(taken: ReadonlySet<number>, random: SeededRandom): string | undefined {
    const upper = this.size - this.rangeOffset;
    if (upper <= 0) return undefined;
    const isTaken = (n: number) => taken.has(n);
    let n = scanFrom(this.first + this.rangeOffset, upper, random.int(upper), isTaken);
    if (n === undefined && this.rangeOffset > 0) n = scanFrom(this.first, this.rangeOffset, random.int(this.rangeOffset), isTaken);
    return n === undefined ? undefined : numberToIPv4(n);
  }
}

/** PortRange is the node-port allocator (portallocator.PortAllocator over a bitmap with the KEP-3668 band). */
export class PortRange {
  readonly rangeOffset: number;

  constructor(
    readonly base: number,
    readonly size: number,
  ) {
    this.rangeOffset = calculateRangeOffset(size, 16, 128, 32);
  }

  /** parse reads a `--service-node-port-range` value such as `30000-32767`. */
  static parse(spec: string): PortRange {
    const [low, high] = spec.split('-').map(Number);
    if (!Number.isInteger(low) || !Number.isInteger(high) || high < low) throw new Error(`invalid port range ${spec}`);
    return new PortRange(low, high - low + 1);
  }

  /** toString is net.PortRange.String(): `30000-32767`. */
  toString(): string {
    return `${this.base}-${this.base + this.size - 1}`;
  }

  /** allocate checks a requested port, returning the allocator's error text or undefined when it is free. */
  allocate(port: number, taken: ReadonlySet<number>): string | undefined {
    if (port < this.base || port >= this.base + this.size) {
      return `provided port is not in the valid range. The range of valid ports is ${this.toString()}`;
    }
    return taken.has(port) ? ErrPortAllocated : undefined;
  }

  /** allocateNext draws a free port: above the static band first, from a random start, then inside it. */
  allocateNext(taken: ReadonlySet<number>, random: SeededRandom): number | undefined {
    const upper = this.size - this.rangeOffset;
    const isTaken = (p: number) => taken.has(p);
    let port = upper > 0 ? scanFrom(this.base + this.rangeOffset, upper, random.int(upper), isTaken) : undefined;
    if (port === undefined && this.rangeOffset > 0) port = scanFrom(this.base, this.rangeOffset, random.int(this.rangeOffset), isTaken);
    return port;
  }
}
