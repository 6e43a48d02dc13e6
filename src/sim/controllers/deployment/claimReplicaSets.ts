// Mirrors pkg/controller/controller_ref_manager.go ClaimObject / ClaimReplicaSets as the Deployment controller uses
// them: keep owned ReplicaSets that match the selector, release owned ones that no longer match, adopt matching
// orphans. Leaves out the uncached quorum re-read before adoption (the simulated informer is never stale).
import type { Selector } from '../../api/meta/v1/labelSelector';
import { getControllerOf } from '../controllerUtils';
import { controllerRef } from './newReplicaSet';
import type { DeploymentObject, ReplicaSetObject } from './replicaSets';
import { because, type DeploymentSyncContext } from './syncContext';

/** claimReplicaSets returns the ReplicaSets this Deployment manages, adopting and releasing on the way. */
export function claimReplicaSets(
  ctx: DeploymentSyncContext,
  d: DeploymentObject,
  selector: Selector,
  rsList: readonly ReplicaSetObject[],
): ReplicaSetObject[] {
  const claimed: ReplicaSetObject[] = [];
  const name = d.metadata.name ?? '';
  for (const rs of rsList) {
    const ref = getControllerOf(rs);
    const matches = selector.matches(rs.metadata.labels);
    const rsName = rs.metadata.name ?? '';
    if (ref) {
      if (ref.uid !== d.metadata.uid) continue;
      if (matches) {
        claimed.push(rs);
        continue;
      }
      if (d.metadata.deletionTimestamp) continue;
      const rest = (rs.metadata.ownerReferences ?? []).filter((r) => r.uid !== d.metadata.uid);
      // A merge patch replaces the whole list; null removes the field, as an emptied list is omitted upstream.
      const ownerReferences = rest.length > 0 ? rest : null;
      ctx.client.patch('ReplicaSet', rs.metadata.namespace ?? '', rsName, { metadata: { ownerReferences } }, because(`released ReplicaSet ${rsName}: its labels no longer match the selector of Deployment ${name}`));
      continue;
    }
    if (d.metadata.deletionTimestamp || !matches || rs.metadata.deletionTimestamp) continue;
    if (rs.metadata.namespace !== d.metadata.namespace) continue;
    const ownerReferences = [...(rs.metadata.ownerReferences ?? []), controllerRef(d)];
    ctx.client.patch('ReplicaSet', rs.metadata.namespace ?? '', rsName, { metadata: { ownerReferences } }, because(`adopted ReplicaSet ${rsName}: it has no controller and matches the selector of Deployment ${name}`));
    claimed.push(rs);
  }
  return claimed;
}
