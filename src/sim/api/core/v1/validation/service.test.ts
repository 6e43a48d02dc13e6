// Cases after pkg/apis/core/validation/validation_test.go TestValidateServiceCreate and TestValidateServiceUpdate.
import type { Service } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { fieldErrorString, pathString, type PathSegment } from '../../../fieldError';
import { setDefaultsService } from '../defaults';
import { validateService, validateServiceUpdate } from './service';

function service(mutate: (svc: Service) => void): Service {
  const svc: Service = { metadata: { name: 'web', namespace: 'default' }, spec: { selector: { app: 'web' }, ports: [{ port: 80 }] } };
  mutate(svc);
  setDefaultsService(svc);
  return svc;
}
const errors = (mutate: (svc: Service) => void): string[] => validateService(service(mutate)).map(fieldErrorString);

describe('validateService', () => {
  it.each<[string, (svc: Service) => void, string[]]>([
    ['a ClusterIP service with one port is fine', () => {}, []],
    ['a service name is a DNS-1035 label', (s) => (s.metadata!.name = '1web'), [
      "metadata.name: Invalid value: \"1web\": a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')",
    ]],
    ['a service needs ports', (s) => (s.spec!.ports = []), ['spec.ports: Required value']],
    ['a headless service may have no ports', (s) => Object.assign(s.spec!, { ports: [], clusterIP: 'None' }), []],
    ['the port is 1-65535, and so is the targetPort it defaults', (s) => (s.spec!.ports = [{ port: 0 }]), [
      'spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive',
      'spec.ports[0].targetPort: Invalid value: 0: must be between 1 and 65535, inclusive',
    ]],
    ['several ports need names', (s) => (s.spec!.ports = [{ port: 80 }, { port: 443, name: 'https' }]), ['spec.ports[0].name: Required value']],
    ['port names are unique', (s) => (s.spec!.ports = [{ port: 80, name: 'web' }, { port: 443, name: 'web' }]), ['spec.ports[1].name: Duplicate value: "web"']],
    ['the type is one of four', (s) => (s.spec!.type = 'Internal'), [
      'spec.type: Unsupported value: "Internal": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"',
    ]],
    ['a ClusterIP service has no node ports', (s) => (s.spec!.ports = [{ port: 80, nodePort: 30080 }]), [
      "spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'",
    ]],
    ['a NodePort service cannot be headless', (s) => Object.assign(s.spec!, { type: 'NodePort', clusterIP: 'None' }), [
      "spec.clusterIPs[0]: Invalid value: \"None\": may not be set to 'None' for NodePort services",
    ]],
    ['an ExternalName service needs a name to point at', (s) => (s.spec!.type = 'ExternalName'), ['spec.externalName: Required value']],
    ['a targetPort name is a port name', (s) => (s.spec!.ports = [{ port: 80, targetPort: 'web_port' }]), [
      'spec.ports[0].targetPort: Invalid value: "web_port": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)',
    ]],
    ['externalTrafficPolicy is only for externally reachable services', (s) => (s.spec!.externalTrafficPolicy = 'Local'), [
      'spec.externalTrafficPolicy: Invalid value: "Local": may only be set for externally-accessible services',
    ]],
    ['the selector holds label values', (s) => (s.spec!.selector = { app: 'web app' }), [
      "spec.selector: Invalid value: \"web app\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')",
    ]],
  ])('%s', (_name, mutate, want) => expect(errors(mutate)).toEqual(want));

  it('reports a repeated (protocol, port) with the Go struct upstream prints', () => {
    const errs = validateService(service((s) => (s.spec!.ports = [{ port: 80, name: 'a' }, { port: 80, name: 'b' }])));
    expect(errs.map((e) => [e.type, e.path, String(e.badValue)])).toEqual([
      ['FieldValueDuplicate', ['spec', 'ports', 1], 'core.ServicePort{Name:"", Protocol:"TCP", AppProtocol:(*string)(nil), Port:80, TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:""}, NodePort:0}'],
    ]);
  });
});

describe('validateServiceUpdate', () => {
  it('keeps an allocated cluster IP', () => {
    const old = service((s) => (s.spec!.clusterIP = '10.96.0.20'));
    const next = service((s) => (s.spec!.clusterIP = '10.96.0.21'));
    expect(validateServiceUpdate(next, old).map((e) => [pathOf(e.path), String(e.badValue), e.detail])).toEqual([
      ['spec.clusterIPs[0]', '[]string{"10.96.0.21"}', 'may not change once set'],
    ]);
  });

  it('lets an unallocated service receive its cluster IP', () => {
    const old = service(() => {});
    const next = service((s) => (s.spec!.clusterIP = '10.96.0.20'));
    expect(validateServiceUpdate(next, old)).toEqual([]);
  });
});

function pathOf(path: PathSegment[]): string {
  return pathString(path);
}
