// Mirrors pkg/registry/core/namespace/strategy.go: on create the phase is Active and the `kubernetes` finalizer
// is always present.
import type { Namespace } from 'kubernetes-types/core/v1';
import { setDefaultsNamespace } from '../../api/core/v1/defaults';
import { validateNamespace } from '../../api/core/v1/validation/namespace';
import type { KubeObject } from '../../api/object';
import type { KindSpec } from '../kindSpec';

const asNamespace = (obj: KubeObject): Namespace => obj as unknown as Namespace;

/** namespaceKind: cluster-scoped, named by DNS-1123 labels. */
export const namespaceKind: KindSpec = {
  group: '',
  version: 'v1',
  kind: 'Namespace',
  plural: 'namespaces',
  shortNames: ['ns'],
  namespaced: false,
  statusSubresource: true,
  defaults: (obj) => setDefaultsNamespace(asNamespace(obj)),
  prepareForCreate(obj) {
    const ns = asNamespace(obj);
    obj.status = { phase: 'Active' };
    const finalizers = (ns.spec ??= {}).finalizers ?? [];
    if (!finalizers.includes('kubernetes')) ns.spec.finalizers = [...finalizers, 'kubernetes'];
  },
  validate: (obj) => validateNamespace(asNamespace(obj)),
};
