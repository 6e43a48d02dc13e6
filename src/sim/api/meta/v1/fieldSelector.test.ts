// Tables ported from k8s.io/apimachinery/pkg/fields/selector_test.go; field sets from pkg/registry/core/*/strategy_test.go.
import type { Event, Node, Pod } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import {
  convertFieldLabel,
  escapeValue,
  eventFieldSet,
  everythingFields,
  fieldSelectorFromSet,
  fieldSetFor,
  nodeFieldSet,
  objectMetaFieldSet,
  parseFieldSelector,
  parseFieldSelectorForKind,
  podFieldSet,
  unescapeValue,
  type Fields,
} from './fieldSelector';

describe('parseFieldSelector (TestSelectorParse, TestDeterministicParse)', () => {
  it.each(['x=a,y=b,z=c', '', 'x!=a,y=b', 'x=', 'x=,z=', 'x=\\,', 'x=\\=\\\\'])('parses %j and prints it back unchanged', (text) => {
    expect(parseFieldSelector(text).toString()).toBe(text);
  });

  it.each<[string, string]>([
    ['x=a||y=b', 'invalid field selector: unescaped character in value: 61'],
    ['x==a==b', 'invalid field selector: unescaped character in value: 61'],
    ['status.phase', "invalid selector: 'status.phase'; can't understand 'status.phase'"],
    ['a=b,c', "invalid selector: 'a=b,c'; can't understand 'c'"],
    ['k=\\', 'invalid field selector: invalid escape sequence: \\'],
    ['k=\\a', 'invalid field selector: invalid escape sequence: \\a'],
  ])('rejects %j with %j', (text, message) => {
    expect(() => parseFieldSelector(text)).toThrow(new Error(message));
  });

  it('sorts terms as text so that x=a,a=x and a=x,x=a print the same', () => {
    expect(parseFieldSelector('x=a,a=x').toString()).toBe('a=x,x=a');
    expect(parseFieldSelector('a=x,x=a').toString()).toBe('a=x,x=a');
  });

  it.each<[string, { field: string; operator: '=' | '!='; value: string }[]]>([
    ['a=avalue', [{ field: 'a', operator: '=', value: 'avalue' }]],
    [
      'a=avalue,b==bvalue,c!=cvalue',
      [
        { field: 'a', operator: '=', value: 'avalue' },
        { field: 'b', operator: '=', value: 'bvalue' },
        { field: 'c', operator: '!=', value: 'cvalue' },
      ],
    ],
    ['a=a,', [{ field: 'a', operator: '=', value: 'a' }]],
    [',a=a', [{ field: 'a', operator: '=', value: 'a' }]],
    // Terms sort as text: "k2=..." comes before "k=..." because '2' < '='.
    ['k=\\,,k2=v2', [{ field: 'k2', operator: '=', value: 'v2' }, { field: 'k', operator: '=', value: ',' }]],
    ['k=\\\\,k2=v2', [{ field: 'k2', operator: '=', value: 'v2' }, { field: 'k', operator: '=', value: '\\' }]],
    ['k=\\\\\\,,k2=v2', [{ field: 'k2', operator: '=', value: 'v2' }, { field: 'k', operator: '=', value: '\\,' }]],
    ['함=수,목=록', [{ field: '목', operator: '=', value: '록' }, { field: '함', operator: '=', value: '수' }]],
    ['spec.nodeName!=', [{ field: 'spec.nodeName', operator: '!=', value: '' }]],
  ])('splits %j into the expected requirements (TestSplitTerms)', (text, requirements) => {
    expect(parseFieldSelector(text).requirements).toEqual(requirements);
  });
});

describe('escapeValue and unescapeValue (TestEscapeValue, TestUnescapeValue)', () => {
  it.each<[string, string]>([
    ['', ''],
    ['a', 'a'],
    ['=', '\\='],
    [',', '\\,'],
    ['\\', '\\\\'],
    ['\\=\\,\\', '\\\\\\=\\\\\\,\\\\'],
  ])('escapes %j as %j and back', (raw, escaped) => {
    expect(escapeValue(raw)).toBe(escaped);
    expect(unescapeValue(escaped)).toBe(raw);
  });

  it.each<[string, string]>([
    ['\\', 'invalid field selector: invalid escape sequence: \\'],
    ['\\a', 'invalid field selector: invalid escape sequence: \\a'],
    ['\\\\\\', 'invalid field selector: invalid escape sequence: \\'],
    ['\\\\\\a', 'invalid field selector: invalid escape sequence: \\a'],
    [',', 'invalid field selector: unescaped character in value: 44'],
    ['=', 'invalid field selector: unescaped character in value: 61'],
    ['a,', 'invalid field selector: unescaped character in value: 44'],
    ['a=', 'invalid field selector: unescaped character in value: 61'],
  ])('refuses to unescape %j: %j', (escaped, message) => {
    expect(() => unescapeValue(escaped)).toThrow(new Error(message));
  });
});

