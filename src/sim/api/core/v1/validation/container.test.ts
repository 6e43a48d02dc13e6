// Cases after pkg/apis/core/validation/validation_test.go TestValidateContainers, TestValidatePorts,
// TestValidateEnv, TestValidateVolumeMounts and TestValidateProbe / TestValidateHandler.
import type { Container, Pod } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { fieldErrorString } from '../../../fieldError';
import { deepFreeze } from '../../../../store/deepFreeze';
import { validateContainers } from './container';
import { podCreateErrors } from './testPods';

const LABEL_MSG =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";

const c0 = (pod: Pod) => pod.spec!.containers[0]!;

describe('containers', () => {
  it.each<[string, (pod: Pod) => void, string[]]>([
    ['a valid pod has no errors', () => {}, []],
    ['a pod needs at least one container', (p) => (p.spec!.containers = []), ['spec.containers: Required value']],
    ['a container needs an image', (p) => delete c0(p).image, ['spec.containers[0].image: Required value']],
    ['a container needs a name', (p) => (c0(p).name = ''), ['spec.containers[0].name: Required value']],
    ['a container name is a DNS-1123 label', (p) => (c0(p).name = 'Web_1'), [
      'spec.containers[0].name: Invalid value: "Web_1": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or \'-\', and must start and end with an alphanumeric character (e.g. \'my-name\',  or \'123-abc\', regex used for validation is \'[a-z0-9]([-a-z0-9]*[a-z0-9])?\')',
    ]],
    ['container names are unique', (p) => p.spec!.containers.push({ name: 'web', image: 'busybox' }), ['spec.containers[1].name: Duplicate value: "web"']],
    ['init container names may not repeat app container names', (p) => (p.spec!.initContainers = [{ name: 'web', image: 'busybox' }]), [
      'spec.initContainers[0].name: Duplicate value: "web"',
    ]],
    ['an image may not have surrounding spaces on a pod', (p) => (c0(p).image = ' nginx'), [
      'spec.containers[0].image: Invalid value: " nginx": must not have leading or trailing whitespace',
    ]],
    ['the pull policy is one of three', (p) => (c0(p).imagePullPolicy = 'Sometimes'), [
      'spec.containers[0].imagePullPolicy: Unsupported value: "Sometimes": supported values: "Always", "IfNotPresent", "Never"',
    ]],
    ['app containers may not set restartPolicy', (p) => (c0(p).restartPolicy = 'Always'), [
      'spec.containers[0].restartPolicy: Forbidden: may not be set for non-init containers',
    ]],
  ])('%s', (_name, mutate, want) => expect(podCreateErrors(mutate)).toEqual(want));
});

describe('ports', () => {
  it.each<[string, (pod: Pod) => void, string[]]>([
    ['a port needs a number', (p) => (c0(p).ports = [{ containerPort: 0 }]), ['spec.containers[0].ports[0].containerPort: Required value']],
    ['a port number is at most 65535', (p) => (c0(p).ports = [{ containerPort: 70000 }]), [
      'spec.containers[0].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive',
    ]],
    ['named ports are unique', (p) => (c0(p).ports = [{ name: 'http', containerPort: 80 }, { name: 'http', containerPort: 8080 }]), [
      'spec.containers[0].ports[1].name: Duplicate value: "http"',
    ]],
    ['a port name is an IANA service name', (p) => (c0(p).ports = [{ name: 'http_1', containerPort: 80 }]), [
      'spec.containers[0].ports[0].name: Invalid value: "http_1": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)',
    ]],
    ['the protocol is TCP, UDP or SCTP', (p) => (c0(p).ports = [{ containerPort: 80, protocol: 'HTTP' }]), [
      'spec.containers[0].ports[0].protocol: Unsupported value: "HTTP": supported values: "SCTP", "TCP", "UDP"',
    ]],
    ['host ports may not collide', (p) => p.spec!.containers.push({ name: 'b', image: 'x', ports: [{ containerPort: 81, hostPort: 8080 }] }) && (c0(p).ports = [{ containerPort: 80, hostPort: 8080 }]), [
      'spec.containers[1].ports[0].hostPort: Duplicate value: "TCP//8080"',
    ]],
  ])('%s', (_name, mutate, want) => expect(podCreateErrors(mutate)).toEqual(want));
});

