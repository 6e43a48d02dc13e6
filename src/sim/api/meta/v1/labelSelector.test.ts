// Tables ported from k8s.io/apimachinery/pkg/labels/selector_test.go and pkg/apis/meta/v1/helpers_test.go.
import { describe, expect, it } from 'vitest';
import {
  everything,
  formatLabelSelector,
  labelSelectorAsSelector,
  newRequirement,
  nothing,
  parseSelector,
  requirementString,
  selectorFromRequirements,
  selectorFromSet,
  type Labels,
  type Requirement,
} from './labelSelector';

const LABEL_VALUE_MSG =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";
const NAME_PART_MSG =
  "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";

const req = (key: string, operator: Requirement['operator'], values: string[] = []): Requirement =>
  newRequirement(key, operator, values);

describe('parseSelector (TestSelectorParse)', () => {
  it.each(['x=a,y=b,z=c', '', 'x!=a,y=b', 'x=', 'x= ', 'x=,z= ', 'x= ,z= ', '!x', 'x>1', 'x>1,z<5'])(
    'parses %j and prints it back without spaces',
    (text) => expect(parseSelector(text).toString()).toBe(text.replaceAll(' ', '')),
  );

  it.each<[string, string]>([
    ['x=a||y=b', `unable to parse requirement: values[0][x]: Invalid value: "a||y": ${LABEL_VALUE_MSG}`],
    ['x==a==b', "found '==', expected: ',' or 'end of string'"],
    ['!x=a', "found '=', expected: ',' or 'end of string'"],
    ['x<a', `unable to parse requirement: values[0]: Invalid value: "a": for 'Gt', 'Lt' operators, the value must be an integer`],
  ])('rejects %j with upstream message', (text, message) => {
    expect(() => parseSelector(text)).toThrow(new Error(message));
  });

  it('is deterministic: x=a,a=x and a=x,x=a print the same (TestDeterministicParse)', () => {
    expect(parseSelector('x=a,a=x').toString()).toBe('a=x,x=a');
    expect(parseSelector('a=x,x=a').toString()).toBe('a=x,x=a');
  });
});

describe('parseSelector requirements (TestSetSelectorParser)', () => {
  const ok: [string, Requirement[]][] = [
    ['', []],
    ['\rx', [req('x', 'exists')]],
    ['this-is-a-dns.domain.com/key-with-dash', [req('this-is-a-dns.domain.com/key-with-dash', 'exists')]],
    [
      'this-is-another-dns.domain.com/key-with-dash in (so,what)',
      [req('this-is-another-dns.domain.com/key-with-dash', 'in', ['so', 'what'])],
    ],
    ['0.1.2.domain/99 notin (10.10.100.1, tick.tack.clock)', [req('0.1.2.domain/99', 'notin', ['10.10.100.1', 'tick.tack.clock'])]],
    ['foo  in\t (abc)', [req('foo', 'in', ['abc'])]],
    ['x notin\n (abc)', [req('x', 'notin', ['abc'])]],
    ['x  notin\t\t\t(abc,def)', [req('x', 'notin', ['abc', 'def'])]],
    ['x in (abc,def)', [req('x', 'in', ['abc', 'def'])]],
    ['x in (abc,)', [req('x', 'in', ['', 'abc'])]],
    ['x in ()', [req('x', 'in', [''])]],
    [
      'x notin (abc,,def),bar,z in (),w',
      [req('bar', 'exists'), req('w', 'exists'), req('x', 'notin', ['', 'abc', 'def']), req('z', 'in', [''])],
    ],
    ['x,y in (a)', [req('x', 'exists'), req('y', 'in', ['a'])]],
    ['x=a', [req('x', '=', ['a'])]],
    ['x>1', [req('x', 'gt', ['1'])]],
    ['x<7', [req('x', 'lt', ['7'])]],
    ['x=a,y!=b', [req('x', '=', ['a']), req('y', '!=', ['b'])]],
    ['x=a,y!=b,z in (h,i,j)', [req('x', '=', ['a']), req('y', '!=', ['b']), req('z', 'in', ['h', 'i', 'j'])]],
    ['x notin ( )', [req('x', 'notin', [''])]],
    ['x notin (, a)', [req('x', 'notin', ['', 'a'])]],
    ['a ', [req('a', 'exists')]],
    ['a in (x,y,notin, z,in)', [req('a', 'in', ['in', 'notin', 'x', 'y', 'z'])]],
    ['notin=in', [req('notin', '=', ['in'])]],
    ['x==a', [req('x', '==', ['a'])]],
    ['x in (b,a,b)', [req('x', 'in', ['a', 'b'])]],
  ];
  it.each(ok)('parses %j into the expected requirements, sorted by key', (text, requirements) => {
    expect(parseSelector(text).requirements).toEqual(requirements);
  });

  const bad: [string, string][] = [
    ['x=a||y=b', `unable to parse requirement: values[0][x]: Invalid value: "a||y": ${LABEL_VALUE_MSG}`],
    [',x,y', "found ',', expected: !, identifier, or 'end of string'"],
    ['x nott in (y)', "unable to parse requirement: found 'nott', expected: in, notin, =, ==, !=, gt, lt"],
    ['a in (xyz),', "found '', expected: identifier after ','"],
    ['a in (xyz)b notin ()', "found 'b', expected: ',' or 'end of string'"],
    ['a in (xyz abc)', "unable to parse requirement: found 'abc', expected: ',' or ')'"],
    ['a notin(', "unable to parse requirement: found '', expected: ',', ')' or identifier"],
    ['a (', "unable to parse requirement: found '(', expected: in, notin, =, ==, !=, gt, lt"],
    ['(', "found '(', expected: !, identifier, or 'end of string'"],
    ['x=a=b', "found '=', expected: ',' or 'end of string'"],
    ['!', "unable to parse requirement: found '', expected: identifier"],
    ['x in a', "unable to parse requirement: found 'a' expected: '('"],
    ['x=(', "unable to parse requirement: found '(', expected: identifier"],
    ['x in (a,=)', "unable to parse requirement: found '=', expected: ',', or identifier"],
    ['x>', "unable to parse requirement: values[0]: Invalid value: \"\": for 'Gt', 'Lt' operators, the value must be an integer"],
    ['A_=a', `unable to parse requirement: <nil>: Invalid value: "A_": ${NAME_PART_MSG}`],
    ['a/b/c', "unable to parse requirement: <nil>: Invalid value: \"a/b/c\": a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')"],
    ['x=-a', `unable to parse requirement: values[0][x]: Invalid value: "-a": ${LABEL_VALUE_MSG}`],
    ['z<-1', `unable to parse requirement: values[0][z]: Invalid value: "-1": ${LABEL_VALUE_MSG}`],
  ];
  it.each(bad)('rejects %j with %j', (text, message) => {
    expect(() => parseSelector(text)).toThrow(new Error(message));
  });
});

