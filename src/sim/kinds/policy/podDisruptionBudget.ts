// Mirrors pkg/registry/policy/poddisruptionbudget/strategy.go.
import type { PodDisruptionBudget } from 'kubernetes-types/policy/v1';
import { prepareForCreatePodDisruptionBudget, validatePodDisruptionBudget } from '../../api/policy/v1/podDisruptionBudget';
import type { KubeObject } from '../../api/object';
import type { KindSpec } from '../kindSpec';

const asPDB = (obj: KubeObject): PodDisruptionBudget => obj as unknown as PodDisruptionBudget;

/** podDisruptionBudgetKind: how many pods voluntary disruptions may take down. */
export const podDisruptionBudgetKind: KindSpec = {
  group: 'policy',
  version: 'v1',
  kind: 'PodDisruptionBudget',
  plural: 'poddisruptionbudgets',
  shortNames: ['pdb'],
  namespaced: true,
  statusSubresource: true,
  generation: true,
  prepareForCreate: (obj) => prepareForCreatePodDisruptionBudget(asPDB(obj)),
  validate: (obj) => validatePodDisruptionBudget(asPDB(obj)),
};
