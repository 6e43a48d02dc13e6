// Cases after pkg/apis/autoscaling/v2/defaults_test.go and pkg/apis/autoscaling/validation/validation_test.go
// (TestValidateHorizontalPodAutoscaler).
import type { HorizontalPodAutoscaler } from 'kubernetes-types/autoscaling/v2';
import { describe, expect, it } from 'vitest';
import { fieldErrorString } from '../../fieldError';
import { setDefaultsHorizontalPodAutoscaler, validateHorizontalPodAutoscaler } from './hpa';

const hpa = (mutate: (h: HorizontalPodAutoscaler) => void = () => {}): HorizontalPodAutoscaler => {
  const h: HorizontalPodAutoscaler = {
    metadata: { name: 'php-apache', namespace: 'default' },
    spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'php-apache' }, maxReplicas: 10 },
  };
  mutate(h);
  setDefaultsHorizontalPodAutoscaler(h);
  return h;
};

describe('setDefaultsHorizontalPodAutoscaler', () => {
  it('targets 80% cpu with at least one replica', () => {
    expect(hpa().spec).toMatchObject({
      minReplicas: 1,
      metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 80 } } }],
    });
    expect(hpa().spec).not.toHaveProperty('behavior');
  });

  it('fills a given behavior with the default scaling rules', () => {
    const h = hpa((x) => (x.spec!.behavior = { scaleDown: { stabilizationWindowSeconds: 60 } }));
    expect(h.spec!.behavior).toEqual({
      scaleUp: { stabilizationWindowSeconds: 0, selectPolicy: 'Max', policies: [{ type: 'Pods', value: 4, periodSeconds: 15 }, { type: 'Percent', value: 100, periodSeconds: 15 }] },
      scaleDown: { stabilizationWindowSeconds: 60, selectPolicy: 'Max', policies: [{ type: 'Percent', value: 100, periodSeconds: 15 }] },
    });
  });
});

describe('validateHorizontalPodAutoscaler', () => {
  it.each<[string, (h: HorizontalPodAutoscaler) => void, string[]]>([
    ['a defaulted autoscaler is valid', () => {}, []],
    ['minReplicas is at least 1', (h) => (h.spec!.minReplicas = 0), ['spec.minReplicas: Invalid value: 0: must be greater than or equal to 1']],
    ['maxReplicas is at least minReplicas', (h) => (h.spec!.minReplicas = 20), ['spec.maxReplicas: Invalid value: 10: must be greater than or equal to `minReplicas`']],
    ['the target needs a kind', (h) => (h.spec!.scaleTargetRef.kind = ''), ['spec.scaleTargetRef.kind: Required value']],
    ['a utilization target is positive', (h) => (h.spec!.metrics = [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 0 } } }]), [
      'spec.metrics[0].resource.target.averageUtilization: Invalid value: 0: must be greater than 0',
    ]],
    ['a resource metric needs its source', (h) => (h.spec!.metrics = [{ type: 'Resource' }]), [
      'spec.metrics[0].resource: Required value: must populate information for the given metric source',
    ]],
  ])('%s', (_name, mutate, want) => expect(validateHorizontalPodAutoscaler(hpa(mutate)).map(fieldErrorString)).toEqual(want));
});
