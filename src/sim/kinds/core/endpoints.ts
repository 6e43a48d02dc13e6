// Mirrors pkg/registry/core/endpoint/strategy.go.
import type { Endpoints } from 'kubernetes-types/core/v1';
import { setDefaultsEndpoints } from '../../api/core/v1/defaults';
import { validateEndpoints } from '../../api/core/v1/validation/endpoints';
import type { KubeObject } from '../../api/object';
import type { KindSpec } from '../kindSpec';

const asEndpoints = (obj: KubeObject): Endpoints => obj as unknown as Endpoints;

/** endpointsKind: the legacy Endpoints API (kind and plural are both "Endpoints"/"endpoints"). */
export const endpointsKind: KindSpec = {
  group: '',
  version: 'v1',
  kind: 'Endpoints',
  plural: 'endpoints',
  shortNames: ['ep'],
  namespaced: true,
  statusSubresource: false,
  defaults: (obj) => setDefaultsEndpoints(asEndpoints(obj)),
  validate: (obj) => validateEndpoints(asEndpoints(obj)),
};
