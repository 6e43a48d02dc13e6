// Mirrors pkg/registry/networking/ingress/strategy.go: status reset on create.
import type { Ingress } from 'kubernetes-types/networking/v1';
import { validateIngress } from '../../api/networking/v1/validation';
import type { KubeObject } from '../../api/object';
import type { KindSpec } from '../kindSpec';

/** ingressKind: HTTP routing rules to Services. */
export const ingressKind: KindSpec = {
  group: 'networking.k8s.io',
  version: 'v1',
  kind: 'Ingress',
  plural: 'ingresses',
  shortNames: ['ing'],
  namespaced: true,
  statusSubresource: true,
  generation: true,
  // loadBalancer is a struct, so the empty status still prints as `loadBalancer: {}`.
  prepareForCreate: (obj) => {
    obj.status = { loadBalancer: {} };
  },
  validate: (obj: KubeObject) => validateIngress(obj as unknown as Ingress),
};
