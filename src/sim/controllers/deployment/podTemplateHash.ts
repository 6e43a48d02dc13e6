// Mirrors pkg/controller/controller_utils.go ComputeHash and apimachinery pkg/util/rand/rand.go SafeEncodeString.
// ### ATTENTION ###
// Upstream hashes the pod template with FNV-32a over hashutil.DeepHashObject's output, a Go-syntax dump of the struct
// (spew / dump.ForHash). Reproducing Go's dump byte for byte from JSON is impractical, so Kubeplay hashes a canonical
// JSON of the template instead (object keys sorted, undefined dropped). The collision-count salt (8 bytes, the uint32
// little-endian then four zero bytes) and SafeEncodeString's alphabet are exact, so hashes look and behave like real
// ones (1-10 characters from 4 5 6 7 8 9 b c d f) but differ in value from a real cluster's for the same template.
import type { PodTemplateSpec } from 'kubernetes-types/core/v1';

/** The alphabet of apimachinery's rand package: no vowels, no 0/1/3, so generated strings never spell words. */
const ALPHANUMS = 'bcdfghjklmnpqrstvwxz2456789';

const FNV32_OFFSET = 0x811c9dc5;
const FNV32_PRIME = 0x01000193;

/** computeHash returns the pod-template-hash of a template, salted with the Deployment's collisionCount if set. */
export function computeHash(template: PodTemplateSpec, collisionCount?: number): string {
  let hash = fnv32a(FNV32_OFFSET, new TextEncoder().encode(canonicalJson(template)));
  if (collisionCount !== undefined) {
    // binary.LittleEndian.PutUint32 into an 8-byte buffer, then the whole buffer is written.
    const salt = new Uint8Array(8);
    new DataView(salt.buffer).setUint32(0, collisionCount >>> 0, true);
    hash = fnv32a(hash, salt);
  }
  return safeEncodeString(String(hash >>> 0));
}

/**
 * safeEncodeString maps every character to `alphanums[char % 27]`, as rand.SafeEncodeString does, so decimal digits
 * 0-9 become 4 5 6 7 8 9 b c d f.
 */
export function safeEncodeString(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) out += ALPHANUMS[s.charCodeAt(i) % ALPHANUMS.length];
  return out;
}

/** canonicalJson serialises a JSON value with object keys sorted, so equal templates always hash equally. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.keys(value)
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value);
}

function fnv32a(seed: number, bytes: Uint8Array): number {
  let hash = seed >>> 0;
  for (const b of bytes) hash = Math.imul(hash ^ b, FNV32_PRIME) >>> 0;
  return hash;
}
