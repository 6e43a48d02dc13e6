import { describe, expect, it } from 'vitest';
import { deepCopy } from './deepCopy';

describe('deepCopy', () => {
  const cases: { name: string; value: unknown }[] = [
    { name: 'A primitive is returned as is', value: 'web' },
    { name: 'null stays null', value: null },
    { name: 'A nested object is copied with its keys in order', value: { b: 1, a: { z: [1, 2], y: 'x' } } },
    { name: 'A field holding undefined is kept, as structuredClone keeps it', value: { a: undefined, b: [undefined, null] } },
    { name: 'A Date inside an object is copied as structuredClone copies it', value: { at: new Date(0) } },
    { name: 'A Map inside an object is copied as structuredClone copies it', value: { m: new Map([['k', { v: 1 }]]) } },
  ];
  it.each(cases)('$name', ({ value }) => {
    const copy = deepCopy(value);
    expect(copy).toStrictEqual(structuredClone(value));
    if (typeof value === 'object' && value !== null) expect(copy).not.toBe(value);
  });

  it('The copy shares nothing with the original: changing one leaves the other alone', () => {
    const original = { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'c' }] } };
    const copy = deepCopy(original);
    copy.metadata.labels.app = 'api';
    copy.spec.containers[0].name = 'd';
    expect(original).toEqual({ metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'c' }] } });
  });

  it('A frozen object gives an unfrozen copy', () => {
    const copy = deepCopy(Object.freeze({ a: Object.freeze({ b: 1 }) }));
    expect([Object.isFrozen(copy), Object.isFrozen(copy.a)]).toEqual([false, false]);
  });

  it('A function cannot be copied, as with structuredClone', () => {
    expect(() => deepCopy({ f: () => 1 })).toThrow(/could not be cloned/);
  });
});