describe('Selector.matches (TestSelectorMatches, TestRequirementSelectorMatching)', () => {
  const labelset = { foo: 'bar', baz: 'blah' };
  it.each<[string, Labels, boolean]>([
    ['', { x: 'y' }, true],
    ['x=y', { x: 'y' }, true],
    ['x=y,z=w', { x: 'y', z: 'w' }, true],
    ['x!=y,z!=w', { x: 'z', z: 'a' }, true],
    ['notin=in', { notin: 'in' }, true],
    ['x', { x: 'z' }, true],
    ['!x', { y: 'z' }, true],
    ['x>1', { x: '2' }, true],
    ['x<1', { x: '0' }, true],
    ['x=z', {}, false],
    ['x=y', { x: 'z' }, false],
    ['x=y,z=w', { x: 'w', z: 'w' }, false],
    ['x!=y,z!=w', { x: 'z', z: 'w' }, false],
    ['x', { y: 'z' }, false],
    ['!x', { x: 'z' }, false],
    ['x>1', { x: '0' }, false],
    ['x<1', { x: '2' }, false],
    ['foo=bar', labelset, true],
    ['baz=blah', labelset, true],
    ['foo=bar,baz=blah', labelset, true],
    ['foo=blah', labelset, false],
    ['baz=bar', labelset, false],
    ['foo=bar,foobar=bar,baz=blah', labelset, false],
    ['x in (foo),y notin (alpha)', { x: 'foo', y: 'baz' }, true],
    ['x in (foo),y in (alpha)', { x: 'foo', y: 'baz' }, false],
    ['x notin (),y', { y: '' }, true],
    ['!x,y', { y: '' }, true],
    ['x notin (),!y', { y: '' }, false],
    ['x in ()', { y: 'baz' }, false],
    ['z>1', { z: '2' }, true],
    ['z>1', { z: 'v2' }, false],
    ['z<0', { z: '-2' }, true],
    ['z>9007199254740993', { z: '9007199254740994' }, true],
    ['z>9007199254740993', { z: '9007199254740993' }, false],
    ['z>1', { z: '99999999999999999999' }, false],
    ['x!=y', {}, true],
    ['x!=y', undefined, true],
    ['x', undefined, false],
    ['x in (a,b,c)', { x: 'c' }, true],
    ['x notin (a,b,c)', { x: 'c' }, false],
    ['constructor', {}, false],
    ['hasOwnProperty in (constructor)', { hasOwnProperty: 'constructor' }, true],
    ['hasOwnProperty in (constructor)', {}, false],
    ['!toString', {}, true],
  ])('%j matches %j: %s', (text, labels, want) => {
    expect(parseSelector(text).matches(labels)).toBe(want);
  });
});

