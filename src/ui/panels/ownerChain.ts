import type { KubeObject } from '../../sim/index';
import { nameKey } from '../store/clusterStore';
import type { KindObjects } from '../store/kindObjects';

/** ownerChain follows controller ownerReferences upwards: Pod → ReplicaSet → Deployment. */
export function ownerChain(object: KubeObject, objects: Readonly<Record<string, KindObjects>>): KubeObject[] {
  const chain: KubeObject[] = [];
  let current: KubeObject | undefined = object;
  while (current && chain.length < 8) {
    const ref: { kind: string; name: string } | undefined = current.metadata.ownerReferences?.find((r) => r.controller) ?? current.metadata.ownerReferences?.[0];
    if (!ref) break;
    const next: KubeObject | undefined = objects[ref.kind]?.byKey.get(nameKey(current.metadata.namespace, ref.name));
    if (!next) break;
    chain.push(next);
    current = next;
  }
  return chain;
}
