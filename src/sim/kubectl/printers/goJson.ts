// Mirrors Go's encoding/json as kubectl's JSON printer uses it on unstructured objects (json.MarshalIndent with
// four spaces): map keys sorted byte-wise, and <, >, &, U+2028, U+2029 escaped as \u003c and friends.

/** sortKeys copies a JSON value with every object's keys in Go's map order (sorted by bytes). */
export function sortKeys(value: unknown, compare: (a: string, b: string) => number = byteOrder): unknown {
  if (Array.isArray(value)) return value.map((v) => sortKeys(v, compare));
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort(compare)) {
    const v = (value as Record<string, unknown>)[key];
    if (v !== undefined) out[key] = sortKeys(v, compare);
  }
  return out;
}

/** byteOrder compares strings by UTF-8 bytes, as Go's sort.Strings does (code points, not UTF-16 units). */
export function byteOrder(a: string, b: string): number {
  const ca = [...a];
  const cb = [...b];
  for (let i = 0; i < Math.min(ca.length, cb.length); i++) {
    const d = ca[i].codePointAt(0)! - cb[i].codePointAt(0)!;
    if (d !== 0) return d;
  }
  return ca.length - cb.length;
}

/** goJsonIndent is json.MarshalIndent(v, "", "    ") followed by a newline, as `kubectl get -o json` prints. */
export function goJsonIndent(value: unknown): string {
  return `${goEscape(JSON.stringify(sortKeys(value), null, 4))}\n`;
}

function goEscape(text: string): string {
  return text.replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
