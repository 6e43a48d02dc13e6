// Mirrors pkg/registry/coordination/lease/strategy.go.
import type { Lease } from 'kubernetes-types/coordination/v1';
import { validateLease } from '../../api/coordination/v1/lease';
import type { KubeObject } from '../../api/object';
import type { KindSpec } from '../kindSpec';

/** leaseKind: node heartbeats (kube-node-lease) and leader election. */
export const leaseKind: KindSpec = {
  group: 'coordination.k8s.io',
  version: 'v1',
  kind: 'Lease',
  plural: 'leases',
  namespaced: true,
  statusSubresource: false,
  validate: (obj: KubeObject) => validateLease(obj as unknown as Lease),
};
