// Mirrors pkg/registry/core/service/strategy.go PrepareForCreate (status reset, NormalizeClusterIPs); cluster IP
// and node port allocation belong to the allocator.
import type { Service } from 'kubernetes-types/core/v1';
import { normalizeClusterIPs, setDefaultsService } from '../../api/core/v1/defaults';
import { validateService, validateServiceUpdate } from '../../api/core/v1/validation/service';
import type { KubeObject } from '../../api/object';
import type { KindSpec } from '../kindSpec';

const asService = (obj: KubeObject): Service => obj as unknown as Service;

/** serviceKind: Services are named by DNS-1035 labels; status holds an (empty) load balancer. */
export const serviceKind: KindSpec = {
  group: '',
  version: 'v1',
  kind: 'Service',
  plural: 'services',
  shortNames: ['svc'],
  namespaced: true,
  statusSubresource: true,
  defaults: (obj) => setDefaultsService(asService(obj)),
  prepareForCreate(obj) {
    obj.status = { loadBalancer: {} };
    // An allocator running as admission may have set clusterIP after defaulting.
    normalizeClusterIPs(asService(obj));
  },
  validate: (obj, old) => (old ? validateServiceUpdate(asService(obj), asService(old)) : validateService(asService(obj))),
};
