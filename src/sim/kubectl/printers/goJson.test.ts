import { describe, expect, it } from 'vitest';
import { goJsonIndent, sortKeys } from './goJson';

describe('goJsonIndent prints JSON as Go json.MarshalIndent does', () => {
  it('sorts keys, indents by four spaces and escapes HTML characters', () => {
    expect(goJsonIndent({ b: '<none> & more', a: [], c: {} })).toBe('{\n    "a": [],\n    "b": "\\u003cnone\\u003e \\u0026 more",\n    "c": {}\n}\n');
  });

  it('sorts keys by bytes, capitals first', () => {
    expect(Object.keys(sortKeys({ b: 1, B: 2, a: 3, _: 4 }) as object)).toEqual(['B', '_', 'a', 'b']);
  });
});
