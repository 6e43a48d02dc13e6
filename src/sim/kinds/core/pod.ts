// Mirrors pkg/registry/core/pod/strategy.go (PrepareForCreate, Validate, ValidateUpdate); leaves out
// matchLabelKeys merging into pod affinity and AppArmor version skew.
import type { Pod, PodCondition } from 'kubernetes-types/core/v1';
import { setDefaultsPod } from '../../api/core/v1/defaults';
import { getPodQOS } from '../../api/core/v1/qos';
import { validatePodCreate, validatePodUpdate } from '../../api/core/v1/validation/podSpec';
import type { KubeObject } from '../../api/object';
import type { KindSpec } from '../kindSpec';

const asPod = (obj: KubeObject): Pod => obj as unknown as Pod;

/** podKind: Pods start Pending with their QoS class fixed; scheduling gates hold them with PodScheduled=False. */
export const podKind: KindSpec = {
  group: '',
  version: 'v1',
  kind: 'Pod',
  plural: 'pods',
  shortNames: ['po'],
  namespaced: true,
  statusSubresource: true,
  // PodObservedGenerationTracking (beta, on since v1.34) gives pods a metadata.generation.
  generation: true,
  defaults: (obj) => setDefaultsPod(asPod(obj)),
  prepareForCreate(obj) {
    const pod = asPod(obj);
    const status: Pod['status'] = { phase: 'Pending', qosClass: getPodQOS({ ...pod, status: undefined }) };
    if ((pod.spec?.schedulingGates ?? []).length > 0) {
      const gated: PodCondition = {
        type: 'PodScheduled',
        status: 'False',
        reason: 'SchedulingGated',
        message: 'Scheduling is blocked due to non-empty scheduling gates',
      };
      status.conditions = [gated];
    }
    obj.status = status;
  },
  validate: (obj, old) => (old ? validatePodUpdate(asPod(obj), asPod(old)) : validatePodCreate(asPod(obj))),
};
