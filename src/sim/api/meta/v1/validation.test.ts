// Tables ported from k8s.io/apimachinery/pkg/api/validation/objectmeta_test.go, generic_test.go and
// pkg/apis/meta/v1/validation/validation_test.go; errors are compared as the API server prints them.
import type { LabelSelector, ObjectMeta, OwnerReference } from 'kubernetes-types/meta/v1';
import { describe, expect, it } from 'vitest';
import { fieldErrorString } from '../../fieldError';
import {
  type NameValidator,
  TOTAL_ANNOTATION_SIZE_LIMIT_B,
  nameIsDNS1035Label,
  nameIsDNSLabel,
  nameIsDNSSubdomain,
  validateAnnotations,
  validateLabelSelector,
  validateLabels,
  validateObjectMeta,
  validateObjectMetaUpdate,
} from './validation';

const SUBDOMAIN_MSG =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const LABEL_MSG =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
const NAME_PART_MSG =
  "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
const LABEL_VALUE_MSG =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";

const strings = (errs: Parameters<typeof fieldErrorString>[0][]): string[] => errs.map(fieldErrorString);

describe('validateObjectMeta', () => {
  it.each<[string, ObjectMeta | undefined, boolean, string[]]>([
    ['accepts a named pod in a namespace', { name: 'web-0', namespace: 'default' }, true, []],
    ['accepts a cluster-scoped node without a namespace', { name: 'node-1' }, false, []],
    [
      'requires a name or generateName',
      { namespace: 'default' },
      true,
      ['metadata.name: Required value: name or generateName is required'],
    ],
    ['requires metadata at all', undefined, false, ['metadata.name: Required value: name or generateName is required']],
    ['requires a namespace for namespaced kinds', { name: 'web' }, true, ['metadata.namespace: Required value']],
    [
      'forbids a namespace on cluster-scoped kinds',
      { name: 'node-1', namespace: 'default' },
      false,
      ['metadata.namespace: Forbidden: not allowed on this type'],
    ],
    ['rejects an upper-case name', { name: 'Web', namespace: 'default' }, true, [`metadata.name: Invalid value: "Web": ${SUBDOMAIN_MSG}`]],
    [
      'rejects a namespace with dots (TestValidateObjectMetaNamespaces)',
      { name: 'test', namespace: 'foo.bar' },
      true,
      ['metadata.namespace: Invalid value: "foo.bar": must not contain dots'],
    ],
    [
      'rejects a 64-character upper-case namespace twice: length and format',
      { name: 'test', namespace: 'A'.repeat(64) },
      true,
      [
        `metadata.namespace: Invalid value: "${'A'.repeat(64)}": must be no more than 63 characters`,
        `metadata.namespace: Invalid value: "${'A'.repeat(64)}": ${LABEL_MSG}`,
      ],
    ],
    [
      'accepts a generateName with a trailing dash (TestValidateObjectMetaTrimsTrailingDash)',
      { name: 'test', generateName: 'foo-' },
      false,
      [],
    ],
    [
      'rejects an invalid generateName as well as the name',
      { name: 'Bad', generateName: 'Bad-' },
      false,
      [`metadata.generateName: Invalid value: "Bad-": ${SUBDOMAIN_MSG}`, `metadata.name: Invalid value: "Bad": ${SUBDOMAIN_MSG}`],
    ],
    ['rejects a negative generation', { name: 'a', generation: -1 } as ObjectMeta, false, ['metadata.generation: Invalid value: -1: must be greater than or equal to 0']],
    [
      'rejects invalid label keys and values',
      { name: 'a', labels: { 'app!': 'web', tier: '-x' } },
      false,
      [`metadata.labels: Invalid value: "app!": ${NAME_PART_MSG}`, `metadata.labels: Invalid value: "-x": ${LABEL_VALUE_MSG}`],
    ],
    [
      'rejects finalizers orphan and foregroundDeletion together',
      { name: 'a', finalizers: ['orphan', 'foregroundDeletion'] },
      false,
      ['metadata.finalizers: Invalid value: []string{"orphan", "foregroundDeletion"}: finalizer orphan and foregroundDeletion cannot be both set'],
    ],
    [
      'rejects a finalizer that is not a qualified name',
      { name: 'a', finalizers: ['example.com/a/b'] },
      false,
      [
        "metadata.finalizers: Invalid value: \"example.com/a/b\": a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')",
      ],
    ],
  ])('%s', (_name, meta, namespaced, errors) => {
    expect(strings(validateObjectMeta(meta, namespaced, nameIsDNSSubdomain))).toEqual(errors);
  });

  it('uses the given name function for both name and generateName (TestValidateObjectMetaCustomName)', () => {
    const fn: NameValidator = (s) => (s === 'test' ? [] : ['wrong value']);
    expect(strings(validateObjectMeta({ name: 'test', generateName: 'test' }, false, fn, ['field']))).toEqual([]);
    expect(strings(validateObjectMeta({ name: 'invalid', generateName: 'test' }, false, fn, ['field']))).toEqual([
      'field.name: Invalid value: "invalid": wrong value',
    ]);
    expect(strings(validateObjectMeta({ name: 'invalid', generateName: 'invalid' }, false, fn, ['field']))).toEqual([
      'field.generateName: Invalid value: "invalid": wrong value',
      'field.name: Invalid value: "invalid": wrong value',
    ]);
  });

  const ref = (over: Partial<OwnerReference>): OwnerReference => ({ apiVersion: 'customresourceVersion', kind: 'customresourceKind', name: 'name', uid: '1', ...over });
  it.each<[string, OwnerReference[], string[]]>([
    ['accepts a third-party owner', [ref({})], []],
    ['accepts a legacy core owner', [ref({ apiVersion: 'v1', kind: 'Pod' })], []],
    [
      'rejects an Event as owner',
      [ref({ apiVersion: 'v1', kind: 'Event' })],
      ['metadata.ownerReferences: Invalid value: {"apiVersion":"v1","kind":"Event","name":"name","uid":"1"}: /v1, Kind=Event is disallowed from being an owner'],
    ],
    ['rejects an apiVersion with too many slashes', [ref({ apiVersion: 'a/b/c' })], ['metadata.ownerReferences.apiVersion: Invalid value: "a/b/c": version must not be empty']],
    ['rejects an apiVersion with an empty version', [ref({ apiVersion: 'foo/' })], ['metadata.ownerReferences.apiVersion: Invalid value: "foo/": version must not be empty']],
    ['rejects a lone slash as apiVersion', [ref({ apiVersion: '/' })], ['metadata.ownerReferences.apiVersion: Invalid value: "/": version must not be empty']],
    ['accepts a group/version owner', [ref({ apiVersion: 'apps/v1', kind: 'ReplicaSet' })], []],
    [
      'rejects an Event owner whose empty group is written out',
      [ref({ apiVersion: '/v1', kind: 'Event' })],
      ['metadata.ownerReferences: Invalid value: {"apiVersion":"/v1","kind":"Event","name":"name","uid":"1"}: /v1, Kind=Event is disallowed from being an owner'],
    ],
    [
      'rejects an empty reference field by field',
      [{ apiVersion: '', kind: '', name: '', uid: '' }],
      [
        'metadata.ownerReferences.apiVersion: Invalid value: "": version must not be empty',
        'metadata.ownerReferences.kind: Invalid value: "": must not be empty',
        'metadata.ownerReferences.name: Invalid value: "": must not be empty',
        'metadata.ownerReferences.uid: Invalid value: "": must not be empty',
      ],
    ],
    [
      'accepts one controller among several references',
      [ref({ uid: '1', controller: false }), ref({ uid: '2', controller: true }), ref({ uid: '3' })],
      [],
    ],
  ])('%s (TestValidateObjectMetaOwnerReferences)', (_name, refs, errors) => {
    expect(strings(validateObjectMeta({ name: 'test', namespace: 'test', ownerReferences: refs }, true, nameIsDNSSubdomain))).toEqual(errors);
  });

  it('rejects two controller references, naming both', () => {
    const refs = [
      ref({ kind: 'customresourceKind1', uid: '1', controller: false }),
      ref({ kind: 'customresourceKind2', uid: '2', controller: true }),
      ref({ kind: 'customresourceKind3', uid: '3', controller: true }),
    ];
    const errs = validateObjectMeta({ name: 'test', namespace: 'test', ownerReferences: refs }, true, nameIsDNSSubdomain);
    expect(errs).toHaveLength(1);
    expect(errs[0]!.detail).toBe(
      'Only one reference can have Controller set to true. Found "true" in references for customresourceKind2/name and customresourceKind3/name',
    );
  });
});

