// Cases after pkg/apis/core/validation/validation_test.go TestValidateNamespace, TestValidateNode,
// TestValidateReplicationController, TestValidateConfigMap, TestValidateSecret, TestValidateEndpoints,
// TestValidatePersistentVolumeClaim and events_test.go TestValidateEventForCoreV1Events.
import type { Event, Namespace, Node, PersistentVolumeClaim, ReplicationController, Secret } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { fieldErrorString } from '../../../fieldError';
import { setDefaultsPersistentVolumeClaim, setDefaultsReplicationController, setDefaultsSecret } from '../defaults';
import { validateConfigMap, validateSecret, validateSecretUpdate } from './configAndSecret';
import { validateEndpoints } from './endpoints';
import { validateEvent } from './event';
import { validateNamespace } from './namespace';
import { validateNode, validateNodeUpdate } from './node';
import { validatePersistentVolumeClaim, validatePersistentVolumeClaimUpdate } from './persistentVolumeClaim';
import { validateReplicationController } from './replicationController';

const strings = (errs: Parameters<typeof fieldErrorString>[0][]): string[] => errs.map(fieldErrorString);

describe('validateNamespace', () => {
  it.each<[string, Namespace, string[]]>([
    ['a DNS-1123 label name with the kubernetes finalizer is fine', { metadata: { name: 'team-a' }, spec: { finalizers: ['kubernetes'] } }, []],
    ['a namespace name may not contain dots', { metadata: { name: 'team.a' } }, ['metadata.name: Invalid value: "team.a": must not contain dots']],
    ['an unprefixed finalizer must be a standard one', { metadata: { name: 'a' }, spec: { finalizers: ['cleanup'] } }, [
      'spec.finalizers: Invalid value: "cleanup": name is neither a standard finalizer name nor is it fully qualified',
    ]],
  ])('%s', (_name, ns, want) => expect(strings(validateNamespace(ns))).toEqual(want));
});

describe('validateNode', () => {
  it('reports taint errors under metadata.taints, as upstream does', () => {
    const node: Node = {
      metadata: { name: 'node-1' },
      spec: { taints: [{ key: 'dedicated', value: 'gpu', effect: 'NoSchedule' }, { key: 'dedicated', value: 'ml', effect: 'NoSchedule' }, { key: 'a', effect: '' }] },
    };
    const errs = validateNode(node);
    expect(errs.map((e) => [fieldErrorString({ ...e, badValue: undefined, detail: undefined }).split(':')[0], e.type, e.detail, String(e.badValue)])).toEqual([
      ['metadata.taints[1]', 'FieldValueDuplicate', 'taints must be unique by key and effect pair', 'core.Taint{Key:"dedicated", Value:"ml", Effect:"NoSchedule", TimeAdded:(*v1.Time)(nil)}'],
      ['metadata.taints[2].effect', 'FieldValueRequired', undefined, 'undefined'],
    ]);
  });

  it('lets podCIDRs be set once but not changed', () => {
    const old: Node = { metadata: { name: 'node-1' }, spec: { podCIDRs: ['10.244.0.0/24'] } };
    const next: Node = { metadata: { name: 'node-1' }, spec: { podCIDRs: ['10.244.1.0/24'] } };
    expect(strings(validateNodeUpdate(next, old))).toEqual(['spec.podCIDRs: Forbidden: node updates may not change podCIDR except from "" to valid']);
    expect(strings(validateNodeUpdate(old, { metadata: { name: 'node-1' } }))).toEqual([]);
  });
});

describe('validateReplicationController', () => {
  const rc = (mutate: (rc: ReplicationController) => void): string[] => {
    const obj: ReplicationController = {
      metadata: { name: 'nginx', namespace: 'default' },
      spec: { replicas: 3, template: { metadata: { labels: { app: 'nginx' } }, spec: { containers: [{ name: 'nginx', image: 'nginx' }] } } },
    };
    mutate(obj);
    setDefaultsReplicationController(obj);
    return strings(validateReplicationController(obj));
  };
  it.each<[string, (rc: ReplicationController) => void, string[]]>([
    ['the selector defaults from the template', () => {}, []],
    ['replicas are not negative', (r) => (r.spec!.replicas = -1), ['spec.replicas: Invalid value: -1: must be greater than or equal to 0']],
    ['pods of a controller restart Always', (r) => (r.spec!.template!.spec!.restartPolicy = 'OnFailure'), [
      'spec.template.spec.restartPolicy: Unsupported value: "OnFailure": supported values: "Always"',
    ]],
  ])('%s', (_name, mutate, want) => expect(rc(mutate)).toEqual(want));

  it('reports a selector that misses the template labels with the labels as a Go map', () => {
    const obj: ReplicationController = {
      metadata: { name: 'nginx', namespace: 'default' },
      spec: { selector: { app: 'web' }, template: { metadata: { labels: { app: 'nginx' } }, spec: { containers: [{ name: 'nginx', image: 'nginx' }] } } },
    };
    setDefaultsReplicationController(obj);
    expect(validateReplicationController(obj).map((e) => [e.path, String(e.badValue), e.detail])).toEqual([
      [['spec', 'template', 'metadata', 'labels'], 'map[string]string{"app":"nginx"}', '`selector` does not match template `labels`'],
    ]);
  });
});

