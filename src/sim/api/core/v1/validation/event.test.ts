// Cases after pkg/apis/core/validation/events_test.go TestValidateEventForCoreV1Events, for the metadata checks.
import type { Event } from 'kubernetes-types/core/v1';
import type { ObjectMeta } from 'kubernetes-types/meta/v1';
import { describe, expect, it } from 'vitest';
import { fieldErrorString } from '../../../fieldError';
import { nameIsDNSSubdomain, validateObjectMeta } from '../../../meta/v1/validation';
import { validateEvent } from './event';

const pod = { kind: 'Pod', name: 'web', namespace: 'default' };
const long = `${'a'.repeat(237)}.0123456789abcdef`;

describe('validateEvent metadata', () => {
  const cases: { name: string; metadata: ObjectMeta; want: string[] }[] = [
    { name: 'A recorder Event (name, namespace and server-set fields) is valid', metadata: { name: 'web.18a6f0c2d7e0a1b3', namespace: 'default', uid: 'u', creationTimestamp: '2026-01-01T09:00:00Z' }, want: [] },
    { name: 'A missing name is required', metadata: { namespace: 'default' }, want: ['metadata.name: Required value: name or generateName is required'] },
    {
      name: 'An upper-case name is not a DNS subdomain',
      metadata: { name: 'Web.1', namespace: 'default' },
      want: [
        `metadata.name: Invalid value: "Web.1": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')`,
      ],
    },
    { name: 'A name of 254 characters is too long', metadata: { name: long, namespace: 'default' }, want: [`metadata.name: Invalid value: "${long}": must be no more than 253 characters`] },
    { name: 'A missing namespace is required (and then does not match the pod)', metadata: { name: 'web.1' }, want: ['metadata.namespace: Required value', 'involvedObject.namespace: Invalid value: "default": does not match event.namespace'] },
    {
      name: 'A namespace with dots is not a DNS label, the second time too',
      metadata: { name: 'web.1', namespace: 'team.a' },
      want: ['metadata.namespace: Invalid value: "team.a": must not contain dots', 'involvedObject.namespace: Invalid value: "default": does not match event.namespace'],
    },
    {
      name: 'Labels are still checked',
      metadata: { name: 'web.1', namespace: 'default', labels: { 'a b': 'x' } },
      want: [
        `metadata.labels: Invalid value: "a b": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')`,
      ],
    },
    { name: 'A negative generation is still checked', metadata: { name: 'web.1', namespace: 'default', generation: -1 }, want: ['metadata.generation: Invalid value: -1: must be greater than or equal to 0'] },
  ];
  it.each(cases)('$name', ({ metadata, want }) => {
    const event: Event = { metadata, involvedObject: pod };
    for (let i = 0; i < 2; i++) expect(validateEvent(event).map(fieldErrorString)).toEqual(want);
    // The same errors as validateObjectMeta's, whichever way validateEvent took.
    const metaErrors = validateObjectMeta(metadata, true, nameIsDNSSubdomain, ['metadata']).map(fieldErrorString);
    expect(want.slice(0, metaErrors.length)).toEqual(metaErrors);
  });
});