describe('name validators (generic.go)', () => {
  it.each<[string, NameValidator, string, boolean, number]>([
    ['subdomain accepts dots', nameIsDNSSubdomain, 'a.b', false, 0],
    ['label rejects dots', nameIsDNSLabel, 'a.b', false, 1],
    ['1035 label rejects a leading digit', nameIsDNS1035Label, '1abc', false, 1],
    ['subdomain masks the trailing dash of a prefix', nameIsDNSSubdomain, 'web-', true, 0],
    ['label masks the trailing dash of a prefix', nameIsDNSLabel, 'web-', true, 0],
    ['1035 label masks the trailing dash of a prefix', nameIsDNS1035Label, 'web-', true, 0],
    ['a trailing dash is invalid in a full name', nameIsDNSSubdomain, 'web-', false, 1],
    ['a lone dash prefix is still invalid', nameIsDNSSubdomain, '-', true, 1],
  ])('%s', (_name, fn, value, prefix, count) => {
    expect(fn(value, prefix)).toHaveLength(count);
  });
});

describe('validateAnnotations (TestValidateAnnotations)', () => {
  it.each<Record<string, string>>([
    { simple: 'bar' },
    { 'now-with-dashes': 'bar' },
    { '1-starts-with-num': 'bar' },
    { '1234': 'bar' },
    { 'simple/simple': 'bar' },
    { 'now-with-dashes/simple': 'bar' },
    { 'now.with.dots/simple': 'bar' },
    { '1.2.3.4/5678': 'bar' },
    { UpperCase123: 'bar' },
    { 'Example.com/key': 'bar' },
    { a: 'b'.repeat(TOTAL_ANNOTATION_SIZE_LIMIT_B - 1) },
    { a: 'b'.repeat(TOTAL_ANNOTATION_SIZE_LIMIT_B / 2 - 1), c: 'd'.repeat(TOTAL_ANNOTATION_SIZE_LIMIT_B / 2 - 1) },
  ])('accepts annotations %#', (annotations) => {
    expect(validateAnnotations(annotations, ['field'])).toEqual([]);
  });

  it.each<[Record<string, string>, string]>([
    [{ 'nospecialchars^=@': 'bar' }, NAME_PART_MSG],
    [{ 'cantendwithadash-': 'bar' }, NAME_PART_MSG],
    [{ ['a'.repeat(254)]: 'bar' }, 'name part must be no more than 63 characters'],
  ])('rejects annotation key %# with one error', (annotations, detail) => {
    const errs = validateAnnotations(annotations, ['field']);
    expect(errs.map((e) => e.detail)).toEqual([detail]);
  });

  it.each<Record<string, string>>([
    { a: 'b'.repeat(TOTAL_ANNOTATION_SIZE_LIMIT_B) },
    { a: 'b'.repeat(TOTAL_ANNOTATION_SIZE_LIMIT_B / 2), c: 'd'.repeat(TOTAL_ANNOTATION_SIZE_LIMIT_B / 2) },
  ])('rejects annotations over 256 KiB in total %#', (annotations) => {
    expect(strings(validateAnnotations(annotations, ['metadata', 'annotations']))).toEqual([
      'metadata.annotations: Too long: may not be more than 262144 bytes',
    ]);
  });
});