describe('newRequirement (TestRequirementConstructor)', () => {
  it.each<[string, Requirement['operator'], string[], string | undefined]>([
    ['x', 'in', [], "values: Invalid value: []string(nil): for 'in', 'notin' operators, values set can't be empty"],
    ['x', 'notin', [], "values: Invalid value: []string(nil): for 'in', 'notin' operators, values set can't be empty"],
    ['x', 'in', ['foo'], undefined],
    ['x', 'notin', ['foo'], undefined],
    ['x', 'exists', [], undefined],
    ['x', '!', [], undefined],
    ['1foo', 'in', ['bar'], undefined],
    ['1234', 'in', ['bar'], undefined],
    ['y', 'gt', ['1'], undefined],
    ['z', 'lt', ['6'], undefined],
    ['foo', 'gt', ['bar'], "values[0]: Invalid value: \"bar\": for 'Gt', 'Lt' operators, the value must be an integer"],
    ['barz', 'lt', ['blah'], "values[0]: Invalid value: \"blah\": for 'Gt', 'Lt' operators, the value must be an integer"],
    ['a'.repeat(254), 'exists', [], `key: Invalid value: "${'a'.repeat(254)}": name part must be no more than 63 characters`],
    ['x', 'exists', ['a'], 'values: Invalid value: []string{"a"}: values set must be empty for exists and does not exist'],
    ['x', '=', ['a', 'b'], 'values: Invalid value: []string{"a", "b"}: exact-match compatibility requires one single value'],
    [
      'x',
      'gt',
      ['1', '2'],
      "values: Invalid value: []string{\"1\", \"2\"}: for 'Gt', 'Lt' operators, exactly one value is required",
    ],
    [
      '',
      'in',
      ['a b'],
      `[key: Invalid value: "": name part must be non-empty; ${NAME_PART_MSG}, values[0][]: Invalid value: "a b": ${LABEL_VALUE_MSG}]`,
    ],
  ])('newRequirement(%j, %s, %j) fails with %j', (key, op, values, message) => {
    if (message === undefined) expect(newRequirement(key, op, values)).toEqual({ key, operator: op, values });
    else expect(() => newRequirement(key, op, values)).toThrow(new Error(message));
  });

  it('prefixes error paths with the given field path', () => {
    expect(() => newRequirement('x', 'in', [], 'spec.selector')).toThrow(
      new Error("spec.selector.values: Invalid value: []string(nil): for 'in', 'notin' operators, values set can't be empty"),
    );
  });
});

describe('Selector.toString (TestToString)', () => {
  it.each<[Requirement[], string]>([
    [[req('x', 'in', ['abc', 'def']), req('y', 'notin', ['jkl']), req('z', 'exists')], 'x in (abc,def),y notin (jkl),z'],
    [[req('x', 'notin', ['abc', 'def']), req('y', '!=', ['jkl']), req('z', '!')], 'x notin (abc,def),y!=jkl,!z'],
    [[req('x', 'notin', ['abc']), req('y', 'in', ['jkl', 'mno']), req('z', 'notin', [''])], 'x notin (abc),y in (jkl,mno),z notin ()'],
    [[req('x', '=', ['abc']), req('y', '==', ['jkl']), req('z', '!=', ['a']), req('z', 'exists')], 'x=abc,y==jkl,z!=a,z'],
    [[req('x', 'gt', ['2']), req('y', 'lt', ['8']), req('z', 'exists')], 'x>2,y<8,z'],
    [[req('x', 'in', ['def', 'abc'])], 'x in (abc,def)'],
  ])('prints %j as %j', (requirements, text) => {
    expect(selectorFromRequirements(requirements).toString()).toBe(text);
  });

  it('sorts values for display without reordering the requirement (TestSafeSort)', () => {
    const r = req('x', 'in', ['foo', 'bar']);
    expect(requirementString(r)).toBe('x in (bar,foo)');
    expect(r.values).toEqual(['foo', 'bar']);
  });
});

