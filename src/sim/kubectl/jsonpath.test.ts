import { describe, expect, it } from 'vitest';
import { JsonPath, JsonPathError, relaxedJsonPath } from './jsonpath';

// Data and templates adapted from client-go util/jsonpath/jsonpath_test.go (TestJSONInput, TestKubernetes).
const store = {
  kind: 'List',
  items: [
    { metadata: { name: '127.0.0.1', labels: { 'app.kubernetes.io/name': 'a' } }, status: { capacity: { cpu: '4' }, conditions: [{ type: 'Ready', status: 'True' }, { type: 'DiskPressure', status: 'False' }] } },
    { metadata: { name: '127.0.0.2' }, status: { capacity: { cpu: '8' }, conditions: [{ type: 'Ready', status: 'False' }] } },
  ],
  numbers: [1, 2, 3, 4, 5],
  nested: { a: { b: 1 }, c: [{ b: 2 }] },
};

describe('JsonPath.execute prints what kubectl -o jsonpath prints', () => {
  it.each([
    ['plain text around an action', 'kind: {.kind}!', 'kind: List!'],
    ['every item with [*], joined by spaces', '{.items[*].metadata.name}', '127.0.0.1 127.0.0.2'],
    ['an index', '{.items[0].metadata.name}', '127.0.0.1'],
    ['a negative index', '{.items[-1].metadata.name}', '127.0.0.2'],
    ['a slice', '{.numbers[1:3]}', '2 3'],
    ['a slice with a step', '{.numbers[::2]}', '1 3 5'],
    ['an index union', '{.numbers[0,4]}', '1 5'],
    ['a filter on a string field', '{.items[?(@.status.capacity.cpu=="8")].metadata.name}', '127.0.0.2'],
    ['a filter inside each item', '{.items[*].status.conditions[?(@.type=="Ready")].status}', 'True False'],
    ['a numeric filter', '{.numbers[?(@>3)]}', '4 5'],
    ['an existence filter', '{.items[?(@.metadata.labels)].metadata.name}', '127.0.0.1'],
    ['range and end with quoted text', '{range .items[*]}[{.metadata.name}, {.status.capacity.cpu}]{"\\n"}{end}', '[127.0.0.1, 4]\n[127.0.0.2, 8]\n'],
    ['an escaped dot in a label key', '{.items[0].metadata.labels.app\\.kubernetes\\.io/name}', 'a'],
    ['bracket notation with quotes', "{.items[0]['metadata']['name']}", '127.0.0.1'],
    ['a field union', "{.items[0].metadata['name','labels']}", '127.0.0.1 {"app.kubernetes.io/name":"a"}'],
    ['recursive descent', '{..b}', '1 2'],
    ['the root', '{$.kind}', 'List'],
    ['an object prints as compact JSON', '{.nested.a}', '{"b":1}'],
    ['a missing key prints nothing', '{.nope.deeper}', ''],
    ['a wildcard over an object', '{.nested.a.*}', '1'],
  ])('%s: %s', (_, template, want) => {
    expect(new JsonPath(template).execute(store)).toBe(want);
  });

  it('prints every value as one JSON array for jsonpath-as-json', () => {
    expect(new JsonPath('{.items[*].status.capacity.cpu}').executeAsJson(store)).toBe('[\n    "4",\n    "8"\n]\n');
  });

  it.each([
    ['an unclosed action', '{.items', 'error parsing jsonpath {.items, unclosed action'],
    ['an end outside a range', '{end}', 'error parsing jsonpath {end}, not in range, nothing to end'],
    ['a range without end', '{range .items[*]}{.a}', 'error parsing jsonpath {range .items[*]}{.a}, unclosed range'],
    ['a bad index', '{.items[a:b]}', 'error parsing jsonpath {.items[a:b]}, invalid array index a:b'],
  ])('rejects %s', (_, template, message) => {
    expect(() => new JsonPath(template)).toThrow(new JsonPathError(message));
  });

  it('refuses to compare a string with a number in a filter', () => {
    expect(() => new JsonPath('{.items[?(@.status.capacity.cpu==8)]}').execute(store)).toThrow('incompatible types for comparison');
  });
});

describe('relaxedJsonPath accepts the short forms of --sort-by and custom-columns', () => {
  it.each([
    ['.metadata.name', '{.metadata.name}'],
    ['metadata.name', '{.metadata.name}'],
    ['{.metadata.name}', '{.metadata.name}'],
    ['{metadata.name}', '{.metadata.name}'],
  ])('%s is %s', (input, want) => {
    expect(relaxedJsonPath(input)).toBe(want);
  });

  it('rejects a template with several actions', () => {
    expect(() => relaxedJsonPath('{.a}{.b}')).toThrow(JsonPathError);
  });
});
