// Cases after pkg/apis/core/validation/validation_test.go TestValidatePodSpec, TestValidateTolerations,
// TestValidateAffinity, TestValidateTopologySpreadConstraints and TestValidatePodUpdate.
import type { Pod } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { fieldErrorString } from '../../../fieldError';
import { setDefaultsPod } from '../defaults';
import { validatePodUpdate } from './podSpec';
import { podCreateErrors, validPod } from './testPods';

describe('pod spec', () => {
  it.each<[string, (pod: Pod) => void, string[]]>([
    ['restartPolicy is Always, OnFailure or Never', (p) => (p.spec!.restartPolicy = 'Sometimes'), [
      'spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"',
    ]],
    ['dnsPolicy is one of four', (p) => (p.spec!.dnsPolicy = 'Cluster'), [
      'spec.dnsPolicy: Unsupported value: "Cluster": supported values: "ClusterFirstWithHostNet", "ClusterFirst", "Default", "None"',
    ]],
    ['dnsPolicy None needs a dnsConfig', (p) => (p.spec!.dnsPolicy = 'None'), ['spec.dnsConfig: Required value: must provide `dnsConfig` when `dnsPolicy` is None']],
    ['nodeSelector keys are label keys', (p) => (p.spec!.nodeSelector = { 'disk type': 'ssd' }), [
      'spec.nodeSelector: Invalid value: "disk type": name part must consist of alphanumeric characters, \'-\', \'_\' or \'.\', and must start and end with an alphanumeric character (e.g. \'MyName\',  or \'my.name\',  or \'123-abc\', regex used for validation is \'([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]\')',
    ]],
    ['activeDeadlineSeconds is positive', (p) => (p.spec!.activeDeadlineSeconds = 0), [
      'spec.activeDeadlineSeconds: Invalid value: 0: must be between 1 and 2147483647, inclusive',
    ]],
    ['runAsUser is a valid user ID', (p) => (p.spec!.securityContext = { runAsUser: -1 }), [
      'spec.securityContext.runAsUser: Invalid value: -1: must be between 0 and 2147483647, inclusive',
    ]],
    ['a serviceAccountName is a DNS subdomain', (p) => (p.spec!.serviceAccountName = 'My_SA'), [
      'spec.serviceAccountName: Invalid value: "My_SA": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, \'-\' or \'.\', and must start and end with an alphanumeric character (e.g. \'example.com\', regex used for validation is \'[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\')',
    ]],
    ['a pod on the host network uses its container ports as host ports', (p) => {
      p.spec!.hostNetwork = true;
      p.spec!.containers[0]!.ports = [{ containerPort: 80, hostPort: 8080 }];
    }, ['spec.containers[0].ports[0].hostPort: Invalid value: 8080: must match `containerPort` when `hostNetwork` is true']],
    ['ephemeral containers cannot be set on create', (p) => (p.spec!.ephemeralContainers = [{ name: 'debug', image: 'busybox' }]), [
      'spec.ephemeralContainers: Forbidden: cannot be set on create',
    ]],
  ])('%s', (_name, mutate, want) => expect(podCreateErrors(mutate)).toEqual(want));
});

describe('tolerations', () => {
  const tolerate = (t: object) => (p: Pod) => (p.spec!.tolerations = [t]);
  it.each<[string, (pod: Pod) => void, string[]]>([
    ['Exists with a key tolerates every value', tolerate({ key: 'example-key', operator: 'Exists', effect: 'NoSchedule' }), []],
    ['an empty key needs operator Exists', tolerate({ operator: 'Equal', value: 'x' }), [
      'spec.tolerations[0].operator: Invalid value: "Equal": operator must be Exists when `key` is empty, which means "match all values and all keys"',
    ]],
    ['tolerationSeconds needs effect NoExecute', tolerate({ key: 'k', operator: 'Exists', effect: 'NoSchedule', tolerationSeconds: 60 }), [
      "spec.tolerations[0].effect: Invalid value: \"NoSchedule\": effect must be 'NoExecute' when `tolerationSeconds` is set",
    ]],
    ['Exists takes no value', tolerate({ key: 'k', operator: 'Exists', value: 'v' }), [
      "spec.tolerations[0].operator: Invalid value: \"v\": value must be empty when `operator` is 'Exists'",
    ]],
    ['the operator is Equal or Exists', tolerate({ key: 'k', operator: 'In' }), [
      'spec.tolerations[0].operator: Unsupported value: "In": supported values: "Equal", "Exists"',
    ]],
    ['the effect is a taint effect', tolerate({ key: 'k', operator: 'Exists', effect: 'NoAdmit' }), [
      'spec.tolerations[0].effect: Unsupported value: "NoAdmit": supported values: "NoSchedule", "PreferNoSchedule", "NoExecute"',
    ]],
  ])('%s', (_name, mutate, want) => expect(podCreateErrors(mutate)).toEqual(want));
});

