import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { uniformInt } from 'pure-rand/distribution/uniformInt';

type Generator = ReturnType<typeof xoroshiro128plus>;

/** Alphanumerics used by apimachinery's rand.String: no vowels, no 0/1/3, so names never spell words. */
export const SAFE_ALPHANUMS = 'bcdfghjklmnpqrstvwxz2456789';

/**
 * SeededRandom is the cluster's one source of randomness (xoroshiro128+ from pure-rand). Every draw happens in
 * a fixed order, so one seed and one sequence of commands give one history.
 */
export class SeededRandom {
  private readonly rng: Generator;

  constructor(seed: number) {
    this.rng = xoroshiro128plus(seed | 0);
  }

  /** int returns an integer in [0, maxExclusive). */
  int(maxExclusive: number): number {
    if (maxExclusive <= 1) return 0;
    return uniformInt(this.rng, 0, maxExclusive - 1);
  }

  /** between returns an integer in [min, max]. */
  between(min: number, max: number): number {
    return min >= max ? min : uniformInt(this.rng, min, max);
  }

  /** string mirrors apimachinery's rand.String(n): n characters from SAFE_ALPHANUMS. */
  string(n: number): string {
    let out = '';
    for (let i = 0; i < n; i++) out += SAFE_ALPHANUMS[this.int(SAFE_ALPHANUMS.length)];
    return out;
  }

  /** hex returns n lowercase hex digits (container ids, uids), drawn 8 digits (32 bits) at a time. */
  hex(n: number): string {
    let out = '';
    while (out.length < n) out += uniformInt(this.rng, 0, 0xffffffff).toString(16).padStart(8, '0');
    return out.slice(0, n);
  }

  /** uuid returns an RFC 4122 version-4 shaped uid, as the API server assigns to metadata.uid. */
  uuid(): string {
    const h = this.hex(32);
    const variant = (8 + (parseInt(h[16], 16) & 3)).toString(16);
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
  }
}

/**
 * deriveSeed gives a component its own random stream from the cluster seed and a name (FNV-1a), so what one
 * component draws (a node's image pulls, the network's load balancing) never shifts another's draws.
 */
export function deriveSeed(seed: number, name: string): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 0x01000193) >>> 0;
  return h | 0;
}
