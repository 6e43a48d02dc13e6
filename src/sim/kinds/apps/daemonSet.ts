// Mirrors pkg/registry/apps/daemonset/strategy.go: status reset on create, selector immutable in apps/v1.
import type { DaemonSet } from 'kubernetes-types/apps/v1';
import { setDefaultsDaemonSet } from '../../api/apps/v1/defaults';
import { validateDaemonSet } from '../../api/apps/v1/validation';
import type { KubeObject } from '../../api/object';
import type { KindSpec } from '../kindSpec';

const asDaemonSet = (obj: KubeObject): DaemonSet => obj as unknown as DaemonSet;

/** daemonSetKind: one pod per eligible node. */
export const daemonSetKind: KindSpec = {
  group: 'apps',
  version: 'v1',
  kind: 'DaemonSet',
  plural: 'daemonsets',
  shortNames: ['ds'],
  namespaced: true,
  statusSubresource: true,
  generation: true,
  defaults: (obj) => setDefaultsDaemonSet(asDaemonSet(obj)),
  // These four counters are not omitempty, so a new DaemonSet reports them as 0.
  prepareForCreate: (obj) => {
    obj.status = { currentNumberScheduled: 0, numberMisscheduled: 0, desiredNumberScheduled: 0, numberReady: 0 };
  },
  validate: (obj, old) => validateDaemonSet(asDaemonSet(obj), old && asDaemonSet(old)),
};
