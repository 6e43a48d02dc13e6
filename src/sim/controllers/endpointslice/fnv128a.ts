// Mirrors Go's hash/fnv New128a as k8s.io/endpointslice/util deepHashObjectToString uses it (hex of the digest).

const OFFSET_BASIS = 0x6c62272e07bb014262b821756295c58dn;
const PRIME = 0x0000000001000000000000000000013bn;
const MASK = (1n << 128n) - 1n;

/** fnv128aHex returns the 128-bit FNV-1a digest of the UTF-8 bytes of `text`, as 32 lowercase hex digits. */
export function fnv128aHex(text: string): string {
  let hash = OFFSET_BASIS;
  for (const byte of new TextEncoder().encode(text)) hash = ((hash ^ BigInt(byte)) * PRIME) & MASK;
  return hash.toString(16).padStart(32, '0');
}
