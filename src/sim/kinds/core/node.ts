// Mirrors pkg/registry/core/node/strategy.go: a node keeps the status it registers with.
import type { Node } from 'kubernetes-types/core/v1';
import { setDefaultsNode } from '../../api/core/v1/defaults';
import { validateNode, validateNodeUpdate } from '../../api/core/v1/validation/node';
import type { KubeObject } from '../../api/object';
import type { KindSpec } from '../kindSpec';

const asNode = (obj: KubeObject): Node => obj as unknown as Node;

/** nodeKind: cluster-scoped; its status is written by the kubelet, not reset on create. */
export const nodeKind: KindSpec = {
  group: '',
  version: 'v1',
  kind: 'Node',
  plural: 'nodes',
  shortNames: ['no'],
  namespaced: false,
  statusSubresource: true,
  defaults: (obj) => setDefaultsNode(asNode(obj)),
  validate: (obj, old) => (old ? validateNodeUpdate(asNode(obj), asNode(old)) : validateNode(asNode(obj))),
};
