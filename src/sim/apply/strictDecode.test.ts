import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import { strictDecode } from './strictDecode';

const MANIFESTS = new URL('../../../../shared/manifests/', import.meta.url);
const MALFORMED = 'website__pods-pod-with-node-affinity.yaml';
const QUANTITY_FORMAT =
  "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";

function decodeYaml(text: string) {
  const obj = parse(text) as { apiVersion: string; kind: string };
  return strictDecode(obj, obj.apiVersion, obj.kind);
}

const POD = `apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  containers:
  - name: web
    image: nginx
`;

describe('strictDecode', () => {
  it('rejects the corpus pod whose required node affinity is a list, as the API server does', () => {
    const obj = parse(readFileSync(new URL(MALFORMED, MANIFESTS), 'utf8')) as unknown;
    expect(strictDecode(obj, 'v1', 'Pod')).toEqual({
      message: 'Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal array into Go struct field '
        + 'NodeAffinity.spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution of type v1.NodeSelector',
      problems: [{
        path: ['spec', 'affinity', 'nodeAffinity', 'requiredDuringSchedulingIgnoredDuringExecution'],
        message: 'json: cannot unmarshal array into Go struct field '
          + 'NodeAffinity.spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution of type v1.NodeSelector',
      }],
    });
  });

  const cases: { name: string; yaml: string; message: string; paths: (string | number)[][] }[] = [
    {
      name: 'An unknown field under spec is a strict decoding error naming its dotted path',
      yaml: 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec: {foo: 1}\n',
      message: 'Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "spec.foo"',
      paths: [['spec', 'foo']],
    },
    {
      name: 'Several unknown fields are listed comma-separated in key order, with list indexes in brackets',
      yaml: `${POD}    imagePullPolicyy: Always\n  restartPolicyy: Never\nfoo: bar\n`,
      message: 'Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "foo", '
        + 'unknown field "spec.containers[0].imagePullPolicyy", unknown field "spec.restartPolicyy"',
      paths: [['foo'], ['spec', 'containers', 0, 'imagePullPolicyy'], ['spec', 'restartPolicyy']],
    },
    {
      name: 'A string where an int32 is required names the Go struct, the field path and the Go type',
      yaml: 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec: {replicas: "3"}\n',
      message: 'Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal string into Go '
        + 'struct field DeploymentSpec.spec.replicas of type int32',
      paths: [['spec', 'replicas']],
    },
    {
      name: 'A fractional number where an int32 is required is quoted with its literal',
      yaml: 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec: {replicas: 1.5}\n',
      message: 'Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal number 1.5 into Go '
        + 'struct field DeploymentSpec.spec.replicas of type int32',
      paths: [['spec', 'replicas']],
    },
    {
      name: 'A number as an env value leaves the list indexes out of the Go field path',
      yaml: 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  template:\n    spec:\n'
        + '      containers:\n      - name: web\n        env:\n        - {name: PORT, value: 8080}\n',
      message: 'Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal number into Go '
        + 'struct field EnvVar.spec.template.spec.containers.env.value of type string',
      paths: [['spec', 'template', 'spec', 'containers', 0, 'env', 0, 'value']],
    },
    {
      name: 'A number as a label value names the map field, not the label key',
      yaml: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n  labels: {version: 1.5}\n',
      message: 'ConfigMap in version "v1" cannot be handled as a ConfigMap: json: cannot unmarshal number into Go '
        + 'struct field ObjectMeta.metadata.labels of type string',
      paths: [['metadata', 'labels', 'version']],
    },
    {
      name: 'An int-or-string given a bool reports the int32 that IntOrString decodes into',
      yaml: 'apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  ports:\n  - {port: 80, targetPort: true}\n',
      message: 'Service in version "v1" cannot be handled as a Service: json: cannot unmarshal bool into Go struct '
        + 'field ServicePort.spec.ports.targetPort of type int32',
      paths: [['spec', 'ports', 0, 'targetPort']],
    },
    {
      name: 'A Quantity given an object fails the quantity regular expression',
      yaml: `${POD}    resources:\n      limits: {cpu: {cores: 1}}\n`,
      message: `Pod in version "v1" cannot be handled as a Pod: ${QUANTITY_FORMAT}`,
      paths: [['spec', 'containers', 0, 'resources', 'limits', 'cpu']],
    },
    {
      name: 'A Quantity with an unknown suffix reports the suffix error',
      yaml: `${POD}    resources:\n      requests: {memory: 1kk}\n`,
      message: 'Pod in version "v1" cannot be handled as a Pod: unable to parse quantity\'s suffix',
      paths: [['spec', 'containers', 0, 'resources', 'requests', 'memory']],
    },
    {
      name: 'A named string type is printed with its Go package',
      yaml: `${POD}    ports:\n    - {containerPort: 80, protocol: 6}\n`,
      message: 'Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal number into Go struct field '
        + 'ContainerPort.spec.containers.ports.protocol of type v1.Protocol',
      paths: [['spec', 'containers', 0, 'ports', 0, 'protocol']],
    },
    {
      name: 'A field of an inline-embedded struct carries the embedded type name in its Go path',
      yaml: `${POD}  volumes:\n  - {name: scratch, emptyDir: []}\n`,
      message: 'Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal array into Go struct field '
        + 'Volume.spec.volumes.VolumeSource.emptyDir of type v1.EmptyDirVolumeSource',
      paths: [['spec', 'volumes', 0, 'emptyDir']],
    },
    {
      name: 'An autoscaling/v2 type is printed with the v2 package',
      yaml: 'apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: {name: web}\nspec:\n'
        + '  maxReplicas: 3\n  metrics:\n  - {type: 5}\n',
      message: 'HorizontalPodAutoscaler in version "v2" cannot be handled as a HorizontalPodAutoscaler: json: cannot '
        + 'unmarshal number into Go struct field MetricSpec.spec.metrics.type of type v2.MetricSourceType',
      paths: [['spec', 'metrics', 0, 'type']],
    },
    {
      name: 'A string where the whole spec object belongs names the kind struct',
      yaml: 'apiVersion: v1\nkind: Pod\nmetadata: {name: web}\nspec: nginx\n',
      message: 'Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal string into Go struct field '
        + 'Pod.spec of type v1.PodSpec',
      paths: [['spec']],
    },
    {
      name: 'Secret data that is not base64 fails with the byte offset Go reports',
      yaml: 'apiVersion: v1\nkind: Secret\nmetadata: {name: creds}\ndata: {password: hello}\n',
      message: 'Secret in version "v1" cannot be handled as a Secret: illegal base64 data at input byte 4',
      paths: [['data', 'password']],
    },
    {
      name: 'A timestamp that is not RFC 3339 fails with the time.Parse error',
      yaml: 'apiVersion: v1\nkind: Namespace\nmetadata: {name: dev, creationTimestamp: yesterday}\n',
      message: 'Namespace in version "v1" cannot be handled as a Namespace: parsing time "yesterday" as '
        + '"2006-01-02T15:04:05Z07:00": cannot parse "yesterday" as "2006"',
      paths: [['metadata', 'creationTimestamp']],
    },
    {
      name: 'A type error hides the unknown fields, because only strictness errors are collected',
      yaml: 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec: {bogus: 1, replicas: "3"}\n',
      message: 'Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal string into Go '
        + 'struct field DeploymentSpec.spec.replicas of type int32',
      paths: [['spec', 'replicas']],
    },
    {
      name: 'The first of two type errors in key order is reported',
      yaml: 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec: {replicas: "3", paused: "yes"}\n',
      message: 'Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal string into Go '
        + 'struct field DeploymentSpec.spec.paused of type bool',
      paths: [['spec', 'paused']],
    },
    {
      name: 'A Quantity error wins over an earlier type error, because Go aborts on an unmarshaler error',
      yaml: `${POD}    imagePullPolicy: 5\n    resources:\n      limits: {cpu: lots}\n`,
      message: `Pod in version "v1" cannot be handled as a Pod: ${QUANTITY_FORMAT}`,
      paths: [['spec', 'containers', 0, 'resources', 'limits', 'cpu']],
    },
  ];

  it.each(cases)('$name', ({ yaml, message, paths }) => {
    const result = decodeYaml(yaml);
    expect(result.message).toBe(message);
    expect(result.problems.map((p) => p.path)).toEqual(paths);
  });

  const accepted: { name: string; obj: unknown; apiVersion: string; kind: string }[] = [
    {
      name: 'A kind without a structure is accepted as it is',
      obj: { apiVersion: 'example.com/v1', kind: 'Widget', spec: { anything: [1, 'two'] } },
      apiVersion: 'example.com/v1',
      kind: 'Widget',
    },
    {
      name: 'An apps/v1beta1 Deployment has no structure here and is left to later checks',
      obj: { apiVersion: 'apps/v1beta1', kind: 'Deployment', spec: { replicas: 'three' } },
      apiVersion: 'apps/v1beta1',
      kind: 'Deployment',
    },
    {
      name: 'Nulls, numeric quantities, int-or-string names and valid timestamps and base64 all decode',
      obj: {
        apiVersion: 'v1', kind: 'Pod',
        metadata: { name: 'web', creationTimestamp: null, labels: null },
        spec: {
          containers: [{
            name: 'web', image: 'nginx', resources: { limits: { cpu: 0.5, memory: '128Mi' }, requests: null },
            livenessProbe: { httpGet: { port: 'http' }, initialDelaySeconds: 5 },
          }],
          tolerations: [{ key: 'k', operator: 'Exists', tolerationSeconds: 3600 }],
        },
        status: { startTime: '2024-05-01T10:00:00Z' },
      },
      apiVersion: 'v1',
      kind: 'Pod',
    },
  ];

  it.each(accepted)('$name', ({ obj, apiVersion, kind }) => {
    expect(strictDecode(obj, apiVersion, kind)).toEqual({ problems: [] });
  });

  const corpus = readdirSync(MANIFESTS).filter((f) => f.endsWith('.yaml') && f !== MALFORMED).sort();

  it.each(corpus)('Every document of the corpus file %s decodes without problems', (file) => {
    const docs = parseAllDocuments(readFileSync(new URL(file, MANIFESTS), 'utf8'));
    const objects = docs.map((doc) => doc.toJS() as { apiVersion: string; kind: string } | null)
      .filter((obj) => obj !== null);
    expect(objects.length).toBeGreaterThan(0);
    for (const obj of objects) expect(strictDecode(obj, obj.apiVersion, obj.kind)).toEqual({ problems: [] });
  });
});