describe('ConfigMaps and Secrets', () => {
  it('rejects a config key with a slash', () => {
    const errs = validateConfigMap({ metadata: { name: 'cfg', namespace: 'default' }, data: { 'a/b': 'x' } });
    expect(errs.map((e) => [e.path, e.detail])).toEqual([
      [['data', { key: 'a/b' }], "a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')"],
    ]);
  });

  it('requires tls.crt and tls.key in a TLS secret', () => {
    const secret: Secret = { metadata: { name: 's', namespace: 'default' }, type: 'kubernetes.io/tls', data: { 'tls.crt': 'YQ==' } };
    expect(validateSecret(secret).map((e) => [e.type, e.path])).toEqual([['FieldValueRequired', ['data', { key: 'tls.key' }]]]);
  });

  it('keeps a secret type once created', () => {
    const old: Secret = { metadata: { name: 's', namespace: 'default' } };
    setDefaultsSecret(old);
    const next: Secret = { ...old, type: 'kubernetes.io/basic-auth', data: { username: 'YQ==' } };
    expect(strings(validateSecretUpdate(next, old))).toEqual(['type: Invalid value: "kubernetes.io/basic-auth": field is immutable']);
  });
});

describe('validateEndpoints', () => {
  it('needs addresses in every subset and real pod addresses', () => {
    const errs = validateEndpoints({
      metadata: { name: 'web', namespace: 'default' },
      subsets: [{ ports: [{ port: 80, protocol: 'TCP' }] }, { addresses: [{ ip: '127.0.0.1' }], ports: [{ port: 80, protocol: 'TCP' }] }],
    });
    expect(strings(errs)).toEqual([
      'subsets[0]: Required value: must specify `addresses` or `notReadyAddresses`',
      'subsets[1].addresses[0].ip: Invalid value: "127.0.0.1": may not be in the loopback range (127.0.0.0/8, ::1/128)',
    ]);
  });
});

describe('validateEvent', () => {
  it('keeps an event in its object namespace', () => {
    const event: Event = { metadata: { name: 'web.1', namespace: 'default' }, involvedObject: { kind: 'Pod', name: 'web', namespace: 'prod' } };
    expect(strings(validateEvent(event))).toEqual(['involvedObject.namespace: Invalid value: "prod": does not match event.namespace']);
  });

  it('allows events about cluster-scoped objects in default', () => {
    const event: Event = { metadata: { name: 'node-1.1', namespace: 'default' }, involvedObject: { kind: 'Node', name: 'node-1' } };
    expect(validateEvent(event)).toEqual([]);
  });
});

describe('validatePersistentVolumeClaim', () => {
  const pvc = (spec: PersistentVolumeClaim['spec']): PersistentVolumeClaim => {
    const obj: PersistentVolumeClaim = { metadata: { name: 'data', namespace: 'default' }, spec };
    setDefaultsPersistentVolumeClaim(obj);
    return obj;
  };
  it('needs an access mode and a storage request', () => {
    expect(validatePersistentVolumeClaim(pvc({})).map((e) => [e.type, e.path, e.detail])).toEqual([
      ['FieldValueRequired', ['spec', 'accessModes'], 'at least 1 access mode is required'],
      ['FieldValueRequired', ['spec', 'resources', { key: 'storage' }], undefined],
    ]);
  });

  it('lets the binder fill in volumeName but not change the access modes', () => {
    const old = pvc({ accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } });
    expect(validatePersistentVolumeClaimUpdate({ ...old, spec: { ...old.spec, volumeName: 'pv-1' } }, old)).toEqual([]);
    expect(strings(validatePersistentVolumeClaimUpdate({ ...old, spec: { ...old.spec, accessModes: ['ReadWriteMany'] } }, old))).toEqual([
      'spec: Forbidden: spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims',
    ]);
  });
});
