import { describe, expect, it } from 'vitest';
import { newDeployment } from './fixture';
import { canonicalJson, computeHash, safeEncodeString } from './podTemplateHash';

describe('safeEncodeString', () => {
  it('Maps the decimal digits 0-9 to 4 5 6 7 8 9 b c d f', () => {
    expect(safeEncodeString('0123456789')).toBe('456789bcdf');
  });
});

describe('computeHash', () => {
  const template = newDeployment('web', 3, { selector: { app: 'web' } }).spec.template;

  it('Hashes a template to 1-10 characters of {4,5,6,7,8,9,b,c,d,f}', () => {
    expect(computeHash(template)).toMatch(/^[456789bcdf]{1,10}$/);
  });

  it('Gives the same hash for the same template whatever the key order', () => {
    const reordered = { spec: template.spec, metadata: template.metadata };
    expect(computeHash(reordered)).toBe(computeHash(template));
    expect(canonicalJson({ b: 1, a: [2, { d: 3, c: undefined }] })).toBe('{"a":[2,{"d":3}],"b":1}');
  });

  it('Gives a different hash for a different image, and for a collisionCount', () => {
    const other = structuredClone(template);
    other.spec!.containers[0].image = 'foo/baz';
    const hashes = [computeHash(template), computeHash(other), computeHash(template, 0), computeHash(template, 1)];
    expect(new Set(hashes).size).toBe(4);
  });

  it('Is FNV-32a over the canonical JSON, salted with the collision count as 8 little-endian bytes', () => {
    expect(computeHash({})).toBe(safeEncodeString(String(fnv32a('{}'))));
    expect(computeHash({}, 1)).toBe(safeEncodeString(String(fnv32a('{}', [1, 0, 0, 0, 0, 0, 0, 0]))));
  });
});

/** A reference FNV-32a written from the definition (offset basis 2166136261, prime 16777619). */
function fnv32a(text: string, extra: number[] = []): number {
  let h = 2166136261n;
  for (const b of [...new TextEncoder().encode(text), ...extra]) h = ((h ^ BigInt(b)) * 16777619n) % 2n ** 32n;
  return Number(h);
}