describe('validateObjectMetaUpdate', () => {
  const base: ObjectMeta = { name: 'test', resourceVersion: '1' };
  it.each<[string, ObjectMeta, ObjectMeta, string[]]>([
    ['accepts an unchanged object', base, base, []],
    ['requires a resourceVersion', { name: 'test' }, base, ['field.resourceVersion: Invalid value: "": must be specified for an update']],
    [
      'refuses a decremented generation (TestObjectMetaGenerationUpdate)',
      { ...base, generation: 4 } as ObjectMeta,
      { ...base, generation: 5 } as ObjectMeta,
      ['field.generation: Invalid value: 4: must not be decremented'],
    ],
    ['accepts an incremented generation', { ...base, generation: 2 } as ObjectMeta, { ...base, generation: 1 } as ObjectMeta, []],
    ['keeps the name immutable', { ...base, name: 'other' }, base, ['field.name: Invalid value: "other": field is immutable']],
    ['keeps the namespace immutable', { ...base, namespace: 'new-ns' }, { ...base, namespace: 'old-ns' }, ['field.namespace: Invalid value: "new-ns": field is immutable']],
    [
      'refuses setting deletionTimestamp (TestValidateObjectMetaUpdatePreventsDeletionFieldMutation)',
      { ...base, deletionTimestamp: '1970-01-01T00:16:40Z' } as ObjectMeta,
      base,
      ['field.deletionTimestamp: Invalid value: "1970-01-01T00:16:40Z": field is immutable'],
    ],
    [
      'refuses clearing deletionTimestamp',
      base,
      { ...base, deletionTimestamp: '1970-01-01T00:16:40Z' } as ObjectMeta,
      ['field.deletionTimestamp: Invalid value: null: field is immutable'],
    ],
    [
      'refuses setting deletionGracePeriodSeconds',
      { ...base, deletionGracePeriodSeconds: 30 } as ObjectMeta,
      base,
      ['field.deletionGracePeriodSeconds: Invalid value: 30: field is immutable'],
    ],
    [
      'refuses changing deletionGracePeriodSeconds',
      { ...base, deletionGracePeriodSeconds: 40 } as ObjectMeta,
      { ...base, deletionGracePeriodSeconds: 30 } as ObjectMeta,
      ['field.deletionGracePeriodSeconds: Invalid value: 40: field is immutable'],
    ],
    [
      'refuses new finalizers on an object being deleted (TestValidateFinalizersUpdate)',
      { ...base, deletionTimestamp: 't', finalizers: ['x/a', 'y/b'] } as ObjectMeta,
      { ...base, deletionTimestamp: 't', finalizers: ['x/a'] } as ObjectMeta,
      ['field.finalizers: Forbidden: no new finalizers can be added if the object is being deleted, found new finalizers []string{"y/b"}'],
    ],
    [
      'allows removing finalizers from an object being deleted',
      { ...base, deletionTimestamp: 't', finalizers: ['x/a'] } as ObjectMeta,
      { ...base, deletionTimestamp: 't', finalizers: ['x/a', 'y/b'] } as ObjectMeta,
      [],
    ],
    [
      'allows adding finalizers to an object not being deleted',
      { ...base, finalizers: ['x/a', 'y/b'] },
      { ...base, finalizers: ['x/a'] },
      [],
    ],
  ])('%s', (_name, next, prev, errors) => {
    expect(strings(validateObjectMetaUpdate(next, prev, ['field']))).toEqual(errors);
  });
});

