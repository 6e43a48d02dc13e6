import type { Namespace } from 'kubernetes-types/core/v1';
import { StatusError, statusErrors } from '../../api/statusError';
import type { AdmissionPlugin } from './admissionPlugin';

/** IMMORTAL_NAMESPACES may never be deleted (NewLifecycle(default, kube-system, kube-public)); kube-node-lease may. */
export const IMMORTAL_NAMESPACES: readonly string[] = ['default', 'kube-system', 'kube-public'];

/**
 * NamespaceLifecycle mirrors apiserver pkg/admission/plugin/namespace/lifecycle: objects may only be created in a
 * namespace that exists and is not being terminated, and the immortal namespaces cannot be deleted.
 */
export function namespaceLifecycle(namespaced: (kind: string) => boolean): AdmissionPlugin {
  return {
    name: 'NamespaceLifecycle',
    validateDelete(obj) {
      const name = obj.metadata.name ?? '';
      if (obj.kind === 'Namespace' && IMMORTAL_NAMESPACES.includes(name)) {
        throw statusErrors.forbidden('namespaces', '', name, 'this namespace may not be deleted');
      }
    },
    admit(obj, _old, op, view) {
      const ns = obj.metadata.namespace;
      if (op !== 'CREATE' || !ns || !namespaced(obj.kind)) return;
      const namespace = view.get('Namespace', '', ns) as (Namespace & { metadata: object }) | undefined;
      if (!namespace) throw statusErrors.notFound('namespaces', '', ns);
      if (namespace.metadata?.deletionTimestamp && obj.kind !== 'Event') {
        throw new StatusError(
          'Forbidden',
          `${obj.kind.toLowerCase()}s "${obj.metadata.name ?? obj.metadata.generateName ?? ''}" is forbidden: unable to create new content in namespace ${ns} because it is being terminated`,
        );
      }
    },
  };
}