describe('everything, nothing and selectorFromSet (TestEverything, TestSetMatches, TestNilMapIsValid)', () => {
  it('everything matches any labels and is empty', () => {
    expect(everything.matches({ x: 'y' })).toBe(true);
    expect(everything.matches(undefined)).toBe(true);
    expect(everything.empty()).toBe(true);
    expect(everything.toString()).toBe('');
  });

  it('nothing matches no labels and is not empty', () => {
    expect(nothing.matches({})).toBe(false);
    expect(nothing.empty()).toBe(false);
    expect(nothing.toString()).toBe('');
  });

  const labelset = { foo: 'bar', baz: 'blah' };
  it.each<[Labels, boolean]>([
    [{}, true],
    [{ foo: 'bar' }, true],
    [{ baz: 'blah' }, true],
    [{ foo: 'bar', baz: 'blah' }, true],
    [{ foo: 'blah' }, false],
    [{ foo: 'bar', foobar: 'bar' }, false],
  ])('selectorFromSet(%j) matches foo=bar,baz=blah: %s', (set, want) => {
    expect(selectorFromSet(set).matches(labelset)).toBe(want);
  });

  it('treats an undefined or empty set as everything', () => {
    expect(selectorFromSet(undefined).empty()).toBe(true);
    expect(selectorFromSet({}).empty()).toBe(true);
  });

  it('prints a set selector sorted by key', () => {
    expect(selectorFromSet({ tier: 'web', app: 'nginx' }).toString()).toBe('app=nginx,tier=web');
  });
});

describe('labelSelectorAsSelector (TestLabelSelectorAsSelector)', () => {
  it.each<[Parameters<typeof labelSelectorAsSelector>[0], string, boolean]>([
    [undefined, '', false],
    [null, '', false],
    [{}, '', true],
    [{ matchLabels: {}, matchExpressions: [] }, '', true],
    [{ matchLabels: { foo: 'bar' } }, 'foo=bar', false],
    [{ matchExpressions: [{ key: 'foo', operator: 'In', values: ['bar', 'baz'] }] }, 'foo in (bar,baz)', false],
    [
      {
        matchLabels: { foo: 'bar', app: 'web' },
        matchExpressions: [
          { key: 'tier', operator: 'NotIn', values: ['db'] },
          { key: 'env', operator: 'Exists' },
          { key: 'canary', operator: 'DoesNotExist' },
        ],
      },
      'app=web,!canary,env,foo=bar,tier notin (db)',
      false,
    ],
  ])('converts %j to %j (empty: %s)', (ls, text, empty) => {
    const s = labelSelectorAsSelector(ls);
    expect(s.toString()).toBe(text);
    expect(s.empty()).toBe(empty);
  });

  it('selects nothing for an absent selector and everything for {}', () => {
    expect(labelSelectorAsSelector(undefined).matches({ a: 'b' })).toBe(false);
    expect(labelSelectorAsSelector({}).matches({ a: 'b' })).toBe(true);
  });

  it.each<[Parameters<typeof labelSelectorAsSelector>[0], string]>([
    [{ matchExpressions: [{ key: 'foo', operator: 'Gt', values: ['1'] }] }, '"Gt" is not a valid pod selector operator'],
    [{ matchExpressions: [{ key: 'foo', operator: 'in', values: ['a'] }] }, '"in" is not a valid pod selector operator'],
    [
      { matchExpressions: [{ key: 'foo', operator: 'In' }] },
      "values: Invalid value: []string(nil): for 'in', 'notin' operators, values set can't be empty",
    ],
    [
      { matchExpressions: [{ key: 'foo', operator: 'Exists', values: ['x'] }] },
      'values: Invalid value: []string{"x"}: values set must be empty for exists and does not exist',
    ],
    [{ matchLabels: { 'bad key': 'v' } }, `key: Invalid value: "bad key": ${NAME_PART_MSG}`],
    [{ matchLabels: { app: 'bad value' } }, `values[0][app]: Invalid value: "bad value": ${LABEL_VALUE_MSG}`],
  ])('rejects %j with %j', (ls, message) => {
    expect(() => labelSelectorAsSelector(ls)).toThrow(new Error(message));
  });

  it.each<[Parameters<typeof formatLabelSelector>[0], string]>([
    [undefined, '<none>'],
    [{}, '<none>'],
    [{ matchLabels: { app: 'web' } }, 'app=web'],
    [{ matchExpressions: [{ key: 'app', operator: 'Bogus' }] }, '<error>'],
  ])('formats %j for kubectl as %j (FormatLabelSelector)', (ls, text) => {
    expect(formatLabelSelector(ls)).toBe(text);
  });
});
