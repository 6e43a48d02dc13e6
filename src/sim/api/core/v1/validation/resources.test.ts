// Cases after pkg/apis/core/validation/validation_test.go TestValidateResourceRequirements and
// TestValidateResourceNames.
import type { Pod } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { ERR_FORMAT_WRONG, ERR_SUFFIX } from '../../../resource/quantity';
import type { PathSegment } from '../../../fieldError';
import { podCreateErrors, podCreateFieldErrors } from './testPods';

const resources = (limits: Record<string, string>, requests?: Record<string, string>) => (pod: Pod) => {
  pod.spec!.containers[0]!.resources = requests ? { limits, requests } : { limits };
};

describe('container resources', () => {
  it.each<[string, (pod: Pod) => void, string[]]>([
    ['requests up to the limits are fine', resources({ cpu: '500m', memory: '128Mi' }, { cpu: '250m', memory: '64Mi' }), []],
    ['a request above its limit is rejected at the requests path', resources({ cpu: '500m' }, { cpu: '600m' }), [
      'spec.containers[0].resources.requests: Invalid value: "600m": must be less than or equal to cpu limit of 500m',
    ]],
    ['requests compare by value, not by text', resources({ memory: '1Gi' }, { memory: '1024Mi' }), []],
    ['hugepages need cpu or memory beside them', resources({ 'hugepages-2Mi': '2Mi' }, { 'hugepages-2Mi': '2Mi' }), [
      'spec.containers[0].resources: Forbidden: HugePages require cpu or memory',
    ]],
    ['extended resources need requests equal to limits', resources({ 'example.com/gpu': '2' }, { 'example.com/gpu': '1' }), [
      'spec.containers[0].resources.requests: Invalid value: "1": must be equal to example.com/gpu limit of 2',
    ]],
  ])('%s', (_name, mutate, want) => expect(podCreateErrors(mutate)).toEqual(want));

  // Quantities and resource names sit under map keys (field.Path.Key), so these cases check the error's parts.
  it.each<[string, (pod: Pod) => void, { path: PathSegment[]; badValue: unknown; detail: string }[]]>([
    ['a quantity with an unknown suffix keeps the parser message', resources({ memory: '1Gi' }, { memory: '1mi' }), [
      { path: ['spec', 'containers', 0, 'resources', 'requests', { key: 'memory' }], badValue: '1mi', detail: ERR_SUFFIX },
    ]],
    ['text that is no number at all fails the quantity pattern, in the limit and in the request defaulted from it', resources({ cpu: 'lots' }), [
      { path: ['spec', 'containers', 0, 'resources', 'limits', { key: 'cpu' }], badValue: 'lots', detail: ERR_FORMAT_WRONG },
      { path: ['spec', 'containers', 0, 'resources', 'requests', { key: 'cpu' }], badValue: 'lots', detail: ERR_FORMAT_WRONG },
    ]],
    ['quantities are not negative', resources({ cpu: '-1' }), [
      { path: ['spec', 'containers', 0, 'resources', 'limits', { key: 'cpu' }], badValue: '-1', detail: 'must be greater than or equal to 0' },
      { path: ['spec', 'containers', 0, 'resources', 'requests', { key: 'cpu' }], badValue: '-1', detail: 'must be greater than or equal to 0' },
    ]],
    ['an unknown unprefixed resource is neither standard nor a container resource', resources({ gpu: '1' }), [
      { path: ['spec', 'containers', 0, 'resources', 'limits', { key: 'gpu' }], badValue: 'gpu', detail: 'must be a standard resource type or fully qualified' },
      { path: ['spec', 'containers', 0, 'resources', 'limits', { key: 'gpu' }], badValue: 'gpu', detail: 'must be a standard resource for containers' },
      { path: ['spec', 'containers', 0, 'resources', 'requests', { key: 'gpu' }], badValue: 'gpu', detail: 'must be a standard resource type or fully qualified' },
      { path: ['spec', 'containers', 0, 'resources', 'requests', { key: 'gpu' }], badValue: 'gpu', detail: 'must be a standard resource for containers' },
    ]],
  ])('%s', (_name, mutate, want) => {
    expect(podCreateFieldErrors(mutate).map(({ path, badValue, detail }) => ({ path, badValue, detail }))).toEqual(want);
  });

  it('prints "quantities must match the regular expression" for text that is no quantity', () => {
    expect(ERR_FORMAT_WRONG).toBe("quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'");
  });
});
