// Mirrors pkg/registry/networking/ingressclass/strategy.go.
import type { IngressClass } from 'kubernetes-types/networking/v1';
import { setDefaultsIngressClass, validateIngressClass } from '../../api/networking/v1/validation';
import type { KubeObject } from '../../api/object';
import type { KindSpec } from '../kindSpec';

const asIngressClass = (obj: KubeObject): IngressClass => obj as unknown as IngressClass;

/** ingressClassKind: which controller serves an Ingress. */
export const ingressClassKind: KindSpec = {
  group: 'networking.k8s.io',
  version: 'v1',
  kind: 'IngressClass',
  plural: 'ingressclasses',
  namespaced: false,
  statusSubresource: false,
  generation: true,
  defaults: (obj) => setDefaultsIngressClass(asIngressClass(obj)),
  validate: (obj, old) => validateIngressClass(asIngressClass(obj), old && asIngressClass(old)),
};
