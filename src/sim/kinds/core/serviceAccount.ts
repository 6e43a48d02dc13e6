// Mirrors pkg/registry/core/serviceaccount/strategy.go.
import type { ServiceAccount } from 'kubernetes-types/core/v1';
import { validateServiceAccount } from '../../api/core/v1/validation/configAndSecret';
import type { KubeObject } from '../../api/object';
import type { KindSpec } from '../kindSpec';

/** serviceAccountKind: identities pods run as. */
export const serviceAccountKind: KindSpec = {
  group: '',
  version: 'v1',
  kind: 'ServiceAccount',
  plural: 'serviceaccounts',
  shortNames: ['sa'],
  namespaced: true,
  statusSubresource: false,
  validate: (obj: KubeObject) => validateServiceAccount(obj as unknown as ServiceAccount),
};