describe('validateLabels and validateLabelSelector (meta/v1/validation)', () => {
  it('accepts well-known labels', () => {
    expect(validateLabels({ 'app.kubernetes.io/name': 'web', 'kubernetes.io/hostname': 'node-1', tier: '' }, ['labels'])).toEqual([]);
  });

  it.each<[string, LabelSelector | undefined, string[]]>([
    ['accepts an absent selector', undefined, []],
    ['accepts matchLabels', { matchLabels: { app: 'web' } }, []],
    ['accepts In with values', { matchExpressions: [{ key: 'tier', operator: 'In', values: ['a', 'b'] }] }, []],
    ['accepts Exists without values', { matchExpressions: [{ key: 'tier', operator: 'Exists' }] }, []],
    [
      'requires values for In',
      { matchExpressions: [{ key: 'tier', operator: 'In' }] },
      ["spec.selector.matchExpressions[0].values: Required value: must be specified when `operator` is 'In' or 'NotIn'"],
    ],
    [
      'requires values for NotIn',
      { matchExpressions: [{ key: 'tier', operator: 'NotIn', values: [] }] },
      ["spec.selector.matchExpressions[0].values: Required value: must be specified when `operator` is 'In' or 'NotIn'"],
    ],
    [
      'forbids values for Exists',
      { matchExpressions: [{ key: 'tier', operator: 'Exists', values: ['x'] }] },
      ["spec.selector.matchExpressions[0].values: Forbidden: may not be specified when `operator` is 'Exists' or 'DoesNotExist'"],
    ],
    [
      'forbids values for DoesNotExist',
      { matchExpressions: [{ key: 'tier', operator: 'DoesNotExist', values: ['x'] }] },
      ["spec.selector.matchExpressions[0].values: Forbidden: may not be specified when `operator` is 'Exists' or 'DoesNotExist'"],
    ],
    [
      'rejects an unknown operator',
      { matchExpressions: [{ key: 'tier', operator: 'Gt', values: ['1'] }] },
      ['spec.selector.matchExpressions[0].operator: Invalid value: "Gt": not a valid selector operator'],
    ],
    [
      'rejects an invalid key and an invalid value',
      { matchExpressions: [{ key: '-tier', operator: 'In', values: ['ok', 'not ok'] }] },
      [
        `spec.selector.matchExpressions[0].key: Invalid value: "-tier": ${NAME_PART_MSG}`,
        `spec.selector.matchExpressions[0].values[1]: Invalid value: "not ok": ${LABEL_VALUE_MSG}`,
      ],
    ],
    [
      'rejects an invalid matchLabels value',
      { matchLabels: { app: 'web/1' } },
      [`spec.selector.matchLabels: Invalid value: "web/1": ${LABEL_VALUE_MSG}`],
    ],
  ])('%s', (_name, ls, errors) => {
    expect(strings(validateLabelSelector(ls, ['spec', 'selector']))).toEqual(errors);
  });
});