describe('env and volume mounts', () => {
  it.each<[string, (pod: Pod) => void, string[]]>([
    ['an env var needs a name', (p) => (c0(p).env = [{ name: '', value: 'x' }]), ['spec.containers[0].env[0].name: Required value']],
    ['env names may not contain =', (p) => (c0(p).env = [{ name: 'A=B' }]), [
      'spec.containers[0].env[0].name: Invalid value: "A=B": a valid environment variable name must consist only of printable ASCII characters other than \'=\'',
    ]],
    ['value and valueFrom exclude each other', (p) => (c0(p).env = [{ name: 'A', value: 'x', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } }]), [
      'spec.containers[0].env[0].valueFrom: Invalid value: "": may not be specified when `value` is not empty',
    ]],
    ['fieldRef paths are the supported ones', (p) => (c0(p).env = [{ name: 'A', valueFrom: { fieldRef: { fieldPath: 'spec.hostname' } } }]), [
      'spec.containers[0].env[0].valueFrom.fieldRef.fieldPath: Unsupported value: "spec.hostname": supported values: "metadata.name", "metadata.namespace", "metadata.uid", "spec.nodeName", "spec.serviceAccountName", "status.hostIP", "status.hostIPs", "status.podIP", "status.podIPs"',
    ]],
    ['a mount names a volume of the pod', (p) => (c0(p).volumeMounts = [{ name: 'data', mountPath: '/data' }]), [
      'spec.containers[0].volumeMounts[0].name: Not found: "data"',
    ]],
    ['mount paths are unique', (p) => {
      p.spec!.volumes = [{ name: 'a', emptyDir: {} }, { name: 'b', emptyDir: {} }];
      c0(p).volumeMounts = [{ name: 'a', mountPath: '/data' }, { name: 'b', mountPath: '/data' }];
    }, ['spec.containers[0].volumeMounts[1].mountPath: Invalid value: "/data": must be unique']],
    ['a volume has one source', (p) => (p.spec!.volumes = [{ name: 'a', emptyDir: {}, hostPath: { path: '/tmp' } }]), [
      'spec.volumes[0].hostPath: Forbidden: may not specify more than 1 volume type',
    ]],
    ['volume names are unique', (p) => (p.spec!.volumes = [{ name: 'a', emptyDir: {} }, { name: 'a', emptyDir: {} }]), [
      'spec.volumes[1].name: Duplicate value: "a"',
    ]],
  ])('%s', (_name, mutate, want) => expect(podCreateErrors(mutate)).toEqual(want));
});

