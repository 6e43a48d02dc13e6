// Mirrors pkg/registry/core/pod/strategy.go (PrepareForCreate, Validate, ValidateUpdate); leaves out
// matchLabelKeys merging into pod affinity and AppArmor version skew.
import type { Pod, PodCondition } from 'kubernetes-types/core/v1';
import { setDefaultsPod } from '../../api/core/v1/defaults';
import { computePodQOS, type PodQOSClass } from '../../api/core/v1/qos';
import { validatePodCreate, validatePodUpdate } from '../../api/core/v1/validation/podSpec';
import type { KubeObject } from '../../api/object';
import type { KindSpec } from '../kindSpec';

const asPod = (obj: KubeObject): Pod => obj as unknown as Pod;

/**
 * The status of an ungated new pod, one per QoS class, frozen and shared: stored objects are frozen anyway, and every
 * later status write replaces the object, so a pod's own copy would only cost allocating and freezing it.
 */
const PENDING: Readonly<Record<PodQOSClass, Pod['status']>> = {
  Guaranteed: Object.freeze({ phase: 'Pending', qosClass: 'Guaranteed' }),
  Burstable: Object.freeze({ phase: 'Pending', qosClass: 'Burstable' }),
  BestEffort: Object.freeze({ phase: 'Pending', qosClass: 'BestEffort' }),
};

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
    // A create's status is reset, so GetPodQOS computes the class; computePodQOS reads only the spec.
    const qosClass = computePodQOS(pod);
    if ((pod.spec?.schedulingGates ?? []).length === 0) {
      obj.status = PENDING[qosClass];
      return;
    }
    const gated: PodCondition = {
      type: 'PodScheduled',
      status: 'False',
      reason: 'SchedulingGated',
      message: 'Scheduling is blocked due to non-empty scheduling gates',
    };
    obj.status = { phase: 'Pending', qosClass, conditions: [gated] };
  },
  validate: (obj, old) => (old ? validatePodUpdate(asPod(obj), asPod(old)) : validatePodCreate(asPod(obj))),
};
