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
    const added: Toleration[] = [];
    if (!tolerates(tolerations, NOT_READY)) {
      added.push({ key: NOT_READY, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: DEFAULT_NOT_READY_TOLERATION_SECONDS });
    }
    if (!tolerates(tolerations, UNREACHABLE)) {
      added.push({ key: UNREACHABLE, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: DEFAULT_UNREACHABLE_TOLERATION_SECONDS });
    }
    if (added.length > 0) spec.tolerations = [...tolerations, ...added];
  },
};
