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
    while (out.length < n) out += hex32(this.word());
    return out.slice(0, n);
  }

  /**
   * uuid returns an RFC 4122 version-4 shaped uid, as the API server assigns to metadata.uid: the digits of hex(32),
   * dashed 8-4-4-4-12, with digit 12 (from 0) set to the version 4 and digit 16 to the variant, 8 + its low 2 bits.
   * Every stored object gets one, so the digits are written into one buffer instead of sliced out of a string.
   */
  uuid(): string {
    const w0 = this.word();
    const w1 = this.word();
    const w2 = this.word();
    const w3 = this.word();
    putHex(0, w0, 8);
    putHex(9, w1 >>> 16, 4);
    putHex(14, 0x4000 | (w1 & 0xfff), 4);
    putHex(19, 0x8000 | ((w2 >>> 16) & 0x3fff), 4);
    putHex(24, w2 & 0xffff, 4);
    putHex(28, w3, 8);
    return String.fromCharCode.apply(null, uuidCodes);
  }

  /**
   * word draws 32 random bits as an unsigned integer: uniformInt(rng, 0, 0xffffffff), which over the full 32-bit
   * range takes one draw and never rejects it, so it is the draw itself shifted to unsigned (without the range
   * arithmetic: every object written gets a uid of four words).
   */
  private word(): number {
    return this.rng.next() + 0x80000000;
  }
}

const HEX_CODES = Array.from('0123456789abcdef', (c) => c.charCodeAt(0));

/** hex32 renders an unsigned 32-bit integer as exactly 8 lowercase hex digits (toString(16) is slow above 2^31). */
export function hex32(n: number): string {
  return String.fromCharCode(
    HEX_CODES[n >>> 28]!,
    HEX_CODES[(n >>> 24) & 15]!,
    HEX_CODES[(n >>> 20) & 15]!,
    HEX_CODES[(n >>> 16) & 15]!,
    HEX_CODES[(n >>> 12) & 15]!,
    HEX_CODES[(n >>> 8) & 15]!,
    HEX_CODES[(n >>> 4) & 15]!,
    HEX_CODES[n & 15]!,
  );
}

/** uuidCodes is the character codes of the uuid being written; the dashes never move. */
const uuidCodes = Array.from('00000000-0000-0000-0000-000000000000', (c) => c.charCodeAt(0));

/** putHex writes the low `digits` hex digits of n into uuidCodes from index `at`. */
function putHex(at: number, n: number, digits: number): void {
  for (let i = at + digits - 1; i >= at; i--, n >>>= 4) uuidCodes[i] = HEX_CODES[n & 15]!;
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
