import { describe, expect, it } from 'vitest';
import { createCluster } from '../../index';
import { runKubectl } from '../kubectl';
import { contextFor } from '../testContext';
import { explainVerb } from './explain';

const ctx = contextFor(createCluster({ seed: 1, kubelets: false, controllers: false }));
const run = (line: string) => runKubectl(ctx, line, [explainVerb]);

describe('kubectl explain', () => {
  it('a kind prints its group, kind, version, description and fields, each field’s description wrapped at 76', () => {
    expect(run('explain deploy')).toEqual({
      stdout: [
        'GROUP:      apps',
        'KIND:       Deployment',
        'VERSION:    v1',
        '',
        'DESCRIPTION:',
        '    Deployment enables declarative updates for Pods and ReplicaSets.',
        'FIELDS:',
        '  apiVersion\t<string>',
        '    APIVersion defines the versioned schema of this representation of an object.',
        '    Servers should convert recognized schemas to the latest internal value, and',
        '    may reject unrecognized values. More info:',
        '    https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#resources',
        '',
        '  kind\t<string>',
        '    Kind is a string value representing the REST resource this object',
        '    represents. Servers may infer this from the endpoint the client submits',
        '    requests to. Cannot be updated. In CamelCase. More info:',
        '    https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds',
        '',
        '  metadata\t<ObjectMeta>',
        "    Standard object's metadata. More info:",
        '    https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata',
        '',
        '  spec\t<DeploymentSpec>',
        '    Specification of the desired behavior of the Deployment.',
        '',
        '  status\t<DeploymentStatus>',
        '    Most recently observed status of the Deployment.',
        '',
        '',
        '',
      ].join('\n'),
      stderr: '',
      exitCode: 0,
    });
  });

  it('a scalar field prints FIELD with its type and its description', () => {
    expect(run('explain deployment.spec.replicas').stdout).toBe(
      'GROUP:      apps\nKIND:       Deployment\nVERSION:    v1\n\nFIELD: replicas <integer>\n\n\nDESCRIPTION:\n    Number of desired pods. This is a pointer to distinguish between explicit\n    zero and not specified. Defaults to 1.\n\n',
    );
  });

  it('a field of a type joins its own description and the type’s, as the reflowing wrap does', () => {
    expect(run('explain deploy.spec').stdout).toContain(
      'FIELD: spec <DeploymentSpec>\n\n\nDESCRIPTION:\n    Specification of the desired behavior of the Deployment.DeploymentSpec is\n    the specification of the desired behavior of the Deployment.\nFIELDS:\n',
    );
    expect(run('explain deploy.spec').stdout).toContain('  selector\t<LabelSelector> -required-\n');
  });

  it.each([
    ['a map of quantities', 'explain pods.spec.containers.resources.limits', 'FIELD: limits <map[string]Quantity>\n'],
    ['an int-or-string', 'explain svc.spec.ports.targetPort', 'FIELD: targetPort <IntOrString>\n'],
    ['a time is a string', 'explain pod.metadata.creationTimestamp', 'FIELD: creationTimestamp <string>\n'],
    ['a list of objects, through which the path goes on', 'explain po.spec.containers.ports', 'FIELD: ports <[]ContainerPort>\n'],
  ])('%s', (_, line, want) => {
    expect(run(line).stdout).toContain(want);
  });

  it('--recursive lists every nested field, without descriptions', () => {
    expect(run('explain cm --recursive').stdout).toBe(
      [
        'KIND:       ConfigMap',
        'VERSION:    v1',
        '',
        'DESCRIPTION:',
        '    ConfigMap holds configuration data for pods to consume.',
        'FIELDS:',
        '  apiVersion\t<string>',
        '  binaryData\t<map[string]string>',
        '  data\t<map[string]string>',
        '  immutable\t<boolean>',
        '  kind\t<string>',
        '  metadata\t<ObjectMeta>',
        '    annotations\t<map[string]string>',
        '    creationTimestamp\t<string>',
        '    deletionGracePeriodSeconds\t<integer>',
        '    deletionTimestamp\t<string>',
        '    finalizers\t<[]string>',
        '    generateName\t<string>',
        '    generation\t<integer>',
        '    labels\t<map[string]string>',
        '    managedFields\t<[]ManagedFieldsEntry>',
        '      apiVersion\t<string>',
        '      fieldsType\t<string>',
        '      fieldsV1\t<FieldsV1>',
        '      manager\t<string>',
        '      operation\t<string>',
        '      subresource\t<string>',
        '      time\t<string>',
        '    name\t<string>',
        '    namespace\t<string>',
        '    ownerReferences\t<[]OwnerReference>',
        '      apiVersion\t<string> -required-',
        '      blockOwnerDeletion\t<boolean>',
        '      controller\t<boolean>',
        '      kind\t<string> -required-',
        '      name\t<string> -required-',
        '      uid\t<string> -required-',
        '    resourceVersion\t<string>',
        '    selfLink\t<string>',
        '    uid\t<string>',
        '',
        '',
      ].join('\n'),
    );
  });

  it.each([
    ['a missing field is named by the last element of the path', 'explain deploy.spec.foo.bar', '', 'error: field "bar" does not exist\n'],
    ['an unknown type', 'explain widgets', '', 'error: the server doesn\'t have a resource type "widgets"\n'],
    ['another version than the one served', 'explain deploy --api-version=apps/v2', '', 'error: couldn\'t find resource for "apps/v2, Resource=deployments"\n'],
    [
      'no type at all',
      'explain',
      '',
      'You must specify the type of resource to explain. Use "kubectl api-resources" for a complete list of supported resources.\n\nerror: Required resource not specified.\nSee \'kubectl explain -h\' for help and examples\n',
    ],
  ])('%s', (_, line, stdout, stderr) => {
    expect(run(line)).toEqual({ stdout, stderr, exitCode: 1 });
  });
});
