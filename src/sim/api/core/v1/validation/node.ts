// Mirrors ValidateNode, ValidateNodeResources and ValidateNodeUpdate in pkg/apis/core/validation/validation.go.
// Leaves out the node annotations (taints and preferAvoidPods in annotations), podCIDR formats and configSource.
//
// ATTENTION: upstream reports taint errors under `metadata.taints`, not `spec.taints` (it builds the path from
// the metadata path); Kubeplay keeps that path so messages read exactly as the API server's.
import type { Node } from 'kubernetes-types/core/v1';
import { type FieldError, fieldErrors, type PathSegment } from '../../../fieldError';
import { nameIsDNSSubdomain, validateObjectMeta } from '../../../meta/v1/validation';
import { GoValue, goQuote } from './goValue';
import { key } from './common';
import { parseResourceQuantity, validateResourceQuantityValue } from './resources';
import { validateNodeTaints } from './toleration';

function validateNodeResources(node: Node): FieldError[] {
  const errs: FieldError[] = [];
  for (const list of ['capacity', 'allocatable'] as const) {
    for (const [name, raw] of Object.entries(node.status?.[list] ?? {})) {
      const path: PathSegment[] = ['status', list, key(name)];
      const q = parseResourceQuantity(raw, path, errs);
      if (q) errs.push(...validateResourceQuantityValue(name, q, path));
    }
  }
  return errs;
}

/** validateNode is ValidateNode: a cluster-scoped DNS-subdomain name, valid taints and resource quantities. */
export function validateNode(node: Node): FieldError[] {
  const errs = validateObjectMeta(node.metadata ?? {}, false, nameIsDNSSubdomain, ['metadata']);
  errs.push(...validateNodeTaints(node.spec?.taints, ['metadata', 'taints']));
  errs.push(...validateNodeResources(node));
  return errs;
}

/** validateNodeUpdate is ValidateNodeUpdate: podCIDRs and providerID may only go from unset to set. */
export function validateNodeUpdate(node: Node, old: Node): FieldError[] {
  const errs = validateObjectMeta(node.metadata ?? {}, false, nameIsDNSSubdomain, ['metadata']);
  errs.push(...validateNodeResources(node));
  const seen = new Set<string>();
  (node.status?.addresses ?? []).forEach((a, i) => {
    const id = `${a.type}\u0000${a.address}`;
    if (seen.has(id)) {
      errs.push(fieldErrors.duplicate(['status', 'addresses', i], new GoValue(a, `core.NodeAddress{Type:${goQuote(a.type)}, Address:${goQuote(a.address)}}`)));
    }
    seen.add(id);
  });
  const oldCIDRs = old.spec?.podCIDRs ?? [];
  const cidrs = node.spec?.podCIDRs ?? [];
  if (oldCIDRs.length > 0) {
    // One error when the list length changes, else one per changed entry, as upstream reports them.
    const changes = oldCIDRs.length !== cidrs.length ? 1 : oldCIDRs.filter((c, i) => c !== cidrs[i]).length;
    for (let i = 0; i < changes; i++) {
      errs.push(fieldErrors.forbidden(['spec', 'podCIDRs'], 'node updates may not change podCIDR except from "" to valid'));
    }
  }
  const oldProvider = old.spec?.providerID;
  if (oldProvider && oldProvider !== node.spec?.providerID) {
    errs.push(fieldErrors.forbidden(['spec', 'providerID'], 'node updates may not change providerID except from "" to valid'));
  }
  errs.push(...validateNodeTaints(node.spec?.taints, ['metadata', 'taints']));
  return errs;
}
