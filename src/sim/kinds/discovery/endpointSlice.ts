// Mirrors pkg/registry/discovery/endpointslice/strategy.go (generation starts at 1 and moves on every change).
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import { setDefaultsEndpointSlice, validateEndpointSlice } from '../../api/discovery/v1/endpointSlice';
import type { KubeObject } from '../../api/object';
import type { KindSpec } from '../kindSpec';

const asSlice = (obj: KubeObject): EndpointSlice => obj as unknown as EndpointSlice;

/** endpointSliceKind: discovery.k8s.io/v1 endpoints, at most 100 per slice by the controller's choice. */
export const endpointSliceKind: KindSpec = {
  group: 'discovery.k8s.io',
  version: 'v1',
  kind: 'EndpointSlice',
  plural: 'endpointslices',
  namespaced: true,
  statusSubresource: false,
  generation: true,
  defaults: (obj) => setDefaultsEndpointSlice(asSlice(obj)),
  validate: (obj, old) => validateEndpointSlice(asSlice(obj), old && asSlice(old)),
};
