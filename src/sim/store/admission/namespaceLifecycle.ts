import type { Namespace } from 'kubernetes-types/core/v1';
import { StatusError, statusErrors } from '../../api/statusError';
import type { AdmissionPlugin } from './admissionPlugin';

/**
 * NamespaceLifecycle mirrors plugin/pkg/admission/namespace/lifecycle: objects may only be created in a namespace
 * that exists and is not being terminated.
 */
export function namespaceLifecycle(namespaced: (kind: string) => boolean): AdmissionPlugin {
  return {
    name: 'NamespaceLifecycle',
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
