import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../sim/index';
import { ownerChain } from './ownerChain';

const obj = (kind: string, name: string, owner?: [string, string]): KubeObject => ({
  apiVersion: 'v1',
  kind,
  metadata: { name, namespace: 'default', ownerReferences: owner ? [{ apiVersion: 'apps/v1', kind: owner[0], name: owner[1], uid: 'u', controller: true }] : undefined },
});

describe('owner chain', () => {
  it('walks Pod → ReplicaSet → Deployment', () => {
    const pod = obj('Pod', 'web-abc-xyz', ['ReplicaSet', 'web-abc']);
    const objects = {
      ReplicaSet: { byKey: new Map([['default/web-abc', obj('ReplicaSet', 'web-abc', ['Deployment', 'web'])]]) },
      Deployment: { byKey: new Map([['default/web', obj('Deployment', 'web')]]) },
    };
    expect(ownerChain(pod, objects).map((o) => `${o.kind}/${o.metadata.name}`)).toEqual(['ReplicaSet/web-abc', 'Deployment/web']);
  });

  it('stops at an owner that no longer exists', () => {
    expect(ownerChain(obj('Pod', 'p', ['ReplicaSet', 'gone']), {})).toEqual([]);
  });
});