describe('FieldSelector.matches (TestSelectorMatches, TestSetMatches)', () => {
  const labelset = { foo: 'bar', baz: 'blah' };
  it.each<[string, Fields, boolean]>([
    ['', { x: 'y' }, true],
    ['x=y', { x: 'y' }, true],
    ['x=y,z=w', { x: 'y', z: 'w' }, true],
    ['x!=y,z!=w', { x: 'z', z: 'a' }, true],
    ['notin=in', { notin: 'in' }, true],
    ['x=y', { x: 'z' }, false],
    ['x=y,z=w', { x: 'w', z: 'w' }, false],
    ['x!=y,z!=w', { x: 'z', z: 'w' }, false],
    ['foo=bar', labelset, true],
    ['baz=blah', labelset, true],
    ['foo=bar,baz=blah', labelset, true],
    ['foo=blah', labelset, false],
    ['baz=bar', labelset, false],
    ['foo=bar,foobar=bar,baz=blah', labelset, false],
    ['missing=', labelset, true],
    ['missing!=', labelset, false],
    ['constructor=', {}, true],
  ])('%j matches %j: %s', (text, fields, want) => {
    expect(parseFieldSelector(text).matches(fields)).toBe(want);
  });

  it.each<[Fields, boolean]>([
    [{}, true],
    [{ foo: 'bar' }, true],
    [{ foo: 'bar', baz: 'blah' }, true],
    [{ foo: '=blah' }, false],
    [{ foo: '=bar', foobar: 'bar', baz: 'blah' }, false],
  ])('fieldSelectorFromSet(%j) matches foo=bar,baz=blah: %s', (set, want) => {
    expect(fieldSelectorFromSet(set).matches(labelset)).toBe(want);
  });

  it('everythingFields matches anything and is empty', () => {
    expect(everythingFields.matches({ x: 'y' })).toBe(true);
    expect(everythingFields.empty()).toBe(true);
    expect(fieldSelectorFromSet({}).empty()).toBe(true);
    expect(parseFieldSelector('a=b').empty()).toBe(false);
  });

  it.each<[string, string, string | undefined]>([
    ['', 'test', undefined],
    ['a=b', 'test', undefined],
    ['test=b', 'test', 'b'],
    ['test=', 'test', ''],
    ['test!=b', 'test', undefined],
    ['a=c,test=b', 'test', 'b'],
  ])('%j requires %j to be exactly %j (TestRequiresExactMatch)', (text, field, value) => {
    expect(parseFieldSelector(text).requiresExactMatch(field)).toBe(value);
  });
});

describe('field label conversion per kind', () => {
  it.each<[string, string, string]>([
    ['Pod', 'spec.nodeName', 'spec.nodeName'],
    ['Pod', 'spec.host', 'spec.nodeName'],
    ['Pod', 'status.phase', 'status.phase'],
    ['Pod', 'metadata.namespace', 'metadata.namespace'],
    ['Node', 'spec.unschedulable', 'spec.unschedulable'],
    ['Event', 'involvedObject.name', 'involvedObject.name'],
    ['Deployment', 'metadata.name', 'metadata.name'],
    ['Service', 'metadata.namespace', 'metadata.namespace'],
  ])('%s accepts %j as %j', (kind, label, converted) => {
    expect(convertFieldLabel(kind, label)).toBe(converted);
  });

  it.each<[string, string, string]>([
    ['Pod', 'spec.containers', 'field label not supported: spec.containers'],
    ['Pod', 'status.hostIP', 'field label not supported: status.hostIP'],
    ['Node', 'metadata.namespace', 'field label not supported: metadata.namespace'],
    ['Event', 'message', 'field label not supported: message'],
    ['Ingress', 'foo.bar', '"foo.bar" is not a known field selector: only "metadata.name", "metadata.namespace"'],
  ])('%s rejects %j with %j', (kind, label, message) => {
    expect(() => convertFieldLabel(kind, label)).toThrow(new Error(message));
  });

  it('parses for a kind, renaming spec.host to spec.nodeName', () => {
    expect(parseFieldSelectorForKind('spec.host=node-1', 'Pod').toString()).toBe('spec.nodeName=node-1');
    expect(() => parseFieldSelectorForKind('status.phase=Running,spec.bogus=x', 'Pod')).toThrow(
      new Error('field label not supported: spec.bogus'),
    );
  });
});