describe('validateLabels on frozen label maps (shared by the pods of a ReplicaSet)', () => {
  const BAD = 'metadata.labels: Invalid value: "a b": a valid label must be an empty string or consist of alphanumeric characters, \'-\', \'_\' or \'.\', and must start and end with an alphanumeric character (e.g. \'MyValue\',  or \'my_value\',  or \'12345\', regex used for validation is \'(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?\')';

  it('a valid frozen map is valid again', () => {
    const labels = Object.freeze({ app: 'web', 'pod-template-hash': '6d4cf56db6' });
    expect([strings(validateLabels(labels, ['metadata', 'labels'])), strings(validateLabels(labels, ['metadata', 'labels']))]).toEqual([[], []]);
  });

  it('an invalid frozen map is reported, at the path asked, every time', () => {
    const labels = Object.freeze({ app: 'a b' });
    expect(strings(validateLabels(labels, ['metadata', 'labels']))).toEqual([BAD]);
    expect(strings(validateLabels(labels, ['spec', 'nodeSelector']))).toEqual([BAD.replace('metadata.labels', 'spec.nodeSelector')]);
  });

  it('an unfrozen map is checked on every call: it may change in between', () => {
    const labels: Record<string, string> = { app: 'web' };
    expect(strings(validateLabels(labels, ['metadata', 'labels']))).toEqual([]);
    labels.app = 'a b';
    expect(strings(validateLabels(labels, ['metadata', 'labels']))).toEqual([BAD]);
  });
});