describe('affinity and topology spread', () => {
  it.each<[string, (pod: Pod) => void, string[]]>([
    ['required node affinity needs a term', (p) => (p.spec!.affinity = { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [] } } }), [
      'spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms: Required value: must have at least one node selector term',
    ]],
    ['In needs values', (p) => (p.spec!.affinity = { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'disktype', operator: 'In' }] }] } } }), [
      "spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchExpressions[0].values: Required value: must be specified when `operator` is 'In' or 'NotIn'",
    ]],
    ['the operator is a node selector operator', (p) => (p.spec!.affinity = { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'a', operator: 'Equals', values: ['b'] }] }] } } }), [
      'spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchExpressions[0].operator: Invalid value: "Equals": not a valid selector operator',
    ]],
    ['preferred weights are 1 to 100', (p) => (p.spec!.affinity = { nodeAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 0, preference: {} }] } }), [
      'spec.affinity.nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].weight: Invalid value: 0: must be in the range 1-100',
    ]],
    ['pod affinity needs a topology key', (p) => (p.spec!.affinity = { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchLabels: { app: 'db' } }, topologyKey: '' }] } }), [
      'spec.affinity.podAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].topologyKey: Required value: can not be empty',
      "spec.affinity.podAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].topologyKey: Invalid value: \"\": name part must be non-empty",
      "spec.affinity.podAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].topologyKey: Invalid value: \"\": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')",
    ]],
    ['maxSkew is positive and each {key, action} appears once', (p) => (p.spec!.topologySpreadConstraints = [
      { maxSkew: 0, topologyKey: 'zone', whenUnsatisfiable: 'DoNotSchedule' },
      { maxSkew: 1, topologyKey: 'zone', whenUnsatisfiable: 'DoNotSchedule' },
    ]), [
      'spec.topologySpreadConstraints[0].maxSkew: Invalid value: 0: must be greater than zero',
      'spec.topologySpreadConstraints[0].{topologyKey, whenUnsatisfiable}: Duplicate value: "{zone, DoNotSchedule}"',
    ]],
    ['whenUnsatisfiable is DoNotSchedule or ScheduleAnyway', (p) => (p.spec!.topologySpreadConstraints = [{ maxSkew: 1, topologyKey: 'zone', whenUnsatisfiable: 'Never' }]), [
      'spec.topologySpreadConstraints[0].whenUnsatisfiable: Unsupported value: "Never": supported values: "DoNotSchedule", "ScheduleAnyway"',
    ]],
  ])('%s', (_name, mutate, want) => expect(podCreateErrors(mutate)).toEqual(want));
});

describe('validatePodUpdate', () => {
  const stored = (): Pod => {
    const pod = validPod();
    pod.spec!.tolerations = [{ key: 'k', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 60 }];
    setDefaultsPod(pod);
    return pod;
  };
  it.each<[string, (pod: Pod) => void, string[]]>([
    ['the image may change', (p) => (p.spec!.containers[0]!.image = 'nginx:1.26'), []],
    ['tolerations may be added and their seconds changed', (p) => {
      p.spec!.tolerations![0]!.tolerationSeconds = 30;
      p.spec!.tolerations!.push({ key: 'other', operator: 'Exists' });
    }, []],
    ['an existing toleration may not be removed', (p) => (p.spec!.tolerations = []), [
      'spec.tolerations: Forbidden: existing toleration can not be modified except its tolerationSeconds',
    ]],
    ['containers may not be added', (p) => p.spec!.containers.push({ name: 'b', image: 'x' }), ['spec.containers: Forbidden: pod updates may not add or remove containers']],
    ['other fields may not change', (p) => (p.spec!.restartPolicy = 'Never'), [
      'spec: Forbidden: pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)',
    ]],
  ])('%s', (_name, mutate, want) => {
    const old = stored();
    const next = structuredClone(old);
    mutate(next);
    setDefaultsPod(next);
    expect(validatePodUpdate(next, old).map(fieldErrorString)).toEqual(want);
  });
});

describe('parts a pod spec leaves out, or sets to null, have nothing to check', () => {
  it.each<[string, (pod: Pod) => void]>([
    ['null volumes', (p) => Object.assign(p.spec!, { volumes: null })],
    ['null init containers', (p) => Object.assign(p.spec!, { initContainers: null })],
    ['null tolerations, node selector and spread constraints', (p) => Object.assign(p.spec!, { tolerations: null, nodeSelector: null, topologySpreadConstraints: null })],
    ['no security context', (p) => Object.assign(p.spec!, { securityContext: undefined })],
  ])('%s', (_name, mutate) => expect(podCreateErrors(mutate)).toEqual([]));

  it('a containers value that is not a list still fails the way it always did', () => {
    expect(() => podCreateErrors((p) => Object.assign(p.spec!, { containers: false }))).toThrow(TypeError);
  });
});
