// Mirrors pkg/registry/apps/deployment/strategy.go: status reset on create, selector immutable in apps/v1.
import type { Deployment } from 'kubernetes-types/apps/v1';
import { setDefaultsDeployment } from '../../api/apps/v1/defaults';
import { validateDeployment } from '../../api/apps/v1/validation';
import type { KubeObject } from '../../api/object';
import type { KindSpec } from '../kindSpec';

const asDeployment = (obj: KubeObject): Deployment => obj as unknown as Deployment;

/** deploymentKind: declarative rollouts over ReplicaSets. */
export const deploymentKind: KindSpec = {
  group: 'apps',
  version: 'v1',
  kind: 'Deployment',
  plural: 'deployments',
  shortNames: ['deploy'],
  namespaced: true,
  statusSubresource: true,
  generation: true,
  defaults: (obj) => setDefaultsDeployment(asDeployment(obj)),
  prepareForCreate: (obj) => {
    obj.status = {};
  },
  validate: (obj, old) => validateDeployment(asDeployment(obj), old && asDeployment(old)),
};
