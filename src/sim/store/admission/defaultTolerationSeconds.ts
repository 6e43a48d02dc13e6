import type { Pod, Toleration } from 'kubernetes-types/core/v1';
import type { AdmissionPlugin } from './admissionPlugin';

/** Mirrors plugin/pkg/admission/defaulttolerationseconds: the kube-apiserver flags default to 300 s. */
export const DEFAULT_NOT_READY_TOLERATION_SECONDS = 300;
export const DEFAULT_UNREACHABLE_TOLERATION_SECONDS = 300;

const NOT_READY = 'node.kubernetes.io/not-ready';
const UNREACHABLE = 'node.kubernetes.io/unreachable';

function tolerates(tolerations: Toleration[], key: string): boolean {
  return tolerations.some(
    (t) => (t.effect === undefined || t.effect === '' || t.effect === 'NoExecute') && (t.key === key || ((t.key ?? '') === '' && t.operator === 'Exists')),
  );
}

/**
 * The tolerations this plugin adds, frozen and shared by every pod that gets them (as is a whole list of just these
 * two): stored objects are frozen anyway, so a pod's own copies would only cost allocating and freezing them.
 */
const NOT_READY_TOLERATION: Toleration = Object.freeze({ key: NOT_READY, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: DEFAULT_NOT_READY_TOLERATION_SECONDS });
const UNREACHABLE_TOLERATION: Toleration = Object.freeze({ key: UNREACHABLE, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: DEFAULT_UNREACHABLE_TOLERATION_SECONDS });
const BOTH: readonly Toleration[] = Object.freeze([NOT_READY_TOLERATION, UNREACHABLE_TOLERATION]);

/**
 * DefaultTolerationSeconds gives every pod that does not already tolerate them NoExecute tolerations for the
 * not-ready and unreachable taints, so a pod stays bound to a failed node for 5 minutes before eviction.
 */
export const defaultTolerationSeconds: AdmissionPlugin = {
  name: 'DefaultTolerationSeconds',
  admit(obj, _old, op) {
    if (op !== 'CREATE' || obj.kind !== 'Pod') return;
    const spec = (obj as unknown as Pod).spec;
    if (!spec) return;
    const tolerations = spec.tolerations ?? [];
    if (Array.isArray(tolerations) && tolerations.length === 0) {
      spec.tolerations = BOTH as Toleration[];
      return;
    }
    const added: Toleration[] = [];
    if (!tolerates(tolerations, NOT_READY)) added.push(NOT_READY_TOLERATION);
    if (!tolerates(tolerations, UNREACHABLE)) added.push(UNREACHABLE_TOLERATION);
    if (added.length > 0) spec.tolerations = [...tolerations, ...added];
  },
};
