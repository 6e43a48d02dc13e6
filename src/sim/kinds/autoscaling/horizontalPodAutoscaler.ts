// Mirrors pkg/registry/autoscaling/horizontalpodautoscaler/strategy.go: status reset on create.
import type { HorizontalPodAutoscaler } from 'kubernetes-types/autoscaling/v2';
import { setDefaultsHorizontalPodAutoscaler, validateHorizontalPodAutoscaler } from '../../api/autoscaling/v2/hpa';
import type { KubeObject } from '../../api/object';
import type { KindSpec } from '../kindSpec';

const asHPA = (obj: KubeObject): HorizontalPodAutoscaler => obj as unknown as HorizontalPodAutoscaler;

/** horizontalPodAutoscalerKind: autoscaling/v2, the version kubectl prefers. */
export const horizontalPodAutoscalerKind: KindSpec = {
  group: 'autoscaling',
  version: 'v2',
  kind: 'HorizontalPodAutoscaler',
  plural: 'horizontalpodautoscalers',
  shortNames: ['hpa'],
  namespaced: true,
  statusSubresource: true,
  generation: true,
  defaults: (obj) => setDefaultsHorizontalPodAutoscaler(asHPA(obj)),
  // desiredReplicas is not omitempty, so a new autoscaler reports 0.
  prepareForCreate: (obj) => {
    obj.status = { desiredReplicas: 0 };
  },
  validate: (obj) => validateHorizontalPodAutoscaler(asHPA(obj)),
};
