// Cases after pkg/apis/networking/validation/validation_test.go (TestValidateIngressCreate,
// TestValidateIngressRuleValue, TestValidateIngressClass).
import type { Ingress, IngressClass } from 'kubernetes-types/networking/v1';
import { describe, expect, it } from 'vitest';
import { fieldErrorString } from '../../fieldError';
import { setDefaultsIngressClass, validateIngress, validateIngressClass } from './validation';

const ingress = (mutate: (i: Ingress) => void): string[] => {
  const ing: Ingress = {
    metadata: { name: 'minimal-ingress', namespace: 'default' },
    spec: {
      ingressClassName: 'nginx-example',
      rules: [{ http: { paths: [{ path: '/testpath', pathType: 'Prefix', backend: { service: { name: 'test', port: { number: 80 } } } }] } }],
    },
  };
  mutate(ing);
  return validateIngress(ing).map(fieldErrorString);
};
const path0 = (i: Ingress) => i.spec!.rules![0]!.http!.paths[0]!;

describe('validateIngress', () => {
  it.each<[string, (i: Ingress) => void, string[]]>([
    ['a minimal ingress is valid', () => {}, []],
    ['a wildcard host covers one label', (i) => (i.spec!.rules![0]!.host = '*.foo.com'), []],
    ['a host is a DNS name, not an IP', (i) => (i.spec!.rules![0]!.host = '10.0.0.1'), ['spec.rules[0].host: Invalid value: "10.0.0.1": must be a DNS name, not an IP address']],
    ['a wildcard sits in front only', (i) => (i.spec!.rules![0]!.host = 'foo.*.com'), [
      "spec.rules[0].host: Invalid value: \"foo.*.com\": a wildcard DNS-1123 subdomain must start with '*.', followed by a valid DNS subdomain, which must consist of lower case alphanumeric characters, '-' or '.' and end with an alphanumeric character (e.g. '*.example.com', regex used for validation is '\\*\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
    ]],
    ['a path type is required', (i) => delete (path0(i) as { pathType?: string }).pathType, ['spec.rules[0].http.paths[0].pathType: Required value: pathType must be specified']],
    ['a Prefix path is absolute', (i) => (path0(i).path = 'testpath'), ['spec.rules[0].http.paths[0].path: Invalid value: "testpath": must be an absolute path']],
    ['a backend port has a name or a number', (i) => (path0(i).backend.service!.port = {}), [
      'spec.rules[0].http.paths[0].backend: Required value: port name or number is required',
    ]],
    ['a backend service name is a DNS-1035 label', (i) => (path0(i).backend.service!.name = 'Test'), [
      "spec.rules[0].http.paths[0].backend.service.name: Invalid value: \"Test\": a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')",
    ]],
  ])('%s', (_name, mutate, want) => expect(ingress(mutate)).toEqual(want));

  it('needs rules or a default backend', () => {
    const ing: Ingress = { metadata: { name: 'x', namespace: 'default' }, spec: {} };
    expect(validateIngress(ing).map((e) => [e.path, String(e.badValue), e.detail])).toEqual([
      [['spec'], '[]networking.IngressRule(nil)', 'either `defaultBackend` or `rules` must be specified'],
    ]);
  });
});

describe('IngressClass', () => {
  it('needs a domain-prefixed controller that never changes', () => {
    const ic: IngressClass = { metadata: { name: 'nginx-example' }, spec: { controller: 'k8s.io/ingress-nginx' } };
    expect(validateIngressClass(ic)).toEqual([]);
    expect(validateIngressClass({ ...ic, spec: { controller: 'nginx' } }).map(fieldErrorString)).toEqual([
      'spec.controller: Invalid value: "nginx": must be a domain-prefixed path (such as "acme.io/foo")',
    ]);
    expect(validateIngressClass({ ...ic, spec: { controller: 'example.com/other' } }, ic).map(fieldErrorString)).toEqual([
      'spec.controller: Invalid value: "example.com/other": field is immutable',
    ]);
  });

  it('scopes parameters to the cluster by default', () => {
    const ic: IngressClass = { metadata: { name: 'x' }, spec: { controller: 'a.io/b', parameters: { kind: 'Params', name: 'p' } } };
    setDefaultsIngressClass(ic);
    expect(ic.spec!.parameters!.scope).toBe('Cluster');
  });
});