describe('selectable field sets (ToSelectableFields)', () => {
  const pod: Pod = {
    metadata: { name: 'web-0', namespace: 'default' },
    spec: {
      nodeName: 'node-1',
      restartPolicy: 'Always',
      schedulerName: 'default-scheduler',
      serviceAccountName: 'default',
      hostNetwork: true,
      containers: [],
    },
    status: { phase: 'Running', podIP: '10.0.0.5', podIPs: [{ ip: '10.0.0.5' }], nominatedNodeName: 'node-2' },
  };

  it('gives a pod the ten fields the API server supports', () => {
    expect(podFieldSet(pod)).toEqual({
      'metadata.name': 'web-0',
      'metadata.namespace': 'default',
      'spec.nodeName': 'node-1',
      'spec.restartPolicy': 'Always',
      'spec.schedulerName': 'default-scheduler',
      'spec.serviceAccountName': 'default',
      'spec.hostNetwork': 'true',
      'status.phase': 'Running',
      'status.podIP': '10.0.0.5',
      'status.nominatedNodeName': 'node-2',
    });
  });

  it('reads an unscheduled, unstarted pod as empty strings and hostNetwork false', () => {
    expect(podFieldSet({ metadata: { name: 'p', namespace: 'ns' }, spec: { containers: [] } })).toEqual({
      'metadata.name': 'p',
      'metadata.namespace': 'ns',
      'spec.nodeName': '',
      'spec.restartPolicy': '',
      'spec.schedulerName': '',
      'spec.serviceAccountName': '',
      'spec.hostNetwork': 'false',
      'status.phase': '',
      'status.podIP': '',
      'status.nominatedNodeName': '',
    });
  });

  it.each<[string, boolean]>([
    ['spec.nodeName=node-1', true],
    ['spec.nodeName=', false],
    ['status.phase!=Running', false],
    ['status.phase=Running,spec.restartPolicy=Always', true],
    ['metadata.namespace!=default', false],
  ])('selects the running pod with %j: %s', (text, want) => {
    expect(parseFieldSelectorForKind(text, 'Pod').matches(podFieldSet(pod))).toBe(want);
  });

  it('gives a node its name and unschedulable flag, without a namespace', () => {
    const node: Node = { metadata: { name: 'node-1' }, spec: { unschedulable: true } };
    expect(nodeFieldSet(node)).toEqual({ 'metadata.name': 'node-1', 'spec.unschedulable': 'true' });
    expect(nodeFieldSet({ metadata: { name: 'node-2' } })).toEqual({ 'metadata.name': 'node-2', 'spec.unschedulable': 'false' });
  });

  it('gives an event its involved object, reason, source and type', () => {
    const event: Event = {
      metadata: { name: 'web-0.17a', namespace: 'default' },
      involvedObject: { kind: 'Pod', name: 'web-0', namespace: 'default', uid: 'u1', apiVersion: 'v1' },
      reason: 'Scheduled',
      type: 'Normal',
      reportingComponent: 'default-scheduler',
    };
    expect(eventFieldSet(event)).toEqual({
      'metadata.name': 'web-0.17a',
      'metadata.namespace': 'default',
      'involvedObject.kind': 'Pod',
      'involvedObject.namespace': 'default',
      'involvedObject.name': 'web-0',
      'involvedObject.uid': 'u1',
      'involvedObject.apiVersion': 'v1',
      'involvedObject.resourceVersion': '',
      'involvedObject.fieldPath': '',
      reason: 'Scheduled',
      reportingComponent: 'default-scheduler',
      source: 'default-scheduler',
      type: 'Normal',
    });
  });

  it.each<[{ kind?: string; metadata?: { name?: string; namespace?: string } }, boolean, Fields]>([
    [{ kind: 'ConfigMap', metadata: { name: 'c', namespace: 'ns' } }, true, { 'metadata.name': 'c', 'metadata.namespace': 'ns' }],
    [{ kind: 'Namespace', metadata: { name: 'ns' } }, false, { 'metadata.name': 'ns' }],
    [{ kind: 'Node', metadata: { name: 'n' } }, false, { 'metadata.name': 'n', 'spec.unschedulable': 'false' }],
  ])('fieldSetFor(%j, namespaced %s) is %j', (obj, namespaced, fields) => {
    expect(fieldSetFor(obj, namespaced)).toEqual(fields);
  });

  it('objectMetaFieldSet defaults to a namespaced object', () => {
    expect(objectMetaFieldSet({ metadata: { name: 'a' } })).toEqual({ 'metadata.name': 'a', 'metadata.namespace': '' });
  });
});
