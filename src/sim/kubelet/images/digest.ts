// Stable stand-in digests for images: the catalogue cannot know registries' real manifest digests.
const cache = new Map<string, string>();

/**
 * pseudoDigest turns a name into 64 stable hex digits (FNV-1a, re-seeded per 8-digit block). Image digests must be the
 * same on every node and in every run, so they come from the image name rather than from the cluster's random stream.
 */
export function pseudoDigest(text: string): string {
  let digest = cache.get(text);
  if (digest === undefined) cache.set(text, (digest = computeDigest(text)));
  return digest;
}

function computeDigest(text: string): string {
  let out = '';
  for (let block = 0; block < 8; block++) {
    let h = (0x811c9dc5 ^ Math.imul(block + 1, 0x9e3779b1)) >>> 0;
    for (let i = 0; i < text.length; i++) {
      h ^= text.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    h = (h ^ (h >>> 15)) >>> 0;
    h = Math.imul(h, 0x2c1b3c6d) >>> 0;
    h = (h ^ (h >>> 12)) >>> 0;
    out += h.toString(16).padStart(8, '0');
  }
  return out;
}
