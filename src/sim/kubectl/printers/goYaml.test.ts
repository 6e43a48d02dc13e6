import { describe, expect, it } from 'vitest';
import { goYaml, keyLess } from './goYaml';

// Expected texts are what sigs.k8s.io/yaml (goyaml.v2 over libyaml) prints for the same JSON.
describe('goYaml prints YAML as kubectl -o yaml does', () => {
  it('sorts keys, leaves lists unindented under their key, and writes empty collections inline', () => {
    expect(goYaml({ b: { d: [1, { z: 2, x: 'a' }, [3, 4]], c: {} }, a: [], e: null, f: true })).toBe(
      ['a: []', 'b:', '  c: {}', '  d:', '  - 1', '  - x: a', '    z: 2', '  - - 3', '    - 4', 'e: null', 'f: true', ''].join('\n'),
    );
  });

  it('quotes a key YAML 1.1 would read as a boolean, as goyaml.v2 does', () => {
    expect(goYaml({ y: 1, n: 2, on: 3 })).toBe('"n": 2\n"on": 3\n"y": 1\n');
  });

  it.each([
    ['a number-like string', '1', '"1"'],
    ['a float-like string', '1.5', '"1.5"'],
    ['an exponent', '1e3', '"1e3"'],
    ['an octal-looking string', '0755', '"0755"'],
    ['a hex-looking string', '0x1F', '"0x1F"'],
    ['true', 'true', '"true"'],
    ['YAML 1.1 yes', 'yes', '"yes"'],
    ['YAML 1.1 off', 'Off', '"Off"'],
    ['the empty string', '', '""'],
    ['a null word', 'null', '"null"'],
    ['a tilde', '~', '"~"'],
    ['a timestamp', '2026-01-01T09:00:00Z', '"2026-01-01T09:00:00Z"'],
    ['a date', '2026-01-01', '"2026-01-01"'],
    ['a base-60 number', '1:20', '"1:20"'],
    ['a plain word', 'nginx:1.27', 'nginx:1.27'],
    ['a percentage', '25%', '25%'],
    ['a version', 'v1.35.0', 'v1.35.0'],
    ['a leading indicator', '*/5 * * * *', "'*/5 * * * *'"],
    ['a colon followed by a space', 'reason: why', "'reason: why'"],
    ['a trailing colon', 'key:', "'key:'"],
    ['a comment marker after a space', 'a #b', "'a #b'"],
    ['a single quote inside single quotes doubles', "{it's}", "'{it''s}'"],
    ['a leading space', ' x', "' x'"],
    ['a tab', 'a\tb', '"a\\tb"'],
    ['a dash alone', '-', "'-'"],
    ['a dash before text', '-x', '-x'],
  ])('%s', (_, value, want) => {
    expect(goYaml({ k: value })).toBe(`k: ${want}\n`);
  });

  it('writes multi-line strings as literal blocks with the chomping they need', () => {
    expect(goYaml({ a: 'x\ny\n', b: 'x\ny', c: 'x\n\n' })).toBe('a: |\n  x\n  y\nb: |-\n  x\n  y\nc: |+\n  x\n\n');
    expect(goYaml({ m: { a: 'line one\nline two\n' } })).toBe('m:\n  a: |\n    line one\n    line two\n');
  });

  it('double-quotes a multi-line string whose line ends in a space', () => {
    expect(goYaml({ a: 'x \ny' })).toBe('a: "x \\ny"\n');
  });

  it('folds a long plain string at the first space past column 80, continuing two spaces in', () => {
    const message = '0/4 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 3 Insufficient cpu. preemption: 0/4 nodes are available.';
    expect(goYaml({ status: { conditions: [{ message }] } })).toBe(
      [
        'status:',
        '  conditions:',
        "  - message: '0/4 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane:",
        "      }, 3 Insufficient cpu. preemption: 0/4 nodes are available.'",
        '',
      ].join('\n'),
    );
    const plain = 'Back-off restarting failed container nginx in pod web-5894d768d8-k9s6r_default(0f765361-3eae-4c1c)';
    expect(goYaml({ message: plain })).toBe(
      'message: Back-off restarting failed container nginx in pod web-5894d768d8-k9s6r_default(0f765361-3eae-4c1c)\n',
    );
    const spaced = 'word '.repeat(20).trim();
    expect(goYaml({ message: spaced })).toBe(`message: ${'word '.repeat(15).trim()}\n  ${'word '.repeat(5).trim()}\n`);
  });

  it('prints a top-level list and a scalar', () => {
    expect(goYaml([{ a: 1 }, 'b'])).toBe('- a: 1\n- b\n');
    expect(goYaml('x')).toBe('x\n');
  });
});

describe('keyLess orders keys as goyaml.v2 does', () => {
  it('compares runs of digits by value and puts non-letters before letters', () => {
    expect(['item10', 'item9', 'item-a', 'itemB', 'itema', 'a'].sort(keyLess)).toEqual(['a', 'item-a', 'item9', 'item10', 'itemB', 'itema']);
  });
});
