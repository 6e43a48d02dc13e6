import { describe, expect, it } from 'vitest';
import { applyMergePatch, createMergePatch, deepEqual } from './mergePatch';

describe('JSON merge patch (RFC 7386)', () => {
  const cases: Array<[string, unknown, unknown, unknown]> = [
    ['a field is replaced', { a: 'b' }, { a: 'c' }, { a: 'c' }],
    ['a new field is added', { a: 'b' }, { b: 'c' }, { a: 'b', b: 'c' }],
    ['null removes a field', { a: 'b' }, { a: null }, {}],
    ['nested objects merge', { a: { b: 1, c: 2 } }, { a: { c: 3 } }, { a: { b: 1, c: 3 } }],
    ['lists are replaced whole', { a: [1, 2] }, { a: [3] }, { a: [3] }],
    ['a non-object patch replaces the target', { a: 'b' }, ['c'], ['c']],
  ];
  it.each(cases)('%s', (_name, target, patch, want) => {
    expect(applyMergePatch(target, patch)).toEqual(want);
  });

  it('createMergePatch produces a patch that turns one document into the other', () => {
    const from = { spec: { replicas: 3, template: { image: 'nginx:1.14' } }, gone: true };
    const to = { spec: { replicas: 5, template: { image: 'nginx:1.16' } } };
    const patch = createMergePatch(from, to);
    expect(patch).toEqual({ gone: null, spec: { replicas: 5, template: { image: 'nginx:1.16' } } });
    expect(applyMergePatch(from, patch)).toEqual(to);
  });

  it('deepEqual ignores key order but not list order', () => {
    expect(deepEqual({ a: 1, b: [1, 2] }, { b: [1, 2], a: 1 })).toBe(true);
    expect(deepEqual({ b: [2, 1] }, { b: [1, 2] })).toBe(false);
  });
});
