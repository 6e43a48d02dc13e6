// Mirrors k8s.io/kubectl/pkg/cmd/get/sorter.go (RuntimeSort with --sort-by): values found by a relaxed JSONPath,
// numbers compared as numbers and strings in natural order (github.com/fvbommel/sortorder NaturalLess).
import type { KubeObject } from '../../api/object';
import { JsonPath, relaxedJsonPath } from '../jsonpath';
import { KubectlError } from '../verb';

/** sortObjects sorts objects by the field --sort-by names, keeping the order of equal ones. */
export function sortObjects(objects: readonly KubeObject[], sortBy: string): KubeObject[] {
  let path: JsonPath;
  try {
    path = new JsonPath(relaxedJsonPath(sortBy));
  } catch (err) {
    throw new KubectlError((err as Error).message);
  }
  const keyed = objects.map((obj) => ({ obj, value: path.values(obj)[0] }));
  if (keyed.length > 0 && keyed.every((k) => k.value === undefined)) {
    throw new KubectlError(`couldn't find any field with path ${JSON.stringify(relaxedJsonPath(sortBy))} in the list of objects`);
  }
  return keyed.sort((a, b) => compare(a.value, b.value)).map((k) => k.obj);
}

function compare(a: unknown, b: unknown): number {
  if (a === undefined || b === undefined) return a === b ? 0 : a === undefined ? -1 : 1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'string' && typeof b === 'string') return naturalLess(a, b) ? -1 : naturalLess(b, a) ? 1 : 0;
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  return 0;
}

/** naturalLess orders `pod-9` before `pod-10`: runs of digits compare by value, then by leading zeros. */
export function naturalLess(s1: string, s2: string): boolean {
  const digit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';
  let i1 = 0;
  let i2 = 0;
  while (i1 < s1.length && i2 < s2.length) {
    const c1 = s1[i1];
    const c2 = s2[i2];
    const d1 = digit(c1);
    const d2 = digit(c2);
    if (d1 !== d2) return d1;
    if (!d1) {
      if (c1 !== c2) return c1 < c2;
      i1++;
      i2++;
      continue;
    }
    while (s1[i1] === '0') i1++;
    while (s2[i2] === '0') i2++;
    const nz1 = i1;
    const nz2 = i2;
    while (digit(s1[i1])) i1++;
    while (digit(s2[i2])) i2++;
    if (i1 - nz1 !== i2 - nz2) return i1 - nz1 < i2 - nz2;
    const n1 = s1.slice(nz1, i1);
    const n2 = s2.slice(nz2, i2);
    if (n1 !== n2) return n1 < n2;
    if (nz1 !== nz2) return nz1 < nz2;
  }
  return s1.length < s2.length;
}
