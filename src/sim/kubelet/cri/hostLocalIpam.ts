// Mirrors the CNI host-local IPAM plugin (plugins/ipam/host-local/backend/allocator): addresses from the node's
// podCIDR, handed out round-robin after the last one reserved, .1 kept for the bridge gateway; IPv4 /8–/30 ranges only.
import { ipv4ToNumber, numberToIPv4 } from '../../api/util/ipv4';

/** HostLocalIpam allocates pod IPs on one node. An address is never handed out while a sandbox holds it. */
export class HostLocalIpam {
  private readonly base: number;
  private readonly first: number;
  private readonly last: number;
  private lastReserved: number;
  private readonly inUse = new Map<number, string>();

  constructor(readonly cidr: string) {
    const [addr = '', bits = '24'] = cidr.split('/');
    const prefix = Number(bits);
    const size = 2 ** (32 - prefix);
    const ip = ipv4ToNumber(addr) ?? 0;
    this.base = ip - (ip % size);
    // .0 is the network, .1 the gateway and the top address the broadcast.
    this.first = this.base + 2;
    this.last = this.base + size - 2;
    this.lastReserved = this.first - 1;
  }

  /** allocate reserves the next free address for `owner` (a pod uid), or undefined when the range is full. */
  allocate(owner: string): string | undefined {
    const span = this.last - this.first + 1;
    for (let step = 1; step <= span; step++) {
      const candidate = this.first + ((this.lastReserved - this.first + step) % span);
      if (this.inUse.has(candidate)) continue;
      this.inUse.set(candidate, owner);
      this.lastReserved = candidate;
      return numberToIPv4(candidate);
    }
    return undefined;
  }

  /** release frees every address `owner` holds. */
  release(owner: string): void {
    for (const [ip, holder] of this.inUse) if (holder === owner) this.inUse.delete(ip);
  }

  /** rangeDescription is how host-local names the range in its errors: `10.244.1.1-10.244.1.254`. */
  rangeDescription(): string {
    return `${numberToIPv4(this.base + 1)}-${numberToIPv4(this.last)}`;
  }
}
