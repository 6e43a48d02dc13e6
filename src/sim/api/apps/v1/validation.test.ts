// Cases after pkg/apis/apps/validation/validation_test.go (TestValidateDeployment, TestValidateDeploymentStatus,
// TestValidateReplicaSet, TestValidateDaemonSet, TestValidateStatefulSet and their Update variants).
import type { DaemonSet, Deployment, ReplicaSet, StatefulSet } from 'kubernetes-types/apps/v1';
import { describe, expect, it } from 'vitest';
import { fieldErrorString, type FieldError } from '../../fieldError';
import { setDefaultsDaemonSet, setDefaultsDeployment, setDefaultsReplicaSet, setDefaultsStatefulSet } from './defaults';
import { validateDaemonSet, validateDeployment, validateReplicaSet, validateStatefulSet } from './validation';

const template = () => ({ metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx:1.25' }] } });

function deployment(mutate: (d: Deployment) => void = () => {}): Deployment {
  const d: Deployment = { metadata: { name: 'web', namespace: 'default' }, spec: { selector: { matchLabels: { app: 'web' } }, template: template() } };
  mutate(d);
  setDefaultsDeployment(d);
  return d;
}

/** parts shows an error as [path, Go-printed bad value, detail]: for bad values printed in Go syntax. */
const parts = (errs: FieldError[]) => errs.map((e) => [fieldErrorString({ type: 'FieldValueRequired', path: e.path }).replace(': Required value', ''), String(e.badValue), e.detail]);

describe('validateDeployment', () => {
  it.each<[string, (d: Deployment) => void, string[]]>([
    ['a defaulted deployment is valid', () => {}, []],
    ['replicas are not negative', (d) => (d.spec!.replicas = -1), ['spec.replicas: Invalid value: -1: must be greater than or equal to 0']],
    ['the pods restart Always', (d) => (d.spec!.template.spec!.restartPolicy = 'Never'), [
      'spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"',
    ]],
    ['a container needs an image', (d) => delete d.spec!.template.spec!.containers[0]!.image, ['spec.template.spec.containers[0].image: Required value']],
    ['the progress deadline exceeds minReadySeconds', (d) => Object.assign(d.spec!, { minReadySeconds: 600, progressDeadlineSeconds: 600 }), [
      'spec.progressDeadlineSeconds: Invalid value: 600: must be greater than minReadySeconds',
    ]],
    ['revisionHistoryLimit is not negative', (d) => (d.spec!.revisionHistoryLimit = -1), [
      'spec.revisionHistoryLimit: Invalid value: -1: must be greater than or equal to 0',
    ]],
    ['Recreate takes no rolling update parameters', (d) => (d.spec!.strategy = { type: 'Recreate', rollingUpdate: { maxSurge: 1 } }), [
      "spec.strategy.rollingUpdate: Forbidden: may not be specified when strategy `type` is 'Recreate'",
    ]],
    ['pods of a deployment have no active deadline', (d) => (d.spec!.template.spec!.activeDeadlineSeconds = 60), [
      'spec.template.spec.activeDeadlineSeconds: Forbidden: activeDeadlineSeconds in ReplicaSet is not Supported',
    ]],
  ])('%s', (_name, mutate, want) => expect(validateDeployment(deployment(mutate)).map(fieldErrorString)).toEqual(want));

  it.each<[string, (d: Deployment) => void, unknown[][]]>([
    ['a selector that misses the template labels prints them as a Go map', (d) => (d.spec!.template.metadata!.labels = { app: 'x' }), [
      ['spec.template.metadata.labels', 'map[string]string{"app":"x"}', '`selector` does not match template `labels`'],
    ]],
    // A nil selector converts to labels.Nothing(), which matches no template either.
    ['a selector is required', (d) => delete (d.spec as { selector?: unknown }).selector, [
      ['spec.selector', 'undefined', undefined],
      ['spec.template.metadata.labels', 'map[string]string{"app":"web"}', '`selector` does not match template `labels`'],
    ]],
    ['an empty selector is invalid', (d) => (d.spec!.selector = {}), [
      ['spec.selector', 'v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement(nil)}', 'empty selector is invalid for deployment'],
    ]],
    ['maxSurge and maxUnavailable may not both be 0', (d) => (d.spec!.strategy = { rollingUpdate: { maxSurge: 0, maxUnavailable: 0 } }), [
      ['spec.strategy.rollingUpdate.maxUnavailable', 'intstr.IntOrString{Type:0, IntVal:0, StrVal:""}', 'may not be 0 when `maxSurge` is 0'],
    ]],
    ['a percentage needs its % sign', (d) => (d.spec!.strategy = { rollingUpdate: { maxSurge: '1' } }), [
      ['spec.strategy.rollingUpdate.maxSurge', 'intstr.IntOrString{Type:1, IntVal:0, StrVal:"1"}',
        "a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')"],
    ]],
    ['maxUnavailable is at most 100%', (d) => (d.spec!.strategy = { rollingUpdate: { maxUnavailable: '101%' } }), [
      ['spec.strategy.rollingUpdate.maxUnavailable', 'intstr.IntOrString{Type:1, IntVal:0, StrVal:"101%"}', 'must not be greater than 100%'],
    ]],
    ['the strategy type is Recreate or RollingUpdate', (d) => (d.spec!.strategy = { type: 'BlueGreen' }), [
      ['spec.strategy', 'apps.DeploymentStrategy{Type:"BlueGreen", RollingUpdate:(*apps.RollingUpdateDeployment)(nil)}', 'supported values: "Recreate", "RollingUpdate"'],
    ]],
  ])('%s', (_name, mutate, want) => expect(parts(validateDeployment(deployment(mutate)))).toEqual(want));

  it('keeps the selector of an existing deployment', () => {
    const old = deployment();
    const next = deployment((d) => {
      d.spec!.selector = { matchLabels: { app: 'web2' } };
      d.spec!.template.metadata!.labels = { app: 'web2' };
    });
    expect(parts(validateDeployment(next, old))).toEqual([
      ['spec.selector', 'v1.LabelSelector{MatchLabels:map[string]string{"app":"web2"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}', 'field is immutable'],
    ]);
  });
});

describe('validateReplicaSet and validateDaemonSet', () => {
  it('says "deployment" in a ReplicaSet empty-selector error, as upstream does', () => {
    const rs: ReplicaSet = { metadata: { name: 'rs', namespace: 'default' }, spec: { selector: {}, template: template() } };
    setDefaultsReplicaSet(rs);
    expect(parts(validateReplicaSet(rs)).map((p) => p[2])).toEqual(['empty selector is invalid for deployment']);
  });

  it.each<[string, (ds: DaemonSet) => void, string[]]>([
    ['a defaulted daemon set is valid', () => {}, []],
    ['maxUnavailable and maxSurge may not both be 0', (ds) => (ds.spec!.updateStrategy = { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0, maxSurge: 0 } }), [
      'spec.updateStrategy.rollingUpdate.maxUnavailable: Required value: cannot be 0 when maxSurge is 0',
    ]],
    ['daemon set pods restart Always', (ds) => (ds.spec!.template.spec!.restartPolicy = 'OnFailure'), [
      'spec.template.spec.restartPolicy: Unsupported value: "OnFailure": supported values: "Always"',
    ]],
  ])('%s', (_name, mutate, want) => {
    const ds: DaemonSet = { metadata: { name: 'ds', namespace: 'kube-system' }, spec: { selector: { matchLabels: { app: 'web' } }, template: template() } };
    mutate(ds);
    setDefaultsDaemonSet(ds);
    expect(validateDaemonSet(ds).map(fieldErrorString)).toEqual(want);
  });
});

describe('validateStatefulSet', () => {
  const sts = (mutate: (s: StatefulSet) => void = () => {}): StatefulSet => {
    const s: StatefulSet = { metadata: { name: 'web', namespace: 'default' }, spec: { serviceName: 'nginx', selector: { matchLabels: { app: 'web' } }, template: template() } };
    mutate(s);
    setDefaultsStatefulSet(s);
    return s;
  };

  it.each<[string, (s: StatefulSet) => void, string[]]>([
    ['a defaulted stateful set is valid', () => {}, []],
    ['its pod template gets no pod-spec validation, as upstream', (s) => delete s.spec!.template.spec!.containers[0]!.image, []],
    ['a stateful set name is a DNS-1123 label', (s) => (s.metadata!.name = 'web.v1'), ['metadata.name: Invalid value: "web.v1": must not contain dots']],
    ['podManagementPolicy is OrderedReady or Parallel', (s) => (s.spec!.podManagementPolicy = 'Random'), [
      "spec.podManagementPolicy: Invalid value: \"Random\": must be 'OrderedReady' or 'Parallel'",
    ]],
    ['the partition is not negative', (s) => (s.spec!.updateStrategy = { type: 'RollingUpdate', rollingUpdate: { partition: -1 } }), [
      'spec.updateStrategy.rollingUpdate.partition: Invalid value: -1: must be greater than or equal to 0',
    ]],
  ])('%s', (_name, mutate, want) => expect(validateStatefulSet(sts(mutate)).map(fieldErrorString)).toEqual(want));

  it('forbids changing fields other than replicas, template and strategies', () => {
    const old = sts();
    expect(validateStatefulSet(sts((s) => (s.spec!.replicas = 5)), old)).toEqual([]);
    expect(validateStatefulSet(sts((s) => (s.spec!.serviceName = 'other')), old).map(fieldErrorString)).toEqual([
      "spec: Forbidden: updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden",
    ]);
  });
});
