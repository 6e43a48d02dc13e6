import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../api/object';
import { describeConfigMap, describeSecret, describeServiceAccount } from './describeConfig';
import { fakeClient } from './fakeClient';

const text = (...lines: string[]) => lines.map((l) => `${l}\n`).join('');
const meta = { name: 'mycm', namespace: 'foo' };

describe('describeConfigMap', () => {
  it('Data values print under their keys and binary data by size, as TestDescribeConfigMap expects', () => {
    const cm: KubeObject = {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: meta,
      data: { key2: 'value2', key1: 'value1' },
      binaryData: { binarykey1: btoa('\xff\xfe\xfd\xfc\xfb'), binarykey2: btoa('\xff\xfe\xfd\xfc\xfb\xfa') },
    };
    expect(describeConfigMap(cm, { client: fakeClient([cm]), now: 0, showEvents: true })).toBe(
      text(
        'Name:         mycm',
        'Namespace:    foo',
        'Labels:       <none>',
        'Annotations:  <none>',
        '',
        'Data',
        '====',
        'key1:',
        '----',
        'value1',
        '',
        'key2:',
        '----',
        'value2',
        '',
        '',
        'BinaryData',
        '====',
        'binarykey1: 5 bytes',
        'binarykey2: 6 bytes',
        '',
        'Events:  <none>',
      ),
    );
  });
});

describe('describeSecret', () => {
  it.each([
    { name: 'Keys sort alphabetically and only sizes are shown', data: { username: 'YWRtaW4=', password: 'MWYyZDFlMmU2N2Rm' }, keys: ['password', 'username'] },
    { name: 'Uppercase sorts first', data: { text: 'a3ViZXJuZXRlcwo=', Text: 'dGhpcyBpcyBhIHRlc3QK', tExt: 'd2VpcmQgY2FzaW5nCg==' }, keys: ['Text', 'tExt', 'text'] },
    { name: 'Digits sort before letters', data: { key_1: 'c29tZV9zZWNyZXQK', '1_key': 'c29tZV90ZXh0Cg==' }, keys: ['1_key', 'key_1'] },
  ])('$name (describe_test.go TestDescribeSecret)', ({ data, keys }) => {
    // The Go test's values are the raw bytes; stored in JSON they are base64 of those bytes.
    const encoded = Object.fromEntries(Object.entries(data).map(([k, v]) => [k, btoa(v)]));
    const secret: KubeObject = { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'bar', namespace: 'foo' }, data: encoded };
    const head = ['Name:         bar', 'Namespace:    foo', 'Labels:       <none>', 'Annotations:  <none>', '', 'Type:  ', '', 'Data', '===='];
    const width = Math.max(...keys.map((k) => k.length)) + 3;
    expect(describeSecret(secret)).toBe(text(...head, ...keys.map((k) => `${`${k}:`.padEnd(width)}${data[k as keyof typeof data]!.length} bytes`)));
  });

  it('A service account token is shown in full', () => {
    const secret: KubeObject = {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 'sa-token', namespace: 'foo' },
      type: 'kubernetes.io/service-account-token',
      data: { 'ca.crt': btoa('0123456789'), token: btoa('eyJhbGciOi') },
    };
    expect(describeSecret(secret)).toContain(text('Data', '====', 'ca.crt:  10 bytes', 'token:   eyJhbGciOi'));
  });
});

describe('describeServiceAccount', () => {
  it('Image pull secrets are listed one a line, or <none>', () => {
    const sa = (imagePullSecrets: { name: string }[]): KubeObject => ({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'default', namespace: 'foo' }, imagePullSecrets });
    const settings = { client: fakeClient([]), now: 0, showEvents: false };
    expect([describeServiceAccount(sa([]), settings), describeServiceAccount(sa([{ name: 'a' }, { name: 'b' }]), settings)]).toEqual([
      text('Name:                default', 'Namespace:           foo', 'Labels:              <none>', 'Annotations:         <none>', 'Image pull secrets:  <none>'),
      text(
        'Name:                default',
        'Namespace:           foo',
        'Labels:              <none>',
        'Annotations:         <none>',
        'Image pull secrets:  a',
        '                     b',
      ),
    ]);
  });
});
