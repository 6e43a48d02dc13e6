// Mirrors pkg/registry/core/secret/strategy.go.
import type { Secret } from 'kubernetes-types/core/v1';
import { setDefaultsSecret } from '../../api/core/v1/defaults';
import { validateSecret, validateSecretUpdate } from '../../api/core/v1/validation/configAndSecret';
import type { KubeObject } from '../../api/object';
import type { KindSpec } from '../kindSpec';

const asSecret = (obj: KubeObject): Secret => obj as unknown as Secret;

/** secretKind: stringData is folded into base64 data; the type never changes. */
export const secretKind: KindSpec = {
  group: '',
  version: 'v1',
  kind: 'Secret',
  plural: 'secrets',
  namespaced: true,
  statusSubresource: false,
  defaults: (obj) => setDefaultsSecret(asSecret(obj)),
  validate: (obj, old) => (old ? validateSecretUpdate(asSecret(obj), asSecret(old)) : validateSecret(asSecret(obj))),
};