describe('probes and hooks', () => {
  it.each<[string, (pod: Pod) => void, string[]]>([
    ['a probe needs a handler', (p) => (c0(p).readinessProbe = {}), ['spec.containers[0].readinessProbe: Required value: must specify a handler type']],
    ['a probe has only one handler', (p) => (c0(p).livenessProbe = { exec: { command: ['true'] }, tcpSocket: { port: 80 } }), [
      'spec.containers[0].livenessProbe.tcpSocket: Forbidden: may not specify more than 1 handler type',
    ]],
    ['a liveness probe succeeds after one success', (p) => (c0(p).livenessProbe = { tcpSocket: { port: 80 }, successThreshold: 2 }), [
      'spec.containers[0].livenessProbe.successThreshold: Invalid value: 2: must be 1',
    ]],
    ['a startup probe succeeds after one success', (p) => (c0(p).startupProbe = { tcpSocket: { port: 80 }, successThreshold: 3 }), [
      'spec.containers[0].startupProbe.successThreshold: Invalid value: 3: must be 1',
    ]],
    ['a readiness probe may need several successes', (p) => (c0(p).readinessProbe = { tcpSocket: { port: 80 }, successThreshold: 3 }), []],
    ['probe timings are not negative', (p) => (c0(p).readinessProbe = { tcpSocket: { port: 80 }, initialDelaySeconds: -5 }), [
      'spec.containers[0].readinessProbe.initialDelaySeconds: Invalid value: -5: must be greater than or equal to 0',
    ]],
    ['an exec probe needs a command', (p) => (c0(p).livenessProbe = { exec: {} }), ['spec.containers[0].livenessProbe.exec.command: Required value']],
    ['an HTTP probe port is a number or a port name', (p) => (c0(p).livenessProbe = { httpGet: { port: 'HTTP' } }), [
      'spec.containers[0].livenessProbe.httpGet.port: Invalid value: "HTTP": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)',
      'spec.containers[0].livenessProbe.httpGet.port: Invalid value: "HTTP": must contain at least one letter (a-z)',
    ]],
    ['a readiness probe has no termination grace period', (p) => (c0(p).readinessProbe = { tcpSocket: { port: 80 }, terminationGracePeriodSeconds: 5 }), [
      'spec.containers[0].readinessProbe.terminationGracePeriodSeconds: Invalid value: 5: must not be set for readinessProbes',
    ]],
    ['init containers have no probes unless restartable', (p) => (p.spec!.initContainers = [{ name: 'init', image: 'x', livenessProbe: { tcpSocket: { port: 80 } } }]), [
      'spec.initContainers[0].livenessProbe: Forbidden: may not be set for init containers without restartPolicy=Always',
    ]],
    ['a sidecar (restartable init container) may have probes', (p) => (p.spec!.initContainers = [{ name: 'proxy', image: 'x', restartPolicy: 'Always', livenessProbe: { tcpSocket: { port: 80 } } }]), []],
    ['a preStop sleep must fit in the grace period', (p) => (c0(p).lifecycle = { preStop: { sleep: { seconds: 60 } } }), [
      'spec.containers[0].lifecycle.preStop.sleep: Invalid value: 60: must be non-negative and less than terminationGracePeriodSeconds (30)',
    ]],
  ])('%s', (_name, mutate, want) => expect(podCreateErrors(mutate)).toEqual(want));
});

describe('frozen container lists (shared by the pods of a ReplicaSet) are checked once per volumes and grace period', () => {
  const mounting = (): Container[] => [{ name: 'web', image: 'nginx', imagePullPolicy: 'Always', terminationMessagePolicy: 'File', volumeMounts: [{ name: 'data', mountPath: '/data' }] }];
  const errors = (containers: Container[], volumes: string[]) => validateContainers(containers, new Set(volumes), 30, ['spec', 'containers']).map(fieldErrorString);

  it('a valid frozen list stays valid only where its volumes exist: a known-good list is not trusted elsewhere', () => {
    const list = deepFreeze(mounting());
    expect(errors(list, ['data'])).toEqual([]);
    expect(errors(list, ['data'])).toEqual([]);
    expect(errors(list, [])).toEqual(['spec.containers[0].volumeMounts[0].name: Not found: "data"']);
    expect(errors(list, ['data', 'logs'])).toEqual([]);
  });

  it('an invalid frozen list reports its errors, at the path asked, every time', () => {
    const list = deepFreeze([{ name: 'Web', image: 'nginx', imagePullPolicy: 'Always', terminationMessagePolicy: 'File' }]);
    const message = (path: string) => `${path}: Invalid value: "Web": ${LABEL_MSG}`;
    expect(errors(list, [])).toEqual([message('spec.containers[0].name')]);
    expect(validateContainers(list, new Set(), 30, ['spec', 'template', 'spec', 'containers']).map(fieldErrorString)).toEqual([
      message('spec.template.spec.containers[0].name'),
    ]);
  });
});
