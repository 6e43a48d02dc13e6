import type { Pod } from 'kubernetes-types/core/v1';
import type { PriorityClass } from 'kubernetes-types/scheduling/v1';
import { StatusError } from '../../api/statusError';
import type { AdmissionPlugin } from './admissionPlugin';

/**
 * Priority mirrors plugin/pkg/admission/priority: it resolves spec.priorityClassName (or the cluster's
 * globalDefault class) into spec.priority and spec.preemptionPolicy. Without either, priority is 0.
 */
export const priorityAdmission: AdmissionPlugin = {
  name: 'Priority',
  admit(obj, _old, op, view) {
    if (op !== 'CREATE' || obj.kind !== 'Pod') return;
    const pod = obj as unknown as Pod;
    const spec = pod.spec;
    if (!spec) return;
    const classes = view.list('PriorityClass') as unknown as PriorityClass[];
    let priority = 0;
    let preemptionPolicy: string | undefined = 'PreemptLowerPriority';
    const name = spec.priorityClassName;
    if (name) {
      const pc = classes.find((c) => c.metadata?.name === name);
      if (!pc) {
        throw new StatusError('Forbidden', `pods "${podName(obj)}" is forbidden: no PriorityClass with name ${name} was found`);
      }
      priority = pc.value;
      preemptionPolicy = pc.preemptionPolicy ?? preemptionPolicy;
    } else {
      const globalDefault = classes
        .filter((c) => c.globalDefault)
        .sort((a, b) => a.value - b.value)[0];
      if (globalDefault) {
        spec.priorityClassName = globalDefault.metadata?.name;
        priority = globalDefault.value;
        preemptionPolicy = globalDefault.preemptionPolicy ?? preemptionPolicy;
      }
    }
    if (spec.priority !== undefined && spec.priority !== priority) {
      throw new StatusError(
        'Forbidden',
        `pods "${podName(obj)}" is forbidden: the integer value of priority (${spec.priority}) must not be provided in pod spec; priority admission controller computed ${priority} from the given PriorityClass name`,
      );
    }
    spec.priority = priority;
    spec.preemptionPolicy = preemptionPolicy;
  },
};

function podName(obj: { metadata: { name?: string; generateName?: string } }): string {
  return obj.metadata.name ?? obj.metadata.generateName ?? '';
}
