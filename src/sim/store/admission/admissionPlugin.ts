import type { KubeObject } from '../../api/object';
import type { AdmissionView } from '../../kinds/kindSpec';

export type Operation = 'CREATE' | 'UPDATE';

/**
 * AdmissionPlugin mirrors k8s.io/apiserver/pkg/admission: mutating plugins run `admit` before the kind's own
 * validation; validating plugins run `validate` after it (and `validateDelete` on deletes). Any of them refuses a
 * request by throwing a StatusError.
 */
export interface AdmissionPlugin {
  readonly name: string;
  admit?(obj: KubeObject, old: KubeObject | undefined, op: Operation, view: AdmissionView): void;
  validate?(obj: KubeObject, old: KubeObject | undefined, op: Operation, view: AdmissionView): void;
  /** validateDelete may refuse a DELETE (NamespaceLifecycle's immortal namespaces). */
  validateDelete?(obj: KubeObject): void;
}
